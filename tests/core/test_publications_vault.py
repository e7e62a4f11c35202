"""The publication log in the vault: what it keeps (never a hidden value), that it
travels with backups and restores, and that a full disk logs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.reports import team_report
from peerdesk.reports.history import Publication
from peerdesk.vault import Vault, publications
from peerdesk.vault.backup import backup, restore
from peerdesk.vault.sqlite_errors import VaultDiskFull
from tests.conftest import PASSPHRASE
from tests.support.team_months import Team

MARCH = "2026-03"


def _report_of(seed: int = 7, *, zeros_hidden: bool = False) -> Publication:
    team = Team(seed, peers=5)
    team.month(MARCH)
    counts, ids, owners = team.files([MARCH])
    report = team_report(counts, ids, 5, owners=owners, zeros_hidden=zeros_hidden)
    return report.publication("")


def test_a_publication_that_hid_its_zeros_reads_back_so(vault: Vault) -> None:
    """What its reader may assume of an x depends on it, so the log keeps it."""
    publications.record(vault, _report_of())
    publications.record(vault, _report_of(zeros_hidden=True))
    first, second = publications.history(vault.conn)
    assert (first.zeros_hidden, second.zeros_hidden) == (False, True)
    assert second.view().zeros_hidden and second.view().hidden
    assert all(low == 0 for low, _ in second.view().hidden.values())


def test_a_publication_reads_back_as_its_reader_had_it(vault: Vault) -> None:
    made = _report_of()
    logged = publications.record(vault, made)
    assert logged.number == 1 and logged.published_at.endswith("+00:00")
    (read,) = publications.history(vault.conn)
    assert read == logged
    assert read.cells == made.cells and read.reasons == made.reasons
    assert list(read.cells) == list(made.cells)  # the report's own order
    (line,) = publications.listing(vault.conn)
    assert (line.period, line.min_cell, line.files) == (MARCH, 5, 5)
    assert line.shown + line.hidden == len(made.cells) and line.hidden == len(made.hidden)


def test_the_log_never_holds_a_hidden_value(vault: Vault) -> None:
    made = _report_of()
    publications.record(vault, made)
    rows = vault.conn.execute("SELECT cell, value, why FROM publication_cells").fetchall()
    hidden = {cell: (value, why) for cell, value, why in rows if why is not None}
    assert set(hidden) == set(made.hidden) and hidden
    assert all(value is None for value, _ in hidden.values())
    shown = {cell: value for cell, value, why in rows if why is None}
    assert shown == made.shown


def test_the_log_is_in_the_vault_so_a_backup_and_a_restore_carry_it(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    first = publications.record(vault, _report_of(1))
    copy = backup(vault, tmp_path / "copy.peerdesk")
    publications.record(vault, _report_of(2))
    assert len(publications.history(vault.conn)) == 2
    vault.close()
    restore(vault_path, copy, PASSPHRASE)
    with Vault.unlock(vault_path, PASSPHRASE) as restored:
        assert publications.history(restored.conn) == [first]


def test_a_full_disk_logs_nothing(vault: Vault) -> None:
    publications.record(vault, _report_of(1))
    pages = int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")
    big = _report_of(2)
    many = Publication(
        big.period,
        "",
        big.min_cell,
        big.files,
        {f"table:topic:x{i}": i for i in range(3000)},
        {},
    )
    with pytest.raises(VaultDiskFull) as caught:
        publications.record(vault, many)
    assert str(caught.value) == messages.VAULT_DISK_FULL
    assert len(publications.history(vault.conn)) == 1
