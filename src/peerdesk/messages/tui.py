"""The terminal app's own wording: set-up, unlock, home, keys, failed saves, drafts."""

# --- the terminal app: set-up, unlock, failed saves, home, keys ----------------------------
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
UNLOCK_WAIT_KEPT = (
    "Still {seconds} s to wait. What you typed is kept: press Enter once the wait is over."
)
UNLOCK_WAIT_OVER = "The wait is over: press Enter to try again."
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
KEY_SCROLL_PAGE_DOWN = "a page down"
KEY_SCROLL_PAGE_UP = "a page up"
KEY_SCROLL_TOP = "to the top"
KEY_SCROLL_END = "to the end"
KEY_HELP = "show all keys"
KEY_LOCK = "lock now"
KEY_QUIT = "quit"
KEY_CLOSE = "close"
KEY_ENTER_PASSPHRASE = "unlock, or go to the next field"
KEY_TAB = "next field"
KEY_SHIFT_TAB = "previous field"


# --- keys shown everywhere -----------------------------------------------------------------
KEY_CRISIS = "crisis lines (even while locked)"


# --- long work: the progress dialog (tui.dialogs.work) ------------------------------------
WORK_COUNTS = "{doing}: {done:,} of {total:,}"
WORK_KEYS = "ctrl+l locks (the work stops and nothing of it is written)"
WORK_STOPPED_AT_LOCK = "The lock stopped {what} before it finished; nothing of it was written."
WORK_STOPPED_DAMAGED = (
    "The vault is damaged, so {what} was stopped before it finished; nothing of it was written."
)


# --- the yes/no question -------------------------------------------------------------------
YES_NO_KEYS = "y  yes      n  no"


# --- unfinished forms, kept at a lock and offered after unlock -----------------------------
DRAFT_RESUME_QUESTION = "A contact was left unfinished when peerdesk locked. Open it again?"
CLINICIAN_DRAFT_RESUME_QUESTION = (
    "A clinician record was left unfinished when peerdesk locked. Open it again?"
)
DRAFT_NOT_KEPT = "The unfinished form could not be kept: {reason}"
DRAFT_NOT_KEPT_AT_LOCK = (
    "When peerdesk locked, the unfinished form could not be kept, so what was typed in it "
    "was not saved. {reason}"
)
QUIT_AGAIN_WITHOUT_FORM = (
    "peerdesk is still open. Free some space and save the form, or press ctrl+q again "
    "to quit without it."
)
DRAFT_UNREADABLE = "The unfinished form could not be read back, so it was discarded."
