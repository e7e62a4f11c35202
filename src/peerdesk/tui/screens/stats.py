"""Monthly counts: one month's figures, charts and tables, and a 12-month trend.

The counts are exact: it is the peer's own data (suppression is for team merges).
They come from `vault.monthly`, the same queries `peerdesk report month` runs. A month
and its trend read every contact of thirteen months: 4 ms at 100,000 contacts but
~65 ms at a million (benchmarks/bench_stats_tui.py), so they run in a worker thread on
the vault's side connection (vault.side_reader) and the screen draws the answer when
it comes; the month shown until then stays on screen. Steps go from the month asked
for last, and an answer to an older request is dropped. The vault is queried when
the screen opens and when the month changes, never from a timer, and never once the
vault is closed: a lock drops this screen with the rest and stops a running read.

Widgets are built once; a new month updates their content in place. `e` exports the
month shown (tui.dialogs.stats_export) to the file `peerdesk report month` would write:
sealed to the team's lead when the vault joined a team.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.reports import counts as report_counts
from peerdesk.reports.counts import MonthCounts, MonthTotal, spec_of
from peerdesk.tui import keys
from peerdesk.tui.dialogs.stats_export import (
    FIRST_MONTH,
    Exported,
    ExportScreen,
    MonthPickScreen,
)
from peerdesk.tui.widgets.bar_chart import BarChart, TrendChart
from peerdesk.vault import Vault, monthly
from peerdesk.vault.side_reader import SideReader
from peerdesk.vault.sqlcipher import Connection, DatabaseError
from peerdesk.vocab import label_of

CHARTS = ("topic", "mode", "outcome")  # drawn as bar charts
SMALL_TABLES = (
    "initiated_by",
    "risk",
    "critical_incident",
    "referral_status",
    "group_kind",
    "for_whom",
    "first_or_followup",
)
TREND_MONTHS = 12
FIGURE_GAP = "    "


class StatsScroll(VerticalScroll, can_focus=False):
    """Scrolls only through the screen's listed keys, never bindings of its own."""


def read_month(
    conn: Connection, month: str, known: Mapping[str, MonthTotal]
) -> tuple[MonthCounts, list[MonthTotal]]:
    """A month's counts and the trend ending with it; worker thread (or main, see below).

    The trend's months already `known` (read for an earlier month, nothing written
    since) are not read again: one step back reads one new month of the twelve, which
    at a million contacts is ~25 ms for the month instead of ~80 ms.
    """
    months = [monthly.add_months(month, -back) for back in range(TREND_MONTHS - 1, -1, -1)]
    trend = [known.get(m) or monthly.trend(conn, m, 1)[0] for m in months]
    return monthly.month_counts(conn, month), trend


class StatsScreen(Screen[None]):
    """One month's counts; [ and ] step the month, g jumps to one, e exports it.

    `today` is a clock for tests; home passes its own. The month starts at this month.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.STATS_KEYS)

    class MonthRead(Message):
        """The worker's answer to request `number`: the month's figures, or why not."""

        def __init__(
            self,
            number: int,
            month: str,
            read: tuple[MonthCounts, list[MonthTotal]] | None,
            failed: str = "",
        ) -> None:
            super().__init__()
            self.number = number
            self.month = month
            self.read = read
            self.failed = failed  # the reason a read failed, for STATS_READ_FAILED

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.vault = vault
        self.today = today
        self.month = self.this_month()  # the month shown (once read)
        self.asked = self.month  # the month asked for last; steps go from it
        self.counts: MonthCounts | None = None  # the month shown, once read
        self.requests = 0  # the number of the newest read asked for
        self.reading = False  # a read is on its way
        # Months' totals already read, valid while the vault's writes stay at _known_at.
        self._known: dict[str, MonthTotal] = {}
        self._known_at: int | None = None

    def this_month(self) -> str:
        return self.today().strftime("%Y-%m")

    def compose(self) -> ComposeResult:
        with Vertical(id="stats-box"):
            with Horizontal(id="stats-top"):
                yield Static(Text(messages.STATS_TITLE), id="stats-title")
                yield Static("", id="stats-month")
            yield Static("", id="stats-figures")
            with StatsScroll(id="stats-scroll"):
                yield Static("", id="stats-empty")
                with Vertical(id="stats-charts"):
                    topics = self._title("topic", messages.STATS_TOPICS_NOTE)
                    yield Static(topics, classes="stats-head")
                    yield BarChart(id="chart-topic")
                    with Grid(id="stats-grid"):
                        with Vertical(classes="stats-column"):
                            yield from self._chart_block("mode")
                            yield from self._table_block("group_kind")
                            yield from self._table_block("initiated_by")
                            yield from self._table_block("referral_status")
                        with Vertical(classes="stats-column"):
                            yield from self._chart_block("outcome")
                            yield from self._table_block("risk")
                            yield from self._table_block("critical_incident")
                            yield from self._table_block("for_whom")
                            yield from self._table_block("first_or_followup")
                yield Static("", id="stats-trend-title", classes="stats-head")
                yield TrendChart(id="stats-trend")
            yield Static(Text(messages.STATS_KEYS), classes="keys-line")

    @staticmethod
    def _title(name: str, note: str = "") -> Text:
        text = Text(messages.REPORT_TABLE_TITLES.get(name, name), style="bold")
        if note:
            text.append(f"  ({note})", style="dim")
        return text

    def _chart_block(self, name: str) -> ComposeResult:
        yield Static(self._title(name), classes="stats-head", id=f"head-{name}")
        yield BarChart(id=f"chart-{name}")

    def _table_block(self, name: str) -> ComposeResult:
        yield Static(self._title(name), classes="stats-head", id=f"head-{name}")
        yield Static("", id=f"table-{name}", classes="stats-table")

    def on_mount(self) -> None:
        self.show_month(self.month)

    # --- reading and drawing -------------------------------------------------
    def show_month(self, month: str) -> None:
        """Ask for `month` and its trend; every widget is updated in place when they come."""
        if not self.vault.is_open:
            return  # locked on the way: this screen is being dropped
        self.requests += 1
        self.asked, self.reading = month, True
        written = int(self.vault.conn.total_changes)
        if written != self._known_at:
            self._known, self._known_at = {}, written  # a write may have changed any month
        known = dict(self._known)  # a copy: the worker reads it while this one may change
        reader = self.vault.side_reader
        if reader is None:
            # A vault opened without a side connection (not the app's own way): read here.
            try:
                read = read_month(self.vault.conn, month, known)
            except DatabaseError as exc:
                self._month_read(self.MonthRead(self.requests, month, None, str(exc)))
                return
            self._month_read(self.MonthRead(self.requests, month, read))
            return
        reader.interrupt(self)  # the read running now is for a month no longer asked
        self._read(reader, self.requests, month, known)

    # exit_on_error=False: a failure is posted as a sentence; nothing may end the app.
    @work(thread=True, exclusive=True, exit_on_error=False, group="stats-read", description="month")
    def _read(
        self, reader: SideReader, number: int, month: str, known: Mapping[str, MonthTotal]
    ) -> None:
        """Read the month on the side connection, off the main thread; post the answer."""
        try:
            read = reader.read(
                lambda conn: read_month(conn, month, known),
                self,
                wanted=lambda: number == self.requests,
            )
        except DatabaseError as exc:  # the vault's typed storage errors are among them
            self.post_message(self.MonthRead(number, month, None, str(exc)))
            return
        if read is not None:  # None: locked, or cut short by a newer request
            self.post_message(self.MonthRead(number, month, read))

    @on(MonthRead)
    def _month_read(self, message: MonthRead) -> None:
        """Draw the answer to the newest request; an older one is stale, dropped."""
        message.stop()
        if message.number != self.requests or not self.vault.is_open:
            return
        self.reading = False
        if message.read is None:
            self.asked = self.month  # steps go on from the month still shown
            reason = message.failed
            self.notify(messages.STATS_READ_FAILED.format(reason=reason), severity="error")
            return
        counts, trend = message.read
        if int(self.vault.conn.total_changes) == self._known_at:
            self._known.update((total.month, total) for total in trend)
        self.month, self.counts = message.month, counts
        self._draw(counts, trend)

    def _draw(self, counts: MonthCounts, trend: list[MonthTotal]) -> None:
        month_line = Text(counts.month, style="bold")
        if counts.month == self.this_month():
            month_line.append(f" {messages.STATS_THIS_MONTH}", style="dim")
        self.query_one("#stats-month", Static).update(month_line)
        self.query_one("#stats-figures", Static).update(figures_text(counts))
        empty = counts.contacts == 0
        sentence = self.query_one("#stats-empty", Static)
        sentence.update(Text(messages.STATS_EMPTY.format(month=counts.month) if empty else ""))
        sentence.display = empty
        self.query_one("#stats-charts").display = not empty
        if not empty:
            self.query_one("#chart-topic", BarChart).show(topic_rows(counts))
            for name in CHARTS[1:]:
                self.query_one(f"#chart-{name}", BarChart).show(labelled(counts, name))
            for name in SMALL_TABLES:
                rows = labelled(counts, name)
                # Group kinds only in a month with group contacts: a cell's breakdown.
                of_a_cell = spec_of(name).total_cell is not None
                shown = bool(rows) and not (of_a_cell and report_counts.total_of(counts, name) == 0)
                for widget_id in (f"#head-{name}", f"#table-{name}"):
                    self.query_one(widget_id).display = shown
                self.query_one(f"#table-{name}", Static).update(table_text(rows))
        self.query_one("#stats-trend-title", Static).update(
            Text(messages.STATS_TREND_TITLE.format(month=counts.month), style="bold")
        )
        headings = (messages.STATS_TREND_CONTACTS, messages.STATS_TREND_MINUTES)
        self.query_one("#stats-trend", TrendChart).show(trend, headings)

    # --- actions bound in tui.keys.STATS_KEYS --------------------------------
    def action_month(self, step: int) -> None:
        """One month back or forward; never past this month (nothing is logged ahead)."""
        if step < 0 and self.asked <= FIRST_MONTH:
            return  # no month before the first one the screen knows
        month = monthly.add_months(self.asked, step)
        if month <= self.this_month():
            self.show_month(month)

    def action_pick_month(self) -> None:
        """Ask for a month as YYYY-MM."""
        self.app.push_screen(MonthPickScreen(self.asked, self.this_month()), self._month_picked)

    def _month_picked(self, month: str | None) -> None:
        if month is not None and month != self.asked:
            self.show_month(month)

    def action_scroll(self, lines: int) -> None:
        self.query_one(StatsScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        scroll = self.query_one(StatsScroll)
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 1), animate=False)

    def action_back(self) -> None:
        self.dismiss()

    # --- export --------------------------------------------------------------
    def action_export(self) -> None:
        """Ask for format, file and label; the dialog writes the month last chosen.

        That is the month shown, or the one about to be (`[` then `e` in quick
        succession exports the month `[` chose, even while it is still being read).
        """
        if self.counts is not None and self.vault.is_open:
            self.app.push_screen(ExportScreen(self.vault, self.asked, Path.home()), self._exported)

    def _exported(self, exported: Exported | None) -> None:
        if exported is None:
            return
        if exported.sealed:
            sentence = messages.REPORT_MONTH_SEALED_WRITTEN.format(
                month=exported.month, path=exported.path, sequence=exported.sequence
            )
        else:
            sentence = messages.STATS_EXPORTED.format(path=exported.path)
        self.notify(sentence, markup=False)


# --- what the widgets show (pure; the tests read them too) ------------------------
def labelled(counts: MonthCounts, name: str) -> list[tuple[str, int]]:
    """A table's (label, count) rows in vocabulary order; [] when not recorded."""
    choices = spec_of(name).choices
    return [(label_of(choices, cid), n) for cid, n in counts.table(name).items()]


def topic_rows(counts: MonthCounts) -> list[tuple[str, int]]:
    """Topics that came up this month, most frequent first (ties in vocabulary order).

    Topics with no contact are left out: nineteen rows of mostly zeros would push the
    rest of the month off the screen.
    """
    rows = [row for row in labelled(counts, "topic") if row[1] > 0]
    return sorted(rows, key=lambda row: -row[1])  # sorted() is stable


def table_text(rows: list[tuple[str, int]]) -> Text:
    """A small table: label, then the count right-aligned."""
    width = max((len(label) for label, _ in rows), default=0) + 2
    count_width = max((len(str(n)) for _, n in rows), default=1)
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, (label, n) in enumerate(rows):
        if index:
            text.append("\n")
        text.append(label.ljust(width))
        text.append(str(n).rjust(count_width), style="bold")
    return text


def figures_text(counts: MonthCounts) -> Text:
    """The month's figures on two lines; referrals say "not recorded" in a vault without them."""
    labels: Mapping[str, str] = messages.REPORT_FIGURE_LABELS
    recorded = bool(counts.tables.get("referral_status"))

    def value(name: str) -> str:
        if name == report_counts.REFERRALS and not recorded:
            return messages.REPORT_NOT_RECORDED_SHORT
        return str(counts.figures.get(name, 0))

    lines = (
        (report_counts.CONTACTS, report_counts.MINUTES, report_counts.GROUP_PEOPLE),
        (report_counts.FOLLOWUPS_COMPLETED, report_counts.REFERRALS),
    )
    text = Text()
    for row, names in enumerate(lines):
        if row:
            text.append("\n")
        for index, name in enumerate(names):
            if index:
                text.append(FIGURE_GAP)
            text.append(f"{labels.get(name, name)} ", style="dim")
            text.append(value(name), style="bold")
    return text
