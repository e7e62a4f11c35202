"""A backup proves its copy once, from the file: damage after the export is refused.

Everything is real: a vault in tmp_path, the copy SQLCipher wrote, bytes flipped or cut
in that copy between the export and the verifying (through `backup`'s own progress
callback, which is told each step as it starts), SQLite's own page limit for a full
disk, and a real backup process killed as each step starts. The vault itself gets no
whole-file check before a backup; a damaged page the backup reads turns it read-only,
and the salvage still saves what can be read.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.vault import BackupError, Vault, VaultError, leftovers
from peerdesk.vault.backup import COPY_SCHEMA, backup, restore
from peerdesk.vault.salvage import salvage
from peerdesk.vault.sqlcipher import DatabaseError, connect
from tests.conftest import PASSPHRASE
from tests.core.helpers import start_child

BACKUP_PASSPHRASE = "a separate backup passphrase"
PAGE = 4096
CONTACTS = 400
TODAY = date(2026, 12, 1)
VERIFY_FAILED = messages.BACKUP_VERIFY_FAILED.format(reason="x").split("(")[0]


def _fill(vault: Vault) -> None:
    synthetic_contacts.fill(vault, count=CONTACTS, months=3, today=TODAY)


def _temp_copy(dest: Path) -> Path:
    (found,) = dest.parent.glob(f".{dest.name}.backup-peerdesk-*[0-9a-f]")
    return found


def _at_verifying(act: Callable[[Path], None], dest: Path) -> Callable[[str, int, int], None]:
    """A progress callback that does `act` to the copy once it is exported."""

    def told(doing: str, done: int, total: int) -> None:
        if doing == messages.PROGRESS_BACKUP_VERIFYING:
            act(_temp_copy(dest))

    return told


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE + PAGE // 2
    data[middle] ^= 0x01
    path.write_bytes(bytes(data))


def _flip_last(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-PAGE // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _cut_last_page(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size - PAGE)


def _add_a_page(path: Path) -> None:
    with path.open("ab") as handle:
        handle.write(bytes(PAGE))


def _contacts(vault: Vault) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM contacts").fetchone()[0])


@pytest.mark.parametrize("own_passphrase", [None, BACKUP_PASSPHRASE])
@pytest.mark.parametrize("damage", [_flip_middle, _flip_last, _cut_last_page, _add_a_page])
def test_a_copy_damaged_after_the_export_is_refused(
    vault: Vault,
    tmp_path: Path,
    own_passphrase: str | None,
    damage: Callable[[Path], None],
) -> None:
    """The export left every page in the cache; only a read from the file sees this."""
    _fill(vault)
    dest = tmp_path / "backups" / "copy.peerdesk"
    dest.parent.mkdir()
    with pytest.raises(BackupError) as refused:
        backup(vault, dest, own_passphrase, progress=_at_verifying(damage, dest))
    assert str(refused.value).startswith(VERIFY_FAILED)
    assert list(dest.parent.iterdir()) == []
    # A damaged copy says nothing about the vault: it stays healthy and usable.
    assert vault.health.ok and not vault.read_only
    assert _contacts(vault) == CONTACTS
    assert backup(vault, dest, own_passphrase) == dest


def test_a_damaged_free_page_of_the_copy_is_refused(vault: Vault, tmp_path: Path) -> None:
    """quick_check does not read free pages, so a copy with some gets the HMAC check of
    every page as well. Free pages are made in the copy after the export (a large row
    written and deleted, rows unchanged), then the last of them flipped."""
    _fill(vault)
    dest = tmp_path / "copy.peerdesk"

    def free_pages_then_flip(copy: Path) -> None:
        conn = connect(copy, PASSPHRASE, mode="rw")
        try:
            conn.execute("INSERT INTO settings(key, value) VALUES ('big', ?)", ("x" * 40_000,))
            conn.execute("DELETE FROM settings WHERE key = 'big'")
            assert int(conn.execute("PRAGMA freelist_count").fetchone()[0]) > 0
        finally:
            conn.close()
        _flip_last(copy)

    with pytest.raises(BackupError) as refused:
        backup(vault, dest, progress=_at_verifying(free_pages_then_flip, dest))
    assert str(refused.value).startswith(VERIFY_FAILED)
    assert list(tmp_path.glob("*copy.peerdesk*")) == []


def test_a_full_disk_during_the_copy_leaves_nothing(vault: Vault, tmp_path: Path) -> None:
    """SQLite's own page limit on the copy gives a real SQLITE_FULL mid-export."""
    _fill(vault)
    dest = tmp_path / "copy.peerdesk"

    def cap_the_copy(doing: str, done: int, total: int) -> None:
        if doing == messages.PROGRESS_BACKUP_COPYING:
            vault.conn.execute(f"PRAGMA {COPY_SCHEMA}.max_page_count = 20")

    with pytest.raises(BackupError) as refused:
        backup(vault, dest, progress=cap_the_copy)
    assert messages.VAULT_DISK_FULL.rstrip(".") in str(refused.value)
    assert list(tmp_path.glob("*copy.peerdesk*")) == []
    assert vault.health.ok and not vault.read_only  # full is not damaged
    assert backup(vault, dest) == dest
    restore(vault.path.with_name("restored.peerdesk"), dest, PASSPHRASE)
    with Vault.unlock(vault.path.with_name("restored.peerdesk"), PASSPHRASE) as restored:
        assert _contacts(restored) == CONTACTS


def _damage_a_contacts_leaf(vault_path: Path, read: str = "SELECT * FROM contacts") -> None:
    """Flip a byte in the last page whose loss makes `read` fail while the vault still
    opens (its schema is whole)."""
    original = vault_path.read_bytes()
    for page in reversed(range(len(original) // PAGE // 2, len(original) // PAGE)):
        trial = bytearray(original)
        trial[page * PAGE + PAGE // 2] ^= 0x55
        vault_path.write_bytes(bytes(trial))
        try:
            conn = connect(vault_path, PASSPHRASE, mode="ro")
        except VaultError:  # a page of the schema: try the next one
            continue
        try:
            conn.execute(read).fetchall()
        except DatabaseError:  # SQLCipher refused the page: it is one of the contacts'
            return
        finally:
            conn.close()
    raise AssertionError("no page of the contacts table found")


def test_a_damaged_page_the_export_meets_turns_the_vault_read_only(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    """No whole-file check before the backup: the export meets the damage, the vault
    is checked whole then, turned read-only, and the salvage saves the rest."""
    _fill(vault)
    vault.close()
    _damage_a_contacts_leaf(vault_path)
    dest = tmp_path / "copy.peerdesk"
    # No purge: it would meet the damage first (and open the vault read-only).
    with Vault.unlock(vault_path, PASSPHRASE, checks="none", purge_expired=False) as damaged:
        assert damaged.health.ok  # nothing read the damaged page yet
        with pytest.raises(BackupError):
            backup(damaged, dest)
        assert not damaged.health.ok and damaged.read_only
        assert list(tmp_path.glob("*copy.peerdesk*")) == []
        report = salvage(damaged, PASSPHRASE, dest, PASSPHRASE)
    saved = {t.table: t.saved for t in report.tables}
    assert 0 < saved["contacts"] < CONTACTS
    with Vault.unlock(dest, PASSPHRASE) as copy:
        assert copy.health.ok
        assert _contacts(copy) == saved["contacts"]


def test_an_unchecked_unlock_whose_purge_meets_damage_opens_read_only(
    vault: Vault, vault_path: Path
) -> None:
    """The purge reads the contacts whose text expired; a damaged page among them falls
    back to the whole-file checks, and the vault opens read-only instead of refusing."""
    _fill(vault)
    vault.save_settings(replace(vault.settings(), retention_days=0))  # every note expires
    vault.close()
    _damage_a_contacts_leaf(vault_path, "SELECT id FROM contacts WHERE note IS NOT NULL")
    with Vault.unlock(vault_path, PASSPHRASE, checks="none") as opened:
        assert opened.read_only
        assert not opened.health.ok


@pytest.mark.slow
@pytest.mark.parametrize(
    "step",
    [
        messages.PROGRESS_BACKUP_COPYING,  # attached, nothing exported
        messages.PROGRESS_BACKUP_VERIFYING,  # exported, not yet read back
        messages.PROGRESS_BACKUP_SAVING,  # verified, neither fsynced nor renamed
    ],
)
def test_a_backup_killed_at_each_step_leaves_the_vault_and_a_named_leftover(
    vault: Vault, vault_path: Path, step: str
) -> None:
    """kill -9 of a real backup process: the vault is whole, no backup is at the path,
    and what is left is a leftover the doctor names and removes."""
    _fill(vault)
    vault.close()
    dest = vault_path.with_name("copy.peerdesk")
    child = start_child(
        "backup",
        vault_path,
        {"CHILD_PASSPHRASE": PASSPHRASE, "CHILD_BACKUP_TO": str(dest), "CHILD_KILL_AT": step},
    )
    out, _err = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL, out
    assert not dest.exists()
    found = leftovers.find(vault_path)
    assert found and all(p.name.startswith(f".{dest.name}.backup-peerdesk-") for p in found)
    assert leftovers.remove(vault_path, found) == found
    with Vault.unlock(vault_path, PASSPHRASE) as after:
        assert after.health.ok
        assert _contacts(after) == CONTACTS
