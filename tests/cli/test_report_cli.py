"""`peerdesk report month` and `peerdesk report merge` through the real CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.models.contacts import ContactFields
from peerdesk.reports.counts import from_marginals
from peerdesk.reports.files import document, dumps
from peerdesk.vault import Vault, logbook
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, lines

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
TODAY = date(2026, 4, 1)


@pytest.fixture
def march_vault(made_vault: Path) -> Path:
    """Seven March contacts and one in February, with notes and handles."""
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        for i in range(7):
            fields = ContactFields(
                contact_date=date(2026, 3, 1 + i),
                topics=("sleep", "work-stress") if i % 2 else ("sleep",),
                mode="phone" if i < 2 else "cruiser",
                minutes=30,
                note=f"Zqnote{i} talked about the night shift",
                handle=f"Zqhandle{i}",
            )
            logbook.save_contact(vault, fields, today=TODAY)
        logbook.save_contact(
            vault, ContactFields(contact_date=date(2026, 2, 27), topics=("grief",)), today=TODAY
        )
    return made_vault


def month_file(
    folder: Path, name: str, *, cruiser: int, phone: int, month: str = "2026-03"
) -> Path:
    contacts = cruiser + phone
    counts = from_marginals(
        month,
        contacts=contacts,
        minutes=10 * contacts,
        group_people=0,
        followups_completed=0,
        tables={
            "mode": [("cruiser", cruiser), ("phone", phone)],
            "initiated_by": [("self", contacts)],
            "topic": [("sleep", contacts)],
            "risk": [("none", contacts)],
            "outcome": [("support", contacts)],
            "critical_incident": [("no", contacts)],
        },
        referral_statuses=None,
    )
    path = folder / name
    path.write_text(dumps(document(counts, label="peer " + name)))
    return path


def test_month_table_counts_the_month_and_nothing_else(cli: Cli, march_vault: Path) -> None:
    result = cli("report", "month", "2026-03", env=ENV)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "peerdesk counts for 2026-03" in out
    assert re.search(r"^Contacts +7$", out, re.MULTILINE)
    assert re.search(r"^  Phone +2$", out, re.MULTILINE)
    assert "Zq" not in result.output and "2026-03-0" not in result.output


def test_month_json_is_a_valid_month_file_with_a_label_only_on_request(
    cli: Cli, march_vault: Path
) -> None:
    plain = json.loads(cli("report", "month", "2026-03", "--format", "json", env=ENV).stdout)
    assert plain["label"] is None and plain["counts"]["figures"]["contacts"] == 7
    assert plain["counts"]["tables"]["mode"]["phone"] == 2
    assert plain["counts"]["figures"]["minutes"] == 210
    assert plain["counts"]["tables"]["topic"]["sleep"] == 7
    labelled = cli("report", "month", "2026-03", "--format", "json", "--label", "JD", env=ENV)
    assert json.loads(labelled.stdout)["label"] == "JD"


def test_month_csv_neutralises_a_formula_label(cli: Cli, march_vault: Path) -> None:
    result = cli(
        "report", "month", "2026-03", "--format", "csv", "--label", "=HYPERLINK(1)", env=ENV
    )
    assert result.exit_code == 0, result.output
    assert "label,,,'=HYPERLINK(1)" in result.stdout
    assert "mode,phone,Phone,2" in result.stdout


def test_month_to_a_file_refuses_an_existing_file_before_asking(
    cli: Cli, march_vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / "march.json"
    result = cli("report", "month", "2026-03", "--format", "json", "-o", str(target), env=ENV)
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["month"] == "2026-03"
    assert "Wrote the counts for 2026-03" in result.stderr
    again = cli("report", "month", "2026-03", "-o", str(target))  # no passphrase anywhere
    assert again.exit_code == 1 and "already exists" in again.stderr
    forced = cli("report", "month", "2026-03", "-o", str(target), "--force", env=ENV)
    assert forced.exit_code == 0 and "peerdesk counts" in target.read_text()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["2026-13"], "is not a month; write it as YYYY-MM"),
        (["March"], "is not a month"),
        (["2026-03", "--format", "xml"], "choose one of: table, csv, json"),
        (["2026-03", "--label", "x" * 41], "label"),
        (["2026-03", "--label", "a\x1b[31m"], "label"),
        (["2026-03", "-o", "/no/such/folder/x.json"], "/no/such/folder"),
    ],
)
def test_bad_month_values_are_refused_before_the_passphrase(
    cli: Cli, march_vault: Path, args: list[str], expected: str
) -> None:
    result = cli("report", "month", *args)  # no passphrase given: a prompt would fail
    assert result.exit_code == 1
    assert expected in result.stderr
    assert result.stdout == ""


def test_month_with_the_wrong_passphrase_or_no_vault(cli: Cli, march_vault: Path) -> None:
    wrong = cli("report", "month", "2026-03", "--passphrase-stdin", input=lines("not it at all"))
    assert wrong.exit_code == 1 and "passphrase" in wrong.stderr.lower()
    missing = Cli(march_vault.parent / "nothing.peerdesk")("report", "month", "2026-03", env=ENV)
    assert missing.exit_code == 1 and "nothing.peerdesk" in missing.stderr


def test_merge_needs_no_vault_and_no_passphrase(cli: Cli, tmp_path: Path) -> None:
    files = [
        month_file(tmp_path, "a.json", cruiser=20, phone=0),
        month_file(tmp_path, "b.json", cruiser=10, phone=3),
    ]
    assert not cli.vault_path.exists()
    result = cli("report", "merge", *map(str, files))
    assert result.exit_code == 0, result.output
    assert "Threshold 5 (the default; no vault found)." in result.stderr
    out = result.stdout
    assert "Team counts for 2026-03 (2 peer files merged)" in out
    assert re.search(r"^Contacts +33$", out, re.MULTILINE)
    assert "peer a.json" not in out and "Phone" in out
    data = json.loads(cli("report", "merge", *map(str, files), "--format", "json").stdout)
    assert data["figures"]["contacts"] == 33 and data["tables"]["mode"]["phone"] is None
    assert data["tables"]["mode"]["cruiser"] is None  # the complement of the small phone cell
    # Hiding phone and cruiser is not enough: peer a knows 20 of the 30 cruiser contacts,
    # so cruiser could not be the small one, and a has no phone contact of their own:
    # the others would be proved to hold 1 to 4. The mode table is withheld, zeros
    # included, no longer said to hold a small count, every cell with the same reasons.
    why = data["suppressed"]["why"]
    modes = ("phone", "cruiser", "group")
    assert {tuple(why[f"tables.mode.{m}"]) for m in modes} == {("insider", "withheld")}
    assert data["suppressed"]["counts"]["withheld"] == 8  # + group people, follow-ups (0)
    assert "tables.mode.phone" in data["suppressed"]["cells"]
    assert data["version"] == 2 and data["audit"]["peers_checked"] == 2
    assert "none can be narrowed to one value or to 1..4" in data["audit"]["summary"]
    assert re.search(r"^  Phone +x  own month, withheld$", out, re.MULTILINE)
    assert "Audit: " in out and "2 peers checked" in out
    assert not cli.vault_path.exists()


def test_merge_hides_zeros_when_asked_and_says_so(cli: Cli, tmp_path: Path) -> None:
    files = [str(month_file(tmp_path, f"{i}.json", cruiser=9, phone=6)) for i in range(3)]
    default = cli("report", "merge", *files, "--format", "json")
    assert json.loads(default.stdout)["zeros"] == "shown"
    assert json.loads(default.stdout)["tables"]["mode"]["in-person"] == 0
    hidden = cli("report", "merge", *files, "--zeros", "hidden")
    assert hidden.exit_code == 0, hidden.output
    assert messages.REPORT_ZEROS_HIDDEN in hidden.stdout
    assert not re.search(r" 0 +0%$", hidden.stdout, re.MULTILINE)  # no zero row shown
    data = json.loads(
        cli("report", "merge", *files, "--zeros", "hidden", "--format", "json").stdout
    )
    assert data["zeros"] == "hidden" and data["tables"]["mode"]["in-person"] is None
    bad = cli("report", "merge", *files, "--zeros", "[red]maybe[/]")
    assert bad.exit_code != 0 and "shown, hidden" in bad.stderr and "[red]maybe[/]" in bad.stderr
    assert "Traceback" not in bad.output


def test_merge_formats(cli: Cli, tmp_path: Path) -> None:
    files = [str(month_file(tmp_path, f"{i}.json", cruiser=9, phone=6)) for i in range(3)]
    md = cli("report", "merge", *files, "--format", "md", "--min-cell", "10").stdout
    assert md.startswith("# Team counts for 2026-03") and "| Phone | 18 |" in md
    assert "| Follow-ups completed | x (withheld) |" in md and "Audit: " in md
    csv = cli("report", "merge", *files, "--format", "csv").stdout
    assert "figures,contacts,Contacts,45,," in csv and "suppression,threshold,small,0,," in csv
    assert "figures,followups_completed,Follow-ups completed,,yes,withheld" in csv
    assert "Audit: 1 hidden value(s)" in csv
    out = tmp_path / "team.md"
    written = cli("report", "merge", *files, "--format", "md", "--min-cell", "10", "-o", str(out))
    assert written.exit_code == 0 and written.stdout == ""
    assert out.read_text() == md
    assert "Wrote the team report for 2026-03" in written.stderr


def test_merge_uses_the_vaults_threshold_when_there_is_a_vault(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        from dataclasses import replace

        vault.save_settings(replace(vault.settings(), min_cell=8))
    files = [str(month_file(tmp_path, "a.json", cruiser=30, phone=6))]
    result = cli("report", "merge", *files, "--format", "json", env=ENV)
    assert result.exit_code == 0, result.output
    assert "Threshold 8 (from the vault's settings)." in result.stderr
    assert json.loads(result.stdout)["min_cell"] == 8


def test_merge_refuses_bad_files_with_a_sentence_each_and_prints_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    good = month_file(tmp_path, "good.json", cruiser=20, phone=5)
    april = month_file(tmp_path, "april.json", cruiser=20, phone=5, month="2026-04")
    tampered = month_file(tmp_path, "tampered.json", cruiser=20, phone=5)
    tampered.write_text(tampered.read_text().replace('"phone": 5', '"phone": 6'))
    notjson = tmp_path / "notes.txt"
    notjson.write_text("dear diary")
    result = cli("report", "merge", *map(str, [good, good, april, tampered, notjson]))
    assert result.exit_code == 1 and result.stdout == ""
    err = result.stderr
    assert f"{tampered} was changed after it was exported" in err
    assert f"{notjson} is not valid JSON" in err
    assert f"{good} is the same export as {good}" in err
    assert f"{april} is for 2026-04, not 2026-03" in err
    assert "Nothing was merged: 4 problem(s) above." in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--min-cell", "2"], "from 3 to 100"),
        (["--min-cell", "101"], "from 3 to 100"),
        (["--format", "pdf"], "table, csv, wide-csv, json, md, html"),
        (["--month", "2026-3"], "is not a month"),
    ],
)
def test_bad_merge_values(cli: Cli, tmp_path: Path, args: list[str], expected: str) -> None:
    file = str(month_file(tmp_path, "a.json", cruiser=20, phone=5))
    result = cli("report", "merge", file, *args)
    assert result.exit_code == 1 and expected in result.stderr and result.stdout == ""


def test_merge_without_files_is_a_usage_error(cli: Cli) -> None:
    assert cli("report", "merge").exit_code == 2


CHILD = """
import sys
from peerdesk.cli.root import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'sqlcipher3'}))
"""


@pytest.mark.parametrize("argv", [["report", "--help"], ["report", "merge", "--help"]])
def test_report_help_loads_neither_textual_nor_sqlcipher(argv: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_merge_with_a_threshold_never_loads_sqlcipher(tmp_path: Path) -> None:
    file = str(month_file(tmp_path, "a.json", cruiser=20, phone=5))
    argv = ["--vault", str(tmp_path / "v.peerdesk"), "report", "merge", file, "--min-cell", "5"]
    run = subprocess.run(
        [sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_merge_prints_nothing_but_the_report_and_the_threshold(tmp_path: Path) -> None:
    """The solver behind the audit writes nothing of its own to the terminal."""
    files = [str(month_file(tmp_path, f"{i}.json", cruiser=9, phone=2 + i)) for i in range(3)]
    argv = [sys.executable, "-m", "peerdesk", "--vault", str(tmp_path / "none.peerdesk")]
    run = subprocess.run(
        [*argv, "report", "merge", *files, "--min-cell", "5"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stderr == f"Threshold 5 (from --min-cell).\n{messages.REPORT_NOT_LOGGED}\n"
    assert "HiGHS" not in run.stdout and run.stdout.startswith("Team counts for 2026-03")
    assert "3 peers checked" in run.stdout
