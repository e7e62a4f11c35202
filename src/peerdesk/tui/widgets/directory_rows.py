"""The directory's result rows: exactly one screenful, fetched by offset, drawn as text.

With 10,000 clinicians a keystroke must not rebuild 10,000 rows (a DataTable rebuilt
that way takes a second, see SECURITY.md's timings). This widget holds only the rows
that fit its height: `show(matching)` fetches `limit=height` rows at the offset, and
moving past the edge fetches the next screenful. Painting is one Text of those rows.

The owner passes `fetch(offset, limit)`; the widget never touches the vault itself,
so the owner decides what happens after a lock (it returns no rows then).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.widget import Widget

from peerdesk.models.clinicians import ClinicianRow
from peerdesk.tui.text.clinicians import header_line, row_line

Fetch = Callable[[int, int], list[ClinicianRow]]


class DirectoryRows(Widget, can_focus=True):
    """A cursor over `matching` results; only the visible window is in memory."""

    DEFAULT_CSS = """
    DirectoryRows { height: 1fr; }
    """

    def __init__(self, fetch: Fetch, *, id: str) -> None:
        super().__init__(id=id)
        self.fetch = fetch
        self.matching = 0
        self.first = 0  # index (in all matches) of the first row shown
        self.cursor = 0  # index (in all matches) of the marked row
        self.shown: list[ClinicianRow] = []

    @property
    def fits(self) -> int:
        """How many rows fit (at least one, so a query before layout still fetches)."""
        return max(self.size.height, 1)

    def show(self, matching: int, *, keep_place: bool = False) -> None:
        """New results (a search or filter changed, or back from an edit): fetch and paint."""
        self.matching = matching
        if not keep_place:
            self.first = self.cursor = 0
        self._clamp()
        self._load()

    @property
    def selected(self) -> ClinicianRow | None:
        index = self.cursor - self.first
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def move(self, delta: int) -> None:
        """Move the cursor; past the window's edge the next screenful is fetched."""
        if not self.matching:
            return
        self.cursor = min(max(self.cursor + delta, 0), self.matching - 1)
        before = self.first
        self._clamp()
        if self.first != before:
            self._load()
        else:
            self.refresh()

    def _clamp(self) -> None:
        fits = self.fits
        self.cursor = min(max(self.cursor, 0), max(self.matching - 1, 0))
        if self.cursor < self.first:
            self.first = self.cursor
        elif self.cursor >= self.first + fits:
            self.first = self.cursor - fits + 1
        self.first = max(min(self.first, max(self.matching - fits, 0)), 0)

    def _load(self) -> None:
        self.shown = self.fetch(self.first, self.fits) if self.matching else []
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """A taller or shorter terminal: fetch what now fits."""
        if self.matching:
            self._clamp()
            self._load()

    def render(self) -> Text:
        width = self.size.width
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, row in enumerate(self.shown):
            if index:
                text.append("\n")
            line = row_line(row, width)
            if self.first + index == self.cursor:
                line.stylize("reverse" if self.has_focus else "bold underline")
            text.append_text(line)
        return text

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class DirectoryHeader(Widget):
    """The column names above the rows, laid out for the current width."""

    DEFAULT_CSS = """
    DirectoryHeader { height: 1; }
    """

    def render(self) -> Text:
        return header_line(self.size.width)
