"""Crisis lines, one key (ctrl+g) from every screen, the lock and set-up screens included.

The numbers are public information kept in a plain file (see `peerdesk.crisis`), so
this screen never touches the vault and is safe to show while locked. A broken file
never hides the numbers: the defaults are shown with one sentence saying what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.crisis import (
    EAP,
    ON_CALL,
    CrisisLine,
    CrisisLinesInvalid,
    checked_words,
    default_crisis_lines,
    load_crisis_lines,
    save_crisis_lines,
    with_line,
)
from peerdesk.tui.widgets.text_fields import PlainInput

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
    checked = checked_words(line)
    text.append(f"({checked})", style="dim")
    if line.note:
        text.append("\n   ")
        text.append(line.note, style="dim")
    return text


class CrisisScreen(ModalScreen[None]):
    """The crisis lines over whatever was on screen; escape or ctrl+g closes it.

    `editable` says whether the vault is unlocked right now: only then do e and o set
    the agency EAP and the on-call clinician (while locked the lines are read-only,
    so nobody at a locked laptop can swap a number the team relies on).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", show=False),
        Binding("e", f"edit('{EAP}')", show=False),
        Binding("o", f"edit('{ON_CALL}')", show=False),
    ]

    def __init__(self, editable: Callable[[], bool] = lambda: False) -> None:
        super().__init__()
        self.editable = editable

    def compose(self) -> ComposeResult:
        lines, problem = read_lines()
        with Vertical(id="crisis-box", classes="modal-box"):
            yield Static(Text(messages.CRISIS_TITLE), classes="modal-title")
            if problem is not None:
                yield Static(Text(problem), id="crisis-problem", classes="warning")
            for line in lines:
                yield Static(line_text(line), classes="crisis-line")
            yield Static(Text(messages.CRISIS_EMERGENCY), id="crisis-emergency")
            keys_line = messages.CRISIS_KEYS if self.editable() else messages.CRISIS_KEYS_LOCKED
            yield Static(Text(keys_line), classes="keys-line")

    def action_close(self) -> None:
        self.dismiss()

    def action_edit(self, line_id: str) -> None:
        """Set one of the team's own lines; the national ones are not edited here."""
        if not self.editable():
            self.notify(messages.CRISIS_EDIT_LOCKED, severity="warning")
            return
        lines, problem = read_lines()
        if problem is not None:
            self.notify(problem + " " + messages.CRISIS_FIX_FILE_FIRST, severity="error")
            return
        current = next((line for line in lines if line.id == line_id), None)
        if current is None:
            return

        def saved(changed: CrisisLine | None) -> None:
            if changed is None:
                return
            try:
                save_crisis_lines(None, with_line(lines, changed))
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                self.notify(messages.CRISIS_EDIT_FAILED.format(reason=reason), severity="error")
                return
            self.notify(messages.CRISIS_EDIT_SAVED.format(name=changed.name), markup=False)
            self.refresh(recompose=True)

        self.app.push_screen(CrisisLineForm(current), saved)


class CrisisLineForm(ModalScreen[CrisisLine | None]):
    """Number, how to reach it, and the day it was checked (today unless changed)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, line: CrisisLine, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.line = line
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="crisis-form-box", classes="modal-box"):
            yield Static(
                Text(messages.CRISIS_EDIT_TITLE.format(name=self.line.name)),
                classes="modal-title",
            )
            yield Static(Text(messages.CRISIS_EDIT_NUMBER))
            yield PlainInput(self.line.number, id="crisis-number", max_length=40)
            yield Static(Text(messages.CRISIS_EDIT_HOW))
            yield PlainInput(self.line.how, id="crisis-how", max_length=120)
            yield Static(Text(messages.CRISIS_EDIT_VERIFIED))
            yield PlainInput(self.today().isoformat(), id="crisis-verified", max_length=10)
            yield Static("", id="crisis-form-status", classes="status")
            yield Static(Text(messages.CRISIS_EDIT_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#crisis-number", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        number = self.query_one("#crisis-number", Input).value.strip()
        how = self.query_one("#crisis-how", Input).value.strip()
        typed = self.query_one("#crisis-verified", Input).value.strip()
        status = self.query_one("#crisis-form-status", Static)
        if not number:
            status.update(Text(messages.CRISIS_EDIT_NEEDS_NUMBER))
            return
        try:
            checked = date.fromisoformat(typed)
        except ValueError:
            checked = None
        if checked is None or checked > self.today():
            bad = messages.CRISIS_EDIT_BAD_DATE.format(today=self.today().isoformat())
            status.update(Text(bad))
            return
        self.dismiss(replace(self.line, number=number, how=how, verified_on=checked, source=""))

    def action_cancel(self) -> None:
        self.dismiss(None)
