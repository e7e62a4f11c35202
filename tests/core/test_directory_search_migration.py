"""Migration 0005 (a Python migration) rebuilds the directory's search index.

The vaults here are built at schema version 4 (as the previous release left them),
filled through the real repository, then unlocked by the current code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.vault import Vault, clinician_writes, clinicians, migrate, values
from peerdesk.vault.clinicians import DirectoryFilter
from tests.conftest import PASSPHRASE
from tests.core.clinician_helpers import TODAY, add, fields

SEARCH_TABLE = "SELECT sql FROM sqlite_master WHERE name = 'clinicians_fts'"


def version_4_vault(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A vault as release 4 made it, with three clinicians; returns their ids by name."""
    shipped = migrate.available()
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "available", lambda: shipped[:4])
        with Vault.create(path, PASSPHRASE) as vault:
            assert vault.schema_version() == 4
            (old_table,) = vault.conn.execute(SEARCH_TABLE).fetchone()
            assert "prefix = '1 2 3'" in old_table
            return {
                "ada": add(vault, fields("Dr. Ada Example", notes="Sees shift workers")),
                "bea": add(
                    vault,
                    fields("Béatrice Ortiz", specialties=("relationship",), region="Northside"),
                ),
                "[red]": add(vault, fields("[red]Carl[/red] Markup", modalities=("CBT",))),
            }


def names(vault: Vault, search: str) -> list[str]:
    rows = clinicians.page(vault.conn, DirectoryFilter(search=search), today=TODAY)
    return [row.name for row in rows]


def test_unlock_rebuilds_the_search_index_with_one_letter_prefixes(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_4_vault(vault_path, monkeypatch)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert vault.schema_version() == migrate.latest_version()
        (table,) = vault.conn.execute(SEARCH_TABLE).fetchone()
        assert "prefix = '1'" in table and "detail = none" in table
        assert vault.conn.execute("SELECT count(*) FROM clinicians_fts").fetchone() == (3,)
        assert names(vault, "b") == ["Béatrice Ortiz"]  # one letter, accent folded
        assert names(vault, "beatr") == ["Béatrice Ortiz"]
        assert names(vault, "shift") == ["Dr. Ada Example"]  # notes
        assert names(vault, "marital") == ["Béatrice Ortiz"]  # specialty label
        assert names(vault, "northside") == ["Béatrice Ortiz"]
        assert names(vault, "cbt") == ["[red]Carl[/red] Markup"]
        assert clinicians.count(vault.conn, DirectoryFilter(search="bé"), today=TODAY) == 1


def test_the_rebuilt_index_follows_later_edits(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = version_4_vault(vault_path, monkeypatch)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        with vault.transaction() as conn:
            assert clinician_writes.update(
                conn, ids["ada"], fields("Dr. Ada Renamed"), values.utc_now()
            )
        assert names(vault, "renamed") == ["Dr. Ada Renamed"]
        assert names(vault, "shift") == []


def test_punctuation_and_underscores_in_a_search_never_break_it(vault: Vault) -> None:
    """detail=none refuses multi-token phrases: every typed word must be one token."""
    add(vault, fields("Dr. Siobhan O'Brien", modalities=("CBT-I",)))
    assert names(vault, "o'brien") == ["Dr. Siobhan O'Brien"]
    assert names(vault, "cbt_i") == ["Dr. Siobhan O'Brien"]
    assert names(vault, "cbt-i") == ["Dr. Siobhan O'Brien"]
    for typed in ['"', "'", "*", "_", "__x__", "a_b_c", "(x)", "x:y", "^", "NEAR(a b)", "-", "+"]:
        clinicians.page(vault.conn, DirectoryFilter(search=typed), today=TODAY)
        clinicians.count(vault.conn, DirectoryFilter(search=typed), today=TODAY)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=30))
def test_no_typed_text_breaks_the_search(vault: Vault, typed: str) -> None:
    """Whatever reaches the search box (any Unicode, controls included) runs as a query."""
    if clinicians.total(vault.conn) == 0:
        add(vault, fields("Dr. Ada Example"))
    clinicians.page(vault.conn, DirectoryFilter(search=typed), today=TODAY)
    clinicians.count(vault.conn, DirectoryFilter(search=typed, telehealth=True), today=TODAY)
