"""Every key the app answers to, in one table that bindings, home and help all read.

A later feature adds one `KeySpec` line (for instance `KeySpec("n", "n", "new_contact",
messages.KEY_NEW_CONTACT)` in HOME_KEYS, or the crisis-lines key in GLOBAL_KEYS) and
it is bound, listed on the home screen and listed on the help screen at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from peerdesk import messages


@dataclass(frozen=True)
class KeySpec:
    """One key: Textual's key name, how it is shown, the action it runs, what it does."""

    key: str
    shown: str
    action: str
    label: str
    priority: bool = False  # True: works even while a text field has focus


# Bound on the app: they work on every screen.
GLOBAL_KEYS: tuple[KeySpec, ...] = (
    KeySpec("question_mark", "?", "help", messages.KEY_HELP),
    KeySpec("ctrl+l", "ctrl+l", "lock", messages.KEY_LOCK, priority=True),
    KeySpec("ctrl+q", "ctrl+q", "quit", messages.KEY_QUIT, priority=True),
    # ctrl+g: one byte (BEL) every terminal delivers in raw mode; Input and TextArea
    # leave it alone; no F-key (laptops hide them behind Fn, GNOME Terminal takes F1).
    KeySpec("ctrl+g", "ctrl+g", "crisis", messages.KEY_CRISIS, priority=True),
)

# Bound on the home screen: one line per feature that exists.
HOME_KEYS: tuple[KeySpec, ...] = (
    KeySpec("n", "n", "app.new_contact", messages.KEY_NEW_CONTACT),
    # The follow-ups panel and the contacts list. up/down/x/s/S/enter
    # act on the follow-up marked on home; nothing on home takes focus.
    KeySpec("c", "c", "contacts", messages.KEY_CONTACTS),
    KeySpec("o", "o", "add_concern", messages.KEY_ADD_CONCERN),
    KeySpec("m", "m", "stats", messages.KEY_STATS),  # monthly counts
    KeySpec("p", "p", "app.settings", messages.KEY_SETTINGS),
    KeySpec("up", "up", "followup_move(-1)", messages.KEY_FOLLOWUP_UP),
    KeySpec("down", "down", "followup_move(1)", messages.KEY_FOLLOWUP_DOWN),
    KeySpec("x", "x", "followup_done", messages.KEY_FOLLOWUP_DONE),
    KeySpec("s", "s", "followup_snooze(1)", messages.KEY_FOLLOWUP_SNOOZE),
    KeySpec("S", "S", "followup_snooze(7)", messages.KEY_FOLLOWUP_SNOOZE_WEEK),
    KeySpec("enter", "enter", "followup_contact", messages.KEY_FOLLOWUP_CONTACT),
    KeySpec("d", "d", "directory", messages.KEY_DIRECTORY),
    KeySpec("r", "r", "app.referrals", messages.KEY_REFERRALS),
    KeySpec("t", "t", "team", messages.KEY_TEAM),
    KeySpec("u", "u", "followup_undo", messages.KEY_FOLLOWUP_UNDO),
    KeySpec("f", "f", "followups", messages.KEY_FOLLOWUPS),
)

# Home right after a contact is saved there, while that contact has no referral yet:
# bound always, but it acts (and home lists it) only then (HomeScreen.check_action).
HOME_SAVED_KEYS: tuple[KeySpec, ...] = (KeySpec("R", "R", "refer_saved", messages.KEY_REFER_SAVED),)

# Handled by the passphrase fields themselves; listed on the help screen only.
PASSPHRASE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("enter", "enter", "submit", messages.KEY_ENTER_PASSPHRASE),
    KeySpec("tab", "tab", "focus_next", messages.KEY_TAB),
    KeySpec("shift+tab", "shift+tab", "focus_previous", messages.KEY_SHIFT_TAB),
)

# Textual's own screen bindings that peerdesk leaves alone: ctrl+c copies a mouse
# selection (selection is switched off, so it does nothing) and otherwise says how
# to quit. Listed so the help test can tell them from a key someone forgot to document.
TEXTUAL_OWN_KEYS = frozenset({"ctrl+c", "super+c"})

# Bound on the contact form (priority: they work while the note field has focus).
FORM_KEYS: tuple[KeySpec, ...] = (
    KeySpec("ctrl+s", "ctrl+s", "save", messages.KEY_FORM_SAVE, priority=True),
    KeySpec("escape", "escape", "cancel", messages.KEY_FORM_CANCEL),
)

# On the contact form's topic list, one key steps the risk or the outcome to its next
# choice (the action is the field's id), so neither is six tabs away. Capitals: every
# lower-case letter but e i k p q v y is a topic, and R and O read as what they step.
FORM_STEP_KEYS: tuple[KeySpec, ...] = (
    KeySpec("R", "R", "risk", messages.KEY_FORM_RISK),
    KeySpec("O", "O", "outcome", messages.KEY_FORM_OUTCOME),
)

# Handled by the contact form's fields themselves; listed on the help screen only.
FORM_FIELD_KEYS: tuple[KeySpec, ...] = (
    KeySpec("a-z", "a-z", "toggle_topic", messages.KEY_FORM_TOPIC),
    KeySpec("1-4", "1-4", "minutes_preset", messages.KEY_FORM_MINUTES),
    *FORM_STEP_KEYS,
    KeySpec("left,right,space", "\u2190 \u2192 space", "step", messages.KEY_FORM_CHOICE),
    KeySpec("tab,shift+tab", "tab shift+tab", "focus_next", messages.KEY_FORM_FIELDS),
)

# The contacts list. Letters go to the search box while it has focus.
CONTACTS_LIST_KEYS: tuple[KeySpec, ...] = (
    KeySpec("enter", "enter", "open", messages.KEY_OPEN),
    KeySpec("e", "e", "edit", messages.KEY_EDIT),
    KeySpec("d", "d", "delete", messages.KEY_DELETE),
    KeySpec("slash", "/", "search", messages.KEY_SEARCH),
    KeySpec("left_square_bracket", "[", "month(-1)", messages.KEY_MONTH_BACK),
    KeySpec("right_square_bracket", "]", "month(1)", messages.KEY_MONTH_FORWARD),
    KeySpec("t", "t", "pick_topic", messages.KEY_TOPIC),
    KeySpec("down", "down", "to_list", messages.KEY_TO_LIST),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)

# One contact, read-only.
CONTACT_DETAIL_KEYS: tuple[KeySpec, ...] = (
    KeySpec("r", "r", "refer", messages.KEY_CONTACT_REFER),
    KeySpec("e", "e", "edit", messages.KEY_EDIT),
    KeySpec("d", "d", "delete", messages.KEY_DELETE),
    KeySpec("delete", "delete", "delete", messages.KEY_DELETE),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)

# The monthly counts screen (tui.screens.stats). Nothing on it takes focus.
STATS_KEYS: tuple[KeySpec, ...] = (
    KeySpec("left_square_bracket", "[", "month(-1)", messages.KEY_STATS_MONTH_BACK),
    KeySpec("right_square_bracket", "]", "month(1)", messages.KEY_STATS_MONTH_FORWARD),
    KeySpec("g", "g", "pick_month", messages.KEY_STATS_MONTH_TYPED),
    KeySpec("e", "e", "export", messages.KEY_STATS_EXPORT),
    KeySpec("down", "down", "scroll(1)", messages.KEY_SCROLL_DOWN),
    KeySpec("up", "up", "scroll(-1)", messages.KEY_SCROLL_UP),
    KeySpec("pagedown", "pgdn", "page(1)", messages.KEY_PAGE_DOWN),
    KeySpec("pageup", "pgup", "page(-1)", messages.KEY_PAGE_UP),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)

# The yes/no question (tui.dialogs.confirm).
CONFIRM_KEYS: tuple[KeySpec, ...] = (
    KeySpec("y", "y", "yes", messages.KEY_CONFIRM_YES),
    KeySpec("n", "n", "no", messages.KEY_CONFIRM_NO),
    KeySpec("escape", "escape", "no", messages.KEY_CONFIRM_NO),
)

# The colleague's-concern dialog on home, and the topic picker of the contacts list.
CONCERN_KEYS: tuple[KeySpec, ...] = (KeySpec("escape", "escape", "cancel", messages.KEY_CANCEL),)

# The clinician directory. Letters go to the search box while it has focus;
# on the list they set filters. Up/down/page keys move the list's cursor.
DIRECTORY_KEYS: tuple[KeySpec, ...] = (
    KeySpec("enter", "enter", "open", messages.KEY_DIR_OPEN),
    KeySpec("slash", "/", "search", messages.KEY_DIR_SEARCH),
    KeySpec("up", "up", "move(-1)", messages.KEY_DIR_ROW_UP),
    KeySpec("down", "down", "move(1)", messages.KEY_DIR_ROW_DOWN),
    KeySpec("pageup", "pgup", "page(-1)", messages.KEY_DIR_PAGE_UP),
    KeySpec("pagedown", "pgdn", "page(1)", messages.KEY_DIR_PAGE_DOWN),
    KeySpec("s", "s", "pick_specialty", messages.KEY_DIR_SPECIALTY),
    KeySpec("t", "t", "flag('telehealth')", messages.KEY_DIR_TELEHEALTH),
    KeySpec("a", "a", "flag('accepting')", messages.KEY_DIR_ACCEPTING),
    KeySpec("i", "i", "pick_value('insurance')", messages.KEY_DIR_INSURANCE),
    KeySpec("g", "g", "pick_value('language')", messages.KEY_DIR_LANGUAGE),
    KeySpec("r", "r", "pick_value('region')", messages.KEY_DIR_REGION),
    KeySpec("v", "v", "cycle_status", messages.KEY_DIR_STATUS),
    KeySpec("0", "0", "clear", messages.KEY_DIR_CLEAR),
    KeySpec("n", "n", "new", messages.KEY_DIR_NEW),
    KeySpec("e", "e", "edit", messages.KEY_DIR_EDIT),
    KeySpec("u", "u", "suspend", messages.KEY_DIR_SUSPEND),
    KeySpec("m", "m", "import", messages.KEY_DIR_IMPORT),
    KeySpec("x", "x", "export", messages.KEY_DIR_EXPORT),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)

# One clinician, read-only.
CLINICIAN_DETAIL_KEYS: tuple[KeySpec, ...] = (
    KeySpec("e", "e", "edit", messages.KEY_DIR_EDIT),
    KeySpec("u", "u", "suspend", messages.KEY_DIR_SUSPEND),
    KeySpec("r", "r", "refer", messages.KEY_DIR_REFER),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)

# The clinician form; ctrl+s works while a text field has focus.
CLINICIAN_FORM_KEYS: tuple[KeySpec, ...] = (
    KeySpec("ctrl+s", "ctrl+s", "save", messages.KEY_CLINICIAN_SAVE, priority=True),
    KeySpec("escape", "escape", "cancel", messages.KEY_FORM_CANCEL),
)

# Referral handoff. The lists move with up/down and choose with enter
# (OptionList's own keys, listed for help); the rest are bound on the screens.
LIST_MOVE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("up", "up", "cursor_up", messages.KEY_ROW_UP),
    KeySpec("down", "down", "cursor_down", messages.KEY_ROW_DOWN),
    KeySpec("enter", "enter", "select", messages.KEY_CHOOSE),
)
REFERRAL_PICK_KEYS: tuple[KeySpec, ...] = (KeySpec("escape", "escape", "back", messages.KEY_BACK),)
HANDOFF_CARD_KEYS: tuple[KeySpec, ...] = (
    KeySpec("v", "v", "qr('vcard')", messages.KEY_CARD_VCARD),
    KeySpec("t", "t", "qr('tel')", messages.KEY_CARD_TEL),
    KeySpec("f", "f", "full", messages.KEY_CARD_FULL),
    KeySpec("escape", "escape", "back", messages.KEY_DONE),
)
# 1-5 set a referral's status (vocab.REFERRAL_STATUSES order), read by the screen's
# on_key; listed for help only.
REFERRAL_STATUS_KEYS: tuple[KeySpec, ...] = (
    KeySpec("1-5", "1-5", "status", messages.KEY_REFERRAL_STATUS),
)
FOLLOWUPS_KEYS: tuple[KeySpec, ...] = (
    KeySpec("x", "x", "done", messages.KEY_FOLLOWUP_DONE),
    KeySpec("u", "u", "undo", messages.KEY_FOLLOWUP_REOPEN),
    KeySpec("s", "s", "snooze(1)", messages.KEY_FOLLOWUP_SNOOZE),
    KeySpec("S", "S", "snooze(7)", messages.KEY_FOLLOWUP_SNOOZE_WEEK),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)
REFERRALS_KEYS: tuple[KeySpec, ...] = (
    KeySpec("b", "b", "check_back", messages.KEY_REFERRAL_CHECK_BACK),
    KeySpec("a", "a", "toggle_all", messages.KEY_REFERRAL_SHOW_ALL),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)

# The team screen (tui.screens.team): each key acts only where it applies (c and j for a
# vault with no team, q l m p r for the lead, j for a peer). Up/down mark a peer in the
# lead's list (OptionList's own keys, LIST_MOVE_KEYS).
TEAM_KEYS: tuple[KeySpec, ...] = (
    KeySpec("c", "c", "create", messages.KEY_TEAM_CREATE),
    KeySpec("j", "j", "join", messages.KEY_TEAM_JOIN),
    KeySpec("q", "q", "qr", messages.KEY_TEAM_QR),
    KeySpec("l", "l", "label", messages.KEY_TEAM_LABEL),
    KeySpec("m", "m", "merge", messages.KEY_TEAM_MERGE),
    KeySpec("p", "p", "log", messages.KEY_TEAM_LOG),
    KeySpec("r", "r", "rotate", messages.KEY_TEAM_ROTATE),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)
TEAM_QR_KEYS: tuple[KeySpec, ...] = (
    KeySpec("q", "q", "back", messages.KEY_BACK),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)
# Joining a team: the fingerprint question. Anything but y answers no.
FINGERPRINT_KEYS: tuple[KeySpec, ...] = (
    KeySpec("y", "y", "yes", messages.KEY_FINGERPRINT_YES),
    KeySpec("n", "n", "no", messages.KEY_FINGERPRINT_NO),
    KeySpec("enter", "enter", "no", messages.KEY_FINGERPRINT_NO),
    KeySpec("escape", "escape", "no", messages.KEY_FINGERPRINT_NO),
)
# A merged team report (tui.screens.team_merge). Nothing on it takes focus.
TEAM_MERGE_KEYS: tuple[KeySpec, ...] = (
    KeySpec("e", "e", "export", messages.KEY_TEAM_MERGE_EXPORT),
    KeySpec("down", "down", "scroll(1)", messages.KEY_SCROLL_DOWN),
    KeySpec("up", "up", "scroll(-1)", messages.KEY_SCROLL_UP),
    KeySpec("pagedown", "pgdn", "page(1)", messages.KEY_PAGE_DOWN),
    KeySpec("pageup", "pgup", "page(-1)", messages.KEY_PAGE_UP),
    KeySpec("escape", "escape", "back", messages.KEY_BACK),
)
# The lead's publication log (tui.screens.team_log): escape is bound on the screen; the
# rest are the focused list's own scroll keys, listed for help.
TEAM_LOG_KEYS: tuple[KeySpec, ...] = (KeySpec("escape", "escape", "back", messages.KEY_BACK),)
TEAM_LOG_SCROLL_KEYS: tuple[KeySpec, ...] = (
    KeySpec("down", "down", "scroll_down", messages.KEY_SCROLL_DOWN),
    KeySpec("up", "up", "scroll_up", messages.KEY_SCROLL_UP),
    KeySpec("pagedown", "pgdn", "page_down", messages.KEY_PAGE_DOWN),
    KeySpec("pageup", "pgup", "page_up", messages.KEY_PAGE_UP),
)

# Bound on the settings screen (priority: ctrl+s works while a field has focus).
SETTINGS_KEYS: tuple[KeySpec, ...] = (
    KeySpec("ctrl+s", "ctrl+s", "save", messages.KEY_SETTINGS_SAVE, priority=True),
    KeySpec("escape", "escape", "cancel", messages.KEY_CANCEL),
)

# Bound on the help screen.
HELP_KEYS: tuple[KeySpec, ...] = (
    KeySpec("escape", "escape", "close", messages.KEY_CLOSE),
    KeySpec("down", "down", "scroll(1)", messages.KEY_SCROLL_DOWN),
    KeySpec("up", "up", "scroll(-1)", messages.KEY_SCROLL_UP),
    KeySpec("pagedown", "pgdn", "page(1)", messages.KEY_SCROLL_PAGE_DOWN),
    KeySpec("pageup", "pgup", "page(-1)", messages.KEY_SCROLL_PAGE_UP),
    KeySpec("home", "home", "edge(-1)", messages.KEY_SCROLL_TOP),
    KeySpec("end", "end", "edge(1)", messages.KEY_SCROLL_END),
)


def bindings(specs: tuple[KeySpec, ...]) -> list[BindingType]:
    """Textual bindings for a table of keys (shown in no footer: the screens list them)."""
    return [
        Binding(spec.key, spec.action, spec.label, show=False, priority=spec.priority)
        for spec in specs
    ]


def key_grid(specs: tuple[KeySpec, ...]) -> Table:
    """The keys as a two-column grid: a long description wraps within its own column,
    never under the keys (help's narrow columns need it)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1, overflow="fold")
    for spec in specs:
        grid.add_row(spec.shown, spec.label)
    return grid


def key_table(specs: tuple[KeySpec, ...]) -> Text:
    """The keys as aligned lines ("ctrl+l   lock now"), for home and help."""
    width = max((len(spec.shown) for spec in specs), default=0) + 3
    text = Text()
    for index, spec in enumerate(specs):
        if index:
            text.append("\n")
        text.append(spec.shown.ljust(width), style="bold")
        text.append(spec.label)
    return text
