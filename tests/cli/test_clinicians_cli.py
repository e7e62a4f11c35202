"""`peerdesk clinicians` through the real CLI and a real vault."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from peerdesk.vault import Vault, clinicians
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, vault_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
ID1 = "11111111-1111-4111-8111-111111111111"
HEADER = "id,name,phones,email,specialties,telehealth,region"
GOOD = [
    HEADER,
    f"{ID1},=Dr. Plus,+1 555 0100,plus@example.org,trauma; alcohol,yes,Downtown",
    ",[red]Dr. X[/],555-0101,,grief,no,North County",
    ",José Núñez,(202) 555-0102,,trauma,true,Downtown",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_ok(cli: Cli, *args: str) -> str:
    result = cli("clinicians", *args, env=ENV)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_import_preview_then_import_then_list(cli: Cli, made_vault: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", GOOD)
    before = vault_files(made_vault)
    preview = run_ok(cli, "import", str(path), "--dry-run", "--unsigned")
    assert "Dry run, nothing was changed. Would add 3, change 0" in preview
    assert f"add =Dr. Plus (line 2, Not vetted), id {ID1}" in preview
    joined = " ".join(preview.split())  # lines wrap at 80 columns
    # A dry run shows no id for it: the one it gets is made when it is written.
    assert "add [red]Dr. X[/] (line 3, Not vetted), no id in the file: it gets a new one" in joined
    assert vault_files(made_vault) == before
    done = run_ok(cli, "import", str(path), "--unsigned")
    assert "Imported: added 3, changed 0, 0 unchanged" in done
    given = re.search(
        r"add \[red\]Dr\. X\[/\] \(line 3, Not vetted\), no id in the file: new id ([0-9a-f-]{36})",
        " ".join(done.split()),
    )
    assert given is not None
    new_id = given.group(1)
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        stored = clinicians.get(vault.conn, new_id)
        assert stored is not None and stored.name == "[red]Dr. X[/]"  # the id it really got
    listed = run_ok(cli, "list")
    assert listed.splitlines()[0].split() == [
        "ID", "NAME", "STATUS", "PHONE", "REGION", "TELE", "NEW", "SPECIALTIES",
    ]  # fmt: skip
    assert "[red]Dr. X[/]" in listed  # printed literally, never styled
    assert "+1 555 0100" in listed
    assert "alcohol,trauma" in listed
    searched = run_ok(cli, "list", "--search", "jose", "--format", "json")
    (row,) = json.loads(searched)
    assert row["name"] == "José Núñez" and row["status"] == "unvetted"
    only = json.loads(run_ok(cli, "list", "--specialty", "alcohol", "--format", "json"))
    assert [r["id"] for r in only] == [ID1]
    # Rows without ids are new each time: named like the clinicians they added before,
    # they are look-alikes, written only when the person says so.
    twice = cli("clinicians", "import", str(path), "--unsigned", env=ENV)
    assert twice.exit_code == 1
    assert "LOOK-ALIKE NAMES: 2 new clinician(s)" in twice.stdout
    assert "--accept-lookalikes" in twice.stderr
    again = run_ok(cli, "import", str(path), "--accept-lookalikes", "--unsigned")
    assert "added 2, changed 0, 1 unchanged" in again


def test_bad_rows_are_all_reported_and_nothing_changes(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    lines = [*GOOD, ",Dr. Bad,call me,not-an-email,golf,perhaps,", f"{ID1},Twice,,,,,"]
    path = write(tmp_path / "d.csv", lines)
    before = vault_files(made_vault)
    result = cli("clinicians", "import", str(path), env=ENV)
    assert result.exit_code == 1
    err = result.stderr
    for field in ("phones", "email", "specialties", "telehealth"):
        assert f"line 5, {field}: " in err
    assert (
        "line 6, id: The id 11111111-1111-4111-8111-111111111111 already appears at line 2" in err
    )
    assert "Nothing was imported: 5 problem(s) in 2 row(s)." in err
    assert result.stdout == ""
    assert vault_files(made_vault) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"name\n\xff\n", "is not UTF-8 text"),
        (b"name,colour\nA,red\n", "Unknown column 'colour'"),
    ],
)
def test_unreadable_files_are_one_sentence_before_any_passphrase(
    cli: Cli, made_vault: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(content)
    result = cli("clinicians", "import", str(path))  # no passphrase anywhere: never asked
    assert result.exit_code == 1
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_json_and_missing_file(cli: Cli, made_vault: Path, tmp_path: Path) -> None:
    bad = tmp_path / "d.json"
    bad.write_text('{"format": "peerdesk-directory",')
    result = cli("clinicians", "import", str(bad))
    assert result.exit_code == 1 and "not valid JSON (line 1" in result.stderr
    result = cli("clinicians", "import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1 and "There is no file" in result.stderr


def test_export_round_trips_and_refuses_to_overwrite(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    run_ok(cli, "import", str(write(tmp_path / "d.csv", GOOD)), "--unsigned")
    first = tmp_path / "first.csv"
    assert "Exported 3 clinician(s)" in run_ok(cli, "export", str(first))
    assert "'=Dr. Plus" in first.read_text(encoding="utf-8-sig")
    refused = cli("clinicians", "export", str(first), env=ENV)
    assert refused.exit_code == 1 and "add --force" in refused.stderr
    as_json = tmp_path / "out.data"
    run_ok(cli, "export", str(as_json), "--format", "json")
    assert json.loads(as_json.read_text())["format"] == "peerdesk-directory"
    bad = cli("clinicians", "export", str(tmp_path / "x.csv"), "--format", "xml", env=ENV)
    assert bad.exit_code == 1 and "Unknown format 'xml'" in bad.stderr
    # Into a second vault and out again: the same bytes.
    other = tmp_path / "other" / "vault.peerdesk"
    Vault.create(other, PASSPHRASE).close()
    second_cli = Cli(other)
    second = tmp_path / "second.csv"
    assert second_cli("clinicians", "import", str(first), "--unsigned", env=ENV).exit_code == 0
    assert second_cli("clinicians", "export", str(second), env=ENV).exit_code == 0
    assert second.read_bytes() == first.read_bytes()


def test_show_suspend_and_reactivate_by_id_prefix(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    run_ok(cli, "import", str(write(tmp_path / "d.csv", GOOD)), "--unsigned")
    shown = run_ok(cli, "show", ID1[:8])
    assert "Vetting status: Not vetted" in shown
    assert "Phones: +1 555 0100" in shown
    assert "Specialties: alcohol; trauma" in shown  # vocabulary order, not the file's
    assert f"Suspended =Dr. Plus ({ID1})." in run_ok(cli, "suspend", ID1[:8])
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        stored = clinicians.get(vault.conn, ID1)
        assert stored is not None and stored.fields.suspended
    suspended = json.loads(run_ok(cli, "list", "--status", "suspended", "--format", "json"))
    assert [r["id"] for r in suspended] == [ID1]
    run_ok(cli, "reactivate", ID1)
    assert json.loads(run_ok(cli, "show", ID1, "--format", "json"))["suspended"] is False
    missing = cli("clinicians", "show", "ffffffff", env=ENV)
    assert missing.exit_code == 1 and "There is no clinician with id ffffffff" in missing.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["list", "--specialty", "golf"], "Unknown specialty 'golf'"),
        (["list", "--status", "fine"], "Unknown status 'fine'"),
        (["list", "--format", "yaml"], "Unknown format 'yaml'"),
    ],
)
def test_bad_values_exit_1_with_one_sentence(
    cli: Cli, made_vault: Path, args: list[str], words: str
) -> None:
    result = cli("clinicians", *args)
    assert result.exit_code == 1
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_on_an_empty_directory(cli: Cli, made_vault: Path) -> None:
    assert run_ok(cli, "list").strip() == "No clinicians match."
    assert json.loads(run_ok(cli, "list", "--format", "json")) == []


@pytest.mark.parametrize(
    ("row", "field", "code"),
    [
        (",Dr. \u202eevil\u202c,555-0101,,grief,no,North", "name", "U+202E"),
        (",Dr. Zero\u200bWidth,555-0101,,grief,no,North", "name", "U+200B"),
        (",Dr. Fine,555-0101,,grief,no,north\u2028FORGED", "region", "U+2028"),
        (",Dr. Fine,555-0101,,grief,ye\u00ads,North", "telehealth", "U+00AD"),
        (",Dr. Fine,555-0101,,gri\u2066ef,no,North", "specialties", "U+2066"),
        ("\u200e11111111-1111-4111-8111-111111111111,Dr. Fine,,,,,", "id", "U+200E"),
    ],
)
def test_import_refuses_invisible_characters_naming_the_field_and_code_point(
    cli: Cli, made_vault: Path, tmp_path: Path, row: str, field: str, code: str
) -> None:
    path = write(tmp_path / "d.csv", [HEADER, row])
    result = cli("clinicians", "import", str(path), env=ENV)
    assert result.exit_code == 1
    shown = " ".join(result.stderr.split())
    assert (
        f"line 2, {field}: The {field} contains the invisible or direction-changing "
        f"character {code} (" in shown
    )
    assert result.output.replace("\n", "").isprintable()  # the character is never echoed
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        assert list(clinicians.every(vault.conn)) == []
