"""`peerdesk clinicians import` against a forged directory file, through the real CLI.

The attacker's file is hostile: changed phones of a vetted clinician, a suspended one
vetted again, a look-alike of a real clinician, escape sequences, markup and values of
10,000 characters. What a peer reads before and after the import must show each of
these for what it is, and nothing the file holds may act on the terminal.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.models.clinicians import ClinicianFields
from peerdesk.vault import Vault, clinician_writes, clinicians
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, vault_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
LONG = "9" * 10_000
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "row", "field"),
    [
        ("id,name", f"{LONG},Dr. Long Id", "id"),
        ("name,telehealth", f"Dr. Long,{LONG}", "telehealth"),
        ("name,vetted_on,revet_due", f"Dr. Long,{LONG},2027-01-01", "vetted_on"),
        ("name,specialties", f"Dr. Long,{LONG}", "specialties"),
        ("name,updated_at", f"Dr. Long,{LONG}", "updated_at"),
        ("name,notes", f"Dr. Long,{LONG}", "notes"),
        ("name,phones", f"Dr. Long,{LONG}", "phones"),
    ],
    ids=lambda value: value if len(value) < 40 else "long",
)
def test_a_value_of_10000_characters_is_named_in_a_short_sentence(
    cli: Cli, made_vault: Path, tmp_path: Path, header: str, row: str, field: str
) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    before = vault_files(made_vault)
    result = cli("clinicians", "import", str(path), "--unsigned", env=ENV)
    assert result.exit_code == 1
    (problem, refused) = result.stderr.strip().splitlines()
    assert problem.startswith(f"line 2, {field}: ")
    assert len(problem) < 300
    assert refused.startswith("Nothing was imported: 1 problem(s) in 1 row(s).")
    assert vault_files(made_vault) == before


def test_a_json_key_of_10000_characters_is_named_in_a_short_sentence(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    path = tmp_path / "d.json"
    path.write_text(
        '{"format": "peerdesk-directory", "version": 1, "clinicians": '
        f'[{{"name": "Dr. Key", "{LONG}": 1}}]}}',
        encoding="utf-8",
    )
    result = cli("clinicians", "import", str(path), "--unsigned", env=ENV)
    assert result.exit_code == 1
    assert max(len(line) for line in result.stderr.splitlines()) < 300


# --- the forged directory --------------------------------------------------------------
ID1 = "11111111-1111-4111-8111-111111111111"
REAL_PHONE = "+1 202 555 0142"
FORGED_PHONE = "+1 900 555 0199"
TODAY = date.today()
KINDS = ["csv", "json"]


def with_avery(made_vault: Path, **changes: object) -> None:
    """The vetted clinician an officer in crisis is handed, in the peer's vault."""
    values: dict[str, object] = {
        "name": "Avery Castillo",
        "phones": (REAL_PHONE,),
        "email": "avery@example.org",
        "vetted_on": TODAY - timedelta(days=30),
        "revet_due": TODAY + timedelta(days=300),
    }
    values.update(changes)
    with Vault.unlock(made_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        clinician_writes.add(conn, ClinicianFields(**values).validated(), NOW, ID1)  # type: ignore[arg-type]


def exported(cli: Cli, tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"directory.{kind}"
    result = cli("clinicians", "export", str(path), env=ENV)
    assert result.exit_code == 0, result.output
    return path


def tamper(path: Path, change: dict[str, str], *, add: dict[str, str] | None = None) -> Path:
    """Edit the first row of an exported file the way an attacker would, by hand."""
    if path.suffix == ".json":
        doc = json.loads(path.read_text(encoding="utf-8"))
        first = doc["clinicians"][0]
        for key, value in change.items():
            first[key] = [value] if isinstance(first[key], list) else value
            if key == "suspended":
                first[key] = value == "true"
        if add is not None:
            doc["clinicians"].append({k: [v] if k == "phones" else v for k, v in add.items()})
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return path
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[0].update(change)
    if add is not None:
        rows.append(dict.fromkeys(rows[0], "") | add)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def where(kind: str, index: int) -> str:
    return f"line {index + 2}" if kind == "csv" else f"clinicians[{index}]"


@pytest.mark.parametrize("kind", KINDS)
def test_the_tampered_phone_shows_old_and_new_and_a_dry_run_changes_nothing(
    cli: Cli, made_vault: Path, tmp_path: Path, kind: str
) -> None:
    with_avery(made_vault)
    path = tamper(exported(cli, tmp_path, kind), {"phones": FORGED_PHONE})
    before = vault_files(made_vault)
    result = cli("clinicians", "import", str(path), "--unsigned", "--dry-run", env=ENV)
    assert result.exit_code == 0, result.output
    vouch, *lines = result.stdout.splitlines()
    assert vouch == messages.DIRECTORY_NOBODY_VOUCHES  # an unsigned file, said first
    assert lines[:2] == [
        f"change Avery Castillo ({where(kind, 0)}), id {ID1}:",
        f"  Phones: '{REAL_PHONE}' -> '{FORGED_PHONE}'",
    ]
    assert "Dry run, nothing was changed. Would add 0, change 1" in " ".join(lines[2:])
    assert "VETTING STATUS" not in result.stdout  # still vetted: the phone is the change
    assert vault_files(made_vault) == before
    # The import itself prints the same lines, and only then is the phone replaced.
    done = cli("clinicians", "import", str(path), "--unsigned", env=ENV)
    assert done.exit_code == 0 and done.stdout.splitlines()[1:3] == lines[:2]
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        stored = clinicians.get(vault.conn, ID1)
        assert stored is not None and stored.fields.phones == (FORGED_PHONE,)


@pytest.mark.parametrize("kind", KINDS)
def test_suspended_to_vetted_is_said_in_words_before_the_fields(
    cli: Cli, made_vault: Path, tmp_path: Path, kind: str
) -> None:
    with_avery(made_vault, suspended=True)
    path = tamper(exported(cli, tmp_path, kind), {"suspended": "false"})
    result = cli("clinicians", "import", str(path), "--unsigned", "--dry-run", env=ENV)
    assert result.exit_code == 0, result.output
    vouch, *lines = result.stdout.splitlines()
    assert vouch == messages.DIRECTORY_NOBODY_VOUCHES  # an unsigned file, said first
    assert lines[:3] == [
        f"change Avery Castillo ({where(kind, 0)}), id {ID1}:",
        "  VETTING STATUS CHANGES: Suspended -> Vetted",
        "  Suspended: yes -> no",
    ]
    assert lines[-1] == "1 clinician(s) change vetting status: see VETTING STATUS CHANGES."


@pytest.mark.parametrize("kind", KINDS)
def test_a_look_alike_with_a_zero_width_space_is_a_row_problem(
    cli: Cli, made_vault: Path, tmp_path: Path, kind: str
) -> None:
    with_avery(made_vault)
    path = exported(cli, tmp_path, kind)
    tamper(path, {}, add={"name": "Avery\u200b Castillo", "phones": FORGED_PHONE})
    before = vault_files(made_vault)
    result = cli("clinicians", "import", str(path), "--unsigned")  # refused before any passphrase
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{where(kind, 1)}, name: The name contains the invisible or direction-changing "
        "character U+200B (ZERO WIDTH SPACE), which can make it read differently from what "
        "it is; remove it.",
        "Nothing was imported: 1 problem(s) in 1 row(s). Fix them and import again.",
    ]
    assert "\u200b" not in result.output
    assert vault_files(made_vault) == before


@pytest.mark.parametrize("kind", KINDS)
def test_a_look_alike_by_accents_and_case_is_flagged_and_needs_the_flag(
    cli: Cli, made_vault: Path, tmp_path: Path, kind: str
) -> None:
    with_avery(made_vault)
    path = exported(cli, tmp_path, kind)
    tamper(path, {}, add={"name": "AVÉRY castillo", "phones": FORGED_PHONE})
    before = vault_files(made_vault)
    warning = (
        f"{where(kind, 1)}: the new clinician 'AVÉRY castillo' looks like 'Avery Castillo', "
        f"already in the directory (id {ID1}); make sure they are two different people."
    )
    dry = cli("clinicians", "import", str(path), "--unsigned", "--dry-run", env=ENV)
    assert dry.exit_code == 0
    after_vouch = dry.stdout.split("\n", 1)[1]
    assert after_vouch.startswith("LOOK-ALIKE NAMES: 1 new clinician(s) named like another")
    assert warning in " ".join(line.strip() for line in dry.stdout.splitlines())
    assert dry.stdout.splitlines()[-2].startswith("Importing this file needs --accept-lookalikes")
    refused = cli("clinicians", "import", str(path), "--unsigned", env=ENV)
    assert refused.exit_code == 1
    assert warning in " ".join(line.strip() for line in refused.stdout.splitlines())
    assert refused.stderr.startswith("Nothing was imported: 1 new clinician(s) are named like")
    assert "Imported" not in refused.stdout
    assert vault_files(made_vault) == before
    accepted = cli("clinicians", "import", str(path), "--unsigned", "--accept-lookalikes", env=ENV)
    assert accepted.exit_code == 0
    assert "Imported: added 1, changed 0, 1 unchanged" in accepted.stdout
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        assert sorted(c.name for c in clinicians.every(vault.conn)) == [
            "AVÉRY castillo",
            "Avery Castillo",
        ]


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_values_in_the_preview_print_safely_at_80_columns(
    cli: Cli, made_vault: Path, tmp_path: Path, kind: str
) -> None:
    with_avery(made_vault)
    with Vault.unlock(made_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        # What an older peerdesk could have stored, before the checks of today.
        conn.execute(
            "UPDATE clinicians SET notes = ?, practice = ? WHERE id = ?",
            ("\x1b]0;owned\x07\x1b[2J" + "x" * 10_000, "[bold]Evil[/bold]", ID1),
        )
    path = exported(cli, tmp_path, kind)
    change = {"notes": "y" * 4000, "practice": "[red]Plain[/red]"}
    tamper(path, change, add={"name": "[bold]Dr. Markup[/bold] \\x1b"})
    result = cli("clinicians", "import", str(path), "--unsigned", "--dry-run", env=ENV)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    vouch, *lines = result.stdout.splitlines()
    assert vouch == messages.DIRECTORY_NOBODY_VOUCHES  # an unsigned file, said first
    assert max(len(line) for line in lines) <= 80
    joined = "".join(line.strip() for line in lines)
    assert "Practice: '[bold]Evil[/bold]' -> '[red]Plain[/red]'" in joined
    assert "Notes: '\\x1b]0;owned\\x07\\x1b[2J" + "x" * 10_000 + "' -> '" + "y" * 4000 in joined
    assert "add [bold]Dr. Markup[/bold] \\x1b (" in joined


@pytest.mark.parametrize(
    ("document", "key"),
    [
        (
            '{"format": "peerdesk-directory", "format": "x", "version": 1, "clinicians": []}',
            "format",
        ),
        (
            '{"format": "peerdesk-directory", "version": 1, "clinicians": [], '
            '"clinicians": [{"name": "Dr. Forged"}]}',
            "clinicians",
        ),
        (
            '{"format": "peerdesk-directory", "version": 1, "clinicians": '
            f'[{{"id": "{ID1}", "phones": ["{REAL_PHONE}"], "name": "Avery Castillo", '
            f'"phones": ["{FORGED_PHONE}"]}}]}}',
            "phones",
        ),
        (
            '{"format": "peerdesk-directory", "version": 1, "clinicians": '
            f'[{{"id": "{ID1}", "name": "Avery Castillo", "id": "{ID1[:-1]}2"}}]}}',
            "id",
        ),
        (
            '{"format": "peerdesk-directory", "version": 1, "clinicians": '
            '[{"name": "Avery Castillo", "notes": {"a": 1, "a": 2}}]}',
            "a",
        ),
    ],
    ids=["top-format", "top-clinicians", "clinician-phones", "clinician-id", "inside-a-value"],
)
def test_a_key_named_twice_at_any_level_refuses_the_whole_file(
    cli: Cli, made_vault: Path, tmp_path: Path, document: str, key: str
) -> None:
    with_avery(made_vault)
    path = tmp_path / "d.json"
    path.write_text(document, encoding="utf-8")
    before = vault_files(made_vault)
    result = cli(
        "clinicians", "import", str(path), "--unsigned", "--dry-run"
    )  # no passphrase needed
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f'The JSON file names the key "{key}" twice in one object; peerdesk will not guess '
        "which one is meant. Remove one of them and import again."
    )
    assert result.stdout == ""
    assert vault_files(made_vault) == before


def test_an_import_into_a_vault_open_read_only_says_nothing_was_imported(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    """A damaged vault opens read-only: the import must not claim it wrote anything."""
    with Vault.unlock(made_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"filler-{i}", '"' + "x" * 200 + '"') for i in range(400)],
        )
        # The whole-file check is due (a day since the last, here never): a command
        # then reads every page, damage included, and opens the vault read-only.
        conn.execute("DELETE FROM settings WHERE key = 'full_check_passed_at'")
    data = bytearray(made_vault.read_bytes())
    data[len(data) - 2000] ^= 0x01  # one flipped bit in the last page: settings fillers
    made_vault.write_bytes(bytes(data))
    path = tmp_path / "d.csv"
    path.write_text("name,phones\nDr. New,555-0100\n", encoding="utf-8")
    result = cli("clinicians", "import", str(path), "--unsigned", env=ENV)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1].startswith(
        "add Dr. New (line 2, Not vetted)"
    )  # what it would do
    assert "Imported" not in result.stdout
    assert result.stderr.splitlines()[-1] == "Nothing was imported: the vault is open read-only."
