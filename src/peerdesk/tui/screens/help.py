"""Help (`?`): every key the app answers to, read from the one table in `tui.keys`.

It shows no data, but it sits on top of home, so a lock drops it with the rest.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.tui import keys


class HelpScreen(Screen[None]):
    """A list of keys by where they work; escape or ? closes it."""

    BINDINGS = keys.bindings(keys.HELP_KEYS)

    def compose(self) -> ComposeResult:
        # Not a scroll container: its arrow-key bindings would be keys help does not list.
        # When the list outgrows 80x24, lay the sections out in two columns instead.
        with Vertical(id="help-box", classes="box"):
            yield Static(Text(messages.KEYS_SCREEN_TITLE), classes="screen-title")
            for title, specs in self.sections():
                yield Static(Text(title), classes="section-title")
                yield Static(keys.key_table(specs), classes="key-table")

    @staticmethod
    def sections() -> tuple[tuple[str, tuple[keys.KeySpec, ...]], ...]:
        """The groups shown, in order; empty groups are left out."""
        groups = (
            (messages.KEYS_EVERYWHERE, keys.GLOBAL_KEYS),
            (messages.KEYS_ON_HOME, keys.HOME_KEYS),
            (messages.KEYS_ON_PASSPHRASE, keys.PASSPHRASE_KEYS),
            (messages.KEYS_ON_THIS_SCREEN, keys.HELP_KEYS),
        )
        return tuple((title, specs) for title, specs in groups if specs)

    def action_close(self) -> None:
        """Back to where help was opened."""
        self.dismiss()
