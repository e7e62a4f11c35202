"""`peerdesk clinicians import` against a forged directory file, through the real CLI.

The attacker's file is hostile: changed phones of a vetted clinician, a suspended one
vetted again, a look-alike of a real clinician, escape sequences, markup and values of
10,000 characters. What a peer reads before and after the import must show each of
these for what it is, and nothing the file holds may act on the terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, vault_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
LONG = "9" * 10_000


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
    result = cli("clinicians", "import", str(path), env=ENV)
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
    result = cli("clinicians", "import", str(path), env=ENV)
    assert result.exit_code == 1
    assert max(len(line) for line in result.stderr.splitlines()) < 300
