"""Every sentence peerdesk says to a person, in one place so it can be reviewed at once.

Clinical and legal wording especially must be read by the team's clinical advisor
before it changes. Keep this module free of imports beyond the standard library and
peerdesk.safe_text (itself standard library only): the core, the CLI and the TUI all
read it.

Every sentence with a placeholder becomes a `safe_text.Sentence` at the end of this
module: its `.format()` makes each value printable (newlines and escape sequences
shown as `\\x0a`, `\\x1b`), so a path or value cannot forge a line or act on a
terminal wherever the sentence is shown, while the sentence's own line breaks stay.
"""

from __future__ import annotations

from peerdesk.safe_text import sentences as _sentences

# --- the vault -------------------------------------------------------------
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

# --- backup and restore ----------------------------------------------------
BACKUP_EXISTS = "{path} already exists; choose a new file name for the backup."
BACKUP_FAILED = "The backup could not be written: {reason}. Nothing was changed."
BACKUP_VERIFY_FAILED = "The backup did not verify ({reason}), so it was discarded."
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
TEXT_INVISIBLE_CHARACTERS = (
    "The {field} contains an invisible or direction-changing character (such as a "
    "right-to-left override, a zero-width space or a line separator), which can make it "
    "read differently from what it is; remove it."
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
SETUP_KEYS = "enter  next field, then create      ctrl+g  crisis lines      ctrl+q  quit"
SETUP_WORKING = "Creating the vault..."
PASSPHRASE_MISMATCH = "The two passphrases do not match. Type both again."
STRENGTH_EMPTY = "Strength: type a passphrase."
STRENGTH_WEAK = "Strength: too weak, peerdesk will not accept it. Use four or more unrelated words."
STRENGTH_FAIR = "Strength: fair, accepted. A word or two more would make it strong."
STRENGTH_STRONG = "Strength: strong."
UNLOCK_TITLE = "The vault is locked"
UNLOCK_PROMPT = "Passphrase"
UNLOCK_KEYS = "enter  unlock      ctrl+g  crisis lines      ctrl+q  quit"
UNLOCK_WORKING = "Unlocking..."
UNLOCK_WAIT = "Too many wrong tries. Wait {seconds} s before the next one."
OPEN_UNEXPECTED = "peerdesk could not open the vault ({kind}). Nothing was changed."
# The only thing printed when something unexpected ends the app: a fixed sentence, never
# a traceback or an exception's text (either may hold what the peer typed).
APP_CRASHED = (
    "peerdesk stopped after an unexpected problem and closed the vault. {form}"
    "Everything saved before is safe in the vault at {path}; start peerdesk to open it again."
)
APP_CRASHED_FORM_KEPT = "The open form was kept and will be offered after you unlock. "
APP_CRASHED_FORM_LOST = "The open form could not be kept, so what was typed in it was not saved. "
# A save that failed with the form still open: what happened, then what to do.
SAVE_FAILED_DISK_FULL = (
    "The disk is full, so nothing was saved. What you typed is still on screen: "
    "free some space and press ctrl+s again."
)
SAVE_FAILED_STORAGE = "{reason} What you typed is still on screen: press ctrl+s to try again."
SAVE_FAILED_UNEXPECTED = (
    "Something unexpected stopped the save, so nothing was saved. What you typed is still "
    "on screen: press ctrl+s to try again, or ctrl+l to lock (the form is kept)."
)
# The same for a small dialog saved with enter (a colleague's concern): it keeps no draft.
SAVE_FAILED_DISK_FULL_DIALOG = (
    "The disk is full, so nothing was saved. What you typed is still here: "
    "free some space and press enter again."
)
SAVE_FAILED_STORAGE_DIALOG = "{reason} What you typed is still here: press enter to try again."
SAVE_FAILED_UNEXPECTED_DIALOG = (
    "Something unexpected stopped the save, so nothing was saved. What you typed is still "
    "here: press enter to try again."
)
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
KEYS_ON_CONTACTS_LIST = "On the contacts list"
KEYS_ON_CONTACT_DETAIL = "On one contact"
KEY_SCROLL_DOWN = "scroll down"
KEY_SCROLL_UP = "scroll up"
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
# doctor's line about this process (platform_support.core_dumps)
DOCTOR_CORE_DUMPS = "Core dumps"
DOCTOR_CORE_DUMPS_OFF = "off: a crash of peerdesk writes no memory image to disk"
DOCTOR_CORE_DUMPS_ON = (
    "ON: a crash could write peerdesk's memory (passphrase, notes shown) to a core file "
    "(core size limit {limit}, dumpable {dumpable}; could not: {missing})"
)
DOCTOR_CORE_DUMPS_NONE = "this system writes none unless an administrator set it up"
DOCTOR_CORE_DUMPS_EMBEDDED = (
    "on in this process, which did not start as the `peerdesk` command (that turns them off)"
)
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
CLI_RESTORE_WEAK_PASSPHRASE = (
    "The restored vault opens with the backup's passphrase, which is too easy to guess: "
    "whoever takes this laptop can try passphrases against the file as fast as their "
    "computer allows. Choose a stronger one now with `peerdesk passphrase`."
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
DOCTOR_LEFTOVERS = "Leftovers of interrupted backups or restores"
DOCTOR_LEFTOVERS_NONE = "none"
DOCTOR_LEFTOVERS_FOUND = (
    "{names}: encrypted copies that may hold note text retention would have wiped; remove "
    "them with `peerdesk doctor --remove-leftovers`"
)
DOCTOR_LEFTOVERS_REMOVED = "Removed {count} leftover file(s): {names}."
HELP_REMOVE_LEFTOVERS = (
    "Delete the leftover copies an interrupted backup or restore left next to the vault."
)

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

# --- terminal app: contact form, imminent risk, crisis screen, drafts (TUI part A) ---
KEY_NEW_CONTACT = "new contact"
KEY_CRISIS = "crisis lines (even while locked)"
KEYS_ON_FORM = "On the contact form"
KEY_FORM_SAVE = "save the contact"
KEY_FORM_CANCEL = "cancel (asks first if anything changed)"
KEY_FORM_TOPIC = "on the topic list: toggle the topic with that letter"
KEY_FORM_MINUTES = "on the topic list: 5, 15, 30 or 60 minutes"
KEY_FORM_CHOICE = "change the choice in a field (or type its first letter)"
KEY_FORM_FIELDS = "next / previous field"
FORM_TITLE_NEW = "New contact"
FORM_TITLE_EDIT = "Edit contact"
FORM_TOPICS_HINT = "Topics: press a letter to toggle"
FORM_DATE = "Date"
FORM_MINUTES = "Minutes"
FORM_MODE = "Mode"
FORM_INITIATED_BY = "Started by"
FORM_RISK = "Risk"
FORM_OUTCOME = "Outcome"
FORM_CRITICAL = "Critical incident"
FORM_CRITICAL_NO = "No"
FORM_CRITICAL_YES = "Yes"
FORM_HEAD_COUNT = "People"
FORM_HANDLE = "Handle"
FORM_FOLLOW_UP = "Follow-up on"
FORM_NOTE = "Note (optional)"
FORM_DATE_PLACEHOLDER = "YYYY-MM-DD"
FORM_LEGEND = (
    "letters  toggle topics    1-4  5/15/30/60 minutes    tab  next field\n"
    "\u2190\u2192 space  change a choice   ctrl+s  save   esc  cancel   ctrl+g  crisis lines"
)
FORM_FOLLOW_UP_FIELD = "follow-up date"
FORM_TEXT_NOT_KEPT = (
    "Retention is 0 days, so no note or handle is kept: these fields are switched off."
)
FORM_CONTACT_MISSING = "There is no contact with id {id}; it may have been deleted."
FORM_DISCARD_QUESTION = "Discard the changes to this contact?"
FORM_PASTE_REFUSED = "The paste was not added. {reason}"
CONTACT_SAVED = "Contact saved."
YES_NO_KEYS = "y  yes      n  no"
ESCALATION_KEYS = "enter or esc  back to the form      ctrl+g  crisis lines"
CRISIS_KEYS = "esc or ctrl+g  close"
DRAFT_RESUME_QUESTION = "A contact was left unfinished when peerdesk locked. Open it again?"
CLINICIAN_DRAFT_RESUME_QUESTION = (
    "A clinician record was left unfinished when peerdesk locked. Open it again?"
)
DRAFT_NOT_KEPT = "The unfinished form could not be kept: {reason}"
DRAFT_NOT_KEPT_AT_LOCK = (
    "When peerdesk locked, the unfinished form could not be kept, so what was typed in it "
    "was not saved. {reason}"
)
DRAFT_UNREADABLE = "The unfinished form could not be read back, so it was discarded."

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
HELP_FOLLOW_UP = "Add a follow-up due on this date."
HELP_DATE = "The contact's date (default today; never in the future)."
HELP_MONTH = "Only contacts in this month."
HELP_TOPIC_FILTER = "Only contacts with this topic id."
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

# Confidential text is never an argument: argv is readable by every local user (ps,
# /proc/PID/cmdline) while the key is derived, and shells keep it in a history file.
HELP_ASK_NOTE = (
    "Ask for a short note: typed at a prompt without echo, or read as one line of "
    "standard input (before any passphrase line). It expires; record categories, not "
    "identities."
)
HELP_ASK_HANDLE = (
    "Ask for a private handle to recognise a follow-up (e.g. 'S.'): at a prompt without "
    "echo, or one line of standard input (after the note's line, before any passphrase "
    "line). It expires."
)
HELP_ASK_SEARCH = (
    "Ask for words the note must match (prefix search): at a prompt without echo, or one "
    "line of standard input (before any passphrase line)."
)
PROMPT_NOTE = "Note (not shown while you type; Enter for none)"
PROMPT_HANDLE = "Handle (not shown while you type; Enter for none)"
PROMPT_SEARCH = "Search words (not shown while you type)"
WHAT_NOTE = "the note"
WHAT_HANDLE = "the handle"
WHAT_SEARCH = "the search words"
CLI_TEXT_NOT_AS_ARGUMENT = (
    "peerdesk does not take {what} as an argument ({option}), because other users can "
    "read a command line in the process list and your shell writes it to its history "
    "file; give {flag} instead and type it at the prompt or send it on standard input. "
    "Nothing was saved."
)
STDIN_NOT_UTF8 = (
    "What standard input gave as {what} is not UTF-8 text, so it was not used and nothing "
    "was saved."
)
ENV_NOT_UTF8 = "{name} is not UTF-8 text, so it was not used and nothing was saved."
CLI_UNEXPECTED = (
    "peerdesk stopped on an unexpected error ({kind}); whatever this command was saving "
    "was not saved. The vault is at {path}; `peerdesk doctor` checks it."
)

# --- TUI: follow-ups on home, contacts list, contact detail (issue 3, part B) -------
KEY_CONFIRM_YES = "yes"
KEY_CONFIRM_NO = "no"
KEY_CONTACTS = "contacts: list and search"
KEY_ADD_CONCERN = "a colleague's concern"
KEY_FOLLOWUP_UP = "previous follow-up"
KEY_FOLLOWUP_DOWN = "next follow-up"
KEY_FOLLOWUP_DONE = "follow-up done"
KEY_FOLLOWUP_SNOOZE = "snooze to tomorrow"
KEY_FOLLOWUP_SNOOZE_WEEK = "snooze a week"
KEY_FOLLOWUP_CONTACT = "log follow-up as contact"
FOLLOWUPS_TITLE = "Follow-ups due"
FOLLOWUPS_TITLE_COUNT = "Follow-ups due ({count})"
FOLLOWUPS_NONE = "Nothing due today."
FOLLOWUP_OVERDUE = "OVERDUE {days} d"
FOLLOWUP_DUE_TODAY = "today"
FOLLOWUP_KINDS = {"contact": "after a contact", "concern": "colleague concern"}
FOLLOWUP_NO_HANDLE = "(no handle)"
FOLLOWUP_MORE_ABOVE = "{count} more above"
FOLLOWUP_MORE_BELOW = "{count} more below"
FOLLOWUP_DONE = "Follow-up marked done."
FOLLOWUP_SNOOZED = "Follow-up moved to {date}."
FOLLOWUP_GONE = "That follow-up is already closed."
CONCERN_TITLE = "A colleague asked you to check on someone"
CONCERN_INTRO = (
    "This adds a follow-up. When you have checked on them, press enter on it at home "
    "to log it as a contact."
)
CONCERN_HANDLE_LABEL = "Handle (optional; private, expires), e.g. S. or blue truck"
CONCERN_DUE_LABEL = "Check on them by (YYYY-MM-DD)"
CONCERN_KEYS = "enter  save      tab  next field      escape  cancel"
CONCERN_ADDED = "Follow-up added, due {date}."
KEY_SAVE = "save"
KEY_CANCEL = "cancel"
CONTACTS_TITLE = "Contacts"
CONTACTS_SEARCH_PLACEHOLDER = "search notes: type words (/ to come back here)"
CONTACTS_COUNT_ONE = "1 contact"
CONTACTS_COUNT_ALL = "{count} contacts"
CONTACTS_COUNT_MATCH = "{count} of {total} match"
CONTACTS_NONE_YET = "No contacts yet. Press n on the home screen to log one."
CONTACTS_NONE_MATCH = "No contact matches. Change the search, month or topic."
CONTACTS_ALL_MONTHS = "all months"
CONTACTS_ALL_TOPICS = "all topics"
CONTACTS_MONTH = "Month"
CONTACTS_TOPIC = "Topic"
CONTACTS_COLUMNS = ("date", "mode", "min", "risk", "outcome", "note", "topics", "handle")
CONTACTS_HAS_NOTE = "note"
CONTACTS_KEYS = "enter open  e edit  d delete  / search  [ ] month  t topic  escape back"
KEY_OPEN = "open the contact"
KEY_EDIT = "edit the contact"
KEY_DELETE = "delete the contact"
KEY_SEARCH = "search the notes"
KEY_MONTH_BACK = "month: one back"
KEY_MONTH_FORWARD = "month: one forward (past this month: all)"
KEY_TOPIC = "topic: pick one"
KEY_TO_LIST = "from the search box to the list"
KEY_BACK = "back"
RISK_MARKS = {"none": "-", "low": "low", "elevated": "elevated!", "imminent": "IMMINENT!"}
TOPIC_PICK_TITLE = "Show contacts about"
TOPIC_PICK_ALL = "all topics"
TOPIC_PICK_KEYS = "a letter  pick      0  all topics      escape  keep as is"
SPECIALTY_PICK_TITLE = "Show clinicians who specialise in (every one marked >)"
SPECIALTY_PICK_ALL = "any specialty"
SPECIALTY_PICK_KEYS = "a letter  add or remove      0  any specialty      escape  keep as is"
CONTACT_TITLE = "Contact of {date}"
CONTACT_DATE = "Date"
CONTACT_MODE = "Mode"
CONTACT_INITIATED_BY = "Started by"
CONTACT_MINUTES = "Minutes"
CONTACT_HEAD_COUNT = "People"
CONTACT_TOPICS = "Topics"
CONTACT_RISK = "Risk"
CONTACT_OUTCOME = "Outcome"
CONTACT_CRITICAL_INCIDENT = "Critical incident"
CONTACT_HANDLE = "Handle"
CONTACT_LOGGED = "Logged"
CONTACT_EDITED = "Edited"
CONTACT_NOTE = "Note"
CONTACT_YES = "yes"
CONTACT_NO = "no"
CONTACT_NO_HANDLE = "none"
CONTACT_NO_NOTE = "No note (none written, or wiped after the retention period)."
CONTACT_KEYS = "e edit    d delete    up/down scroll the note    escape back"
CONTACT_DELETE_QUESTION = (
    "Delete the contact of {date} for good? Its note and handle are wiped from the vault "
    "and cannot be brought back."
)
CONTACT_DELETED = "Contact deleted."
CONTACT_GONE = "That contact no longer exists."

# --- the clinician directory: records, files, command line (issue 4) ---------------
CLINICIAN_BAD_ID = (
    "The id {value!r} is not a UUID; leave it empty for a new clinician, "
    "e.g. 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f."
)
CLINICIAN_NAME_REQUIRED = "The name is required."
CLINICIAN_REVET_MISSING = "A vetted clinician needs a re-vet date (revet_due) too."
CLINICIAN_VETTED_MISSING = "A re-vet date needs the date of the vetting (vetted_on) too."
CLINICIAN_REVET_BEFORE_VETTED = "The re-vet date must come after the vetting date."
CLINICIAN_ITEM_SEPARATOR = (
    "The {field} entry {value!r} contains ';', which separates entries; split it in two."
)
CLINICIAN_TOO_MANY_ITEMS = "The {field} can have at most {max} entries."
CLINICIAN_BAD_PHONE = (
    "The phone {value!r} is not a phone number: use digits, spaces, + ( ) - . / "
    "and an optional 'ext. 12', e.g. +1 555 0100."
)
CLINICIAN_BAD_EMAIL = "The email {value!r} is not an email address, e.g. name@example.org."
# Labels of `peerdesk clinicians show`, keyed by the file's column names.
CLINICIAN_LABELS = {
    "status": "Vetting status",
    "id": "Id",
    "name": "Name",
    "credentials": "Credentials/licence",
    "practice": "Practice",
    "phones": "Phones",
    "email": "Email",
    "address": "Address",
    "region": "Region",
    "telehealth": "Telehealth",
    "languages": "Languages",
    "specialties": "Specialties",
    "modalities": "Modalities",
    "insurance": "Insurance/EAP accepted",
    "accepting_new_clients": "Accepting new clients",
    "first_responder_experience": "First-responder experience",
    "vetted_by": "Vetted by",
    "vetted_on": "Vetted on",
    "revet_due": "Re-vet due",
    "suspended": "Suspended",
    "notes": "Notes",
    "updated_at": "Updated at",
}
DIRECTORY_NOT_TEXT = "The {field} must be text."
DIRECTORY_NOT_TEXT_LIST = "The {field} must be a list of texts."
DIRECTORY_BAD_BOOLEAN = "The {field} {value!r} is not yes or no; write true/false, yes/no or 1/0."
DIRECTORY_BAD_TIMESTAMP = (
    "The updated_at {value!r} is not a date and time, e.g. 2026-03-14T09:30:00+00:00."
)
DIRECTORY_DUPLICATE_ID = "The id {id} already appears at {first}; each clinician once."
DIRECTORY_AT_LINE = "line {line}"
DIRECTORY_AT_INDEX = "clinicians[{index}]"
DIRECTORY_FILE_MISSING = "There is no file {path}."
DIRECTORY_NOT_A_FILE = "{path} is a folder, not a directory file."
DIRECTORY_FILE_UNREADABLE = "The file {path} cannot be read: {reason}."
DIRECTORY_FILE_TOO_BIG = "The file {path} is larger than {max} MB, too big for a directory."
DIRECTORY_TOO_MANY_ROWS = "The file has more than {max} clinicians, too many for a directory."
DIRECTORY_NOT_UTF8 = (
    "The file {path} is not UTF-8 text (first bad byte on line {line}); "
    "save it as 'CSV UTF-8' or UTF-8 JSON."
)
DIRECTORY_FILE_EMPTY = "The file {path} is empty."
DIRECTORY_NOT_TEXT_FILE = "The file {path} is not a text file (it contains NUL bytes)."
DIRECTORY_BAD_CSV = "The CSV cannot be read at line {line}: {reason}."
DIRECTORY_TOO_MANY_CELLS = "The row has {found} cells but the header has only {max} columns."
DIRECTORY_UNKNOWN_COLUMN = "Unknown column {column!r}; the columns are: {columns}."
DIRECTORY_REPEATED_COLUMN = "The column {column!r} appears more than once in the header."
DIRECTORY_NO_NAME_COLUMN = "The file has no 'name' column; the header row must name it."
DIRECTORY_BAD_JSON = "The file is not valid JSON (line {line}, column {column}: {reason})."
DIRECTORY_JSON_SHAPE = 'The JSON must be an object with a "clinicians" list.'
DIRECTORY_JSON_DUPLICATE_KEY = (
    'The JSON file names the key "{key}" twice in one object; peerdesk will not guess '
    "which one is meant. Remove one of them and import again."
)
DIRECTORY_JSON_NUMBER_TOO_LONG = "The JSON file holds a number too long for any field."
DIRECTORY_JSON_UNKNOWN_KEY = 'Unknown key "{key}" at the top of the JSON file.'
DIRECTORY_JSON_VERSION = 'The JSON must say "format": "{format}" and "version": {version}.'
DIRECTORY_ITEM_NOT_OBJECT = "The entry is not a JSON object."
DIRECTORY_ITEM_UNKNOWN_KEY = 'Unknown field "{key}" (see docs/directory-format.md).'
DIRECTORY_EXPORT_EXISTS = "{path} already exists; choose a new name, or add --force to replace it."
DIRECTORY_EXPORT_NO_FOLDER = "There is no folder {path} to write the file into."

HELP_CLINICIANS = "The vetted clinician directory: list, show, import, export."
HELP_CLINICIANS_LIST = (
    "List clinicians in name order with their vetting status as of today. "
    "Passphrase: PEERDESK_PASSPHRASE, --passphrase-stdin, or a prompt."
)
HELP_CLINICIANS_SHOW = "Show every detail of one clinician."
HELP_CLINICIANS_IMPORT = (
    "Import a directory file (CSV or JSON, see docs/directory-format.md): adds new "
    "clinicians and updates those with the same id; never deletes. All or nothing: any "
    "bad row means nothing changes, and every bad row is reported."
)
HELP_CLINICIANS_EXPORT = (
    "Export the whole directory (only the directory, nothing else) as CSV or JSON."
)
HELP_CLINICIANS_SUSPEND = "Suspend a clinician: kept in the directory, marked not to refer to."
HELP_CLINICIANS_REACTIVATE = "Reactivate a suspended clinician."
HELP_CLINICIAN_ID = "The clinician's id (its first characters are enough if unique)."
HELP_CLINICIAN_SEARCH = (
    "Only clinicians matching these words (prefix search over name, practice, "
    "specialties, region, languages, modalities and notes)."
)
HELP_SPECIALTY = "Only clinicians with this specialty; repeat to require more. One of: {ids}."
HELP_VETTING_STATUS = "Only clinicians with this vetting status. One of: {ids}."
HELP_REGION = "Only clinicians in this region."
HELP_LANGUAGE = "Only clinicians who work in this language."
HELP_INSURANCE = "Only clinicians who accept this insurance or EAP."
HELP_TELEHEALTH_FILTER = "Only clinicians who offer telehealth."
HELP_ACCEPTING_FILTER = "Only clinicians accepting new clients."
HELP_IMPORT_FILE = "The CSV or JSON file to import."
HELP_IMPORT_DRY_RUN = "Only show what would be added and changed; change nothing."
HELP_EXPORT_FILE = "The file to write."
HELP_EXPORT_FORMAT = "csv or json (default: from the file name, else csv)."
HELP_EXPORT_FORCE = "Replace FILE if it exists."
CLI_NO_CLINICIANS = "No clinicians match."
CLI_CLINICIANS_MORE = "Showing {shown} of {total}; narrow the search or raise --limit."
CLI_NO_CLINICIAN = "There is no clinician with id {id}."
CLI_CLINICIAN_AMBIGUOUS = "More than one clinician's id starts with {id}; type more of it."
CLI_CLINICIAN_SUSPENDED = "Suspended {name} ({id})."
CLI_CLINICIAN_REACTIVATED = "Reactivated {name} ({id})."
CLI_IMPORT_PROBLEM = "{where}, {field}: {why}"
CLI_IMPORT_REFUSED = (
    "Nothing was imported: {problems} problem(s) in {rows} row(s). Fix them and import again."
)
CLI_IMPORT_MORE = "... and {count} more"
CLI_IMPORT_NEW_ID = "; no id in the file, new id assigned"
CLI_IMPORT_CHANGED_FIELDS = ": {fields}"
CLI_IMPORT_DRY_RUN = (
    "Dry run, nothing was changed. Would add {added}, change {changed} and leave "
    "{unchanged} unchanged; {left_alone} clinician(s) not in the file would be left alone."
)
CLI_IMPORT_DONE = (
    "Imported: added {added}, changed {changed}, {unchanged} unchanged; "
    "{left_alone} clinician(s) not in the file were left alone."
)
CLI_EXPORT_DONE = "Exported {count} clinician(s) to {path} ({kind})."

# --- monthly counts and team reports (issue 6: reports/, report_files.py, cli_reports.py) ---
HELP_REPORT = "Monthly counts: export your month, merge a team's months with suppression."
HELP_REPORT_MONTH = (
    "Your counts for one month (exact; counts only: no text, handles, names or days). "
    "Passphrase: PEERDESK_PASSPHRASE, --passphrase-stdin, or a prompt."
)
HELP_REPORT_MERGE = (
    "Merge peers' month files (JSON from `report month --format json`) into a team report "
    "with small-cell suppression. Needs no vault unless --min-cell is left out and a vault "
    "exists (its threshold setting is used then)."
)
HELP_REPORT_MONTH_ARG = "The month, as YYYY-MM."
HELP_REPORT_FILES = "Month files (JSON) from the team's peers, all for the same month."
HELP_REPORT_FORMAT = "Output format: {choices}."
HELP_REPORT_OUTPUT = "Write to FILE instead of printing (refuses an existing FILE unless --force)."
HELP_REPORT_FORCE = "Replace FILE if it exists."
HELP_REPORT_LABEL = (
    "A label for the team lead (e.g. your initials). Left out unless you add it; "
    "never shown in the merged team report."
)
HELP_REPORT_MIN_CELL = (
    "Suppress counts from 1 to N-1 (at least {lowest}). Default: the vault's setting, "
    "or {default} when there is no vault."
)
HELP_REPORT_EXPECT_MONTH = "Refuse any file that is not for this month (YYYY-MM)."
REPORT_FIGURE_LABELS = {
    "contacts": "Contacts",
    "minutes": "Minutes",
    "group_people": "People in group contacts",
    "followups_completed": "Follow-ups completed",
    "referrals": "Referrals made",
}
REPORT_TABLE_TITLES = {
    "mode": "Mode",
    "initiated_by": "Initiated by",
    "topic": "Topics",
    "risk": "Risk",
    "outcome": "Outcome",
    "critical_incident": "Critical incident",
    "referral_status": "Referrals by status",
}
REPORT_TOPICS_NOTE = "A contact can have several topics, so topics add up to more than contacts."
REPORT_TOTAL = "Total"
REPORT_NOT_RECORDED = "not recorded by this peerdesk version"
REPORT_NOT_RECORDED_SHORT = "not recorded"
REPORT_MONTH_TITLE = "peerdesk counts for {month}"
REPORT_LABEL_LINE = "Label: {label}"
REPORT_TEAM_TITLE = "Team counts for {month} ({peers} peer files merged)"
REPORT_SUPPRESSED_MARK = "x"
REPORT_SUPPRESSION_LINE = (
    "x = suppressed. Threshold {n}: {total} value(s) suppressed, {small} because they were "
    "from 1 to {below} (or part of a section whose total was), {complementary} so that no "
    "suppressed value can be worked out from a total."
)
REPORT_NO_SUPPRESSION = "Threshold {n}: no value needed suppressing."
REPORT_THRESHOLD_SOURCE = {
    "option": "from --min-cell",
    "vault": "from the vault's settings",
    "default": "the default; no vault found",
}
REPORT_THRESHOLD_LINE = "Threshold {n} ({source})."
REPORT_WRITTEN = "Wrote {what} to {path}."
REPORT_WHAT_MONTH = "the counts for {month}"
REPORT_WHAT_TEAM = "the team report for {month}"
REPORT_FILE_EXISTS = "{path} already exists; choose another file or add --force."
REPORT_MIN_CELL_RANGE = (
    "The threshold must be a whole number from {low} to {high}; with 2 a suppressed "
    "value could only be 1."
)
REPORT_VAULT_MIN_CELL_LOW = (
    "The vault's threshold setting is {n}, below {low}; pass --min-cell {low} or higher."
)
REPORT_FILE_UNREADABLE = "{file} could not be read: {reason}."
REPORT_FILE_TOO_LARGE = "{file} is too large to be a month file."
REPORT_FILE_NOT_JSON = "{file} is not valid JSON (line {line}); merge takes the JSON month files."
REPORT_FILE_NOT_MONTH = "{file} is not a peerdesk month file."
REPORT_FILE_DUPLICATE_KEY = (
    '{file} names the key "{key}" twice in one object, so what a reader sees and what a '
    "merge would use could differ; export that month again."
)
REPORT_FILE_NEWER = (
    "{file} was made by a newer peerdesk (file version {version}); update peerdesk to merge it."
)
REPORT_FILE_VERSION = "{file} has an unknown file version {version}."
REPORT_FILE_CHECKSUM = (
    "{file} was changed after it was exported (its checksum does not match); "
    "ask the peer to export it again."
)
REPORT_FILE_BAD_FIELD = "{file} has a bad {field}: {why}."
REPORT_FILE_NOT_ADDING_UP = (
    "{file} does not add up: {table} gives {got} but {figure} is {expected}."
)
REPORT_FILE_OTHER_MONTH = "{file} is for {month}, not {expected}; merge one month at a time."
REPORT_FILE_REPEATED = (
    "{file} is the same export as {first} (export id repeated); each peer's month "
    "may be merged once."
)
REPORT_MERGE_REFUSED = "Nothing was merged: {count} problem(s) above."
REPORT_WHY_COUNT = "a whole number of 0 or more"
REPORT_WHY_MONTH = "it must be a month written YYYY-MM"
REPORT_WHY_EXPORT_ID = "it must be 32 hexadecimal characters"
REPORT_WHY_LABEL = "it must be text or null"
REPORT_WHY_OBJECT = "it must be an object of names and counts"
REPORT_WHY_MISSING = "it is missing"
REPORT_WHY_TOPIC_ABOVE = "a topic count is above the number of contacts"
MONTH_OUT_OF_RANGE = (
    "The {field} {value!r} is outside the months peerdesk can count ({first} to {last})."
)
REPORT_WHY_COUNT_TOO_BIG = "at most {max}, more than a peer's month can hold"
REPORT_WHY_LABEL_TEXT = (
    "it must be one line of at most {max} characters, with no control characters"
)
REPORT_FILE_UNKNOWN = (
    "{file} has an unknown {what} {id}: a version {version} month file holds only "
    "peerdesk's own tables, ids and keys, so it was not read."
)
REPORT_WHAT_KEY = "key"
REPORT_WHAT_TABLE = "table"
REPORT_WHAT_ID = "id in table {table}"
REPORT_WHAT_FIGURE = "figure"
REPORT_FILE_NOT_UTF8 = "{file} is not UTF-8 text, so it is not a month file."
REPORT_FILE_NUMBER_TOO_LONG = (
    "{file} holds a number of more than {digits} digits, which no month file has."
)
REPORT_FILE_TOO_DEEP = "{file} is nested too deeply to be a month file."

# --- TUI: the stats screen and its month export (issue 6: tui/screens/stats*.py) ------
KEY_STATS = "monthly counts and charts"
KEYS_ON_STATS = "On the monthly counts"
KEY_STATS_MONTH_BACK = "month: one back"
KEY_STATS_MONTH_FORWARD = "month: one forward (up to this month)"
KEY_STATS_MONTH_TYPED = "go to a month (YYYY-MM)"
KEY_STATS_EXPORT = "export the month to a file"
KEY_PAGE_DOWN = "scroll a page down"
KEY_PAGE_UP = "scroll a page up"
STATS_TITLE = "Monthly counts"
STATS_THIS_MONTH = "(this month)"
STATS_KEYS = "[ ] month  g go to month  e export  up/down scroll  escape back"
STATS_EMPTY = "No contacts in {month}."
STATS_TOPICS_NOTE = "a contact can have several"
STATS_TREND_TITLE = "Last 12 months to {month}"
STATS_TREND_CONTACTS = "contacts"
STATS_TREND_MINUTES = "minutes"
STATS_READ_FAILED = "The counts could not be read ({reason}). Run `peerdesk doctor`."
STATS_MONTH_TITLE = "Go to a month"
STATS_MONTH_LABEL = "Month (YYYY-MM), up to {month}"
STATS_MONTH_KEYS = "enter  go      escape  cancel"
STATS_MONTH_FUTURE = "{month} has not started yet; choose {latest} or earlier."
STATS_MONTH_TOO_EARLY = (
    "{month} is before {first}, when nothing can have been logged; choose a later month."
)
STATS_EXPORT_TITLE = "Export the counts for {month}"
STATS_EXPORT_INTRO = (
    "The file holds counts only: no notes, handles, names or days. JSON is the file for "
    "your team lead; CSV opens in a spreadsheet."
)
STATS_EXPORT_FORMAT = "Format"
STATS_EXPORT_FORMATS = {"json": "JSON (for the team lead)", "csv": "CSV (spreadsheet)"}
STATS_EXPORT_PATH = "File"
STATS_EXPORT_LABEL = "Label (optional)"
STATS_EXPORT_LABEL_HINT = (
    "A label (e.g. your initials) tells the lead whose file it is, so it identifies you. "
    "Leave it empty unless the lead asked for one."
)
STATS_EXPORT_KEYS = "enter  export      tab  next field      escape  cancel"
STATS_EXPORT_NO_PATH = "Type the file to write."
STATS_EXPORT_NO_FOLDER = "The folder {folder} does not exist."
STATS_EXPORT_IS_FOLDER = "{path} is a folder; type a file name."
STATS_EXPORT_REPLACE = "{path} already exists. Replace it?"
STATS_EXPORT_FAILED = "Nothing was exported: {reason}."
STATS_EXPORTED = "Exported to {path}"

# --- TUI: the clinician directory (issue 4: tui/screens/directory*.py, clinician*.py) ---
KEY_DIRECTORY = "clinician directory"
KEYS_ON_DIRECTORY = "In the clinician directory"
KEYS_ON_CLINICIAN = "On one clinician"
KEYS_ON_CLINICIAN_FORM = "On the clinician form"
KEY_DIR_OPEN = "show everything"
KEY_DIR_SEARCH = "search"
KEY_DIR_TO_LIST = "from the search box to the list"
KEY_DIR_ROW_UP = "previous clinician"
KEY_DIR_ROW_DOWN = "next clinician"
KEY_DIR_PAGE_UP = "page up"
KEY_DIR_PAGE_DOWN = "page down"
KEY_DIR_SPECIALTY = "filter: add or remove a specialty"
KEY_DIR_TELEHEALTH = "filter: telehealth"
KEY_DIR_ACCEPTING = "filter: accepting new"
KEY_DIR_INSURANCE = "filter: insurance"
KEY_DIR_LANGUAGE = "filter: language"
KEY_DIR_REGION = "filter: region"
KEY_DIR_STATUS = "filter: vetting status"
KEY_DIR_CLEAR = "clear the filters"
KEY_DIR_NEW = "add a clinician"
KEY_DIR_EDIT = "edit the clinician"
KEY_DIR_SUSPEND = "suspend / reactivate"
KEY_DIR_REFER = "refer one of your contacts to this clinician"
KEY_DIR_IMPORT = "import a file"
KEY_DIR_EXPORT = "export to a file"
KEY_CLINICIAN_SAVE = "save the clinician"
DIRECTORY_TITLE = "Clinician directory"
DIRECTORY_SEARCH_PLACEHOLDER = "Search name, practice, specialty, region, language, notes"
DIRECTORY_COUNT_ALL = "{count:,} clinicians"
DIRECTORY_COUNT_MATCH = "{count:,} of {total:,}"
DIRECTORY_NO_FILTERS = "No filters (s t a i g r v; 0 clears)"
DIRECTORY_FILTERS = "Filters: "
DIRECTORY_FILTER_TELEHEALTH = "telehealth"
DIRECTORY_FILTER_ACCEPTING = "accepting new"
DIRECTORY_NONE_YET = "The directory is empty. Press n to add a clinician or m to import a file."
DIRECTORY_NONE_MATCH = "No clinician matches. Change the search or press 0 to clear filters."
DIRECTORY_KEYS = "enter show  / search  s t a i g r v 0 filter  n add e edit u suspend  m x file"
DIRECTORY_HEADER = ("Status", "Name", "Region", "Phone", "Tel New")
DIRECTORY_STATUS_WORDS = {
    "vetted": "vetted",
    "revet-due": "re-vet due",
    "expired": "EXPIRED",
    "suspended": "SUSPENDED",
    "unvetted": "unvetted",
}
DIRECTORY_PICK_ANY = "Any"
DIRECTORY_PICK_TITLE = "Filter by {what}"
DIRECTORY_PICK_KEYS = "enter pick  escape keep as it was"
DIRECTORY_PICK_EMPTY = "No clinician lists any {what} yet."
DIRECTORY_WHAT = {
    "insurance": "insurance",
    "language": "language",
    "region": "region",
    "specialty": "specialty",
}
CLINICIAN_TITLE = "{name}"
CLINICIAN_KEYS = "e edit  u suspend/reactivate  escape back"
CLINICIAN_GONE = "That clinician is no longer in the directory."
CLINICIAN_YES = "yes"
CLINICIAN_NO = "no"
CLINICIAN_SPELLED = "say: {spoken}"
CLINICIAN_EMAIL_AT = "at"
CLINICIAN_EMAIL_DOT = "dot"
CLINICIAN_PHONE_EXT = "ext"
CLINICIAN_SUSPEND_QUESTION = (
    "Suspend {name}? They stay in the directory, marked SUSPENDED: not to refer to."
)
CLINICIAN_REACTIVATE_QUESTION = "Reactivate {name}?"
CLINICIAN_SUSPENDED_DONE = "Suspended {name}."
CLINICIAN_REACTIVATED_DONE = "Reactivated {name}."
CLINICIAN_SAVED = "Clinician saved."
CLINICIAN_FORM_NEW = "New clinician"
CLINICIAN_FORM_EDIT = "Edit clinician"
CLINICIAN_FORM_HINT = "Lists: separate entries with ;   Dates: YYYY-MM-DD   Specialties: letters"
CLINICIAN_FORM_KEYS = "ctrl+s save  escape cancel  tab next field"
CLINICIAN_FORM_PROBLEMS = "Not saved: {count} field(s) need a fix (marked below). Nothing was lost."
CLINICIAN_FORM_DISCARD = "Leave without saving the changes?"
DIRECTORY_IMPORT_TITLE = "Import a directory file (CSV or JSON)"
DIRECTORY_EXPORT_TITLE = "Export the directory (only the directory, nothing else)"
DIRECTORY_PATH_LABEL = "File path"
DIRECTORY_FORMAT_LABEL = "Format (left/right)"
DIRECTORY_FILE_KEYS = "enter continue  escape cancel"
DIRECTORY_PATH_EMPTY = "Type the path of the file."
DIRECTORY_PREVIEW_TITLE = "Import preview: {path}"
DIRECTORY_PREVIEW_COUNTS = (
    "{added} to add, {changed} to change, {unchanged} unchanged, "
    "{left_alone} in the vault and not in the file (kept)."
)
DIRECTORY_PREVIEW_ADDED = "add {name} ({location}){assigned}"
DIRECTORY_PREVIEW_ASSIGNED = ", new id"
DIRECTORY_PREVIEW_CHANGED = "change {name} ({location}): {fields}"
DIRECTORY_PREVIEW_PROBLEM = "{location}, {field}: {sentence}"
DIRECTORY_PREVIEW_PROBLEMS = "{count} problem(s): nothing will be written. Fix the file and retry."
DIRECTORY_PREVIEW_OK_KEYS = "y import  n cancel"
DIRECTORY_PREVIEW_BAD_KEYS = "escape close"
DIRECTORY_PREVIEW_NOTHING = "Nothing to import: the vault already holds this file."
DIRECTORY_IMPORTED = "Imported: {added} added, {changed} changed."
DIRECTORY_EXPORT_REPLACE = "{path} already exists. Replace it?"
DIRECTORY_EXPORTED = "Exported {count:,} clinicians to {path}."


# --- referral handoff (issue 5: vault/referrals.py, handoff.py, referral_ranking.py,
# cli_referrals.py, tui/screens/referral*.py, tui/screens/handoff_card.py) ----------
REFERRAL_OFFER_QUESTION = "Refer to a clinician? (the directory opens ranked for this contact)"
REFERRAL_PICK_TITLE = "Refer to a clinician, ranked for: {topics}"
REFERRAL_PICK_KEYS = "up/down move  enter choose  escape cancel"
REFERRAL_PICK_EMPTY = "The directory is empty: add or import clinicians first."
REFERRAL_RANK_TOPICS = "{matched} of {wanted} topics"
REFERRAL_RANK_NO_TOPICS = "no topics to match"
REFERRAL_RANK_ACCEPTING = "accepting"
REFERRAL_RANK_FULL = "not accepting"
REFERRAL_RANK_TELEHEALTH = "telehealth"
REFERRAL_RANK_IN_PERSON = "in person"
REFERRAL_RANK_VETTING = {
    "vetted": "vetted",
    "revet-due": "re-vet due",
    "expired": "VETTING EXPIRED",
    "suspended": "SUSPENDED",
    "unvetted": "not vetted",
}
REFERRAL_NEEDS_CONFIRM = (
    "Warning: {name} is {status}. The team lead has not vouched for them now. "
    "Refer to this clinician anyway?"
)
REFERRAL_CONTACT_PICK_TITLE = "Refer to {name}: for which contact?"
REFERRAL_CONTACT_PICK_EMPTY = "No contacts yet: log the contact first."
REFERRAL_CONTACT_LINE = "#{id}  {date}  {topics}{handle}"
REFERRAL_RECORDED = "Referral recorded (offered): check back on {date}."
REFERRAL_STATUS_CHANGED = "Referral marked {status}."
REFERRAL_CHECK_BACK_MOVED = "Check back on {date}."
REFERRAL_GONE = "That referral is no longer in the vault."
REFERRAL_CLINICIAN_GONE = "That clinician is no longer in the directory."
REFERRAL_BAD_STATUS = "Unknown referral status {value!r}; choose one of: {choices}."
REFERRAL_CHECK_BACK_BEFORE = "The check-back date must not be before the referral ({date})."
CARD_TITLE = "Handoff card: show it, nothing is sent from this device"
CARD_LABELS = {
    "credentials": "Credentials",
    "practice": "Practice",
    "phones": "Phone",
    "email": "Email",
    "address": "Address",
    "telehealth": "Telehealth",
    "status": "Vetting",
}
CARD_TELEHEALTH_YES = "yes"
CARD_TELEHEALTH_NO = "no, in person"
CARD_QR_CAPTION = "Scan: {kind}"
CARD_QR_KINDS = {"vcard": "contact card (vCard)", "tel": "phone number (tel:)"}
CARD_NO_PHONE = "This clinician has no phone number, so there is no tel: code."
CARD_QR_TOO_BIG = (
    "The {kind} code needs {width}x{height} cells; press f to show it alone, "
    "t for the shorter phone code, or enlarge the terminal."
)
CARD_KEYS = "v vCard code  t phone code  f code alone  escape done"
REFERRALS_TITLE_OPEN = "Open referrals ({count})"
REFERRALS_TITLE_ALL = "All referrals ({count})"
REFERRALS_NONE = "No referrals here."
REFERRALS_LINE = "check {check_back}  {clinician}  {status} since {status_on}{handle}"
REFERRALS_NO_CHECK_BACK = "--"
REFERRALS_HEADING = "1 offered 2 accepted 3 connected 4 declined 5 closed  b +7 days"
HOME_REFERRALS_TITLE = "Referrals to check back on: {count} (r)"
KEY_REFERRALS = "referrals: open ones, status"
KEYS_ON_REFERRALS = "On the referrals list"
KEYS_ON_REFERRAL_PICK = "Choosing a clinician to refer to"
KEYS_ON_CARD = "On the handoff card"
KEY_REFERRAL_STATUS = "set the status (offered .. closed)"
KEY_REFERRAL_CHECK_BACK = "check back a week later"
KEY_REFERRAL_SHOW_ALL = "open only / all referrals"
KEY_REFERRAL_CARD = "show the clinician's card"
KEY_CHOOSE = "choose"
KEY_ROW_UP = "previous row"
KEY_ROW_DOWN = "next row"
KEY_CARD_VCARD = "QR: contact card (vCard)"
KEY_CARD_TEL = "QR: phone number (tel:)"
KEY_CARD_FULL = "QR alone / with the details"
KEY_DONE = "done"
HELP_REFERRALS = "Referrals: hand a contact a clinician's details and check back."
HELP_REFERRALS_ADD = "Record a referral (status offered) of a contact to a clinician."
HELP_REFERRALS_LIST = (
    "List referrals with their check-back dates. The contact's handle only with --show-text."
)
HELP_REFERRALS_STATUS = "Change a referral's status (the date of the change is kept)."
HELP_REFERRAL_CONTACT = "The contact's number (from `peerdesk contacts list`)."
HELP_REFERRAL_CLINICIAN = "The clinician's id (its first characters are enough)."
HELP_REFERRAL_CHECK_BACK = "When to check back, YYYY-MM-DD (default: a week from today)."
HELP_REFERRAL_DESPITE = "Refer even though the clinician's vetting expired or was suspended."
HELP_REFERRAL_OPEN = "Only referrals not yet declined or closed."
HELP_REFERRAL_ID = "The referral's number."
HELP_REFERRAL_STATUS_ARG = "The new status: {ids}."
HELP_CLINICIANS_CARD = "Print a clinician's handoff card with a QR code to scan from the screen."
HELP_CARD_QR = "What the QR code holds: vcard (name, phones, email, address) or tel (a phone)."
CLI_REFERRAL_ADDED = (
    "Referral {id} recorded: contact {contact} to {name}, offered; check back on {date}."
)
CLI_REFERRAL_NEEDS_DESPITE = (
    "{name} is {status}: check with the team lead, or add --despite-vetting to refer anyway."
)
CLI_REFERRAL_DESPITE_NOTE = "Note: {name} is {status}; referred anyway (--despite-vetting)."
CLI_NO_REFERRAL = "There is no referral with id {id}."
CLI_NO_REFERRALS = "No referrals."
CLI_REFERRAL_STATUS_DONE = "Referral {id} is now {status} (since {date})."
CLI_REFERRAL_NO_CONTACT = "There is no contact with id {id}."
CLI_CARD_QR_NOTE = "The code: dark squares are the printed characters, light ones spaces."

# --- command line: settings -------------------------------------------------------
HELP_SETTINGS = "Show or change the vault's settings (kept inside the encrypted vault)."
HELP_SETTINGS_SHOW = "Show every setting."
HELP_SETTINGS_SET = (
    "Change one setting: idle-lock-minutes (1-240), retention-days (0-3650; 0 keeps no "
    "note text), min-cell (3-100), theme (dark or light), escalation-checklist (one step "
    "per line; use --from-file for several lines)."
)
HELP_SETTING_NAME = "The setting to change."
HELP_SETTING_VALUE = "The new value."
HELP_SETTING_FROM_FILE = "Read the value from a UTF-8 text file (for the escalation checklist)."
SETTING_VALUE_OR_FILE = "Give either a VALUE or --from-file FILE, not both and not neither."
SETTING_FILE_UNREADABLE = "Cannot read {path}: {reason}."
SETTING_NOT_A_NUMBER = "{name} must be a whole number, not {value!r}."
SETTING_SAVED = "Saved {name}."
SETTING_RETENTION_LOWERED = (
    "Note text and handles older than {days} days will be wiped at the next unlock, "
    "or now with `peerdesk purge`."
)

# --- the terminal app: settings -----------------------------------------------------
SETTINGS_TITLE = "Settings (kept inside the vault)"
SETTINGS_IDLE_LABEL = "Lock after idle minutes (1-240)"
SETTINGS_RETENTION_LABEL = "Keep note text for days (0-3650; 0 keeps none)"
SETTINGS_MIN_CELL_LABEL = "Team reports hide counts below (3-100)"
SETTINGS_THEME_LABEL = "Theme"
SETTINGS_CHECKLIST_LABEL = "Escalation checklist for imminent risk (one step per line)"
SETTINGS_KEYS = "ctrl+s  save      escape  cancel      tab  next field      \u2190 \u2192  theme"
SETTINGS_SAVED = "Settings saved."
KEY_SETTINGS = "settings: idle lock, retention, theme, checklist"
KEY_SETTINGS_SAVE = "save the settings"
KEYS_ON_SETTINGS = "On the settings screen"

# --- command line: crisis lines --------------------------------------------------
HELP_CRISIS_SET = (
    "Set a crisis line: the agency EAP (id eap), the on-call team clinician "
    "(id on-call-clinician), or a new line of your own. No vault needed."
)
HELP_CRISIS_ID = "The line: 988, copline, eap, on-call-clinician, or a new id."
HELP_CRISIS_NAME = "What the line is called."
HELP_CRISIS_NUMBER = "The number to call or text."
HELP_CRISIS_HOW = "How to reach it, e.g. 'Call 555-0100, 24/7'."
HELP_CRISIS_VERIFIED = "When you last checked that the number works."
HELP_CRISIS_NOTE = "A short note, e.g. opening hours."
CRISIS_FIX_FILE_FIRST = "Fix or remove the file first; nothing was changed."
CRISIS_NEW_NEEDS = "A new line {id!r} needs --name and --number."
CRISIS_SAVED = "Saved {name} in {path}."

# Last: every sentence above with a placeholder escapes the values it is filled with.
_sentences(globals())
