"""Every sentence peerdesk says to a person, in one place so it can be reviewed at once.

Clinical and legal wording especially must be read by the team's clinical advisor
before it changes. Keep this module free of imports beyond the standard library:
the core, the CLI and the TUI all read it.
"""

from __future__ import annotations

# --- the vault -------------------------------------------------------------
WRONG_PASSPHRASE = "Wrong passphrase, or the file is damaged."
VAULT_MISSING = "There is no vault at {path}. Run `peerdesk init` to create one."
VAULT_EXISTS = "A vault already exists at {path}; peerdesk will not overwrite it."
VAULT_BUSY = "This vault is open in another peerdesk window. Close that one first."
VAULT_NOT_ENCRYPTED = (
    "Encryption is not active (SQLCipher is missing), so peerdesk refuses to go on."
)
VAULT_SETTING_REFUSED = "SQLCipher refused the safety setting {name}; peerdesk refuses to go on."
VAULT_TOO_NEW = (
    "This vault was written by a newer peerdesk (schema {found}, this one knows {known}). "
    "Update peerdesk before opening it."
)
VAULT_DAMAGED_READ_ONLY = (
    "The vault failed its integrity check, so it is open read-only and nothing can be "
    "changed. Restore your latest backup with `peerdesk restore FILE`."
)
VAULT_READ_ONLY = "The vault is open read-only because it failed its integrity check."
VAULT_CANNOT_CREATE = "Cannot create the vault at {path}: {reason}."
VAULT_CANNOT_OPEN = "Cannot open the vault at {path}: {reason}."
PASSPHRASE_EMPTY = "The passphrase cannot be empty."
PASSPHRASE_BAD_CHARACTER = "The passphrase cannot contain a NUL character."
PASSPHRASE_SAME = "The new passphrase is the same as the old one."
PASSPHRASE_CHANGE_UNVERIFIED = (
    "The passphrase change could not be verified; the vault still opens with the old "
    "passphrase."
)
NO_RECOVERY_WARNING = (
    "There is no recovery without this passphrase. Nobody, not even the peerdesk team, "
    "can open the vault if it is lost."
)

# --- backup and restore ----------------------------------------------------
BACKUP_EXISTS = "{path} already exists; choose a new file name for the backup."
BACKUP_FAILED = "The backup could not be written: {reason}. Nothing was changed."
BACKUP_VERIFY_FAILED = "The backup did not verify ({reason}), so it was discarded."
BACKUP_MISSING = "There is no backup file at {path}."
RESTORE_NOT_VALID = "{path} is not a backup peerdesk can open: {reason}. Nothing was changed."
RESTORE_FAILED = "The restore failed ({reason}); your vault was put back as it was."

# --- settings --------------------------------------------------------------
SETTING_OUT_OF_RANGE = "{name} must be a whole number from {low} to {high}."
SETTING_UNKNOWN_THEME = "Theme must be one of: {choices}."
SETTING_TOO_LONG = "The escalation checklist can be at most {max} characters."
DEFAULT_ESCALATION_CHECKLIST = (
    "Stay with the officer; do not leave them alone.\n"
    "Call 988 (call or text) or the on-call team clinician now.\n"
    "Tell the team lead, as team policy requires.\n"
    "If there is immediate danger, call 911."
)
