"""Horizontal bar charts drawn with Unicode blocks, the count written beside every bar.

The number is always there, so nothing depends on colour or on reading a bar's
length; the bar only helps the eye compare. Bars use eighth blocks, so a count of 1
next to 400 still shows a sliver instead of nothing. Both widgets draw from the
width they get (the stats screen is 80 columns wide or more); changing the numbers
repaints the widget, nothing is rebuilt. A count of None (a team report's hidden
value) gets no bar and the report's mark instead of a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from peerdesk import messages
from peerdesk.reports.counts import MonthTotal

FULL = "\u2588"
# Index n: a block n/8 wide (0 is nothing).
EIGHTHS = ("", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589")
MIN_BAR = 4  # columns a bar always gets, even when labels are long
GAP = 1
BAR = "bar-chart--bar"  # the component class that colours the bars (the count is the data)


def bar(value: int, top: int, width: int) -> str:
    """A bar for `value` out of `top` in at most `width` columns (eighths of a column).

    Zero is no bar; anything above zero is at least an eighth, so it stays visible.
    """
    if value <= 0 or top <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / top))
    full, part = divmod(min(eighths, width * 8), 8)
    return FULL * full + EIGHTHS[part]


class Chart(Widget):
    """What both charts share: the bar colour, content height and plain text for tests."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {BAR}
    DEFAULT_CSS = """
    Chart {
        height: auto;
    }
    Chart > .bar-chart--bar {
        color: $accent;
    }
    """

    def _content_lines(self) -> int:
        raise NotImplementedError

    def _draw(self, width: int, bar_style: Style) -> Text:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._content_lines()

    def render(self) -> Text:
        return self._draw(self.size.width, self.get_component_rich_style(BAR))

    @property
    def plain(self) -> str:
        """What the chart shows at its current width, as plain text (for tests)."""
        return self.render().plain


class BarChart(Chart):
    """Rows of "label  bar  count"; `show` replaces the rows and repaints."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: tuple[tuple[str, int | None], ...] = ()

    def show(self, rows: Sequence[tuple[str, int | None]]) -> None:
        """New (label, count) rows; the layout changes only when the row count does."""
        rows = tuple(rows)
        relayout = len(rows) != len(self.rows)
        self.rows = rows
        self.refresh(layout=relayout)

    def _content_lines(self) -> int:
        return len(self.rows)

    def _draw(self, width: int, bar_style: Style) -> Text:
        return chart_text(self.rows, width, bar_style)


def _append_bar(
    text: Text,
    value: int | None,
    top: int,
    bar_width: int,
    count_width: int,
    bar_style: Style | str,
) -> None:
    """A bar padded to `bar_width`, a gap, then the count right-aligned in bold."""
    drawn = "" if value is None else bar(value, top, bar_width)
    text.append(drawn, style=bar_style)
    text.append(" " * (bar_width - len(drawn) + GAP))
    text.append(_count(value).rjust(count_width), style="bold")


def _count(value: int | None) -> str:
    return messages.REPORT_SUPPRESSED_MARK if value is None else str(value)


def chart_text(
    rows: Sequence[tuple[str, int | None]], width: int, bar_style: Style | str = ""
) -> Text:
    """The chart as text `width` columns wide; long labels are cut with an ellipsis."""
    top = max((count for _, count in rows if count is not None), default=0)
    count_width = max((len(_count(count)) for _, count in rows), default=1)
    label_width = max((len(label) for label, _ in rows), default=0)
    label_width = min(label_width, max(1, width - count_width - MIN_BAR - 2 * GAP))
    bar_width = max(0, width - label_width - count_width - 2 * GAP)
    text = Text(no_wrap=True, overflow="crop")
    for index, (label, count) in enumerate(rows):
        if index:
            text.append("\n")
        shown = label if len(label) <= label_width else label[: label_width - 1] + "\u2026"
        text.append(shown.ljust(label_width + GAP))
        _append_bar(text, count, top, bar_width, count_width, bar_style)
    return text


class TrendChart(Chart):
    """One row per month: the month, a bar and the count of contacts, a bar and the minutes."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.months: tuple[MonthTotal, ...] = ()
        self.headings = ("", "")

    def show(self, months: Sequence[MonthTotal], headings: tuple[str, str]) -> None:
        """New months (oldest first) and the two column headings; repaints."""
        months = tuple(months)
        relayout = len(months) != len(self.months)
        self.months, self.headings = months, headings
        self.refresh(layout=relayout)

    def _content_lines(self) -> int:
        return len(self.months) + 1 if self.months else 0

    def _draw(self, width: int, bar_style: Style) -> Text:
        return trend_text(self.months, self.headings, width, bar_style)


def trend_text(
    months: Sequence[MonthTotal],
    headings: tuple[str, str],
    width: int,
    bar_style: Style | str = "",
) -> Text:
    """The heading row and one row per month, `width` columns wide."""
    text = Text(no_wrap=True, overflow="crop")
    if not months:
        return text
    month_width = max(len(m.month) for m in months)
    contacts_width = max(len(headings[0]), *(len(str(m.contacts)) for m in months))
    minutes_width = max(len(headings[1]), *(len(str(m.minutes)) for m in months))
    fixed = month_width + contacts_width + minutes_width + 4 * GAP + 2
    bar_width = max(MIN_BAR, (width - fixed) // 2)
    top_contacts = max(m.contacts for m in months)
    top_minutes = max(m.minutes for m in months)
    text.append(" " * (month_width + GAP))
    text.append(headings[0].rjust(bar_width + GAP + contacts_width), style="dim")
    text.append(" " * (2 + GAP))
    text.append(headings[1].rjust(bar_width + GAP + minutes_width), style="dim")
    for m in months:
        text.append("\n")
        text.append(m.month.ljust(month_width + GAP))
        _append_bar(text, m.contacts, top_contacts, bar_width, contacts_width, bar_style)
        text.append(" " * (2 + GAP))
        _append_bar(text, m.minutes, top_minutes, bar_width, minutes_width, bar_style)
    return text
