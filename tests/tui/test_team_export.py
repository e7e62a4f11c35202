"""The lead's merged report on the team screen: its chart, and writing it to a file in
every format, the same files as `peerdesk report merge` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from typer.testing import CliRunner

from peerdesk import messages
from peerdesk.cli.root import app as cli_app
from peerdesk.reports.history import Publication
from peerdesk.reports.render import cell_label
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.team_export import FORMATS, TeamExportScreen, default_path
from peerdesk.tui.dialogs.team_merge_files import MergeFilesScreen
from peerdesk.tui.screens.team_merge import TeamMergeScreen
from peerdesk.tui.widgets.bar_chart import BarChart
from peerdesk.vault import Vault, VaultError, publications
from tests.conftest import PASSPHRASE
from tests.support import full_disk
from tests.support.team_core import make_lead
from tests.support.team_reports import MONTH, team, write_months
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, paste, screen_text, wait_until
from tests.tui.save_helpers import fill_disk
from tests.tui.team_helpers import open_team

WRITTEN = messages.REPORT_WHAT_TEAM.format(month=MONTH)


def lead(vault_path: Path) -> None:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        make_lead(vault)
        assert vault.settings().min_cell == 5  # what cli_merge gives the CLI


def cli_merge(files: list[Path], fmt: str, folder: Path) -> str:
    """What `peerdesk report merge` prints for the same files (no vault, threshold 5)."""
    args = ["--vault", str(folder / "no-vault.peerdesk"), "report", "merge", *map(str, files)]
    result = CliRunner().invoke(cli_app, [*args, "--min-cell", "5", "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


async def merged(pilot: Pilot[None], app: PeerdeskApp, paths: str) -> TeamMergeScreen:
    """t, m, the files, enter: the merge screen once it shows the report or the problems."""
    await open_team(pilot, app)
    await pilot.press("m")
    await wait_until(pilot, lambda: isinstance(app.screen, MergeFilesScreen), "the files")
    await paste(pilot, paths)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "the merge")
    screen = app.screen
    assert isinstance(screen, TeamMergeScreen)
    await wait_until(pilot, lambda: screen.done, "the report")
    return screen


async def export_dialog(pilot: Pilot[None], app: PeerdeskApp) -> TeamExportScreen:
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(app.screen, TeamExportScreen), "the dialog")
    dialog = app.screen
    assert isinstance(dialog, TeamExportScreen)
    return dialog


def status(dialog: TeamExportScreen) -> str:
    return str(dialog.query_one("#team-export-status", Static).content)


async def test_the_merge_view_charts_the_modes_and_writes_every_format(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    (tmp_path / "months").mkdir()
    files = write_months(tmp_path / "months")
    expected = team(3)
    assert any(v is None for v in expected.tables["mode"].values())
    written: dict[str, Path] = {}
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await merged(pilot, app, str(tmp_path / "months"))
        assert screen.report == expected  # the CLI's merge of the same files
        chart = screen.query_one("#team-merge-chart", BarChart)
        assert chart.display
        modes = expected.tables["mode"]
        assert chart.rows == tuple((cell_label("mode", cid), v) for cid, v in modes.items())
        drawn = chart.plain.splitlines()
        for line, (cid, value) in zip(drawn, modes.items(), strict=True):
            shown = messages.REPORT_SUPPRESSED_MARK if value is None else str(value)
            assert line.startswith(cell_label("mode", cid)[:10]) and line.endswith(f" {shown}")
            if value is None:
                assert "\u2588" not in line and "\u258f" not in line  # no bar for a hidden count
        assert messages.TEAM_MERGE_FILE_HINT in screen_text(app)
        for steps, choice in enumerate(FORMATS):
            dialog = await export_dialog(pilot, app)
            for _ in range(steps):
                await pilot.press("right")  # the format; the file's suffix follows
            path = dialog.query_one("#team-export-path", Input).value
            assert path == str(default_path(Path.home(), MONTH, choice.id))
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), choice.id)
            said = messages.REPORT_WRITTEN.format(what=WRITTEN, path=path)
            assert said in notifications(app)
            written[choice.id] = Path(path)
    assert [c.id for c in FORMATS] == ["html", "csv", "wide-csv", "json", "md"]
    for fmt, file in written.items():
        assert file.read_text(encoding="utf-8") == cli_merge(files, fmt, tmp_path), fmt
    assert not list(Path.home().glob(".peerdesk-report-*"))  # no temp file left
    # Five files, one report: logged once, as `report merge` logs what it prints.
    assert [p.period for p in logged(closed_vault)] == [MONTH]
    assert logged(closed_vault)[0].cells == expected.publication("").cells


def logged(vault_path: Path) -> list[Publication]:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        return publications.history(vault.conn)


async def test_a_report_only_looked_at_is_not_logged_and_one_not_logged_is_not_written(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    (tmp_path / "months").mkdir()
    files = write_months(tmp_path / "months")
    target = tmp_path / "for command staff.html"
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await merged(pilot, app, str(tmp_path / "months"))
        dialog = await export_dialog(pilot, app)
        await pilot.press("tab", "ctrl+u")
        await paste(pilot, str(target))
        full_log(app)  # the vault, not the folder: the log cannot be written
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert status(dialog).startswith("Nothing was published: the report could not be")
        assert "disk" in status(dialog).lower() or "full" in status(dialog).lower()
        assert not target.exists()
        assert app.vault is not None
        app.vault.conn.execute("DELETE FROM publications")  # the filler rows: room again
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "written")
    assert target.read_text(encoding="utf-8") == cli_merge(files, "html", tmp_path)
    assert [p.period for p in logged(closed_vault)] == [MONTH]
    again = PeerdeskApp(closed_vault)
    async with again.run_test(size=SIZE) as pilot:
        await merged(pilot, again, str(tmp_path / "months"))  # looked at, not written
    assert len(logged(closed_vault)) == 1


def full_log(app: PeerdeskApp) -> None:
    """A real SQLITE_FULL for the next publication logged: the vault capped at its size
    and the log's pages filled with rows of a period nobody merges."""
    fill_disk(app)
    assert app.vault is not None
    conn = app.vault.conn
    with pytest.raises(VaultError):
        for _ in range(10_000):
            conn.execute(
                "INSERT INTO publications (period, published_at, min_cell, files)"
                " VALUES ('1999-01', '1999-02-01T00:00:00Z', 5, 1)"
            )


async def test_a_full_disk_keeps_the_dialog_and_the_typed_path(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    (tmp_path / "months").mkdir()
    files = write_months(tmp_path / "months")
    with full_disk.small_disk(tmp_path) as disk:
        target = disk / "for command staff.html"
        app = PeerdeskApp(closed_vault)
        async with app.run_test(size=SIZE) as pilot:
            await merged(pilot, app, str(tmp_path / "months"))
            dialog = await export_dialog(pilot, app)
            await pilot.press("tab", "ctrl+u")
            await paste(pilot, str(target))
            full_disk.fill(disk, leave=0)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog
            assert status(dialog) == messages.TEAM_EXPORT_DISK_FULL
            assert dialog.query_one("#team-export-path", Input).value == str(target)
            assert not target.exists()
            assert [p.name for p in disk.iterdir()] == [full_disk.FILLER]  # no temp file
            full_disk.free(disk)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "written")
            said = messages.REPORT_WRITTEN.format(what=WRITTEN, path=target)
            assert said in notifications(app)
        assert target.read_text(encoding="utf-8") == cli_merge(files, "html", tmp_path)


async def test_an_existing_file_is_replaced_only_after_a_question(
    closed_vault: Path, tmp_path: Path
) -> None:
    lead(closed_vault)
    (tmp_path / "months").mkdir()
    files = write_months(tmp_path / "months")
    target = Path.home() / f"peerdesk-team-{MONTH}.html"
    target.write_text("keep me\n")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await merged(pilot, app, str(tmp_path / "months"))
        dialog = await export_dialog(pilot, app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert messages.STATS_EXPORT_REPLACE.format(path=target) in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is dialog, "the dialog again")
        assert status(dialog) == messages.TEAM_EXPORT_KEPT.format(path=target)
        assert target.read_text() == "keep me\n"
        # A folder, or a file in no folder, is a sentence; nothing is written.
        await pilot.press("tab", "ctrl+u")
        await paste(pilot, str(tmp_path / "no-such-folder" / "x.html"))
        await pilot.press("enter")
        assert status(dialog) == messages.STATS_EXPORT_NO_FOLDER.format(
            folder=tmp_path / "no-such-folder"
        )
        await pilot.press("ctrl+u")
        await paste(pilot, str(tmp_path))
        await pilot.press("enter")
        assert status(dialog) == messages.STATS_EXPORT_IS_FOLDER.format(path=tmp_path)
        await pilot.press("ctrl+u")
        await paste(pilot, str(target))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked again")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "written")
    assert target.read_text(encoding="utf-8") == cli_merge(files, "html", tmp_path)
    assert not (tmp_path / "no-such-folder").exists()


async def test_a_refused_merge_has_nothing_to_write(closed_vault: Path, tmp_path: Path) -> None:
    lead(closed_vault)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await merged(pilot, app, str(broken))
        assert screen.report is None
        assert not screen.query_one("#team-merge-chart", BarChart).display
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen
        assert messages.TEAM_EXPORT_NOTHING in notifications(app)
    assert not list(Path.home().glob("peerdesk-team-*"))
