"""The lead's reports over time in the app: a quarter or a year merged on the team
screen is `report merge --quarter/--year`'s report, a bad period is the command's
sentence, and the publication log (p) is `report log`."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.reports import render
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.team_export import TeamExportScreen
from peerdesk.tui.dialogs.team_merge_files import MergeFilesScreen
from peerdesk.tui.screens.team import TeamScreen
from peerdesk.tui.screens.team_log import PublicationLogScreen
from peerdesk.tui.screens.team_merge import TeamMergeScreen
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.line_view import LineView
from peerdesk.tui.widgets.work_bar import WorkBar
from peerdesk.vault import Vault, publications
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli
from tests.support.team_core import make_lead
from tests.support.team_months import Team, write_files
from tests.support.team_reports import MONTH, team, write_months
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, assert_locked, paste, rendered, screen_text, wait_until
from tests.tui.team_helpers import choose_period, merge_dialog, merged_report, open_team

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
Q1 = ("2026-01", "2026-02", "2026-03")
QUARTER, YEAR = 1, 2  # steps right on the period field from "the month of the files"


def lead(vault_path: Path) -> None:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        make_lead(vault)


def quarter_files(folder: Path) -> Team:
    """Three peers' months of the first quarter, one file per peer and month."""
    folder.mkdir()
    months = Team(5, peers=3)
    for month in Q1:
        months.month(month)
    write_files(months, folder, Q1)
    return months


def status(dialog: MergeFilesScreen) -> str:
    return str(dialog.query_one("#merge-files-status", Static).content)


async def test_a_quarter_merged_in_the_app_is_the_commands_quarter(
    closed_vault: Path, tmp_path: Path
) -> None:
    """After its three months were published, the quarter is audited against them: on
    screen exactly as `report merge --quarter` prints it from the same vault."""
    lead(closed_vault)
    quarter_files(tmp_path / "months")
    cli = Cli(closed_vault)
    for month in Q1:
        files = sorted(str(p) for p in (tmp_path / "months").glob(f"{month}-*.json"))
        assert cli("report", "merge", *files, env=ENV).exit_code == 0
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await merge_dialog(pilot, app, str(tmp_path / "months"))
        await choose_period(pilot, QUARTER, "2026-q1")  # as --quarter reads it
        screen = await merged_report(pilot, app)
        assert screen.report is not None and screen.report.month == "2026-Q1"
        shown = screen_text(app)
        assert messages.TEAM_MERGE_TITLE_PERIOD.format(period="2026-Q1") in shown
        assert "Team counts for 2026-Q1 (9 peer files merged)" in shown
        assert "Compared with 3 earlier publication(s)" in shown
        on_screen = render.team_table(screen.report)
        assert on_screen in shown
        paths = [str(p) for p in screen.paths]
    # Only looked at, so the log is as the command will find it: the same report.
    command = cli("report", "merge", "--quarter", "2026-Q1", *paths, env=ENV)
    assert command.exit_code == 0, command.output
    assert command.stdout == on_screen
    assert messages.REPORT_LOGGED.format(number=4, period="2026-Q1") in command.stderr


async def test_a_year_needs_all_its_months_and_says_so_as_the_command_does(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    quarter_files(tmp_path / "months")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await merge_dialog(pilot, app, str(tmp_path / "months"))
        await choose_period(pilot, YEAR, "2026")
        screen = await merged_report(pilot, app)
        assert screen.report is None
        missing = ", ".join(f"2026-{m:02d}" for m in range(4, 13))
        sentence = messages.REPORT_PERIOD_MONTHS_MISSING.format(period="2026", months=missing)
        assert sentence in screen_text(app)
        assert messages.TEAM_MERGE_TITLE_PERIOD.format(period="2026") in screen_text(app)
        paths = [str(p) for p in screen.paths]
    command = Cli(closed_vault)("report", "merge", "--year", "2026", *paths, env=ENV)
    assert command.exit_code == 1 and sentence in command.stderr


async def test_a_bad_period_is_the_commands_sentence_and_the_dialog_keeps_it(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    (tmp_path / "months").mkdir()
    write_months(tmp_path / "months")
    folder = str(tmp_path / "months")
    nowhere = Cli(tmp_path / "no-vault.peerdesk")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        dialog = await merge_dialog(pilot, app, folder)
        period = dialog.query_one("#merge-period", Input)
        assert period.disabled  # the files' month: nothing to type
        await choose_period(pilot, QUARTER, "2026-Q5")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        expected = messages.REPORT_QUARTER_FORMAT.format(value="2026-Q5")
        assert status(dialog) == expected
        said = nowhere("report", "merge", "--quarter", "2026-Q5", folder).stderr
        assert expected in said  # the command's own sentence
        assert period.value == "2026-Q5"
        assert dialog.query_one("#merge-paths", Input).value == folder
        # A year, typed over: the year's sentence, the year's range, as the command says.
        await pilot.press("shift+tab", "y", "tab", "ctrl+u")  # y: the year, by its letter
        await paste(pilot, "0000")
        await pilot.press("enter")
        await pilot.pause()
        expected = nowhere("report", "merge", "--year", "0000", folder).stderr
        assert status(dialog) in expected and "outside the years" in status(dialog)
        assert status(dialog).startswith("The year '0000'")  # no option named in the app
        # Markup is shown as typed, never drawn as markup.
        await pilot.press("ctrl+u")
        await paste(pilot, "[bold]2026[/bold]")
        await pilot.press("enter")
        await pilot.pause()
        assert status(dialog) == messages.REPORT_YEAR_FORMAT.format(value="[bold]2026[/bold]")
        assert "'[bold]2026[/bold]'" in rendered(dialog.query_one("#merge-files-status"))
        # An escape sequence pasted is refused whole; what was typed stays.
        await paste(pilot, "\x1b[2J2026")
        assert period.value == "[bold]2026[/bold]"
        refused = messages.TEXT_CONTROL_CHARACTERS.format(field="period")
        assert status(dialog) == messages.FORM_PASTE_REFUSED.format(reason=refused)
        assert "\x1b" not in screen_text(app)
        # Back to the files' month: the typed period no longer counts, and the merge runs.
        await pilot.press("shift+tab", "m")
        assert dialog.query_one("#merge-period-kind", ChoiceField).value == "month"
        assert period.disabled
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "the merge")
        screen = app.screen
        assert isinstance(screen, TeamMergeScreen)
        await wait_until(pilot, lambda: screen.done, "the report")
        assert screen.period is None and screen.report == team(3)
        assert messages.TEAM_MERGE_TITLE_PERIOD.format(period=MONTH) in screen_text(app)


def log_view(app: PeerdeskApp) -> list[str]:
    """The log's lines as drawn on screen (the header first)."""
    return [text for _kind, text in app.screen.query_one("#team-log", LineView).lines]


async def test_the_log_is_the_commands_and_lists_a_report_once_it_is_written(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    quarter_files(tmp_path / "months")
    target = tmp_path / "q1.html"
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PublicationLogScreen), "the log")
        assert messages.REPORT_LOG_EMPTY in screen_text(app)
        assert not app.screen.query("#team-log")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the team screen")
        await merge_dialog(pilot, app, str(tmp_path / "months"))
        await choose_period(pilot, QUARTER, "2026-Q1")
        screen = await merged_report(pilot, app)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamExportScreen), "export")
        assert messages.TEAM_EXPORT_TITLE.format(month="2026-Q1") in screen_text(app)
        await pilot.press("tab", "ctrl+u")
        await paste(pilot, str(target))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, "written")
        what = messages.REPORT_WHAT_TEAM.format(month="2026-Q1")
        assert messages.REPORT_WRITTEN.format(what=what, path=target) in notifications(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the team screen")
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PublicationLogScreen), "the log")
        lines = log_view(app)
        assert app.focused is app.screen.query_one("#team-log")
        assert messages.REPORT_LOG_EMPTY not in screen_text(app)
        drawn = rendered(app.screen.query_one("#team-log"))
        assert lines[0] in drawn and lines[1] in drawn
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "back")
    command = Cli(closed_vault)("report", "log", env=ENV)
    assert command.stdout.rstrip("\n").split("\n") == lines  # same columns, same words
    headers = [part.strip() for part in lines[0].split("  ") if part.strip()]
    assert headers == list(messages.REPORT_LOG_HEADERS)
    assert lines[1].split()[:2] == ["1", "2026-Q1"]
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (logged,) = publications.listing(vault.conn)
    assert logged.period == "2026-Q1" and logged.files == 9
    assert lines[1].split()[-3:] == [str(logged.files), str(logged.shown), str(logged.hidden)]
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_a_long_log_scrolls_and_only_the_lead_has_one(
    closed_vault: Path, tmp_path: Path
) -> None:
    month = team(3).publication("")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        for _ in range(40):
            publications.record(vault, month)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("p")  # no team: no log here
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        await pilot.press("c")  # the lead's keys: now there is
        await pilot.pause()
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PublicationLogScreen), "the log")
        view = app.screen.query_one("#team-log", LineView)
        assert len(view.lines) == 41
        assert f"40  {MONTH}" not in rendered(view)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert f"40  {MONTH}" in rendered(view)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "back")
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PublicationLogScreen), "the log")
        await pilot.press("ctrl+l")  # locked from the log: nothing of it is left
        await assert_locked(pilot, app, closed_vault)


async def test_the_merge_says_which_step_it_is_in_then_puts_its_bar_away(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    (tmp_path / "months").mkdir()
    write_months(tmp_path / "months", peers=3)
    told: list[tuple[str, int, int]] = []

    def heard(message: Message) -> None:
        if isinstance(message, WorkBar.Stepped):
            told.append((message.doing, message.done, message.total))

    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await open_team(pilot, app)
        await merge_dialog(pilot, app, str(tmp_path / "months"))
        screen = await merged_report(pilot, app)
        assert screen.report is not None
        assert not screen.query_one(WorkBar).display  # the report shows, the bar is gone
    assert (messages.PROGRESS_MERGE_READING, 3, 3) in told
    steps = {doing for doing, _, _ in told}
    assert {messages.PROGRESS_MERGE_SUPPRESSING, messages.PROGRESS_MERGE_AUDITING} <= steps
    assert steps <= {  # the steps' own wording: never a cell of the report
        messages.PROGRESS_MERGE_READING,
        messages.PROGRESS_MERGE_SUPPRESSING,
        messages.PROGRESS_MERGE_AUDITING,
    }
