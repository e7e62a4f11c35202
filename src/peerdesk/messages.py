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
    "The passphrase change could not be verified. The vault opens with exactly one of the "
    "old and the new passphrase: try both, then make a backup."
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

# --- input checks (CLI and TUI) ---------------------------------------------
DATE_FORMAT = "The {field} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14."
DATE_IMPOSSIBLE = "The {field} {value} does not exist in the calendar."
DATE_IN_FUTURE = "The {field} {value} is in the future; a contact can only be logged after it."
UNKNOWN_CHOICE = "Unknown {field} {value!r}; choose one of: {choices}."
NUMBER_RANGE = "The {field} must be a whole number from {low} to {high}."
TEXT_TOO_LONG = "The {field} is too long: at most {max} characters."
TEXT_CONTROL_CHARACTERS = (
    "The {field} contains control characters (such as terminal escape codes); remove them."
)
TOPICS_REQUIRED = "Choose at least one topic."
MONTH_FORMAT = "The {field} {value!r} is not a month; write it as YYYY-MM, e.g. 2026-03."

# --- the terminal app: set-up, unlock, home, help --------------------------
APP_TITLE = "peerdesk"
SETUP_TITLE = "Create your vault"
SETUP_INTRO = (
    "Choose a passphrase. You will type it each time you open peerdesk. "
    "A few unrelated words are easier to remember and harder to guess than a short password."
)
SETUP_WHERE = "The vault will be created at:"
SETUP_PASSPHRASE_LABEL = "Passphrase"
SETUP_REPEAT_LABEL = "Type it again"
SETUP_KEYS = "enter  next field, then create      ctrl+q  quit"
SETUP_WORKING = "Creating the vault..."
PASSPHRASE_MISMATCH = "The two passphrases do not match. Type both again."
STRENGTH_EMPTY = "Strength: type a passphrase."
STRENGTH_WEAK = "Strength: weak. Make it longer: four or more unrelated words."
STRENGTH_FAIR = "Strength: fair. A word or two more would make it strong."
STRENGTH_STRONG = "Strength: strong."
UNLOCK_TITLE = "The vault is locked"
UNLOCK_PROMPT = "Passphrase"
UNLOCK_KEYS = "enter  unlock      ctrl+q  quit"
UNLOCK_WORKING = "Unlocking..."
UNLOCK_WAIT = "Too many wrong tries. Wait {seconds} s before the next one."
OPEN_UNEXPECTED = "peerdesk could not open the vault ({kind}). Nothing was changed."
HOME_TITLE = "peerdesk"
HOME_VAULT = "Vault"
HOME_SCHEMA = "Schema"
HOME_SCHEMA_VALUE = "version {version}"
HOME_AUTO_LOCK = "Auto-lock"
HOME_AUTO_LOCK_VALUE = "after {minutes} min without a key press"
HOME_THEME = "Theme"
HOME_KEYS = "Keys"
KEYS_SCREEN_TITLE = "Keys"
KEYS_EVERYWHERE = "Everywhere"
KEYS_ON_HOME = "On the home screen"
KEYS_ON_PASSPHRASE = "On the unlock and set-up screens"
KEYS_ON_THIS_SCREEN = "On this screen"
KEY_HELP = "show all keys"
KEY_LOCK = "lock now"
KEY_QUIT = "quit"
KEY_CLOSE = "close"
KEY_ENTER_PASSPHRASE = "unlock, or go to the next field"
KEY_TAB = "next field"
KEY_SHIFT_TAB = "previous field"

# --- command line: cli.py, cli_app.py, cli_passphrase.py (CLI helper) -----
VERSION_LINE = "peerdesk {version}"
CLI_HELP = (
    "peerdesk: an offline, encrypted notebook for peer supporters. Run it without a "
    "command to open the app (the first run sets up a vault, later runs unlock it)."
)
HELP_VAULT = (
    "The vault file to use (also PEERDESK_VAULT). Default: vault.peerdesk in peerdesk's "
    "folder of your user data directory."
)
HELP_VERSION = "Show peerdesk's version and exit."
HELP_PASSPHRASE_STDIN = (
    "Read the passphrases from standard input, one per line, in the order given above "
    "(new ones are not repeated)."
)
HELP_INIT = (
    "Create a new encrypted vault.\n\n"
    "Passphrases, in order: 1. the new vault's passphrase. "
    "It comes from --passphrase-stdin, else PEERDESK_PASSPHRASE, else a prompt (typed twice)."
)
HELP_PASSPHRASE = (
    "Change the vault's passphrase.\n\n"
    "Passphrases, in order: 1. the current one (PEERDESK_PASSPHRASE), 2. the new one "
    "(PEERDESK_NEW_PASSPHRASE). Each comes from --passphrase-stdin, else the variable, "
    "else a prompt."
)
HELP_BACKUP = (
    "Write a verified, encrypted backup of the vault to FILE. It opens with the vault's "
    "passphrase, or with its own one if you give --own-passphrase.\n\n"
    "Passphrases, in order: 1. the vault's passphrase (PEERDESK_PASSPHRASE), 2. only with "
    "--own-passphrase: the backup's own passphrase (PEERDESK_NEW_PASSPHRASE)."
)
HELP_BACKUP_FILE = "The backup file to write; it must not exist yet."
HELP_OWN_PASSPHRASE = "Give the backup its own passphrase instead of the vault's."
HELP_RESTORE = (
    "Replace the vault with a verified backup, all at once or not at all. Afterwards the "
    "vault opens with the backup's passphrase.\n\n"
    "Passphrases, in order: 1. the backup's passphrase (PEERDESK_PASSPHRASE)."
)
HELP_RESTORE_FILE = "The backup file to restore from."
HELP_YES = "Replace an existing vault without asking first."
HELP_DOCTOR = (
    "Check the vault: its path, the SQLCipher version, the key derivation settings, "
    "integrity, file permissions, and that it is not readable as plain SQLite. Exits 1 if "
    "anything is wrong.\n\n"
    "Passphrases, in order: 1. the vault's passphrase (PEERDESK_PASSPHRASE)."
)
HELP_DEMO = (
    "Open a throwaway demo vault in a new temporary folder, never your real vault. "
    "Its passphrase is printed, and the folder is removed when you quit."
)
HELP_NO_TUI = (
    "Only create the demo vault and print its path and passphrase; the folder stays until "
    "you delete it."
)
HELP_CRISIS = "Show the crisis lines. No vault and no passphrase needed."

PROMPT_PASSPHRASE = "Passphrase"
PROMPT_NEW_PASSPHRASE = "New passphrase"
PROMPT_REPEAT = "Type the same passphrase again"
PROMPT_BACKUP_PASSPHRASE = "Passphrase for the backup"
PROMPT_BACKUP_OPEN_PASSPHRASE = "The backup's passphrase"
WHAT_PASSPHRASE = "the passphrase"
WHAT_NEW = "the new passphrase"
WHAT_BACKUP_OWN = "the backup's own passphrase"
WHAT_BACKUP_OPEN = "the backup's passphrase"
STDIN_ENDED = "Standard input ended before {what} was given."

CLI_INIT_DONE = "Created the vault at {path}."
CLI_PASSPHRASE_CHANGED = "The passphrase was changed and checked; use the new one from now on."
CLI_BACKUP_DONE = "Backup written to {path} and verified; it opens with the vault's passphrase."
CLI_BACKUP_DONE_OWN = "Backup written to {path} and verified; it opens with its own passphrase."
CLI_BACKUP_NO_FOLDER = "There is no folder {path} to write the backup into."
CLI_RESTORE_CONFIRM = (
    "Replace the vault at {path} with the backup {backup}? Everything in the current "
    "vault will be gone"
)
CLI_RESTORE_NEEDS_YES = (
    "A vault already exists at {path}; with --passphrase-stdin add --yes to replace it."
)
CLI_RESTORE_DONE = (
    "The vault at {path} was restored from {backup}; it now opens with the backup's passphrase."
)
CLI_OS_ERROR = "peerdesk could not use {path}: {reason}."
CLI_DEMO_CREATED = (
    "Demo vault (a throwaway, not your real vault): {path}\nDemo passphrase: {passphrase}"
)
CLI_DEMO_KEPT = "The demo folder stays until you delete it: {folder}"
CLI_DEMO_REMOVED = "The demo folder was removed."
DEMO_UNLOCK_HINT = "Demo vault, passphrase: {passphrase}"

# --- doctor (doctor.py) ----------------------------------------------------
DOCTOR_TITLE = "peerdesk {version} doctor: {path}"
DOCTOR_OK_MARK = "ok"
DOCTOR_PROBLEM_MARK = "PROBLEM"
DOCTOR_LINE = "{mark:<8}{label}: {detail}"
DOCTOR_FILE_MODE = "Vault file permissions"
DOCTOR_DIR_MODE = "Vault folder permissions"
DOCTOR_MODE_OK = "{mode}"
DOCTOR_MODE_BAD = "{mode}, should be {wanted} (fix: chmod {wanted} {path})"
DOCTOR_PLAINTEXT = "Not readable as plain SQLite"
DOCTOR_PLAINTEXT_OK = (
    "the first 16 bytes are not the SQLite header, and Python's plain sqlite3 cannot read it"
)
DOCTOR_PLAINTEXT_HEADER = "the file starts with the plain SQLite header, so it is NOT encrypted"
DOCTOR_PLAINTEXT_READABLE = "Python's plain sqlite3 can read the file, so it is NOT encrypted"
DOCTOR_UNLOCK = "Unlock"
DOCTOR_UNLOCK_OK = "the passphrase opens the vault"
DOCTOR_SQLCIPHER = "SQLCipher"
DOCTOR_SQLCIPHER_DETAIL = "version {version} ({provider}), SQLite {sqlite}"
DOCTOR_KDF = "Key derivation"
DOCTOR_KDF_DETAIL = "{kdf}, kdf_iter {kdf_iter}, {hmac}, page size {page_size}"
DOCTOR_KDF_WEAK = "That is fewer than the {minimum} iterations peerdesk expects."
DOCTOR_INTEGRITY = "Integrity"
DOCTOR_INTEGRITY_OK = "quick_check and cipher_integrity_check passed"
DOCTOR_INTEGRITY_BAD = (
    "the vault is DAMAGED and opens read-only ({problems}); restore your latest backup "
    "with `peerdesk restore FILE`"
)
DOCTOR_SCHEMA = "Schema"
DOCTOR_SCHEMA_DETAIL = "version {found} (this peerdesk knows up to {known})"
DOCTOR_ALL_OK = "All checks passed."
DOCTOR_FOUND_PROBLEMS = "peerdesk doctor found {count} problem(s) with the vault at {path}."

# --- crisis lines (crisis.py; public numbers, readable while locked) ------
CRISIS_988_NAME = "988 Suicide & Crisis Lifeline"
CRISIS_988_HOW = "Call or text 988"
CRISIS_COPLINE_NAME = "COPLINE (confidential line for law enforcement officers)"
CRISIS_COPLINE_HOW = "Call 1-800-267-5463"
CRISIS_EAP_NAME = "Agency EAP"
CRISIS_ON_CALL_NAME = "On-call team clinician"
CRISIS_FILE_INVALID = "The crisis lines file {path} cannot be used: {problem}."
CRISIS_PROBLEM_UNREADABLE = "it cannot be read ({reason})"
CRISIS_PROBLEM_NOT_JSON = "it is not valid JSON (see line {line})"
CRISIS_PROBLEM_SHAPE = 'it must be a JSON object with a "lines" list'
CRISIS_PROBLEM_VERSION = "its format version {found} is not one this peerdesk knows"
CRISIS_PROBLEM_ENTRY = "entry {entry} is not a JSON object"
CRISIS_PROBLEM_FIELD = 'entry {entry} has a "{field}" that is not text'
CRISIS_PROBLEM_ID_NAME = 'entry {entry} needs an "id" and a "name"'
CRISIS_PROBLEM_DUPLICATE = 'the id "{id}" appears more than once'
CRISIS_PROBLEM_DATE = 'entry {entry} has a "verified_on" that is not a date like 2025-01-31'
CRISIS_TITLE = "Crisis lines"
CRISIS_NOT_SET = "not set yet"
CRISIS_VERIFIED = "verified {date}"
CRISIS_UNVERIFIED = "not verified yet"
CRISIS_EMERGENCY = "If someone is in immediate danger, call 911."
CRISIS_SHOWING_DEFAULTS = "{problem} The default crisis lines are shown instead."

# --- contact notes (clinical/legal wording: review with the clinical advisor) -------
NOTE_WARNINGS = {
    "name": "looks like a name",
    "phone": "looks like a phone number",
    "email": "looks like an email address",
    "badge": "looks like a badge or unit number",
    "case": "looks like a case or incident number",
    "address": "looks like an address",
}
NOTE_WARNING_LEAD = "This note {what}. Record categories, not identities."
NOTE_SUBPOENA_REMINDER = (
    "Notes can be subpoenaed. Write only what you need to follow up; "
    "the text is wiped after the retention period."
)
CONFIDENTIALITY_LIMITS_TITLE = "Limits of confidentiality"
CONFIDENTIALITY_LIMITS = (
    "Peer support communications are protected, except for:",
    "a threat to self with a plan (explicit suicide threat)",
    "a threat to harm others",
    "abuse or neglect of a child or a vulnerable person",
    "an admitted crime",
    "a court order",
)
ESCALATION_TITLE = "Imminent risk: the team's escalation checklist"

# --- command line: contacts, follow-ups, purge -------------------------------------
HELP_CONTACTS = "Log contacts and list them."
HELP_FOLLOWUPS = "Follow-ups: who to check on, and when."
HELP_CONTACTS_ADD = (
    "Log a contact: categories, not stories. Prints the new contact's id. "
    "Passphrase: PEERDESK_PASSPHRASE, --passphrase-stdin, or a prompt."
)
HELP_CONTACTS_LIST = "List contacts, newest first. Note and handle text only with --show-text."
HELP_FOLLOWUPS_LIST = "List open follow-ups, soonest due first."
HELP_FOLLOWUPS_ADD = (
    "Add a colleague's concern: someone to check on by a date, with an optional handle."
)
HELP_FOLLOWUPS_DONE = "Mark a follow-up done."
HELP_PURGE = (
    "Wipe note text and handles older than the retention period (unlocking does this too); "
    "the contacts' categories stay for the counts."
)
HELP_TOPIC = "A topic id; repeat for more than one. One of: {ids}."
HELP_MODE = "How the contact happened. One of: {ids}."
HELP_INITIATED_BY = "Who started it. One of: {ids}."
HELP_RISK = "Risk level. One of: {ids}."
HELP_OUTCOME = "Outcome. One of: {ids}."
HELP_MINUTES = "How long it took, in minutes (presets in the app: 5, 15, 30, 60)."
HELP_HEAD_COUNT = "How many people, for a group contact."
HELP_CRITICAL_INCIDENT = "The contact followed a critical incident."
HELP_NOTE = "Optional short note. It expires; record categories, not identities."
HELP_HANDLE = "Optional private handle to recognise a follow-up (e.g. 'S.'); it expires."
HELP_FOLLOW_UP = "Add a follow-up due on this date."
HELP_DATE = "The contact's date (default today; never in the future)."
HELP_MONTH = "Only contacts in this month."
HELP_TOPIC_FILTER = "Only contacts with this topic id."
HELP_SEARCH = "Only contacts whose note matches these words (prefix search)."
HELP_LIMIT = "At most this many contacts."
HELP_FORMAT = "Output format: table or json."
HELP_SHOW_TEXT = "Also print note text and handles (think before sending this to a file)."
HELP_DUE = "When to check on them."
HELP_DRY_RUN = "Only say what would be wiped; change nothing."
CLI_NO_CONTACTS = "No contacts match."
CLI_NO_FOLLOWUPS = "No open follow-ups."
CLI_NO_OPEN_FOLLOWUP = "There is no open follow-up with id {id}."
CLI_FOLLOWUP_DONE = "Follow-up {id} marked done."
CLI_NOTE_NOT_KEPT = "Retention is 0 days, so the note and handle were not kept."
CLI_IMMINENT_REMINDER = (
    "Imminent risk: stay with the officer; call 988 or the on-call clinician now; "
    "tell the team lead as policy requires. `peerdesk crisis` shows the numbers."
)
CLI_PURGE_DRY_RUN = (
    "Would wipe {notes} note(s) and {handles} handle(s) older than {days} days. Nothing changed."
)
CLI_PURGE_DONE = "Wiped {notes} note(s) and {handles} handle(s) older than {days} days."
