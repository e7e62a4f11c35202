"""Exporting the month from the stats screen: the same file as `peerdesk report month`."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from textual.widgets import Input
from typer.testing import CliRunner

from peerdesk.cli.root import app as cli_app
from peerdesk.reports.files import read_exports
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.stats_export import ExportScreen
from peerdesk.tui.screens.stats import StatsScreen
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, paste, screen_text, type_text
from tests.tui.stats_helpers import LAST_MONTH, LAST_MONTH_DAY, THIS_MONTH, TODAY, add, open_stats


def fill_with_canaries(vault_path: Path) -> tuple[str, str]:
    """Known contacts whose note and handle hold random words no export may contain."""
    note, handle = f"zq{secrets.token_hex(8)}", f"zh{secrets.token_hex(6)}"
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        add(vault, TODAY, ("work-stress", "sleep"), minutes=30, note=note, handle=handle)
        add(vault, TODAY, ("grief",), mode="phone", minutes=15, note=note)
        add(vault, LAST_MONTH_DAY, ("anger",), minutes=5, handle=handle)
    return note, handle


def cli_month(vault_path: Path, month: str, fmt: str, target: Path) -> None:
    """What `peerdesk report month` writes for the same month (the app must be closed)."""
    result = CliRunner().invoke(
        cli_app,
        ["--vault", str(vault_path), "report", "month", month, "--format", fmt, "-o", str(target)],
        env={"PEERDESK_PASSPHRASE": PASSPHRASE},
    )
    assert result.exit_code == 0, result.output


async def test_export_json_equals_the_cli_file_and_holds_no_text(
    closed_vault: Path, tmp_path: Path
) -> None:
    note, handle = fill_with_canaries(closed_vault)
    expected_path = Path.home() / f"peerdesk-{THIS_MONTH}.json"
    assert tmp_path in expected_path.parents  # the test's own home folder
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot, app)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        assert str(expected_path) in app.screen.query_one("#export-path", Input).value
        await pilot.press("enter")  # the defaults: JSON, in the home folder, no label
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert f"Exported to {expected_path}" in notifications(app)
    text = expected_path.read_text(encoding="utf-8")
    assert note not in text and handle not in text
    (exported,) = read_exports([expected_path])  # format, checksum and sums all valid
    assert exported.label is None
    assert exported.counts.contacts == 2 and exported.counts.minutes == 45
    from_cli = tmp_path / "cli.json"
    cli_month(closed_vault, THIS_MONTH, "json", from_cli)
    (reference,) = read_exports([from_cli])
    assert exported.counts == reference.counts
    # The same month file (version 3, this vault's id) but for the export's own id and
    # number, and the checksum over them.
    ours, theirs = json.loads(text), json.loads(from_cli.read_text(encoding="utf-8"))
    assert ours["version"] == theirs["version"] == 4
    assert (ours["sequence"], theirs["sequence"]) == (1, 2)
    for doc in (ours, theirs):
        del doc["export_id"], doc["sequence"], doc["checksum"]
    assert ours == theirs


async def test_export_csv_of_another_month_with_a_label(closed_vault: Path, tmp_path: Path) -> None:
    note, handle = fill_with_canaries(closed_vault)
    target = tmp_path / "march.csv"
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot, app)
        await pilot.press("left_square_bracket", "e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("right")  # format: CSV; the file's suffix follows
        path_box = app.screen.query_one("#export-path", Input)
        assert path_box.value.endswith(f"peerdesk-{LAST_MONTH}.csv")
        await pilot.press("tab", "ctrl+u")
        await paste(pilot, str(target))
        await pilot.press("tab")
        await type_text(pilot, "JD")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
    from_cli = tmp_path / "cli.csv"
    cli_month(closed_vault, LAST_MONTH, "csv", from_cli)
    text = target.read_text(encoding="utf-8")
    assert note not in text and handle not in text
    assert "label,,,JD\n" in text
    assert text.replace("label,,,JD\n", "") == from_cli.read_text(encoding="utf-8")


async def test_export_refuses_to_overwrite_without_confirmation(
    closed_vault: Path, tmp_path: Path
) -> None:
    fill_with_canaries(closed_vault)
    target = Path.home() / f"peerdesk-{THIS_MONTH}.json"
    target.write_text("keep me\n")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot, app)
        await pilot.press("e", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        assert str(target) in screen_text(app) and "Replace it?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert target.read_text() == "keep me\n"
        assert not any("Exported" in n for n in notifications(app))
        await pilot.press("e", "enter", "y")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert f"Exported to {target}" in notifications(app)
    (exported,) = read_exports([target])
    assert exported.counts.contacts == 2


async def test_export_says_what_is_wrong_and_writes_nothing(
    closed_vault: Path, tmp_path: Path
) -> None:
    fill_with_canaries(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot, app)
        await pilot.press("e", "tab", "ctrl+u")
        await paste(pilot, str(tmp_path / "no-such-folder" / "x.json"))
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "does not exist" in screen_text(app)
        await pilot.press("ctrl+u")
        await paste(pilot, str(tmp_path))
        await pilot.press("enter")
        assert "is a folder" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, StatsScreen)
    assert not list(Path.home().glob("peerdesk-*"))
    assert not (tmp_path / "no-such-folder").exists()
