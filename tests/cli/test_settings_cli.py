"""`peerdesk settings show/set` against a real vault."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from peerdesk.cli.settings import NAMES
from peerdesk.vault import Settings, Vault
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, vault_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}


def test_every_setting_has_a_command_line_name() -> None:
    assert set(NAMES.values()) == {f.name for f in fields(Settings)}


def test_show_lists_the_defaults(cli: Cli, made_vault: Path) -> None:
    shown = json.loads(cli("settings", "show", "--format", "json", env=ENV).stdout)
    assert shown["idle-lock-minutes"] == 5
    assert shown["retention-days"] == 30
    table = cli("settings", "show", env=ENV).stdout
    assert "min-cell: 5" in table
    assert "escalation-checklist:" in table


def test_set_each_kind_of_value(cli: Cli, made_vault: Path, tmp_path: Path) -> None:
    assert cli("settings", "set", "idle-lock-minutes", "12", env=ENV).exit_code == 0
    assert cli("settings", "set", "theme", "light", env=ENV).exit_code == 0
    assert cli("settings", "set", "report-zeros", "hidden", env=ENV).exit_code == 0
    lowered = cli("settings", "set", "retention-days", "7", env=ENV)
    assert "older than 7 days will be wiped" in lowered.stdout
    checklist = tmp_path / "checklist.txt"
    checklist.write_text("Stay with them.\nCall [red]988[/].\n", encoding="utf-8")
    assert (
        cli("settings", "set", "escalation-checklist", "--from-file", str(checklist), env=ENV)
    ).exit_code == 0
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        got = vault.settings()
    assert (got.idle_lock_minutes, got.theme, got.retention_days) == (12, "light", 7)
    assert got.report_zeros == "hidden"
    assert got.escalation_checklist == "Stay with them.\nCall [red]988[/]."


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nap-minutes", "5"], "idle-lock-minutes, retention-days"),
        (["idle-lock-minutes", "soon"], "must be a whole number"),
        (["idle-lock-minutes", "0"], "from 1 to 240"),
        (["min-cell", "2"], "from 3 to 100"),
        (["theme", "neon"], "dark, light"),
        (["report-zeros", "sometimes"], "shown, hidden"),
        (["escalation-checklist", "a\x1b[2Jb"], "control characters"),
        (["theme"], "either a VALUE or --from-file"),
        (["escalation-checklist", "--from-file", "/nonexistent/x.txt"], "Cannot read"),
    ],
)
def test_bad_values_change_nothing(
    cli: Cli, made_vault: Path, args: list[str], expected: str
) -> None:
    before = vault_files(made_vault)
    result = cli("settings", "set", *args, env=ENV)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert vault_files(made_vault) == before
