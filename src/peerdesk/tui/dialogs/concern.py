"""The colleague's-concern dialog: "someone asked me to check on a colleague".

It checks a handle and a due date and saves them itself (one transaction,
`logbook.add_concern`) before it closes: a save that fails (a full disk, a bug) leaves
the dialog open with the handle as typed and a sentence, instead of closing first and
losing it. The due date starts at today so the new follow-up shows on home straight
away instead of vanishing until its day comes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.tui import keys, save_problems
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.validation import HANDLE_MAX_CHARS, InvalidInput, optional_text, parse_date
from peerdesk.vault import Vault, logbook


@dataclass(frozen=True)
class Concern:
    """What the dialog saved: when to check, and the optional private handle."""

    due_on: date
    handle: str | None


class ConcernScreen(ModalScreen[Concern | None]):
    """Handle and due date; enter in either field saves, escape cancels (None).

    Dismisses with the saved `Concern` only once it is in the vault.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(self, vault: Vault, today: date) -> None:
        super().__init__()
        self.vault = vault
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="concern-box", classes="dialog"):
            yield Static(Content(messages.CONCERN_TITLE), classes="screen-title")
            yield Static(Content(messages.CONCERN_INTRO), classes="intro")
            yield Static(Content(messages.CONCERN_HANDLE_LABEL), classes="field-label")
            yield PlainInput(id="concern-handle", max_length=HANDLE_MAX_CHARS, field="handle")
            yield Static(Content(messages.CONCERN_DUE_LABEL), classes="field-label")
            yield PlainInput(
                self.today.isoformat(), id="concern-due", max_length=10, field="due date"
            )
            yield Static("", id="concern-error", classes="status error")
            yield Static(Content(messages.CONCERN_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#concern-handle", Input).focus()

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        """Check both fields and save; show the first problem, or close with what was saved."""
        event.stop()
        handle = self.query_one("#concern-handle", Input)
        due = self.query_one("#concern-due", Input)
        try:
            due_on = parse_date(due.value, "due date")
        except InvalidInput as exc:
            self._problem(str(exc), due)
            return
        try:
            clean = optional_text(handle.value, "handle", HANDLE_MAX_CHARS, allow_newlines=False)
        except InvalidInput as exc:
            self._problem(str(exc), handle)
            return
        if not self.vault.is_open:
            return  # locked meanwhile: the lock takes this dialog away
        try:
            logbook.add_concern(self.vault, due_on, clean)
        except Exception as exc:  # noqa: BLE001 - the dialog and its handle stay; see save_problems
            self._problem(save_problems.sentence(exc, dialog=True), handle)
            return
        self.dismiss(Concern(due_on, clean))

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self.query_one("#concern-error", Static).update(Content(message.sentence))

    def _problem(self, sentence: str, field: Input) -> None:
        self.query_one("#concern-error", Static).update(Content(sentence))
        field.focus()

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)
