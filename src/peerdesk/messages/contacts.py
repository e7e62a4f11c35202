"""Contacts and follow-ups: notes, the form, the lists, the command line."""

# --- contact notes (clinical/legal wording: review with the clinical advisor) --------------
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


# --- terminal app: the contact form and imminent risk --------------------------------------
KEY_NEW_CONTACT = "new contact"
KEYS_ON_FORM = "On the contact form"
KEY_FORM_SAVE = "save the contact"
KEY_FORM_CANCEL = "cancel (asks first if anything changed)"
KEY_FORM_TOPIC = "on the topic list: toggle the topic with that letter"
KEY_FORM_MINUTES = "on the topic list: 5, 15, 30 or 60 minutes"
KEY_FORM_RISK = "on the topic list: next risk level (imminent shows the checklist)"
KEY_FORM_OUTCOME = "on the topic list: next outcome (a referral offers a clinician)"
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
    "letters  topics   R  risk   O  outcome   1-4  5/15/30/60 min   tab  next field\n"
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
ESCALATION_KEYS = "enter or esc  back to the form      ctrl+g  crisis lines"


# --- command line: contacts, follow-ups, purge ---------------------------------------------
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


# --- terminal app: follow-ups on home, contacts list, contact detail -----------------------
KEY_CONFIRM_YES = "yes"
KEY_CONFIRM_NO = "no"
KEY_CONTACTS = "contacts: list and search"
KEY_ADD_CONCERN = "a colleague's concern"
KEY_FOLLOWUP_UP = "previous follow-up"
KEY_FOLLOWUP_DOWN = "next follow-up"
KEY_FOLLOWUP_DONE = "follow-up done"
KEY_FOLLOWUP_SNOOZE = "snooze to tomorrow"
KEY_FOLLOWUP_SNOOZE_WEEK = "snooze a week"
KEY_REFER_SAVED = "refer the note just saved"  # home lists it only while it applies
KEY_FOLLOWUP_CONTACT = "log follow-up as contact"
FOLLOWUPS_TITLE = "Follow-ups due"
FOLLOWUPS_TITLE_COUNT = "Follow-ups due ({count})"
FOLLOWUPS_NONE = "Nothing due today."
FOLLOWUP_OVERDUE = "OVERDUE {days} d"
FOLLOWUP_DUE_TODAY = "today"
FOLLOWUP_KINDS = {"contact": "after a contact", "concern": "colleague concern"}
FOLLOWUP_NO_HANDLE = "(no handle)"
FOLLOWUP_MORE_ABOVE = "{count} more above"
FOLLOWUP_MORE_BELOW = "{count} more below (f: all)"
FOLLOWUP_DONE = "Follow-up marked done."
FOLLOWUP_SNOOZED = "Follow-up moved to {date}."
FOLLOWUP_GONE = "That follow-up is already closed."
FOLLOWUP_DONE_UNDO = "Follow-up marked done. u undoes it."
FOLLOWUP_REOPENED = "Follow-up open again."
FOLLOWUP_NOTHING_TO_UNDO = "Nothing to undo: no follow-up was marked done here."
FOLLOWUP_NOT_CHANGED = "Nothing changed: that follow-up is not in that state (any more)."
KEY_FOLLOWUP_UNDO = "undo follow-up done"
KEY_FOLLOWUPS = "all follow-ups"
KEY_FOLLOWUP_REOPEN = "open a done follow-up again"
FOLLOWUPS_SCREEN_TITLE = "Follow-ups"
KEYS_ON_FOLLOWUPS = "On the follow-ups list"
FOLLOWUPS_SCREEN_KEYS = "x done  u open again  s tomorrow  S a week  escape back"
FOLLOWUPS_SECTION_DUE = "Due or overdue ({count})"
FOLLOWUPS_SECTION_UPCOMING = "Upcoming ({count})"
FOLLOWUPS_SECTION_DONE = "Done in the last {days} days ({{count}})"
FOLLOWUPS_SECTION_EMPTY = "  none"
FOLLOWUPS_DONE_ON = "  done {date}"
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
# The search box says where typed keys go: into the search while it has the cursor,
# to the list's keys (open, edit, delete, filters) while the list has it.
CONTACTS_SEARCH_PLACEHOLDER = "search notes: type words (down or enter: to the list)"
CONTACTS_SEARCH_IDLE = "press / to search notes"
CONTACTS_COUNT_ONE = "1 contact"
CONTACTS_COUNT_ALL = "{count} contacts"
CONTACTS_COUNT_MATCH = "{count} of {total} match"
# Counts come after the rows (a worker counts them): a few characters meanwhile.
CONTACTS_COUNTING = "counting..."
CONTACTS_COUNT_FAILED = "count unavailable"
CONTACTS_NONE_YET = "No contacts yet. Press n on the home screen to log one."
CONTACTS_NONE_MATCH = "No contact matches. Change the search, month or topic."
CONTACTS_ALL_MONTHS = "all months"
CONTACTS_ALL_TOPICS = "all topics"
CONTACTS_MONTH = "Month"
CONTACTS_TOPIC = "Topic"
CONTACTS_COLUMNS = ("date", "mode", "min", "risk", "outcome", "note", "topics", "handle")
CONTACTS_HAS_NOTE = "note"
CONTACTS_KEYS = "enter open  e edit  d delete  / search  [ ] month  t topic  escape back"
CONTACTS_SEARCH_KEYS = "type words to search notes  down or enter  to the list  escape  to the list"
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
CONTACT_KEYS = "r refer    e edit    d delete    up/down scroll the note    escape back"
KEY_CONTACT_REFER = "refer this contact to a clinician (the directory ranked for it)"
CONTACT_DELETE_QUESTION = (
    "Delete the contact of {date} for good? Its note and handle are wiped from the vault "
    "and cannot be brought back."
)
CONTACT_DELETED = "Contact deleted."
CONTACT_GONE = "That contact no longer exists."

# --- who the contact was for, the kind of group intervention, first or follow-up ----------
HELP_FOR_WHOM = "Who the contact was for. One of: {ids}."
HELP_GROUP_KIND = "The kind of group intervention, for a group contact. One of: {ids}."
HELP_FIRST_OR_FOLLOW_UP = (
    "Whether this is the first contact with this person about it, or a follow-up. One of: {ids}."
)
FORM_FOR_WHOM = "For"
FORM_FIRST_OR_FOLLOWUP = "With this person"
FORM_GROUP_KIND = "Group"
CONTACT_FOR_WHOM = "For"
CONTACT_FIRST_OR_FOLLOWUP = "With this person"
CONTACT_GROUP_KIND = "Group intervention"
