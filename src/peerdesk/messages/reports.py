"""Monthly counts and team reports: figures, files, the CLI and the stats screen."""

# --- monthly counts and team reports: files, command line ----------------------------------
HELP_REPORT = "Monthly counts: export your month, merge a team's months with suppression."
HELP_REPORT_MONTH = (
    "Your counts for one month (exact; counts only: no text, handles, names or days). "
    "Passphrase: PEERDESK_PASSPHRASE, --passphrase-stdin, or a prompt."
)
HELP_REPORT_MERGE = (
    "Merge peers' month files (JSON from `report month --format json`) into a team report "
    "with small-cell suppression. Uses the vault when there is one: its threshold setting "
    "(unless --min-cell) and its publication log, which the report is checked against and "
    "added to before it is printed or written."
)
HELP_REPORT_MONTH_ARG = "The month, as YYYY-MM."
HELP_REPORT_FILES = (
    "Month files (JSON) from the team's peers, all for the same month (or the months of "
    "--quarter or --year)."
)
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
    "group_kind": "Group contacts by kind",
    "for_whom": "Who the contact was for",
    "first_or_followup": "First contact or follow-up",
    "duration": "How long",
}
REPORT_TOPICS_NOTE = "A contact can have several topics, so topics add up to more than contacts."
REPORT_TOTAL = "Total"
REPORT_NOT_RECORDED = "not recorded by this peerdesk version"
REPORT_NOT_RECORDED_SHORT = "not recorded"
REPORT_MONTH_TITLE = "peerdesk counts for {month}"
REPORT_LABEL_LINE = "Label: {label}"
REPORT_TEAM_TITLE = "Team counts for {month} ({peers} peer files merged)"
REPORT_SUPPRESSED_MARK = "x"
REPORT_ZEROS_HIDDEN = "Zeros are hidden too (the team's setting), so an x may be 0."
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


# Long merges say which step they are in (peerdesk.progress): the step, never a cell.
PROGRESS_MERGE_READING = "Reading and checking the month files"
PROGRESS_MERGE_SUPPRESSING = "Adding up the months and hiding small counts"
PROGRESS_MERGE_AUDITING = "Checking what each reader of the report could work out"
PROGRESS_MERGE_COMPARING = "Comparing with the earlier publications"
PROGRESS_MERGE_RETRYING = "Trying to show hidden counts again"


# --- terminal app: the stats screen and its month export -----------------------------------
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


# --- team reports: why each value is hidden, and the attacker's audit ----------------------
REPORT_HIDDEN_LINE = (
    "x = hidden. Threshold {n}: {total} value(s) hidden. Why (the same for every hidden "
    "value of a table, so it never tells which one is small):"
)
REPORT_WHY_LEGEND_LINE = "  {tag} ({count}): {text}"
# The short word after a hidden value, by reason id (ids are stable: JSON and CSV use them).
REPORT_WHY_TAGS = {
    "threshold": "small",
    "linked": "linked",
    "insider": "own month",
    "earlier": "earlier report",
    "withheld": "withheld",
}
REPORT_WHY_TEXT = {
    "threshold": (
        "the table has a count from 1 to {below}; it and the counts hidden to protect it "
        "are all marked so"
    ),
    "linked": "more hidden, so that no hidden count can be narrowed from the rest of the report",
    "insider": (
        "hidden so that no peer who subtracts their own month learns the others' small counts"
    ),
    "earlier": "hidden, so that no count of an earlier report can be narrowed by comparing",
    "withheld": (
        "the whole table or section is withheld, zeros included (a count below {n}, or one "
        "that could not be protected otherwise); follow-ups completed below {n} likewise"
    ),
}
REPORT_AUDIT_LINE = (
    "Audit: {hidden} hidden value(s); none can be narrowed to one value or to 1..{below}, "
    "from this report alone or with any one peer's own month known ({peers} peers checked)."
)
REPORT_AUDIT_LINE_ONE_FILE = (
    "Audit: {hidden} hidden value(s); none can be narrowed to one value or to 1..{below} "
    "from this report (one file: its peer knows the whole month anyway)."
)
REPORT_AUDIT_NOTHING_HIDDEN = "Audit: no value is hidden, so none can be narrowed."
REPORT_AUDIT_NOT_RUN = "Audit: not run for this report."
REPORT_AUDIT_FAILED = (
    "Nothing was published: the audit of the team report could not be completed ({reason})."
)


# --- team reports for command staff: percentages, the printable page, the wide CSV ---------
REPORT_TOPICS_NOTE_PERCENT = (
    "A contact can have several topics, so topics add up to more than contacts and "
    "their percentages of contacts to more than 100%."
)
REPORT_PERCENT_HEADING = "%"
REPORT_WIDE_THRESHOLD = "Threshold"
REPORT_WIDE_FIGURES = "Figures"
REPORT_WIDE_COUNT = "count"
REPORT_WIDE_PERCENT_OF = "% of {base}"
REPORT_WIDE_HIDDEN = "hidden"
REPORT_WIDE_WHY = "why"
REPORT_WIDE_WHY_COUNT = "values"
REPORT_WIDE_WHY_MEANS = "means"
REPORT_HTML_INTRO = (
    "Counts only: no notes, names, handles or days, and no peer's own counts. Counts "
    "from 1 to {below} are hidden (threshold {n}), with whatever else would let a reader "
    "work them out."
)
REPORT_HTML_PERCENT_NOTE = (
    "Percentages are of the table's total (topics: of contacts), rounded to whole "
    "numbers, and only beside values that are shown; bars are drawn to the same scale."
)
REPORT_HTML_COUNT = "Count"
REPORT_HTML_HIDDEN_LINE = (
    "{mark} = hidden. Threshold {n}: {total} value(s) hidden. Why (the same for every "
    "hidden value of a table, so it never tells which one is small):"
)
# --- team reports over time: periods, the publication log, publishing again ----------------
HELP_REPORT_QUARTER = (
    "Merge a quarter (YYYY-QN, e.g. 2026-Q1) from month files of its three months."
)
HELP_REPORT_ZEROS = (
    "Show zeros (the default, or the vault's report-zeros setting) or hide them like small counts."
)
HELP_REPORT_YEAR = "Merge a year (YYYY) from month files of its twelve months."
HELP_REPORT_LOG = (
    "List the team reports this vault published (printed or written by `report merge`): "
    "period, when, threshold, files, values shown and hidden."
)
REPORT_QUARTER_FORMAT = (
    "The quarter {value!r} is not a quarter; write it as YYYY-QN, e.g. 2026-Q1 (Q1 to Q4)."
)
REPORT_YEAR_FORMAT = "The year {value!r} is not a year; write it as four digits, e.g. 2026."
REPORT_PERIOD_OUT_OF_RANGE = (
    "The {what} {value!r} is outside the years peerdesk can count ({first} to {last})."
)
REPORT_ONE_PERIOD = "Give one period at a time: {options} cannot be combined."
REPORT_FILE_OUTSIDE_PERIOD = (
    "{file} is for {month}, which is not in {period}; give only that period's months."
)
REPORT_PERIOD_MONTHS_MISSING = (
    "{period} has no file for {months}: a report of a period needs every one of its "
    "months (a peer with no contacts that month exports it all the same)."
)
REPORT_LOGGED = (
    "Logged as publication {number} ({period}) in the vault: later reports of its "
    "months are checked against it."
)
REPORT_NOT_LOGGED = (
    "Not logged: there is no vault here, so a later report cannot be checked against "
    "this one (merge in the lead's vault to keep a publication log)."
)
REPORT_LOG_FAILED = "Nothing was published: the report could not be logged in the vault. {reason}"
REPORT_LOG_EMPTY = "No team report has been published from this vault yet."
REPORT_LOG_HEADERS = ["#", "period", "published (UTC)", "threshold", "files", "shown", "hidden"]
REPORT_CHANGES_TITLE = "Since the last publication of {period} ({since}):"
REPORT_CHANGES_NONE = "Since the last publication of {period} ({since}): nothing changed."
REPORT_CHANGED_LINE = "  {label}: {was} -> {now}"
REPORT_NEWLY_HIDDEN_LINE = "  {label}: now hidden"
REPORT_NEWLY_SHOWN_LINE = "  {label}: now shown ({now})"
REPORT_AUDIT_COMPARED = (
    "Compared with {count} earlier publication(s) of its months: none of their hidden "
    "values, and no change since, can be narrowed to one value or to 1..{below} "
    "({earlier} more value(s) hidden for that)."
)
