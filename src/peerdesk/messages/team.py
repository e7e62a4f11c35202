"""Team keys: the team card, joining, the signed directory and sealed months."""

# --- the team command -----------------------------------------------------------------------
HELP_TEAM = "Team keys: the lead makes them, peers join; directories are signed and months sealed."
HELP_TEAM_CREATE = (
    "Make this vault the team lead's: new team keys (signing and sealing), kept inside the "
    "vault. Shows the team card to give peers."
)
HELP_TEAM_SHOW = "Show the team this vault belongs to: its public string and fingerprint."
HELP_TEAM_JOIN = (
    "Join a team with the lead's public string (peerdesk-team1:...). Compare the "
    "fingerprint with the lead in person before you answer yes."
)
HELP_TEAM_JOIN_STRING = "The team's public string, as the lead's team card shows it."
HELP_TEAM_YES = "Do not ask: the fingerprint was already compared."
HELP_TEAM_ROTATE = (
    "Make new team keys (the lead only). Every peer joins again; months sealed to the "
    "old key still open in this vault."
)
HELP_TEAM_PEERS = "List the peers' keys seen on sealed months, with the labels you gave."
HELP_TEAM_LABEL = "Give a peer's key a label (e.g. initials) so merges name it."
HELP_TEAM_LABEL_KEY = "The peer's key id (16 hex digits) as `team peers` and merges show it."
HELP_TEAM_LABEL_TEXT = "The label; leave out to remove it."
HELP_TEAM_QR = "Also draw the public string as a QR code."

TEAM_UNAVAILABLE = (
    "Team keys are not available on this computer: the libraries that seal and sign "
    "files publish no build for it (Windows on Arm). Run peerdesk with the x64 Python, "
    "or keep plain files."
)
TEAM_CARD_TITLE = "Team card"
TEAM_CARD_LEAD = "This vault is the team lead's (keys made {created})."
TEAM_CARD_MEMBER = "This vault joined the team on {joined}."
TEAM_CARD_STRING = "Public string (give it to each peer; it is not secret):"
TEAM_CARD_FINGERPRINT = "Fingerprint (compare it aloud, in person):"
TEAM_CARD_KEY_ID = "Team key id: {key_id}"
TEAM_CARD_OWN_KEY = "This vault's own key id: {key_id} (it signs the months you send)."
TEAM_NONE = (
    "This vault belongs to no team. A lead runs `peerdesk team create`; a peer runs "
    "`peerdesk team join STRING` with the string from the lead's team card."
)
TEAM_ALREADY_LEAD = (
    "This vault already holds team keys (made {created}). To make new ones, run "
    "`peerdesk team rotate`: every peer then joins again."
)
TEAM_CREATED = (
    "Team keys made and kept in this vault. Back up the vault: a lost vault means a new team."
)
TEAM_ROTATED = (
    "New team keys made. Every peer must join again with the new string; months sealed "
    "to the old key still open here."
)
TEAM_NOT_LEAD = "This vault holds no team keys: only the lead's vault can do this."
TEAM_BAD_STRING = (
    "That is not a team string ({why}). Copy the whole string from the lead's team card; "
    "it starts with peerdesk-team1:."
)
TEAM_JOIN_COMPARE = (
    "Compare this fingerprint with the one on the lead's team card, in person or by a "
    "call you placed yourself:"
)
TEAM_JOIN_ASK = "Does it match exactly?"
TEAM_JOIN_NO_TTY = (
    "Joining needs you to compare the fingerprint: run it at a terminal, or add --yes "
    "once you have compared it."
)
TEAM_JOIN_DECLINED = "Not joined: nothing was changed."
TEAM_JOINED = "Joined the team {key_id}. Your months are now sealed to the lead and signed by you."
TEAM_JOINED_SAME = "This vault already belongs to that team; nothing was changed."
TEAM_JOIN_OWN_LEAD = (
    "This vault is the lead of another team. A lead's vault belongs to its own team."
)
TEAM_PEERS_NONE = (
    "No peer's key has been seen yet: keys are noted when a merge opens sealed months."
)
TEAM_PEERS_HEADER = "Peers' keys seen on sealed months:"
TEAM_PEER_LINE = "{key_id}  {label}  first seen {first}, last seen {last}"
TEAM_PEER_NO_LABEL = "(no label)"
TEAM_LABEL_UNKNOWN = (
    "No peer key {key_id} has been seen. `peerdesk team peers` lists the keys merges saw."
)
TEAM_LABELLED = "Key {key_id} is now labelled {label}."
TEAM_UNLABELLED = "Key {key_id} has no label now."
TEAM_LABEL_TEXT = "A label is one line of at most {max} printable characters."

# --- the signed directory -------------------------------------------------------------------
HELP_IMPORT_UNSIGNED = (
    "Import a file nobody signed (only for a vault that has joined no team). "
    "Nobody vouches for such a file."
)
DIRECTORY_SIGNED_WRITTEN = "Signed as directory number {sequence} of team {key_id}: {path}"
DIRECTORY_SIGNATURE_MISSING = (
    "{path} has no signature file beside it ({signature}). Your team's directory is always "
    "signed by the lead: ask the lead for both files, and import nothing else."
)
DIRECTORY_SIGNATURE_BAD = (
    "{path} does not match its signature: it was changed after the lead signed it. "
    "Nothing was imported; ask the lead for a new copy."
)
DIRECTORY_SIGNATURE_MALFORMED = (
    "{signature} is not a signature file (damaged or cut). Nothing was imported."
)
DIRECTORY_SIGNATURE_OTHER_KEY = (
    "{path} was signed by another key than your team's ({key_id}). If your lead made new "
    "team keys, join again with the new string; otherwise do not import it."
)
DIRECTORY_SIGNATURE_NOT_DIRECTORY = (
    "{signature} is a signature, but not of a peerdesk directory. Nothing was imported."
)
DIRECTORY_ROLLBACK = (
    "{path} is directory number {sequence}, older than number {have} you already imported "
    "(an old copy can bring back a clinician the lead has suspended). Nothing was imported."
)
DIRECTORY_UNSIGNED_NEEDS_OPTION = (
    "{path} is not signed, so nobody vouches for it. If you trust where it came from, "
    "import it with --unsigned."
)
DIRECTORY_SIGNED_NOT_JOINED = (
    "{path} is signed by team {key_id}, but this vault has joined no team, so the "
    "signature cannot be checked. Join the team first, or import it with --unsigned."
)
DIRECTORY_UNSIGNED_JOINED = (
    "This vault belongs to a team, and a team's directory is always signed: an unsigned "
    "file is refused."
)
DIRECTORY_VOUCHED = "Signed by your team's lead: directory number {sequence}, signed on {date}."
DIRECTORY_NOBODY_VOUCHES = "Nobody vouches for this file: it is not signed."
DIRECTORY_SIGNATURE_UNREADABLE = "{signature} cannot be read ({reason})."

# --- sealed months --------------------------------------------------------------------------
REPORT_FILE_SEALED_NEEDS_LEAD = (
    "{file} is sealed to a team: only the team lead's vault can open it."
)
REPORT_FILE_SEALED_OLD = "{file} is sealed but holds an old month file; nothing of it is counted."
REPORT_SEALED_OTHER_TEAM = (
    "{file} is sealed to another team's key (or its header was changed): this vault cannot open it."
)
REPORT_SEALED_DAMAGED = "{file} was changed or cut after it was sealed; nothing of it is counted."
REPORT_SEALED_INNER = (
    "{file} opens, but what is inside is not a peerdesk month; nothing is counted."
)
REPORT_SEALED_BAD_SIGNATURE = (
    "{file}: the month inside does not match the peer's signature; nothing of it is counted."
)
REPORT_SEALED_SIGNED_FOR_OTHER_TEAM = (
    "{file} was signed for another team ({team}); nothing of it is counted."
)
REPORT_SENDER_PEER = "peer key {key}"
REPORT_SENDER_VAULT = "vault {vault}"
REPORT_SAME_EXPORT_TWICE = "{file} is the same export as {first}: counted once."
REPORT_NEWER_EXPORT_USED = (
    "{who} sent {month} more than once: the newer export ({file}, number {number}) is "
    "counted, not {left_out} (number {old_number})."
)
REPORT_PLAIN_AND_SEALED = (
    "{file} is a plain export from the vault that also sent the sealed {sealed}: only the "
    "sealed one is counted."
)
REPORT_WHY_SEQUENCE = "must be a whole number from 1 to {max}"
REPORT_FROM_PEERS = "Counted {count} files, sealed and signed by these peers' keys:"
REPORT_FROM_SEALED = "  {key_id}  {label}"
REPORT_FROM_NEW_KEY = (
    "  {key_id}  NEW: never seen before. Ask the peer for their key id (`peerdesk team "
    "show`) before you trust it, then label it: `peerdesk team label {key_id} NAME`."
)
REPORT_FROM_THIS_VAULT = "this vault (the lead's own month)"
REPORT_FROM_PLAIN = "  {file}: not sealed; nobody vouches for it"
REPORT_MONTH_SEALED_NEEDS_FILE = (
    "This vault belongs to a team, so its month file is sealed (not text): add -o FILE "
    "(e.g. -o {name})."
)
REPORT_MONTH_SEALED_WRITTEN = (
    "Sealed month {month} written to {path} (export number {sequence}): only your team "
    "lead's vault can open it."
)

# --- the terminal app: the team screen, signed directories, sealed months -------------------
KEY_TEAM = "team keys and merges"
KEYS_ON_TEAM = "On the team screen"
KEY_TEAM_CREATE = "create team keys (lead)"
KEY_TEAM_JOIN = "join a team (peer)"
KEY_TEAM_QR = "public string as a QR code"
KEY_TEAM_LABEL = "label the marked peer's key"
KEY_TEAM_MERGE = "merge peers' months (lead)"
KEY_TEAM_ROTATE = "make new team keys (lead)"
KEY_TEAM_LOG = "the publication log: team reports published (lead)"
KEYS_ON_TEAM_MERGE = "On a merged team report"
KEYS_ON_TEAM_LOG = "On the publication log"
KEYS_ON_FINGERPRINT = "Comparing a team's fingerprint"
KEY_FINGERPRINT_YES = "yes, it matches exactly"
KEY_FINGERPRINT_NO = "no: nothing is changed"

TEAM_SCREEN_TITLE = "Team keys"
TEAM_SCREEN_NONE = (
    "This vault belongs to no team. The lead makes the team keys, once;\n"
    "each peer joins with the lead's public string after comparing fingerprints."
)
TEAM_SCREEN_NONE_KEYS = "escape back"
TEAM_SCREEN_LEAD_KEYS = (
    "q QR code  l label the marked peer  m merge months  p publication log\nr new keys  escape back"
)
TEAM_SCREEN_PEER_KEYS = "j join again (a new string from the lead)  escape back"
TEAM_CARD_ROLE_LEAD = "this vault is the team lead's"
TEAM_CARD_ROLE_PEER = "this vault is a peer of the team"
TEAM_CARD_KEY_ID_LABEL = "Team key id"
TEAM_CARD_CREATED_LABEL = "Keys made on"
TEAM_CARD_JOINED_LABEL = "Joined on"
TEAM_CARD_OWN_LABEL = "This vault's own key id"
TEAM_CARD_OWN_HINT = "(it signs the months you send)"
TEAM_PEER_ROW = "{key_id}  {label}  last seen {last}"

TEAM_QR_CAPTION = "Scan: the team's public string. Compare the fingerprint in person all the same."
TEAM_QR_TOO_BIG = (
    "The code needs {width} columns and {height} lines: make the window bigger, or give "
    "the public string as text."
)
TEAM_QR_KEYS = "q or escape back"

TEAM_ROTATE_ASK = (
    "Make new team keys?\n\n"
    "Every peer must join again with the new public string, comparing its new "
    "fingerprint: until they do, they refuse every directory you sign. Months sealed "
    "to the old keys still open here."
)

TEAM_JOIN_TITLE = "Join a team"
TEAM_JOIN_INTRO = (
    "Paste or type the public string from the lead's team card; it starts with "
    "peerdesk-team1:. Nothing is changed before you compare its fingerprint."
)
TEAM_JOIN_LABEL = "Public string"
TEAM_JOIN_EMPTY = "Paste the team's public string first."
TEAM_JOIN_KEYS = "enter continue  escape cancel"
TEAM_JOIN_CONFIRM_TITLE = "Compare the fingerprint"
TEAM_JOIN_CONFIRM_KEYS = "y  yes, it matches exactly      n  no: nothing is changed"

TEAM_LABEL_TITLE = "Label the key {key_id}"
TEAM_LABEL_INTRO = (
    "A name you recognise (initials, say), shown beside this key on merges. Ask the "
    "peer for their key id before you trust a new key. Leave it empty to remove the label."
)
TEAM_LABEL_FIELD = "Label"
TEAM_LABEL_KEYS = "enter save  escape cancel"
TEAM_LABEL_OWN = "That is this vault's own key: it needs no label."

TEAM_MERGE_TITLE = "Merge peers' months"
TEAM_MERGE_INTRO = (
    "A folder (every .age and .json file in it is read), or files separated by ;. "
    "The team report is shown on screen; e there writes it to a file."
)
TEAM_MERGE_PATH_LABEL = "Folder or files"
TEAM_MERGE_EMPTY = "Type a folder or a file first."
TEAM_MERGE_MISSING = "{path} does not exist."
TEAM_MERGE_NO_FILES = "{folder} holds no .age or .json file."
TEAM_MERGE_PERIOD_LABEL = "Period"
# The order the period field steps through; the ids are the kinds of
# peerdesk.reports.periods (month: `report merge` with no period option).
# Each starts with its own letter: m, q and y jump to it.
TEAM_MERGE_PERIODS = {
    "month": "month: the one the files are for",
    "quarter": "quarter, typed below (like --quarter)",
    "year": "year, typed below (like --year)",
}
TEAM_MERGE_PERIOD_TEXT_LABEL = "Quarter or year"
TEAM_MERGE_PERIOD_EXAMPLES = {"month": "", "quarter": "2026-Q4", "year": "2026"}
TEAM_MERGE_KEYS = "enter merge  tab next field  left/right or m q y period  escape cancel"
TEAM_MERGE_READING = "Reading and checking {count} file(s)..."
TEAM_MERGE_READING_PERIOD = "Reading and checking {count} file(s) for {period}..."
TEAM_MERGE_TITLE_PERIOD = "Merge peers' months: {period}"
TEAM_MERGE_REFUSED = "Nothing was merged: {count} problem(s), each below."
TEAM_MERGE_FILE_HINT = (
    "e writes this report to a file: one printable page for command staff (HTML), CSV, "
    "JSON or Markdown, as `peerdesk report merge` writes them."
)
TEAM_FROM_NEW_KEY = (
    "  {key_id}  NEW: never seen before. Ask the peer for their key id (their team "
    "screen shows it) before you trust it, then label it on the team screen (l)."
)
TEAM_MERGE_RESULT_KEYS = "e export  up/down pgup/pgdn scroll  escape back"

TEAM_LOG_TITLE = "Publication log"
TEAM_LOG_INTRO = (
    "Every team report this vault published, oldest first: written to a file from a "
    "merge here, or printed or written by `peerdesk report merge`. Counts of values "
    "only, never a value."
)
TEAM_LOG_KEYS = "up/down pgup/pgdn scroll  escape back"

DIRECTORY_UNSIGNED_ASK = (
    "Nobody vouches for {path}: {why}.\n\n"
    "Go on only if you trust where the file came from. Go on to the preview?"
)
DIRECTORY_UNSIGNED_WHY_NONE = "it is not signed"
DIRECTORY_UNSIGNED_WHY_NO_TEAM = (
    "it is signed, but this vault has joined no team, so the signature cannot be checked"
)

STATS_EXPORT_FORMATS_SEALED = {
    "json": "sealed for the team lead (.age)",
    "csv": "CSV (your own spreadsheet)",
}
STATS_EXPORT_INTRO_SEALED = (
    "The file holds counts only: no notes, handles, names or days. This vault belongs "
    "to team {key_id}, so the lead's file is sealed: only the lead's vault opens it. "
    "CSV is not sealed."
)


# --- the terminal app: exporting a merged team report ---------------------------------------
KEY_TEAM_MERGE_EXPORT = "write the report to a file (HTML, CSV, JSON, Markdown)"
TEAM_MERGE_CHART_TITLE = "Contacts by mode"
TEAM_EXPORT_NOTHING = "Nothing was merged, so there is no report to write."
TEAM_EXPORT_TITLE = "Write the team report for {month}"
TEAM_EXPORT_INTRO = (
    "The same files as `peerdesk report merge`: counts after suppression only, no peer's "
    "own month, no label, no export id. HTML is one printable page for command staff. "
    "The first file written logs the report in this vault's publication log."
)
TEAM_EXPORT_FORMAT = "Format"
# The order the format field steps through; ids are `report merge --format`'s.
TEAM_EXPORT_FORMATS = {
    "html": "HTML (one printable page)",
    "csv": "CSV (one line per value)",
    "wide-csv": "wide CSV (a block per table, for charts)",
    "json": "JSON",
    "md": "Markdown",
}
TEAM_EXPORT_PATH = "File"
TEAM_EXPORT_KEYS = "enter write    left/right format    tab next field    escape cancel"
TEAM_EXPORT_KEPT = "{path} was left as it is; type another file, or press enter to be asked again."
TEAM_EXPORT_DISK_FULL = (
    "The disk is full, so nothing was written. What you typed is still here: free some "
    "space and press enter again."
)
TEAM_EXPORT_FAILED = "Nothing was written: {reason}."
TEAM_EXPORT_LOCKED = "Nothing was written: the vault was locked meanwhile. Unlock and merge again."

# --- what the keys alone cannot prove -----------------------------------------------------
REPORT_SENDER_KEY_FORGED = (
    "{file} is signed by a key that claims the id {key_id} of another key this vault "
    "knows: it is forged. Nothing was merged; remove the file and merge again."
)
REPORT_SENDER_REPLAYED = (
    "{file} is export {number} of peer key {key_id} for {month}, older than export "
    "{newer} merged before: nothing was merged. Use the newer file, or leave this one out."
)
DIRECTORY_SAME_NUMBER_OTHER_FILE = (
    "{path} is directory number {sequence}, the number of the directory you imported "
    "last, but it is another file. Nothing was imported: ask the lead for their latest "
    "directory (a lead who restored a backup exports until the number is higher)."
)
REPORT_FILE_SAME_ID_OTHER_COUNTS = (
    "{file} has the export id of {first} but other counts: one of them was made from "
    "the other. Nothing was merged; keep only the file the peer sent."
)
TEAM_CREATE_LEAVES_TEAM = (
    "This vault belongs to team {key_id} as a peer. Making team keys leaves that team "
    "and makes this vault the lead of a new one: add --yes if that is what you want."
)
