"""A yes/no question over the current screen: y answers yes, n or escape answers no.

Used by the contact form (discard changes?), after unlock (open the unfinished
contact again?) and by the contacts list. The question is a sentence from `messages`;
the keys come from `tui.keys.CONFIRM_KEYS`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.tui import keys


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for y, False for n or escape."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONFIRM_KEYS)

    def __init__(self, question: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(Text(self.question), classes="modal-question")
            yield Static(Text(messages.YES_NO_KEYS), classes="keys-line")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
