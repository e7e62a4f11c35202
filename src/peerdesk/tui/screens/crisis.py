"""Crisis lines, one key (ctrl+g) from every screen, the lock and set-up screens included.

The numbers are public information kept in a plain file (see `peerdesk.crisis`), so
this screen never touches the vault and is safe to show while locked. A broken file
never hides the numbers: the defaults are shown with one sentence saying what is wrong.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.crisis import CrisisLine, CrisisLinesInvalid, default_crisis_lines, load_crisis_lines

NUMBER_STYLE = "bold underline"


def read_lines() -> tuple[list[CrisisLine], str | None]:
    """The configured lines, or the defaults plus the sentence saying why."""
    try:
        return load_crisis_lines(), None
    except CrisisLinesInvalid as exc:
        return default_crisis_lines(), messages.CRISIS_SHOWING_DEFAULTS.format(problem=exc)


def line_text(line: CrisisLine) -> Text:
    """Name, then the number large and bold, how to reach it, and when it was checked.

    Everything from the file is appended as plain text: an edited file full of "[" or
    escape codes cannot style or move the screen.
    """
    text = Text(line.name, style="bold")
    text.append("\n   ")
    if not line.is_set and not line.how:
        text.append(messages.CRISIS_NOT_SET, style="italic")
        return text
    number = line.number.strip()
    if number and number in line.how:  # "Call or text 988": mark the number inside it
        before, _, after = line.how.partition(number)
        text.append(before)
        text.append(number, style=NUMBER_STYLE)
        text.append(after)
    else:
        if number:
            text.append(number, style=NUMBER_STYLE)
            text.append("  ")
        text.append(line.how)
    text.append("   ")
    checked = (
        messages.CRISIS_VERIFIED.format(date=line.verified_on.isoformat())
        if line.verified_on
        else messages.CRISIS_UNVERIFIED
    )
    text.append(f"({checked})", style="dim")
    if line.note:
        text.append("\n   ")
        text.append(line.note, style="dim")
    return text


class CrisisScreen(ModalScreen[None]):
    """The crisis lines over whatever was on screen; escape or ctrl+g closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", show=False)]

    def compose(self) -> ComposeResult:
        lines, problem = read_lines()
        with Vertical(id="crisis-box", classes="modal-box"):
            yield Static(Text(messages.CRISIS_TITLE), classes="modal-title")
            if problem is not None:
                yield Static(Text(problem), id="crisis-problem", classes="warning")
            for line in lines:
                yield Static(line_text(line), classes="crisis-line")
            yield Static(Text(messages.CRISIS_EMERGENCY), id="crisis-emergency")
            yield Static(Text(messages.CRISIS_KEYS), classes="keys-line")

    def action_close(self) -> None:
        self.dismiss()
