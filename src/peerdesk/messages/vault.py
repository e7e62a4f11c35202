"""What the vault says: opening, locking, SQLite's errors, backup, restore, salvage."""

# --- opening, creating and locking the vault; SQLite's errors ------------------------------
WRONG_PASSPHRASE = "Wrong passphrase, or the file is damaged."
VAULT_DAMAGED_UNREADABLE = (
    "The passphrase is right, but the vault is damaged where it lists its tables, so "
    "peerdesk can neither open it nor copy anything out of it. Keep the file, and restore "
    "your latest backup with `peerdesk restore FILE`."
)
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
    "The passphrase change could not be verified. The vault opens with exactly one of the "
    "old and the new passphrase: try both, then make a backup."
)
PASSPHRASE_TOO_WEAK = (
    "That passphrase is too easy to guess, so peerdesk will not use it. Whoever takes "
    "this laptop can try passphrases against the file as fast as their computer allows: "
    "only its strength stands between them and the notes. Use four or more unrelated words."
)
VAULT_FOLDER_CREATED = "Created the folder {folder} for the vault; only you can open it (0700)."
VAULT_FOLDER_CREATED_ACL = (
    "Created the folder {folder} for the vault; who can open it is up to the folder "
    "permissions Windows gave it (see docs/platforms.md)."
)
VAULT_FOLDER_TIGHTENED = (
    "The folder {folder} was open to other users ({mode}); peerdesk made it private (0700)."
)
VAULT_FOLDER_NOT_PRIVATE = (
    "The folder {folder} is open to other users ({mode}) and peerdesk cannot make it "
    "private: {reason}. Choose a folder of your own with --vault."
)
NO_RECOVERY_WARNING = (
    "There is no recovery without this passphrase. Nobody, not even the peerdesk team, "
    "can open the vault if it is lost."
)
# What SQLite's own errors mean to a peer (vault.sqlite_errors). Said of reads and
# writes alike: a failed write was rolled back, so "nothing was changed" is true of both.
VAULT_DISK_FULL = "The disk is full, so nothing was saved. Free some space and try again."
VAULT_IO_ERROR = (
    "The disk could not read or write the vault file (an I/O error), so nothing was "
    "changed. Check the drive, then try again; `peerdesk doctor` checks the vault."
)
VAULT_NOT_WRITABLE = (
    "The vault file or its folder cannot be written (read-only), so nothing was saved."
)
VAULT_FILE_BUSY = (
    "The vault file is busy (another program is using it), so nothing was changed. "
    "Try again in a moment."
)
VAULT_FILE_DAMAGED = (
    "Part of the vault file is damaged and could not be read, so nothing was changed. "
    "Run `peerdesk doctor` to check it, and keep your latest backup safe."
)
VAULT_STORAGE_PLAIN = "The vault could not be read or written, so nothing was saved."
VAULT_STORAGE_FAILED = (
    "The vault file could not be used (SQLite error {code}), so nothing was changed."
)


# --- backup, restore and salvage -----------------------------------------------------------
BACKUP_EXISTS = "{path} already exists; choose a new file name for the backup."
BACKUP_FAILED = "The backup could not be written: {reason}. Nothing was changed."
BACKUP_VERIFY_FAILED = "The backup did not verify ({reason}), so it was discarded."
# Reasons inside BACKUP_VERIFY_FAILED.
BACKUP_COUNTS_DIFFER = "row counts differ"
BACKUP_SIZE_DIFFERS = "the file is not as long as its pages say"
BACKUP_COPY_UNREADABLE = "a page of the copy could not be read back"
PROGRESS_BACKUP_COPYING = "Copying the vault"
PROGRESS_BACKUP_VERIFYING = "Verifying the copy"
PROGRESS_BACKUP_SAVING = "Saving the copy to disk"
PROGRESS_SALVAGE_COPYING = "Saving what can be read, table by table"

# --- long work on the vault's connection (a directory import in the terminal app) --------
PROGRESS_CHECK_VAULT = "Checking every page of the vault file"
VAULT_WORKING = "The vault is busy with an import; try again when it has finished."
WORK_STOPPED = "The work was stopped before it finished, so nothing of it was written."
BACKUP_MISSING = "There is no backup file at {path}."
BACKUP_IS_FOLDER = "{path} is a folder, not a backup file; name the backup file inside it."
RESTORE_NOT_VALID = "{path} is not a backup peerdesk can open: {reason}. Nothing was changed."
RESTORE_FAILED = "The restore failed ({reason}); your vault was put back as it was."
RESTORE_EMPTY_FILE = "the file is empty"
RESTORE_PENDING_NOT_SETTLED = (
    "its -wal or -journal holds changes that could not be written into a copy of it; "
    "open the backup once with peerdesk (`peerdesk --vault FILE doctor`), or copy it "
    "again after closing peerdesk"
)
RESTORE_OLD_UNSAVED = (
    "The vault at {path} holds changes its last session never finished writing, and the "
    "backup's passphrase does not open it to write them: open the vault once with its own "
    "passphrase (e.g. `peerdesk doctor`), then restore again. Nothing was changed."
)
RESTORE_NOT_PEERDESK = "it is an encrypted database, but not a peerdesk vault (no peerdesk tables)"
RESTORE_MISSING_TABLES = "it is missing peerdesk tables ({tables})"
RESTORE_TOO_NEW = (
    "it was made by a newer peerdesk (schema {found}, this one knows {known}); update "
    "peerdesk first"
)
LEFTOVERS_FOUND = (
    "Found {count} leftover file(s) from an interrupted backup or restore next to the vault "
    "({names}); they are encrypted copies that may hold note text retention would have "
    "wiped, so remove them with `peerdesk doctor --remove-leftovers`."
)
SALVAGE_DONE = (
    "The vault is damaged, so peerdesk saved what it could read into a new vault at {path} "
    "and verified it; it opens with {opens_with}."
)
SALVAGE_OPENS_WITH_VAULT = "the vault's passphrase"
SALVAGE_OPENS_WITH_OWN = "its own passphrase"
SALVAGE_LINE = "{kind}: {saved} saved, {lost} lost"
SALVAGE_LOST_UNKNOWN = "an unknown number"
SALVAGE_SOME_LOST = (
    "Some rows could not be read and are not in the backup; keep the damaged vault until "
    "you have checked the backup."
)
SALVAGE_KINDS = {
    "settings": "settings",
    "contacts": "contacts",
    "contact_topics": "contact topics",
    "followups": "follow-ups",
    "drafts": "drafts",
    "clinicians": "clinicians",
    "referrals": "referrals",
    "referral_status_changes": "referral status changes",
}
