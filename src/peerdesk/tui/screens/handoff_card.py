"""The handoff card: a clinician's details, large and plain, and a QR code to scan.

Nothing is sent from this device: the officer reads the card or scans the code from
the peer's screen, maybe from the next car. So the name is drawn in large letters
and the first phone in Textual's large `Digits`, with every detail in plain text
under them. The code is drawn by peerdesk.handoff.render_blocks (dark modules are
ink, two rows per line) in black on white, so it scans on any terminal theme and the
characters alone still hold it. v and t choose what it holds (vCard or tel:).

f shows the code alone, as large as the terminal allows (each module 2x2 or more when
it fits: a scanner's reach grows with the module), in a white field that is its quiet
zone; when even the smallest drawing does not fit, it says so and what to do instead.
A vCard code is often taller than an 80x24 card: then the card opens on the phone
code, which fits beside the details.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Horizontal, Middle, Vertical, VerticalScroll
from textual.renderables.digits import Digits as DigitsRenderable
from textual.screen import Screen
from textual.widgets import Digits, Static

from peerdesk import handoff, messages
from peerdesk.models.clinicians import Clinician
from peerdesk.tui import keys
from peerdesk.tui.widgets.big_name import BigName

DETAILS_MIN_WIDTH = 45  # the details column: room for a phone number in large digits
CARD_CHROME_LINES = 5  # title and its margin, the note (up to two lines), the keys
ALONE_CHROME_LINES = 1  # the one line under the code shown alone
QR_STYLE = "black on white"


def large_phone(phone: handoff.Phone | None) -> str:
    """The number for the large digits: "(503) 555-0142" as "503 555-0142".

    Textual draws ")" four columns wide but counts three, so the last digit was cut.
    """
    if phone is None:
        return ""
    return phone.display.replace("(", "").replace(") ", " ").replace(")", " ")


class HandoffCardScreen(Screen[None]):
    """One clinician's card; escape goes back to where the referral started."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.HANDOFF_CARD_KEYS)

    def __init__(self, clinician: Clinician, today: date, *, kind: str | None = None) -> None:
        super().__init__()
        self.clinician = clinician
        self.today = today
        self.full = False
        self.fit: handoff.Fit | None = None  # how the code on screen is drawn (None: none)
        self._matrices: dict[tuple[str, int], handoff.Matrix] = {}
        self._no_code = messages.CARD_NO_PHONE
        self._modules: dict[str, int | None] = {}
        self._asked_kind = kind
        self.kind = kind or handoff.VCARD
        self.phone = handoff.first_valid(clinician.fields.phones)

    # --- what the code holds --------------------------------------------------
    def _payload(self, kind: str) -> str | None:
        """The code's text, or None (a tel: code without a phone: `_no_code` says why)."""
        try:
            return handoff.payload(self.clinician.fields, kind)
        except handoff.NoPhone as exc:
            self._no_code = str(exc)
            return None

    def _modules_of(self, kind: str) -> int | None:
        """The code's width in modules, known without building it (None: no tel: code)."""
        if kind not in self._modules:
            text = self._payload(kind)
            self._modules[kind] = None if text is None else handoff.symbol_modules(text)
        return self._modules[kind]

    def matrix(self, kind: str, border: int) -> handoff.Matrix:
        """The code's modules for `kind` with `border`, built once."""
        if (kind, border) not in self._matrices:
            text = self._payload(kind)
            assert text is not None, "a matrix of a code that has no payload"
            self._matrices[kind, border] = handoff.qr_matrix(text, border=border)
        return self._matrices[kind, border]

    def _terminal(self) -> tuple[int, int]:
        width, height = self.size if self.size.area else self.app.size
        return width, height

    def _fit(self, kind: str, *, full: bool) -> handoff.Fit | None:
        """Alone: as large as fits, the quiet zone down to one module. Beside the
        details: as large as fits their side with the full quiet zone."""
        modules = self._modules_of(kind)
        if modules is None:
            return None
        width, height = self._terminal()
        if full:
            return handoff.fit(modules, width, height - ALONE_CHROME_LINES)
        columns, lines = width - DETAILS_MIN_WIDTH - 2, height - CARD_CHROME_LINES
        return handoff.fit(modules, columns, lines, min_border=handoff.QUIET_ZONE)

    def _fitting_kind(self) -> str:
        """vCard when it fits beside the details, else the phone code when there is one."""
        if self._fit(handoff.VCARD, full=False) or self._modules_of(handoff.TEL) is None:
            return handoff.VCARD
        return handoff.TEL

    # --- drawing ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="card-box"):
            yield Static(Text(messages.CARD_TITLE, no_wrap=True), classes="screen-title")
            with Horizontal(id="card-body"):
                with VerticalScroll(id="card-details"):
                    yield BigName(handoff.name_parts(self.clinician.name).spoken(), id="card-name")
                    yield Static(Text(self.clinician.name), id="card-exact-name")
                    yield Digits(large_phone(self.phone), id="card-phone")
                    yield Static(self._details(), id="card-lines")
                yield Static(id="card-qr")
            yield Static(id="card-note")
            yield Static(Text(messages.CARD_KEYS), classes="keys-line")
        with Vertical(id="card-alone"):
            with Middle(id="card-field"), Center():
                yield Static(id="card-qr-alone")
            yield Static(id="card-alone-line")

    def on_mount(self) -> None:
        if self._asked_kind is None:  # the terminal's size is known from here on
            self.kind = self._fitting_kind()
        self._draw_code()

    def on_resize(self, _event: events.Resize) -> None:
        self._draw_code()

    def _details(self) -> Text:
        text = Text()
        width = max(len(label) for label in messages.CARD_LABELS.values()) + 2
        for line in handoff.card_lines(self.clinician, self.today):
            text.append(line.label.ljust(width), style="dim")
            text.append(line.value.replace("\n", "\n" + " " * width) + "\n", style="bold")
        return text

    def _draw_code(self) -> None:
        self.query_one("#card-box").display = not self.full
        self.query_one("#card-alone").display = self.full
        self.fit = self._fit(self.kind, full=self.full)
        modules = self._modules_of(self.kind)
        if modules is None:
            drawing, sentence = Text(""), self._no_code
        elif self.fit is None:
            drawing, sentence = Text(""), self._too_big(modules)
        else:
            drawing, sentence = self._drawing(self.fit), self._caption(self.fit)
        if self.full:
            self.query_one("#card-field").set_class(self.fit is not None, "-code")
            self.query_one("#card-qr-alone", Static).update(drawing)
            self.query_one("#card-alone-line", Static).update(Text(sentence))
            return
        self.query_one("#card-qr", Static).update(drawing)
        self.query_one("#card-note", Static).update(Text(sentence))
        # The large phone number only where it fits whole beside the code.
        beside = self.fit.columns if self.fit else 0
        phone = self.query_one("#card-phone", Digits)
        room = self._terminal()[0] - beside - 4  # the box's padding and a scroll bar
        phone.display = self.phone is not None and DigitsRenderable.get_width(phone.value) <= room

    def _drawing(self, fit: handoff.Fit) -> Text:
        lines = handoff.render_blocks(self.matrix(self.kind, fit.border), scale=fit.scale)
        return Text("\n".join(lines), style=QR_STYLE, no_wrap=True)

    def _caption(self, fit: handoff.Fit) -> str:
        kind = messages.CARD_QR_KINDS[self.kind]
        if self.full:
            return messages.CARD_QR_ALONE_CAPTION.format(kind=kind, scale=fit.scale)
        return messages.CARD_QR_CAPTION.format(kind=kind)

    def _too_big(self, modules: int) -> str:
        """What the code needs and what the peer can do: show it alone, make the window
        larger, or take the shorter phone code."""
        kind = messages.CARD_QR_KINDS[self.kind]
        if not self.full and self._fit(self.kind, full=True) is not None:
            width, height = handoff.drawing_size(modules, scale=1, border=handoff.QUIET_ZONE)
            return messages.CARD_QR_TOO_BIG.format(kind=kind, width=width, height=height)
        width, height = handoff.drawing_size(modules, scale=1, border=handoff.MIN_QUIET_ZONE)
        height += ALONE_CHROME_LINES  # the terminal it needs: the code and its line
        columns, lines = self._terminal()
        tel = self.kind == handoff.TEL
        template = messages.CARD_QR_TOO_SMALL_TEL if tel else messages.CARD_QR_TOO_SMALL
        return template.format(kind=kind, width=width, height=height, columns=columns, lines=lines)

    # --- keys -------------------------------------------------------------------
    def action_qr(self, kind: str) -> None:
        """Show the vCard code or the phone code."""
        self.kind = kind
        self._draw_code()

    def action_full(self) -> None:
        """The code alone (as large as fits), or with the details again."""
        self.full = not self.full
        self._draw_code()

    def action_back(self) -> None:
        self.dismiss(None)
