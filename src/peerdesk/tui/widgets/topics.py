"""The topic list of the contact form: every topic shown with its letter, toggled by it.

It has focus when the form opens, so a typical note is a few letters and ctrl+s.
Digits 1-4 pick a minutes preset from here too (the form listens for
`MinutesPicked`), and the form may name a few more keys that step another field
(`FieldKeyPressed`: risk and outcome), so those are one key from here rather than
six tabs away. A toggle repaints this one widget; nothing is rebuilt or queried.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from peerdesk import vocab

GAP = "  "
MARK_ON = "\u2713"  # check mark before a chosen topic


class TopicPicker(Widget, can_focus=True):
    """Topics as flowing `key label` items; the chosen ones marked and highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"topics--key", "topics--on", "topics--off"}

    class Toggled(Message):
        """The chosen topics changed (the peer pressed a topic letter)."""

        def __init__(self, picker: TopicPicker) -> None:
            super().__init__()
            self.picker = picker

    class MinutesPicked(Message):
        """A digit 1-4 was pressed: one of vocab.MINUTE_PRESETS."""

        def __init__(self, minutes: int) -> None:
            super().__init__()
            self.minutes = minutes

    class FieldKeyPressed(Message):
        """One of the form's field keys was pressed: `field_id` names the field to step."""

        def __init__(self, field_id: str) -> None:
            super().__init__()
            self.field_id = field_id

    def __init__(
        self,
        chosen: Iterable[str] = (),
        *,
        id: str,
        field_keys: Mapping[str, str] | None = None,
    ) -> None:
        """`field_keys`: a character (never a topic letter) -> the id of the field it steps."""
        super().__init__(id=id)
        self._by_key = {choice.key: choice.id for choice in vocab.TOPICS}
        self._field_keys = dict(field_keys or {})
        if clash := set(self._field_keys) & set(self._by_key):
            raise ValueError(f"field keys {sorted(clash)} are topic letters")
        self._chosen: set[str] = set(chosen)

    @property
    def chosen(self) -> tuple[str, ...]:
        """The chosen topic ids in vocabulary order (unknown ids from a draft kept last)."""
        return vocab.in_topic_order(self._chosen)

    def toggle(self, topic_id: str) -> None:
        """Add or remove one topic and repaint."""
        self._chosen ^= {topic_id}
        self.refresh()
        self.post_message(self.Toggled(self))

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char is None or len(char) != 1:
            return
        if char in self._by_key:
            event.stop()
            event.prevent_default()
            self.toggle(self._by_key[char])
        elif char in "1234":
            event.stop()
            event.prevent_default()
            self.post_message(self.MinutesPicked(vocab.MINUTE_PRESETS[int(char) - 1]))
        elif char in self._field_keys:
            event.stop()
            event.prevent_default()
            self.post_message(self.FieldKeyPressed(self._field_keys[char]))

    def render(self) -> Text:
        """Items packed greedily into lines of the current width, never split."""
        width = max(self.content_region.width, 20)
        key_style = self.get_component_rich_style("topics--key")
        on_style = self.get_component_rich_style("topics--on")
        off_style = self.get_component_rich_style("topics--off")
        text = Text(no_wrap=True, overflow="ellipsis")
        used = 0
        for choice in vocab.TOPICS:
            on = choice.id in self._chosen
            label = f"{MARK_ON if on else ' '}{choice.key} {choice.label}"
            need = len(label) + (len(GAP) if used else 0)
            if used and used + need > width:
                text.append("\n")
                used = 0
                need = len(label)
            if used:
                text.append(GAP)
            style = on_style if on else off_style
            text.append(label[0], style=style)
            text.append(choice.key, style=on_style if on else key_style)
            text.append(label[2:], style=style)
            used += need
        return text
