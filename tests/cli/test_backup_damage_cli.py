"""`peerdesk backup` with no whole-file check first: damage it meets still salvages,
and a full disk under the backup is one sentence that leaves nothing behind.

Real parts: the typer app through CliRunner, a vault in tmp_path damaged in a page
of contact rows that no unlock reads (so only the export meets it), and a tmpfs of
the test's own filled to the last few KB (skipped where it cannot be mounted).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerdesk import messages
from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.support import full_disk
from tests.support.cli import Cli, vault_files
from tests.support.damage import damage_a_contacts_page

CONTACTS = 600


def _filled(vault_path: Path) -> int:
    """A vault with contacts; returns the contacts table's root page."""
    with Vault.create(vault_path, PASSPHRASE) as vault:
        synthetic_contacts.fill(vault, count=CONTACTS, months=3, today=date(2026, 12, 1))
        (root,) = vault.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'contacts'"
        ).fetchone()
    return int(root)


def test_damage_only_the_export_meets_is_salvaged(vault_path: Path, tmp_path: Path) -> None:
    root = _filled(vault_path)
    damage_a_contacts_page(vault_path, PASSPHRASE, root)
    dest = tmp_path / "backups" / "copy.peerdesk"
    dest.parent.mkdir()
    result = Cli(vault_path)("backup", str(dest), env={"PEERDESK_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0, result.output
    assert messages.VAULT_DAMAGED_READ_ONLY in result.stderr
    assert "lost" in result.stdout
    with Vault.unlock(dest, PASSPHRASE) as copy:
        assert copy.check_integrity().ok
        assert 0 < copy.table_counts()["contacts"] < CONTACTS
    assert [p.name for p in dest.parent.iterdir() if p.name.startswith(".")] == []


def test_a_backup_onto_a_full_disk_is_one_sentence_and_leaves_nothing(
    vault_path: Path, tmp_path: Path
) -> None:
    _filled(vault_path)
    before = vault_files(vault_path)
    with full_disk.small_disk(tmp_path) as disk:
        full_disk.fill(disk, leave=64 * 1024)  # room for a few pages, not the copy
        dest = disk / "copy.peerdesk"
        result = Cli(vault_path)("backup", str(dest), env={"PEERDESK_PASSPHRASE": PASSPHRASE})
        assert result.exit_code == 1
        assert result.stderr.startswith(messages.BACKUP_FAILED.format(reason="x").split(":")[0])
        assert len(result.stderr.strip().splitlines()) == 1
        assert sorted(p.name for p in disk.iterdir()) == [full_disk.FILLER]
        full_disk.free(disk)
        again = Cli(vault_path)("backup", str(dest), env={"PEERDESK_PASSPHRASE": PASSPHRASE})
        assert again.exit_code == 0, again.output
    assert vault_files(vault_path).keys() == before.keys()
