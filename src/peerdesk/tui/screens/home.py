"""Home: the vault's state and the keys for everything that exists.

Built once per unlock from facts the unlock worker already read, so drawing it
costs no query on the main thread. Later issues add their keys in `tui.keys` and
their panels (follow-ups due) here.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.tui import keys
from peerdesk.tui.opening import Opened

LABEL_WIDTH = 11


class HomeScreen(Screen[None]):
    """What the peer sees after unlocking. Holds data, so every lock drops it."""

    BINDINGS = keys.bindings(keys.HOME_KEYS)

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened

    def compose(self) -> ComposeResult:
        with Vertical(id="home-box", classes="box"):
            yield Static(Text(messages.HOME_TITLE), classes="app-title")
            if not self.opened.vault.health.ok:
                yield Static(
                    Text(messages.VAULT_DAMAGED_READ_ONLY), id="damaged", classes="warning"
                )
            yield Static(self._facts(), id="facts")
            yield Static(Text(messages.HOME_KEYS), classes="section-title")
            yield Static(keys.key_table(keys.GLOBAL_KEYS + keys.HOME_KEYS), id="home-keys")

    def _facts(self) -> Text:
        """Path, schema, auto-lock and theme, every value shown literally."""
        settings = self.opened.settings
        rows = (
            (messages.HOME_VAULT, str(self.opened.vault.path)),
            (
                messages.HOME_SCHEMA,
                messages.HOME_SCHEMA_VALUE.format(version=self.opened.schema_version),
            ),
            (
                messages.HOME_AUTO_LOCK,
                messages.HOME_AUTO_LOCK_VALUE.format(minutes=settings.idle_lock_minutes),
            ),
            (messages.HOME_THEME, settings.theme),
        )
        text = Text()
        for index, (label, value) in enumerate(rows):
            if index:
                text.append("\n")
            text.append(label.ljust(LABEL_WIDTH), style="dim")
            text.append(value)
        return text
