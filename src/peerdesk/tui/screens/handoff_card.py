"""The handoff card: a clinician's details, large and plain, and a QR code to scan.

Nothing is sent from this device: the officer reads the card or scans the code from
the peer's screen. The code is drawn by peerdesk.handoff.render_blocks (dark modules
are ink, two rows per line) in black on white, so it scans on any terminal theme and
the characters alone still hold it. v and t choose what it holds (vCard or tel:), f
shows it alone. A vCard code is often taller than 24 lines: then the card says so
and shows the phone code, which fits beside the details at 80x24.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import handoff, messages
from peerdesk.models.clinicians import Clinician
from peerdesk.tui import keys

DETAILS_MIN_WIDTH = 34  # the details column never gets narrower than this
CHROME_LINES = 3  # title, note and keys lines around the code
QR_STYLE = "black on white"


class HandoffCardScreen(Screen[None]):
    """One clinician's card; escape goes back to where the referral started."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.HANDOFF_CARD_KEYS)

    def __init__(self, clinician: Clinician, today: date, *, kind: str | None = None) -> None:
        super().__init__()
        self.clinician = clinician
        self.today = today
        self.full = False
        self._matrices: dict[str, handoff.Matrix | None] = {}
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self._asked_kind = kind
        self.kind = kind or handoff.VCARD

    # --- what the code holds --------------------------------------------------
    def matrix(self, kind: str) -> handoff.Matrix | None:
        """The code's modules for `kind`, built once (None: no phone for tel:)."""
        if kind not in self._matrices:
            try:
                text = handoff.payload(self.clinician.fields, kind)
            except handoff.NoPhone:
                self._matrices[kind] = None
            else:
                self._matrices[kind] = handoff.qr_matrix(text)
        return self._matrices[kind]

    def _room(self) -> tuple[int, int]:
        width, height = self.app.size
        if self.full:
            return width, height - CHROME_LINES
        return width - DETAILS_MIN_WIDTH - 2, height - CHROME_LINES

    def _code_size(self, kind: str) -> tuple[int, int] | None:
        """The drawing's size, known without building the code (None: no tel: code)."""
        if kind not in self._sizes:
            try:
                text = handoff.payload(self.clinician.fields, kind)
            except handoff.NoPhone:
                self._sizes[kind] = None
            else:
                self._sizes[kind] = handoff.code_size(text)
        return self._sizes[kind]

    def _fits(self, kind: str) -> bool:
        size = self._code_size(kind)
        if size is None:
            return False
        columns, lines = size
        room_w, room_h = self._room()
        return columns <= room_w and lines <= room_h

    def _fitting_kind(self) -> str:
        """vCard when it fits beside the details, else the phone code when there is one."""
        if self._fits(handoff.VCARD) or self._code_size(handoff.TEL) is None:
            return handoff.VCARD
        return handoff.TEL

    # --- drawing ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="card-box"):
            yield Static(Text(messages.CARD_TITLE, no_wrap=True), classes="screen-title")
            with Horizontal(id="card-body"):
                yield Static(self._details(), id="card-details")
                yield Static(id="card-qr")
            yield Static(id="card-note")
            yield Static(Text(messages.CARD_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        if self._asked_kind is None:  # the terminal's size is known from here on
            self.kind = self._fitting_kind()
        self._draw_code()

    def _details(self) -> Text:
        text = Text()
        text.append(self.clinician.name + "\n\n", style="bold underline")
        for line in handoff.card_lines(self.clinician, self.today):
            text.append(f"{line.label}\n", style="dim")
            text.append(f"  {line.value}\n", style="bold")
        return text

    def _draw_code(self) -> None:
        qr = self.query_one("#card-qr", Static)
        note = self.query_one("#card-note", Static)
        self.query_one("#card-details", Static).display = not self.full
        kind_label = messages.CARD_QR_KINDS[self.kind]
        size = self._code_size(self.kind)
        if size is None:
            qr.update(Text(""))
            note.update(Text(messages.CARD_NO_PHONE))
            return
        if not self._fits(self.kind):
            qr.update(Text(""))
            note.update(
                Text(
                    messages.CARD_QR_TOO_BIG.format(kind=kind_label, width=size[0], height=size[1])
                )
            )
            return
        matrix = self.matrix(self.kind)
        assert matrix is not None  # a size means there is a payload
        code = Text("\n".join(handoff.render_blocks(matrix)), style=QR_STYLE, no_wrap=True)
        qr.update(code)
        note.update(Text(messages.CARD_QR_CAPTION.format(kind=kind_label)))

    # --- keys -------------------------------------------------------------------
    def action_qr(self, kind: str) -> None:
        """Show the vCard code or the phone code."""
        self.kind = kind
        self._draw_code()

    def action_full(self) -> None:
        """The code alone (room for a bigger one), or with the details again."""
        self.full = not self.full
        self._draw_code()

    def action_back(self) -> None:
        self.dismiss(None)
