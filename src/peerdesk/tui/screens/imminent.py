"""Imminent risk: the team's escalation checklist and the limits of confidentiality.

Shown by the contact form the moment the risk becomes imminent. The checklist is the
vault setting `escalation_checklist`, shown literally, one step per line; the form
reads it once when it opens, so this screen runs no query.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from peerdesk import messages


def checklist_text(checklist: str) -> Text:
    """Numbered steps, one per non-empty line, every character literal."""
    steps = [line.strip() for line in checklist.splitlines() if line.strip()]
    text = Text()
    for number, step in enumerate(steps, start=1):
        if number > 1:
            text.append("\n")
        text.append(f"{number}. ", style="bold")
        text.append(step)
    return text


def limits_text() -> Text:
    """The lead sentence and the exceptions as a bullet list."""
    lead, *exceptions = messages.CONFIDENTIALITY_LIMITS
    text = Text(lead)
    for item in exceptions:
        text.append("\n  \u2022 ")
        text.append(item)
    return text


def on_call_text() -> Text:
    """The on-call clinician's number, the one the checklist tells the peer to call."""
    from peerdesk.crisis import on_call
    from peerdesk.tui.screens.crisis import read_lines

    line = on_call(read_lines()[0])
    if line is None or not line.is_set:
        return Text(messages.ESCALATION_ON_CALL_UNSET, style="bold")
    text = Text()
    text.append(messages.ESCALATION_ON_CALL_LABEL, style="bold")
    text.append(line.number.strip(), style="bold underline")
    if line.how:
        text.append("  ")
        text.append(line.how)
    return text


class EscalationScreen(ModalScreen[None]):
    """Checklist, confidentiality limits, the crisis key; enter or escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,escape", "close", show=False)]

    def __init__(self, checklist: str) -> None:
        super().__init__()
        self.checklist = checklist

    def compose(self) -> ComposeResult:
        with Vertical(id="escalation-box", classes="modal-box"):
            yield Static(Text(messages.ESCALATION_TITLE), classes="modal-title")
            # A long team checklist scrolls (up/down) instead of pushing the limits away.
            with VerticalScroll(id="checklist-scroll"):
                yield Static(checklist_text(self.checklist), id="checklist")
            yield Static(on_call_text(), id="escalation-on-call")
            yield Static(Text(messages.CONFIDENTIALITY_LIMITS_TITLE), classes="section-title")
            yield Static(limits_text(), id="limits")
            yield Static(Text(messages.ESCALATION_KEYS), classes="keys-line")

    def action_close(self) -> None:
        self.dismiss()
