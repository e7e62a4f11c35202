"""Text fields for what a peer types: shown literally, no control characters pasted in.

Typing can only produce printable characters, but a paste can carry terminal escape
sequences or a whole document. Both fields refuse such a paste as a whole (nothing
half-inserted) and say why; the note's length is checked again when saving.
Neither copies to the clipboard: a note must not end up in a clipboard manager.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, TextArea

from peerdesk import messages
from peerdesk.validation import has_control_characters

# Input's restrict pattern: anything but C0/C1 control characters.
NO_CONTROLS = r"[^\x00-\x1f\x7f-\x9f]*"


class PasteRefused(Message):
    """A paste was not inserted; `sentence` says why, for the form's status line.

    `field_id` is the id of the field that refused it, so the form can take the sentence
    away once that field's text changes and the sentence no longer applies.
    """

    def __init__(self, sentence: str, field_id: str | None = None) -> None:
        super().__init__()
        self.sentence = sentence
        self.field_id = field_id


def paste_problem(current: str, pasted: str, *, field: str, max_chars: int) -> str | None:
    """Why `pasted` cannot go into a field holding `current`, or None when it can."""
    if has_control_characters(pasted, allow_newlines=True):
        return messages.TEXT_CONTROL_CHARACTERS.format(field=field)
    if len(current) + len(pasted) > max_chars:
        return messages.TEXT_TOO_LONG.format(field=field, max=max_chars)
    return None


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become newlines, so they are not control characters."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class NoteArea(TextArea):
    """The multi-line note: soft-wrapped, tab moves focus, oversize or escaped pastes refused."""

    def __init__(self, text: str = "", *, max_chars: int, field: str, id: str) -> None:
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            highlight_cursor_line=False,
        )
        self.max_chars = max_chars
        self.field_name = field

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # TextArea's own handler would insert it a second time
        if self.read_only or self.disabled:
            return
        pasted = normalise_newlines(event.text)
        problem = paste_problem(self.text, pasted, field=self.field_name, max_chars=self.max_chars)
        if problem is not None:
            sentence = messages.FORM_PASTE_REFUSED.format(reason=problem)
            self.post_message(PasteRefused(sentence, self.id))
            return
        if result := self._replace_via_keyboard(pasted, *self.selection):
            self.move_cursor(result.end_location)

    def action_copy(self) -> None:
        """Do nothing: note text never goes to the clipboard."""

    def action_cut(self) -> None:
        """Delete the selection without putting it on the clipboard."""
        self.action_delete_left()


class PlainInput(Input):
    """A one-line field that refuses control characters and says so on a refused paste."""

    def __init__(
        self,
        value: str = "",
        *,
        id: str,
        max_length: int = 0,
        placeholder: str = "",
        restrict: str = NO_CONTROLS,
        field: str = "",
        disabled: bool = False,
    ) -> None:
        super().__init__(
            value,
            id=id,
            max_length=max_length,
            placeholder=placeholder,
            restrict=restrict,
            select_on_focus=False,
            compact=True,
            disabled=disabled,
        )
        self.field_name = field or id

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own handler would insert it a second time
        lines = normalise_newlines(event.text).split("\n")
        line = lines[0] if lines else ""
        limit = self.max_length or len(self.value) + len(line)
        problem = paste_problem(self.value, line, field=self.field_name, max_chars=limit)
        if problem is not None:
            sentence = messages.FORM_PASTE_REFUSED.format(reason=problem)
            self.post_message(PasteRefused(sentence, self.id))
            return
        self.replace(line, *self.selection)

    def action_copy(self) -> None:
        """Do nothing: what a peer typed never goes to the clipboard."""

    def action_cut(self) -> None:
        """Delete the selection without putting it on the clipboard."""
        self.action_delete_left()


def refocus(screen: Screen[Any], widget_id: str | None) -> bool:
    """Put the cursor back in the field `widget_id`, at the end of its text.

    A form brought back after a lock calls this with the field that had the cursor, so
    a peer who carries on typing types where they stopped. False when there is no such
    field or it cannot take the cursor; the form then focuses its usual first field.
    """
    if widget_id is None:
        return False
    found = screen.query(f"#{widget_id}")
    if not found or not found.first().focusable:
        return False
    widget = found.first()
    widget.focus()
    if isinstance(widget, TextArea):
        widget.move_cursor(widget.document.end)
    elif isinstance(widget, Input):
        widget.cursor_position = len(widget.value)
    return True
