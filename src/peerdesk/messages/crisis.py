"""Crisis lines: the file's problems, the screen, `peerdesk crisis`."""

# --- crisis lines (public numbers, readable while locked) ----------------------------------
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
CRISIS_VERIFIED_AGAINST = "checked {date} against {source}"
CRISIS_UNVERIFIED = "not verified yet"
CRISIS_EMERGENCY = "If someone is in immediate danger, call 911."
CRISIS_SHOWING_DEFAULTS = "{problem} The default crisis lines are shown instead."


# --- terminal app: the crisis screen -------------------------------------------------------
CRISIS_KEYS = "e set the EAP  o set the on-call clinician  esc or ctrl+g close"
CRISIS_KEYS_LOCKED = "esc or ctrl+g  close   (unlock to change the EAP or on-call line)"
CRISIS_EDIT_TITLE = "Set the line: {name}"
CRISIS_EDIT_NUMBER = "Number to call or text"
CRISIS_EDIT_HOW = "How to reach it (optional), e.g. Call 555-0100, 24/7"
CRISIS_EDIT_VERIFIED = "Checked that it works on (YYYY-MM-DD)"
CRISIS_EDIT_KEYS = "tab next field  enter save  escape cancel"
CRISIS_EDIT_NEEDS_NUMBER = "Type the number to call (or escape to leave it as it is)."
CRISIS_EDIT_BAD_DATE = "The date must be like {today}, and not in the future."
CRISIS_EDIT_SAVED = "Saved: {name}."
CRISIS_EDIT_FAILED = "The crisis lines could not be saved ({reason}); nothing was changed."
CRISIS_EDIT_LOCKED = "Unlock the vault to change a crisis line: while locked they are read-only."
ESCALATION_ON_CALL_LABEL = "On-call team clinician: "
ESCALATION_ON_CALL_UNSET = (
    "On-call team clinician: not set. Set it on the crisis screen (ctrl+g, then o)."
)


# --- command line: crisis lines ------------------------------------------------------------
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
