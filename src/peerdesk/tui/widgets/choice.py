"""A one-line selector for a short vocabulary: left/right/space step, a letter jumps.

The contact form uses it for mode, initiated-by, risk, outcome and the critical
incident flag, so every one of those is a single key away and no list pops open.
Changing the value lays the field out again (it is as wide as its label, so a longer
label needs more room) and repaints it; nothing else is rebuilt.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from peerdesk.vocab import Choice


class ChoiceField(Widget, can_focus=True):
    """Shows the chosen label between angle quotes; posts `Changed` when the peer changes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", show=False),
        Binding("right,space", "step(1)", show=False),
    ]

    class Changed(Message):
        """The peer picked another value (not sent when code sets `value`)."""

        def __init__(self, field: ChoiceField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(self, choices: tuple[Choice, ...], value: str, *, id: str) -> None:
        super().__init__(id=id)
        self.choices = choices
        self._index = self._index_of(value)

    def _index_of(self, value: str) -> int:
        for index, choice in enumerate(self.choices):
            if choice.id == value:
                return index
        return 0

    @property
    def value(self) -> str:
        return self.choices[self._index].id

    @value.setter
    def value(self, new: str) -> None:
        self._index = self._index_of(new)
        self.refresh(layout=True)

    def render(self) -> Text:
        # A Text, never markup: labels come from the vocabulary, but stay literal anyway.
        return Text(f"\u2039 {self.choices[self._index].label} \u203a")

    def action_step(self, delta: int) -> None:
        """Next or previous choice, wrapping round."""
        self._pick((self._index + delta) % len(self.choices))

    def on_key(self, event: events.Key) -> None:
        """A letter jumps to the next choice whose label starts with it."""
        char = event.character
        if char is None or not char.isalpha() or len(char) != 1:
            return
        count = len(self.choices)
        for step in range(1, count + 1):
            index = (self._index + step) % count
            if self.choices[index].label.lower().startswith(char.lower()):
                event.stop()
                event.prevent_default()
                self._pick(index)
                return

    def _pick(self, index: int) -> None:
        if index == self._index:
            return
        self._index = index
        self.refresh(layout=True)
        self.post_message(self.Changed(self, self.value))
