"""A long list of plain lines, scrolled with the keys, drawing only the lines in view.

An import preview can run to tens of thousands of lines (every changed field of every
changed clinician), and none may be left out. A Static holding them all lays out every
line on each draw (about 4.5 s for 20,000 lines here); this widget uses Textual's line
API instead, so it draws one screenful whatever the length.

The owner passes `lines_for(width)`: the lines wrapped to a width, each as (kind, text)
where text is already printable (it is drawn literally, never as markup) and kind picks
a component class (`line-view--warning`, ...) that app.tcss styles. It is asked again
when the width changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

Line = tuple[str, str]  # (kind, text)
LinesFor = Callable[[int], Sequence[Line]]
KINDS = ("plain", "problem", "warning", "record", "status", "field", "more")


class LineView(ScrollView, can_focus=True):
    """Scrollable lines (up/down, page up/down, home/end); one style per kind of line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"line-view--{kind}" for kind in KINDS}
    DEFAULT_CSS = """
    LineView { height: auto; }
    """

    def __init__(self, lines_for: LinesFor, *, width: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines_for = lines_for
        self._width = width
        self.lines: Sequence[Line] = ()
        self._set_lines(width)

    def _set_lines(self, width: int) -> None:
        self._width = width
        self.lines = self.lines_for(width)
        widest = max((cell_len(text) for _kind, text in self.lines), default=0)
        self.virtual_size = Size(widest, len(self.lines))

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._width:
            self._set_lines(width)
            self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, base)
        kind, text = self.lines[index]
        name = f"line-view--{kind}" if kind in KINDS else "line-view--plain"
        style = base + self.get_component_rich_style(name)
        strip = Strip([Segment(text, style)], cell_len(text))
        return strip.crop_extend(scroll_x, scroll_x + width, base)
