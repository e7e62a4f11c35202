"""`report merge` over time through the real CLI: the lead's publication log, a month
merged again, quarters and years, `report log`, bad periods and a full disk."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault, publications
from tests.conftest import PASSPHRASE
from tests.support import full_disk
from tests.support.cli import Cli
from tests.support.team_months import Team, write_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
MARCH = "2026-03"
Q1 = ("2026-01", "2026-02", "2026-03")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "months"
    folder.mkdir()
    return folder


def test_a_late_contact_merged_again_is_logged_and_compared(
    cli: Cli, made_vault: Path, files: Path
) -> None:
    team = Team(7, peers=6)
    team.month(MARCH)
    first = cli(
        "report", "merge", *write_files(team, files, (MARCH,)), "-o", str(files / "a.txt"), env=ENV
    )
    assert first.exit_code == 0, first.output
    assert messages.REPORT_LOGGED.format(number=1, period=MARCH) in first.stderr
    team.late(MARCH, peer=2)
    write_files(team, files, (MARCH,))
    every = sorted(str(p) for p in files.glob("*.json"))  # peer 2's first file too
    second = cli("report", "merge", *every, "--format", "json", env=ENV)
    assert second.exit_code == 0, second.output
    assert messages.REPORT_LOGGED.format(number=2, period=MARCH) in second.stderr
    assert "the newer export" in second.stderr  # peer 2's first file was left out
    report = json.loads(second.stdout)
    assert report["audit"]["publications_compared"] == 1
    assert report["figures"]["contacts"] is None  # one more contact: the count is hidden
    assert "earlier" in report["suppressed"]["why"]["figures.contacts"]
    assert "figures.contacts" in report["changes"]["now_hidden"]
    assert report["changes"]["since"].endswith("+00:00")
    table = cli("report", "merge", *every, env=ENV).stdout
    assert f"Since the last publication of {MARCH}" in table
    assert f"Since the last publication of {MARCH}" in table and "nothing changed" in table
    log = cli("report", "log", env=ENV)
    assert log.exit_code == 0 and log.stdout.count(MARCH) == 3
    rows = json.loads(cli("report", "log", "--format", "json", env=ENV).stdout)
    assert [r["number"] for r in rows] == [1, 2, 3] and rows[0]["files"] == 6
    assert rows[1]["hidden"] > rows[0]["hidden"]


def test_a_quarter_from_its_months_files(cli: Cli, made_vault: Path, files: Path) -> None:
    team = Team(5, peers=3)
    for month in Q1:
        team.month(month)
        merged = cli("report", "merge", *write_files(team, files, (month,)), env=ENV)
        assert merged.exit_code == 0, merged.output
    quarter = cli("report", "merge", "--quarter", "2026-Q1", *write_files(team, files, Q1), env=ENV)
    assert quarter.exit_code == 0, quarter.output
    assert "Team counts for 2026-Q1 (9 peer files merged)" in quarter.stdout
    assert "Compared with 3 earlier publication(s)" in quarter.stdout
    assert messages.REPORT_LOGGED.format(number=4, period="2026-Q1") in quarter.stderr
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        assert [p.period for p in publications.history(vault.conn)] == [*Q1, "2026-Q1"]


def test_a_quarter_refuses_other_months_and_needs_all_of_its_own(
    cli: Cli, made_vault: Path, files: Path
) -> None:
    team = Team(5, peers=2)
    for month in ("2026-01", "2026-02", "2026-04"):
        team.month(month)
    outside = cli(
        "report", "merge", "--quarter", "2026-Q1",
        *write_files(team, files, ("2026-01", "2026-02", "2026-04")),
    )  # fmt: skip
    assert outside.exit_code == 1 and outside.stdout == ""
    assert "is for 2026-04, which is not in 2026-Q1" in outside.stderr
    assert "2026-Q1 has no file for 2026-03" in outside.stderr
    assert "Nothing was merged" in outside.stderr
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        assert publications.history(vault.conn) == []


def test_without_a_vault_nothing_is_logged_and_it_says_so(cli: Cli, files: Path) -> None:
    team = Team(3, peers=4)
    team.month(MARCH)
    result = cli("report", "merge", *write_files(team, files, (MARCH,)), "--min-cell", "5")
    assert result.exit_code == 0, result.output
    assert messages.REPORT_NOT_LOGGED in result.stderr
    assert not cli.vault_path.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--quarter", "2026-Q5"], "is not a quarter"),
        (["--quarter", "2026-Q1\x1b[2J"], "\\x1b"),
        (["--quarter", "2026-Q1" * 3000], "is not a quarter"),
        (["--quarter", ""], "is not a quarter"),
        (["--quarter", "0000-Q1"], "outside the years"),
        (["--year", "\uff12\uff10\uff12\uff16"], "is not a year"),
        (["--year", "2026-Q1"], "is not a year"),
        (["--year", "99999"], "is not a year"),
        (["--year", "2026", "--quarter", "2026-Q1"], "one period at a time"),
        (["--month", "2026-03", "--year", "2026"], "one period at a time"),
    ],
)
def test_bad_periods_are_one_sentence_before_the_passphrase(
    cli: Cli, made_vault: Path, files: Path, args: list[str], expected: str
) -> None:
    team = Team(3, peers=2)
    team.month(MARCH)
    result = cli("report", "merge", *write_files(team, files, (MARCH,)), *args)  # no passphrase
    assert result.exit_code == 1 and result.stdout == ""
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "\x1b" not in result.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with full_disk.small_disk(tmp_path) as mount_point:
        yield mount_point


def test_a_full_disk_while_logging_publishes_nothing(small_disk: Path, files: Path) -> None:
    """The report is logged first and shown after: a log that cannot be written leaves
    no report file and prints no report."""
    vault_path = small_disk / "vault.peerdesk"
    Vault.create(vault_path, PASSPHRASE).close()
    team = Team(7, peers=6)
    team.month(MARCH)
    names = write_files(team, files, (MARCH,))
    full_disk.fill(small_disk, leave=48 * 1024)
    logged = 0
    for attempt in range(200):
        out = files / f"report-{attempt}.md"
        result = Cli(vault_path)("report", "merge", *names, "-o", str(out), env=ENV)
        if result.exit_code != 0:
            break
        logged += 1
        assert out.exists()
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and not out.exists()
    sentences = [messages.VAULT_DISK_FULL, messages.VAULT_IO_ERROR]
    said = result.stderr.strip().splitlines()[-1]
    assert said in [messages.REPORT_LOG_FAILED.format(reason=s) for s in sentences], said
    full_disk.free(small_disk)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert len(publications.history(vault.conn)) == logged


def test_an_empty_log_is_a_sentence_or_an_empty_list(cli: Cli, made_vault: Path) -> None:
    table = cli("report", "log", env=ENV)
    assert table.exit_code == 0 and table.stdout.strip() == messages.REPORT_LOG_EMPTY
    assert json.loads(cli("report", "log", "--format", "json", env=ENV).stdout) == []
    bad = cli("report", "log", "--format", "xml")
    assert bad.exit_code == 1 and "table, json" in bad.stderr and bad.stdout == ""
