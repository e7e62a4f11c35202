"""The lead's merge of peers' months, on screen: the same steps as `peerdesk report merge`.

A month (the files' own), a quarter or a year: the period chosen in the files dialog
is given to the same two calls as `report merge --quarter/--year` makes
(peerdesk.reports.senders.read_months and team_report_of), so the report is audited
over the period and its months and compared with every earlier publication of them,
as the command does. The title says which period.

Opening and checking the files (age, two signatures per sealed month, the month's
checks), the suppression, the audit and the comparison with earlier publications run
in a worker thread, which says which step it is in (a bar, counted where counts are
known: a year with its publication log can take tens of seconds); a lock or going
back stops it at its next step. The vault is only read before it (the lead's keys,
the threshold) and written after it (the peer keys seen), on the main thread, so the
vault's connection is never used by two threads (peerdesk.vault.team_merge). The
report shows counts only, small cells suppressed with the vault's threshold, what
was left out and whom each counted file is from, with a chart of the contacts by mode.
e writes it to a file (peerdesk.tui.dialogs.team_export), as `report merge` would:
the first file written logs the report in the publication log, since from then on a
reader may hold it; what is only on screen is not published.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from peerdesk import messages
from peerdesk.reports import TeamReport, render
from peerdesk.reports.files import ReportFileError
from peerdesk.reports.history import Publication
from peerdesk.reports.periods import Period
from peerdesk.reports.sealed import LeadOpener
from peerdesk.reports.senders import Chosen, read_months, team_report_of
from peerdesk.tui import keys
from peerdesk.tui.dialogs.team_export import TeamExported, TeamExportScreen
from peerdesk.tui.widgets.bar_chart import BarChart
from peerdesk.tui.widgets.work_bar import WorkBar
from peerdesk.vault import Vault, VaultError, publications, team, team_merge

CHART_TABLE = "mode"  # the table charted on screen: how the contacts were had


class MergeStopped(Exception):
    """The merge's screen went away (a lock, back) while it ran: stop working."""


class MergeScroll(VerticalScroll, can_focus=False):
    """Scrolls only through the screen's listed keys, never bindings of its own."""


class TeamMergeScreen(Screen[None]):
    """Reads `paths` as soon as it opens, then shows the team report of `period` (None:
    the files' month) or every problem."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.TEAM_MERGE_KEYS)

    class MonthsRead(Message):
        """The worker read and checked every file; `table` is the team report's text."""

        def __init__(self, chosen: Chosen, report: TeamReport, table: str, min_cell: int) -> None:
            super().__init__()
            self.chosen = chosen
            self.report = report
            self.table = table
            self.min_cell = min_cell

    class MonthsRefused(Message):
        """The worker refused files: one sentence for each problem."""

        def __init__(self, problems: list[str]) -> None:
            super().__init__()
            self.problems = problems

    def __init__(self, vault: Vault, paths: list[Path], period: Period | None = None) -> None:
        super().__init__()
        self.vault = vault
        self.paths = paths
        self.period = period
        self.done = False  # the report or the problems are shown
        self.zeros_hidden = False  # the vault's report setting, read before the worker
        self.report: TeamReport | None = None  # the report shown, once there is one
        self.logged = False  # the report shown is in the publication log

    def compose(self) -> ComposeResult:
        with Vertical(id="team-merge-box"):
            yield Static(self._title(), id="team-merge-title", classes="screen-title")
            with MergeScroll(id="team-merge-scroll"):
                yield Static(self._reading(), id="team-merge-status")
                yield WorkBar(id="team-merge-work")
                yield Static("", id="team-merge-senders")
                chart_title = Static(
                    Text(messages.TEAM_MERGE_CHART_TITLE),
                    id="team-merge-chart-title",
                    classes="section-title",
                )
                chart_title.display = False
                yield chart_title
                chart = BarChart(id="team-merge-chart")
                chart.display = False
                yield chart
                yield Static("", id="team-merge-report")
                yield Static("", id="team-merge-hint", classes="intro")
            yield Static(Text(messages.TEAM_MERGE_RESULT_KEYS), classes="keys-line")

    def _title(self, label: str | None = None) -> Text:
        """The period in the title once it is known: asked for, or the files' month."""
        label = label or (self.period.label if self.period is not None else None)
        if label is None:
            return Text(messages.TEAM_MERGE_TITLE)
        return Text(messages.TEAM_MERGE_TITLE_PERIOD.format(period=label))

    def _reading(self) -> Text:
        count = len(self.paths)
        if self.period is None:
            return Text(messages.TEAM_MERGE_READING.format(count=count))
        return Text(
            messages.TEAM_MERGE_READING_PERIOD.format(count=count, period=self.period.label)
        )

    def on_mount(self) -> None:
        """Read the lead's keys and threshold here, then let the worker read the files."""
        if not self.vault.is_open:
            return
        try:
            opener = team_merge.lead_opener(self.vault.conn)
            min_cell = team_merge.vault_min_cell(self.vault)
            history = publications.history(self.vault.conn)
            self.zeros_hidden = self.vault.settings().report_zeros == "hidden"
        except team.NotLead:
            self._problems([messages.TEAM_NOT_LEAD])
            return
        except (team_merge.MinCellTooLow, VaultError) as exc:
            self._problems([str(exc)])
            return
        self._read(opener, min_cell, history)

    @work(thread=True, exclusive=True, group="team-merge", description="merge months")
    def _read(self, opener: LeadOpener, min_cell: int, history: list[Publication]) -> None:
        """Files only: every month of the period read and checked, one per sender and
        month, added up, suppressed, and compared with the publication log, by the calls
        `report merge` makes (the screen only shows it: it is logged when first written
        to a file)."""
        worker = get_current_worker()

        def told(doing: str, done: int, total: int) -> None:
            if worker.is_cancelled:  # the screen is gone (a lock, back): stop the merge
                raise MergeStopped
            self.post_message(WorkBar.Stepped(doing, done, total))

        try:
            chosen = read_months(self.paths, opener=opener, period=self.period, progress=told)
            report = team_report_of(
                chosen,
                min_cell,
                period=self.period,
                history=history,
                zeros_hidden=self.zeros_hidden,
                progress=told,
            )
        except ReportFileError as exc:
            self.post_message(self.MonthsRefused(exc.problems))
            return
        except MergeStopped:
            return  # nobody is waiting for this report any more
        self.post_message(self.MonthsRead(chosen, report, render.team_table(report), min_cell))

    @on(WorkBar.Stepped)
    def _stepped(self, message: WorkBar.Stepped) -> None:
        message.stop()
        self.query_one(WorkBar).show(message.doing, message.done, message.total)

    @on(MonthsRefused)
    def _refused(self, message: MonthsRefused) -> None:
        message.stop()
        self._problems(message.problems)

    @on(MonthsRead)
    def _read_done(self, message: MonthsRead) -> None:
        """Note the peer keys seen (one transaction) and show the report."""
        message.stop()
        if not self.vault.is_open:
            return  # locked meanwhile: this screen is being dropped
        try:
            senders = team_merge.note_senders(self.vault, message.chosen)
        except ReportFileError as exc:
            self._problems(exc.problems)
            return
        except VaultError as exc:
            self._problems([str(exc)])
            return
        threshold = messages.REPORT_THRESHOLD_LINE.format(
            n=message.min_cell, source=messages.REPORT_THRESHOLD_SOURCE["vault"]
        )
        lines = senders.lines(message.chosen, new_key=messages.TEAM_FROM_NEW_KEY)
        self.query_one("#team-merge-title", Static).update(self._title(message.report.month))
        self.query_one("#team-merge-status", Static).update(Text(threshold))
        self.query_one("#team-merge-senders", Static).update(Text("\n".join(lines)))
        self._chart(message.report)
        self.query_one("#team-merge-report", Static).update(Text(message.table, no_wrap=True))
        self.query_one("#team-merge-hint", Static).update(Text(messages.TEAM_MERGE_FILE_HINT))
        self.report = message.report
        self._ended()

    def _chart(self, report: TeamReport) -> None:
        """Contacts by mode as bars, hidden cells as the report's mark; none when the
        whole table is hidden or absent."""
        cells = report.tables.get(CHART_TABLE, {})
        if not any(v is not None for v in cells.values()):
            return
        rows = [(render.cell_label(CHART_TABLE, cid), v) for cid, v in cells.items()]
        chart = self.query_one("#team-merge-chart", BarChart)
        chart.show(rows)
        chart.display = True
        self.query_one("#team-merge-chart-title", Static).display = True

    def _ended(self) -> None:
        self.query_one(WorkBar).display = False
        self.done = True

    def _problems(self, problems: list[str]) -> None:
        text = Text(messages.TEAM_MERGE_REFUSED.format(count=len(problems)), style="bold")
        for problem in problems:
            text.append("\n")
            text.append(problem)
        self.query_one("#team-merge-status", Static).update(text)
        self._ended()

    def action_scroll(self, lines: int) -> None:
        self.query_one(MergeScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        scroll = self.query_one(MergeScroll)
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 1), animate=False)

    def action_export(self) -> None:
        """The report on screen to a file, in the format the lead chooses."""
        if not self.done:
            return  # still reading: the report is not there yet
        if self.report is None:
            self.notify(messages.TEAM_EXPORT_NOTHING, markup=False)
            return
        self.app.push_screen(
            TeamExportScreen(self.report, Path.home(), self._publish), self._exported
        )

    def _publish(self) -> str | None:
        """Log the report on screen once, before its first file; a sentence if that
        failed (then nothing may be written)."""
        if self.logged or self.report is None:
            return None
        if not self.vault.is_open:
            return messages.TEAM_EXPORT_LOCKED
        try:
            publications.publish(self.vault, self.report.publication(""))
        except publications.NotLogged as exc:
            return str(exc)
        self.logged = True
        return None

    def _exported(self, exported: TeamExported | None) -> None:
        if exported is None or self.report is None:
            return
        what = messages.REPORT_WHAT_TEAM.format(month=self.report.month)
        self.notify(messages.REPORT_WRITTEN.format(what=what, path=exported.path), markup=False)

    def action_back(self) -> None:
        self.dismiss(None)
