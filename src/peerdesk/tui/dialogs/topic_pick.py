"""The topic picker: one letter picks a topic, as in the contact form.

Used by the contacts list (one topic) and the directory (specialties: the caller
adds or removes the picked one). Returns a topic id, "" for all topics, or None when
the peer pressed escape (keep the filter as it was). The letters are the topic
mnemonics of `vocab.TOPICS`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from peerdesk import messages, vocab
from peerdesk.tui import keys

ALL_TOPICS_KEY = "0"
COLUMN_WIDTH = 34


class TopicPickScreen(ModalScreen[str | None]):
    """Topics with their letters in two columns; the chosen ones are marked."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(
        self,
        chosen: Collection[str] = (),
        *,
        title: str = messages.TOPIC_PICK_TITLE,
        all_label: str = messages.TOPIC_PICK_ALL,
        keys_line: str = messages.TOPIC_PICK_KEYS,
    ) -> None:
        super().__init__()
        self.chosen = frozenset(chosen)
        self.title_text = title
        self.all_label = all_label
        self.keys_line = keys_line
        self.by_key = {choice.key: choice.id for choice in vocab.TOPICS}

    def compose(self) -> ComposeResult:
        with Vertical(id="topic-box", classes="dialog"):
            yield Static(Content(self.title_text), classes="screen-title")
            yield Static(self._choices(), id="topic-choices")
            yield Static(Content(self.keys_line), classes="keys-line")

    def _choices(self) -> Content:
        entries = [(ALL_TOPICS_KEY, self.all_label, not self.chosen)]
        entries += [(c.key, c.label, c.id in self.chosen) for c in vocab.TOPICS]
        rows = (len(entries) + 1) // 2
        lines = []
        for row in range(rows):
            cells = []
            for key, label, chosen in entries[row::rows]:
                text = f"{'>' if chosen else ' '} {key}  {label}"
                cells.append(
                    Content.styled(text, "bold" if chosen else "").truncate(
                        COLUMN_WIDTH, ellipsis=True, pad=True
                    )
                )
            lines.append(Content("").join(cells))
        return Content("\n").join(lines)

    def on_key(self, event: events.Key) -> None:
        """A topic letter picks it, 0 picks all topics; other keys do nothing here."""
        if event.character == ALL_TOPICS_KEY:
            event.stop()
            self.dismiss("")
        elif event.character in self.by_key:
            event.stop()
            self.dismiss(self.by_key[event.character])

    def action_cancel(self) -> None:
        """Keep the filter as it was."""
        self.dismiss(None)
