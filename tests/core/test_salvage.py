"""A backup of a damaged vault saves what can be read, row by row, into a verified vault.

The damage is real: bytes flipped in one data page of a real SQLCipher file, which
then fails its HMAC check on every read, as a bad disk sector would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault, contact_total, logbook
from peerdesk.vault.salvage import salvage
from peerdesk.vault.sqlcipher import SALT_BYTES, DatabaseError
from tests.conftest import PASSPHRASE
from tests.support.cli import BACKUP_PASSPHRASE, Cli
from tests.support.key_derivations import opens_with_passphrase_alone

CONTACTS = 3000
PAGE = 4096


def fill(vault: Vault) -> None:
    """Contacts with notes and topics, follow-ups and settings: several tables to save."""
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO contacts (contact_date, mode, initiated_by, minutes, risk, outcome, "
            "note, created_at, updated_at) VALUES ('2026-01-05', 'cruiser', 'self', 20, "
            "'none', 'support', ?, '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')",
            [(f"talked about the night shift, row {i}",) for i in range(CONTACTS)],
        )
        conn.execute(
            "INSERT INTO contact_topics (contact_id, topic) SELECT id, 'work-stress' FROM contacts"
        )
        conn.execute(
            "INSERT INTO followups (due_on, kind, contact_id, created_at, updated_at) "
            "SELECT '2026-02-01', 'contact', id, created_at, created_at FROM contacts "
            "WHERE id % 10 = 0"
        )


def damage_a_contacts_page(path: Path) -> None:
    """Flip a byte in the first page past the middle whose loss breaks a contacts scan."""
    original = path.read_bytes()
    pages = len(original) // PAGE
    for page in range(pages // 2, pages):
        data = bytearray(original)
        data[page * PAGE + PAGE // 2] ^= 0x55
        path.write_bytes(bytes(data))
        with Vault.unlock(path, PASSPHRASE) as vault:
            assert vault.read_only
            try:
                vault.conn.execute("SELECT * FROM contacts").fetchall()
            except DatabaseError:
                return
    raise AssertionError("no page of the contacts table found")


@pytest.fixture
def damaged(vault: Vault, vault_path: Path) -> Path:
    fill(vault)
    vault.close()
    damage_a_contacts_page(vault_path)
    return vault_path


def test_salvage_saves_every_readable_row_and_counts_the_lost(
    damaged: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "salvaged.peerdesk"
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        report = salvage(vault, PASSPHRASE, dest, BACKUP_PASSPHRASE)
    by_table = {t.table: t for t in report.tables}
    contacts = by_table["contacts"]
    assert contacts.lost is not None
    assert contacts.saved + contacts.lost == CONTACTS
    assert 0 < contacts.lost < 200, contacts  # one page's worth, not the table
    assert by_table["settings"].lost == 0
    assert by_table["contact_topics"].saved == contacts.saved
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with Vault.unlock(dest, BACKUP_PASSPHRASE, purge_expired=False) as copy:
        assert copy.check_integrity().ok
        counts = copy.table_counts()
        assert counts["contacts"] == contacts.saved
        assert counts["followups"] == by_table["followups"].saved
        orphans = copy.conn.execute(
            "SELECT count(*) FROM followups WHERE contact_id IS NOT NULL "
            "AND contact_id NOT IN (SELECT id FROM contacts)"
        ).fetchone()[0]
        assert orphans == 0
        found = copy.conn.execute(
            "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'night'"
        ).fetchone()[0]
        assert found == contacts.saved


def test_a_salvaged_vault_counts_the_contacts_it_saved(damaged: Path, tmp_path: Path) -> None:
    """The damaged vault's counter still counts the lost contacts; the copy's must not."""
    dest = tmp_path / "salvaged.peerdesk"
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        assert contact_total.read(vault.conn) == CONTACTS
        report = salvage(vault, PASSPHRASE, dest, BACKUP_PASSPHRASE)
    saved = {t.table: t.saved for t in report.tables}["contacts"]
    assert 0 < saved < CONTACTS
    assert contact_total.TABLE not in {t.table for t in report.tables}  # rebuilt, not copied
    with Vault.unlock(dest, BACKUP_PASSPHRASE, purge_expired=False) as copy:
        table = copy.conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
        assert (contact_total.read(copy.conn), table) == (saved, saved)
        logbook.delete_contact(
            copy, int(copy.conn.execute("SELECT min(id) FROM contacts").fetchone()[0])
        )
        assert contact_total.read(copy.conn) == saved - 1


def test_backup_command_of_a_damaged_vault_salvages(damaged: Path, tmp_path: Path) -> None:
    dest = tmp_path / "backups" / "salvaged.peerdesk"
    dest.parent.mkdir()
    result = Cli(damaged)("backup", str(dest), env={"PEERDESK_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0, result.output
    assert "damaged" in result.stderr
    assert "contacts: " in result.stdout
    assert "lost" in result.stdout
    with Vault.unlock(dest, PASSPHRASE) as copy:
        assert copy.check_integrity().ok
        assert 0 < copy.table_counts()["contacts"] < CONTACTS
    assert [p.name for p in dest.parent.iterdir() if p.name.startswith(".")] == []


def test_salvage_tells_each_table_then_the_verifying(damaged: Path, tmp_path: Path) -> None:
    told: list[tuple[str, int, int]] = []
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        report = salvage(
            vault,
            PASSPHRASE,
            tmp_path / "salvaged.peerdesk",
            BACKUP_PASSPHRASE,
            progress=lambda *step: told.append(step),
        )
    tables = len(report.tables)
    copying = [done for doing, done, _ in told if doing == messages.PROGRESS_SALVAGE_COPYING]
    assert copying == list(range(tables + 1))  # before the first table, then after each
    assert [doing for doing, _, _ in told[-3:]] == [
        messages.PROGRESS_BACKUP_VERIFYING,
        messages.PROGRESS_BACKUP_SAVING,
        messages.PROGRESS_BACKUP_SAVING,
    ]


def test_a_salvage_reopens_the_damaged_vault_without_deriving_again(
    damaged: Path, tmp_path: Path, derivations: list[bytes]
) -> None:
    """One derivation for the damaged vault, however often it is reopened, one for the copy."""
    dest = tmp_path / "salvaged.peerdesk"
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        assert vault.read_only
        derivations.clear()
        report = salvage(vault, PASSPHRASE, dest, BACKUP_PASSPHRASE)
    assert any(table.lost for table in report.tables)  # it met the damage, and reopened
    assert derivations == [damaged.read_bytes()[:SALT_BYTES], dest.read_bytes()[:SALT_BYTES]]
    assert opens_with_passphrase_alone(dest, BACKUP_PASSPHRASE) > 5
