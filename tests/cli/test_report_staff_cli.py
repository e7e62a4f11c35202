"""`peerdesk report merge --format html|wide-csv`: the files for command staff, from the CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from peerdesk.reports.html import CSP
from peerdesk.reports.outputs import TEAM_FORMATS, team_output
from tests.support.cli import Cli
from tests.support.team_reports import team, write_months


@pytest.mark.parametrize("fmt", TEAM_FORMATS)
def test_every_format_prints_what_the_renderer_makes_of_the_same_merge(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    files = write_months(tmp_path)
    result = cli("report", "merge", *map(str, files), "--min-cell", "5", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout == team_output(fmt, team(3))  # the same files, the same report
    assert not cli.vault_path.exists()


def test_html_and_wide_csv_to_files(cli: Cli, tmp_path: Path) -> None:
    files = [str(f) for f in write_months(tmp_path)]
    page = tmp_path / "team.html"
    written = cli("report", "merge", *files, "--min-cell", "5", "--format", "html", "-o", str(page))
    assert written.exit_code == 0 and written.stdout == ""
    assert "Wrote the team report for 2026-03" in written.stderr
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and CSP in text and "<script" not in text
    again = cli("report", "merge", *files, "--min-cell", "5", "--format", "html", "-o", str(page))
    assert again.exit_code == 1 and "already exists" in again.stderr
    sheet = tmp_path / "team.wide.csv"
    args = ["--format", "wide-csv", "-o", str(sheet)]
    assert cli("report", "merge", *files, "--min-cell", "5", *args).exit_code == 0
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    assert rows[0] == ["Team counts for 2026-03 (3 peer files merged)"]


def test_help_lists_the_formats(cli: Cli) -> None:
    out = cli("report", "merge", "--help").stdout
    assert "wide-csv" in out and "html" in out
