"""The team's public string as a QR code, alone on screen, for a peer's phone to scan.

The string is 134 characters, a version 6 code (41 modules): with the standard quiet
zone of four modules it is 49 columns by 25 lines, one line more than an 80x24
terminal has. So the widest quiet zone that fits is used, down to one module (which
phone scanners read when, as here, the zone is drawn white around a black code).
Scanning only saves typing: the peer compares the fingerprint all the same.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import handoff, messages
from peerdesk.tui import keys

CHROME_LINES = 2  # the caption and the keys line under the code
QR_STYLE = "black on white"


class TeamQrScreen(Screen[None]):
    """The code for `text`; q or escape goes back to the team card."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.TEAM_QR_KEYS)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="team-qr-box"):
            yield Static(id="team-qr")
            yield Static(id="team-qr-caption")
            yield Static(Text(messages.TEAM_QR_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.draw()

    def on_resize(self) -> None:
        self.draw()

    def border(self) -> int | None:
        """The widest quiet zone (4 down to 1 module) whose drawing fits; None if none does."""
        width, height = self.app.size
        for border in range(handoff.QUIET_ZONE, 0, -1):
            columns, lines = handoff.code_size(self.text, border=border)
            if columns <= width and lines <= height - CHROME_LINES:
                return border
        return None

    def draw(self) -> None:
        code = self.query_one("#team-qr", Static)
        caption = self.query_one("#team-qr-caption", Static)
        border = self.border()
        if border is None:
            columns, lines = handoff.code_size(self.text, border=1)
            code.update(Text(""))
            caption.update(Text(messages.TEAM_QR_TOO_BIG.format(width=columns, height=lines)))
            return
        drawing = handoff.render_blocks(handoff.qr_matrix(self.text, border=border))
        code.update(Text("\n".join(drawing), style=QR_STYLE, no_wrap=True))
        caption.update(Text(messages.TEAM_QR_CAPTION))

    def action_back(self) -> None:
        self.dismiss(None)
