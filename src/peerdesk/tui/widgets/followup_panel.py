"""The follow-ups due panel on home: a few lines with one marked, moved by home's keys.

It takes no focus and has no bindings of its own, so the home screen's key table is
the whole story of what a key does there. Only a window of lines around the marked
one is drawn, with "n more above/below" when the list is longer.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from peerdesk import messages
from peerdesk.models.contacts import FollowUp
from peerdesk.tui.text.contacts import followup_line

WINDOW = 4  # follow-up lines shown at once: home must fit in 80x24 (f lists them all)


class FollowUpPanel(Static):
    """Follow-ups due today or overdue, oldest first; `selected` is the marked one."""

    def __init__(self, items: tuple[FollowUp, ...], today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = items
        self.today = today
        self.cursor = 0
        self._top = 0

    def on_mount(self) -> None:
        self._draw()

    @property
    def selected(self) -> FollowUp | None:
        return self.items[self.cursor] if self.items else None

    def show(self, items: tuple[FollowUp, ...], today: date) -> None:
        """Replace the list, keeping the mark on the same follow-up, or at the same place."""
        keep = self.selected
        ids = [item.id for item in items]
        if keep is not None and keep.id in ids:
            self.cursor = ids.index(keep.id)
        else:
            self.cursor = min(self.cursor, max(len(items) - 1, 0))
        self.items, self.today = items, today
        self._draw()

    def move(self, delta: int) -> None:
        """Mark the previous (-1) or next (+1) follow-up; stops at either end."""
        if self.items:
            self.cursor = max(0, min(len(self.items) - 1, self.cursor + delta))
            self._draw()

    def _draw(self) -> None:
        if not self.items:
            self.update(Content.styled(messages.FOLLOWUPS_NONE, "$text-muted"))
            return
        self._top = min(self._top, self.cursor)
        self._top = max(self._top, self.cursor - WINDOW + 1)
        shown = self.items[self._top : self._top + WINDOW]
        lines: list[Content] = []
        if self._top:
            lines.append(self._more(messages.FOLLOWUP_MORE_ABOVE, self._top))
        for offset, item in enumerate(shown):
            lines.append(
                followup_line(item, self.today, selected=self._top + offset == self.cursor)
            )
        below = len(self.items) - self._top - len(shown)
        if below:
            lines.append(self._more(messages.FOLLOWUP_MORE_BELOW, below))
        self.update(Content("\n").join(lines))

    @staticmethod
    def _more(template: str, count: int) -> Content:
        return Content.styled("  " + template.format(count=count), "$text-muted")
