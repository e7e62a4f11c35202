"""Every key the app answers to, in one table that bindings, home and help all read.

A later feature adds one `KeySpec` line (for instance `KeySpec("n", "n", "new_contact",
messages.KEY_NEW_CONTACT)` in HOME_KEYS, or the crisis-lines key in GLOBAL_KEYS) and
it is bound, listed on the home screen and listed on the help screen at once.
"""

from __future__ import annotations

from dataclasses import dataclass

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
)

# Bound on the home screen: one line per feature that exists.
HOME_KEYS: tuple[KeySpec, ...] = ()

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

# Bound on the help screen.
HELP_KEYS: tuple[KeySpec, ...] = (KeySpec("escape", "escape", "close", messages.KEY_CLOSE),)


def bindings(specs: tuple[KeySpec, ...]) -> list[BindingType]:
    """Textual bindings for a table of keys (shown in no footer: the screens list them)."""
    return [
        Binding(spec.key, spec.action, spec.label, show=False, priority=spec.priority)
        for spec in specs
    ]


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
