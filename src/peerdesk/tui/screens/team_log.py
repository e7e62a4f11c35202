"""The lead's publication log on screen (p on the team screen): `peerdesk report log`.

The same rows as the command, in the same columns under the same headers
(peerdesk.vault.publications.listing, Logged.cells, safe_text.columns), and its
sentence when nothing was published yet. Like the command it shows counts only: how
many values each report showed and hid, never a value (the log holds the shown
values, for the audit of later merges; this screen does not read them). The lines
are drawn literally, never as markup, and scroll with the keys; escape goes back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.safe_text import columns
from peerdesk.tui import keys
from peerdesk.tui.widgets.line_view import Line, LineView
from peerdesk.vault import Vault, publications

LOG_WIDTH = 78  # the lines never wrap: the columns scroll sideways in a narrow window


def log_lines(logged: list[publications.Logged]) -> list[Line]:
    """The command's table as lines: the header in bold, one line per publication."""
    table = columns(list(messages.REPORT_LOG_HEADERS), [p.cells() for p in logged])
    header, *rows = table.split("\n")
    return [("record", header), *(("plain", row) for row in rows)]


class PublicationLogScreen(Screen[None]):
    """Every publication of this vault, oldest first; read once, when it opens."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.TEAM_LOG_KEYS)

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault

    def compose(self) -> ComposeResult:
        if not self.vault.is_open:
            return  # locked on the way: this screen is being dropped
        with Vertical(id="team-log-box"):
            yield Static(Text(messages.TEAM_LOG_TITLE), classes="screen-title")
            yield Static(Text(messages.TEAM_LOG_INTRO), classes="intro")
            logged = publications.listing(self.vault.conn)
            if logged:
                lines = log_lines(logged)
                yield LineView(lambda _width: lines, width=LOG_WIDTH, id="team-log")
            else:
                yield Static(Text(messages.REPORT_LOG_EMPTY), id="team-log-empty")
            yield Static(Text(messages.TEAM_LOG_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        found = self.query("#team-log")
        if found:
            found.first().focus()

    def action_back(self) -> None:
        self.dismiss(None)
