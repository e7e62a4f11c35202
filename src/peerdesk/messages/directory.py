"""The clinician directory: records, import and export files, CLI and screens."""

# --- the clinician directory: records, files, command line ---------------------------------
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
HELP_IMPORT_ACCEPT_LOOKALIKES = (
    "Import even when a new clinician is named like another one (ignoring case, accents, "
    "spaces and punctuation). Check each one in a --dry-run first: a forged copy of a "
    "vetted clinician looks exactly like this."
)
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
CLI_IMPORT_LOOKALIKES_REFUSED = (
    "Nothing was imported: {count} new clinician(s) are named like another clinician "
    "(listed above). If each is really a different person, import again with "
    "--accept-lookalikes."
)
CLI_IMPORT_READ_ONLY = "Nothing was imported: the vault is open read-only."
CLI_IMPORT_LOOKALIKES_DRY_RUN = (
    "Importing this file needs --accept-lookalikes: {count} new clinician(s) are named "
    "like another clinician (listed above)."
)
CLI_IMPORT_DRY_RUN = (
    "Dry run, nothing was changed. Would add {added}, change {changed} and leave "
    "{unchanged} unchanged; {left_alone} clinician(s) not in the file would be left alone."
)
CLI_IMPORT_DONE = (
    "Imported: added {added}, changed {changed}, {unchanged} unchanged; "
    "{left_alone} clinician(s) not in the file were left alone."
)
PROGRESS_IMPORT_CHECKING = "Comparing the file with the directory"
PROGRESS_IMPORT_WRITING = "Writing clinicians"
PROGRESS_IMPORT_READING = "Reading the file and checking its signature"
CLI_EXPORT_DONE = "Exported {count} clinician(s) to {path} ({kind})."
# The import preview, the same lines on the command line and in the terminal app
# (interchange.preview); values come quoted and printable, or as DIRECTORY_VALUE_EMPTY.
DIRECTORY_PREVIEW_PROBLEM = "{location}, {field}: {sentence}"
DIRECTORY_LOOKALIKES_HEADING = (
    "LOOK-ALIKE NAMES: {count} new clinician(s) named like another clinician, ignoring "
    "case, accents, spaces and punctuation. A forged copy of a vetted clinician with "
    "someone else's phone looks exactly like this; check each one:"
)
DIRECTORY_LOOKALIKE_IN_VAULT = (
    "{location}: the new clinician {name!r} looks like {other!r}, already in the "
    "directory (id {other_id}); make sure they are two different people."
)
DIRECTORY_LOOKALIKE_IN_FILE = (
    "{location}: the new clinician {name!r} looks like {other!r} at {other_location} of "
    "the same file; make sure they are two different people."
)
DIRECTORY_PREVIEW_CHANGE = "change {name} ({location}), id {id}:"
DIRECTORY_PREVIEW_STATUS = "VETTING STATUS CHANGES: {old} -> {new}"
DIRECTORY_PREVIEW_FIELD = "{label}: {old} -> {new}"
DIRECTORY_PREVIEW_ADD = "add {name} ({location}, {status}), id {id}"
DIRECTORY_PREVIEW_ADD_NEW_ID = "add {name} ({location}, {status}), no id in the file: new id {id}"
DIRECTORY_PREVIEW_ADD_ID_TO_COME = (
    "add {name} ({location}, {status}), no id in the file: it gets a new one"
)
DIRECTORY_PREVIEW_MORE = "... and {count} more to add"
DIRECTORY_VALUE_EMPTY = "(empty)"
DIRECTORY_ATTENTION_LOOKALIKES = (
    "{count} new clinician(s) named like another clinician: see LOOK-ALIKE NAMES."
)
DIRECTORY_ATTENTION_STATUS = (
    "{count} clinician(s) change vetting status: see VETTING STATUS CHANGES."
)


# --- terminal app: the directory, a clinician, the clinician form --------------------------
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
DIRECTORY_NO_FILTERS = "No filters (in the list: s t a i g r v; 0 clears)"
DIRECTORY_FILTERS = "Filters: "
DIRECTORY_FILTER_TELEHEALTH = "telehealth"
DIRECTORY_FILTER_ACCEPTING = "accepting new"
DIRECTORY_NONE_YET = "The directory is empty. Press n to add a clinician or m to import a file."
DIRECTORY_NONE_MATCH = (
    "No clinician matches. Change the search, or press 0 in the list to clear filters."
)
DIRECTORY_KEYS = "enter show  / search  s t a i g r v 0 filter  n add e edit u suspend  m x file"
# While the search box has the cursor, letters are search words: the keys line says so,
# and names the list keys only as what waits in the list.
DIRECTORY_SEARCH_KEYS = (
    "type words to search  down or enter: to the list, where s t a i g r v 0 filter"
)
DIRECTORY_SEARCH_IDLE = "/ to search name, practice, specialty, region, language, notes"
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
DIRECTORY_IMPORT_WORKING = "Importing the directory file"
DIRECTORY_IMPORT_READING_WORKING = "Reading the directory file"
DIRECTORY_IMPORT_WHAT = "the directory import"
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
DIRECTORY_PREVIEW_PROBLEMS = "{count} problem(s): nothing will be written. Fix the file and retry."
DIRECTORY_PREVIEW_OK_KEYS = "y import  n cancel  up down pgup pgdn scroll"
DIRECTORY_PREVIEW_BAD_KEYS = "escape close  up down pgup pgdn scroll"
DIRECTORY_LOOKALIKE_CONFIRM = (
    "{count} new clinician(s) are named like another clinician (the warnings at the top of "
    "the preview). A forged copy of a vetted clinician, with someone else's phone, looks "
    "exactly like this. Import them anyway, as different people?"
)
DIRECTORY_PREVIEW_NOTHING = "Nothing to import: the vault already holds this file."
DIRECTORY_IMPORTED = "Imported: {added} added, {changed} changed."
DIRECTORY_IMPORT_NOT_WRITTEN = (
    "Nothing was imported: the vault is open read-only, or the directory changed since "
    "the preview. Import the file again to see why."
)
DIRECTORY_EXPORT_REPLACE = "{path} already exists. Replace it?"
DIRECTORY_EXPORTED = "Exported {count:,} clinicians to {path}."
