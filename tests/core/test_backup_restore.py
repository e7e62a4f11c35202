"""Backups are verified encrypted copies; a restore either completes or changes nothing,
and neither leaves temporary files behind."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import (
    BackupError,
    InstanceLock,
    RestoreError,
    Vault,
    VaultBusy,
    WrongPassphrase,
)
from peerdesk.vault.backup import backup, restore
from peerdesk.vault.migrate import latest_version
from peerdesk.vault.private_files import file_mode
from tests.conftest import PASSPHRASE
from tests.core.helpers import sha256

BACKUP_PASSPHRASE = "a separate backup passphrase"


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _add_rows(vault: Vault, count: int = 30, prefix: str = "row") -> None:
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"{prefix}-{i}", f'"value {i}"') for i in range(count)],
        )


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    folder = tmp_path / "backups"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("own_passphrase", [None, BACKUP_PASSPHRASE])
def test_backup_opens_and_matches(vault: Vault, backups: Path, own_passphrase: str | None) -> None:
    _add_rows(vault)
    dest = backups / "copy.peerdesk"
    assert backup(vault, dest, own_passphrase) == dest
    assert _listing(backups) == {"copy.peerdesk"}
    assert file_mode(dest) == 0o600
    counts, version = vault.table_counts(), vault.schema_version()
    opens_with = own_passphrase or PASSPHRASE
    other = PASSPHRASE if own_passphrase else BACKUP_PASSPHRASE
    with pytest.raises(WrongPassphrase):
        Vault.unlock(dest, other)
    with Vault.unlock(dest, opens_with) as copy:
        assert copy.schema_version() == version
        assert copy.table_counts() == counts
        assert copy.check_integrity().ok
        assert copy.settings() == vault.settings()


def test_backup_refuses_an_existing_dest(vault: Vault, backups: Path) -> None:
    dest = backups / "taken.peerdesk"
    dest.write_bytes(b"something precious")
    with pytest.raises(BackupError) as caught:
        backup(vault, dest)
    assert str(caught.value) == messages.BACKUP_EXISTS.format(path=dest)
    assert dest.read_bytes() == b"something precious"
    assert _listing(backups) == {"taken.peerdesk"}


def test_backup_into_a_missing_folder_leaves_nothing(vault: Vault, tmp_path: Path) -> None:
    before = _listing(tmp_path)
    with pytest.raises(BackupError):
        backup(vault, tmp_path / "nowhere" / "copy.peerdesk")
    assert _listing(tmp_path) == before
    assert _listing(vault.path.parent) == {
        vault.path.name + suffix for suffix in ("", "-wal", "-shm", ".lock")
    }


def test_failed_backup_of_a_damaged_vault_leaves_nothing(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    """The export itself fails part-way (a damaged page); the temp file must go."""
    _add_rows(vault, 300)
    # The contacts table's root page: every read of the table passes there, wherever
    # a migration put the other tables (the middle of the file moves with the schema).
    (root,) = vault.conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'contacts'"
    ).fetchone()
    vault.close()
    data = bytearray(vault_path.read_bytes())
    middle = 4096 * (int(root) - 1) + 1000
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    vault_path.write_bytes(bytes(data))
    with Vault.unlock(vault_path, PASSPHRASE) as damaged:
        assert damaged.read_only
        with pytest.raises(BackupError):
            backup(damaged, backups / "copy.peerdesk")
    assert _listing(backups) == set()
    assert vault_path.read_bytes() == bytes(data)


@pytest.mark.parametrize("own_passphrase", [None, BACKUP_PASSPHRASE])
def test_restore_brings_back_the_backup(
    vault: Vault, vault_path: Path, backups: Path, own_passphrase: str | None
) -> None:
    _add_rows(vault)
    dest = backup(vault, backups / "copy.peerdesk", own_passphrase)
    counts = vault.table_counts()
    vault.save_settings(replace(vault.settings(), theme="light", idle_lock_minutes=42))
    _add_rows(vault, 60, prefix="later")
    vault.close()

    opens_with = own_passphrase or PASSPHRASE
    restore(vault_path, dest, opens_with)

    assert _listing(vault_path.parent) == {vault_path.name, vault_path.name + ".lock"}
    assert _listing(backups) == {"copy.peerdesk"}
    assert file_mode(vault_path) == 0o600
    if own_passphrase:
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_path, PASSPHRASE)
    with Vault.unlock(vault_path, opens_with) as restored:
        assert restored.settings().theme == "dark"
        assert restored.settings().idle_lock_minutes == 5
        assert restored.table_counts() == counts
        assert restored.check_integrity().ok


def test_restore_refuses_garbage_and_changes_nothing(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    vault.close()
    garbage = backups / "garbage.peerdesk"
    garbage.write_bytes(os.urandom(4096 * 4))
    before, folder = sha256(vault_path), _listing(vault_path.parent)
    with pytest.raises(RestoreError) as caught:
        restore(vault_path, garbage, PASSPHRASE)
    assert str(caught.value) == messages.RESTORE_NOT_VALID.format(
        path=garbage, reason=messages.WRONG_PASSPHRASE.rstrip(".")
    )
    assert sha256(vault_path) == before
    assert _listing(vault_path.parent) == folder
    assert _listing(backups) == {"garbage.peerdesk"}
    Vault.unlock(vault_path, PASSPHRASE).close()


def test_restore_with_the_wrong_passphrase_changes_nothing(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    dest = backup(vault, backups / "copy.peerdesk", BACKUP_PASSPHRASE)
    vault.close()
    before = sha256(vault_path)
    with pytest.raises(RestoreError):
        restore(vault_path, dest, PASSPHRASE)
    assert sha256(vault_path) == before


def test_restore_of_a_missing_backup(vault: Vault, vault_path: Path, backups: Path) -> None:
    vault.close()
    with pytest.raises(RestoreError) as caught:
        restore(vault_path, backups / "none.peerdesk", PASSPHRASE)
    assert str(caught.value) == messages.BACKUP_MISSING.format(path=backups / "none.peerdesk")


def test_stale_wal_of_the_old_vault_does_not_survive(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    """A -wal with committed frames of the old vault would be replayed onto the restored
    file (and under another key, wreck it) if the restore left it in place."""
    dest = backup(vault, backups / "copy.peerdesk", BACKUP_PASSPHRASE)
    vault.conn.execute("PRAGMA wal_autocheckpoint = 0")
    vault.save_settings(replace(vault.settings(), theme="light"))
    wal = Path(str(vault_path) + "-wal")
    stale = wal.read_bytes()
    assert len(stale) > 32, "the WAL holds committed frames"
    vault.close()
    wal.write_bytes(stale)  # as if the old vault had crashed before its checkpoint

    restore(vault_path, dest, BACKUP_PASSPHRASE)

    assert not wal.exists() or wal.read_bytes() != stale
    with Vault.unlock(vault_path, BACKUP_PASSPHRASE) as restored:
        assert restored.check_integrity().ok
        assert restored.settings().theme == "dark"


def test_restore_of_a_backup_once_opened_as_a_vault_leaves_no_side_files(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    """Opening a backup with `--vault` turns it into WAL mode; restoring it afterwards
    must still leave no -wal/-shm litter next to the vault or the backup."""
    dest = backup(vault, backups / "copy.peerdesk")
    vault.close()
    Vault.unlock(dest, PASSPHRASE).close()  # a peer checking their backup by hand
    backups_before = _listing(backups)
    restore(vault_path, dest, PASSPHRASE)
    assert _listing(vault_path.parent) == {vault_path.name, vault_path.name + ".lock"}
    assert _listing(backups) == backups_before
    with Vault.unlock(vault_path, PASSPHRASE) as restored:
        assert restored.check_integrity().ok


def test_restore_while_the_vault_is_open_is_busy(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    dest = backup(vault, backups / "copy.peerdesk")
    vault.save_settings(replace(vault.settings(), theme="light"))
    with pytest.raises(VaultBusy) as caught:
        restore(vault_path, dest, PASSPHRASE)
    assert str(caught.value) == messages.VAULT_BUSY
    assert vault.settings().theme == "light"


def test_restore_while_another_lock_is_held_is_busy(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    dest = backup(vault, backups / "copy.peerdesk")
    vault.close()
    before = sha256(vault_path)
    with InstanceLock.acquire(vault_path):
        with pytest.raises(VaultBusy):
            restore(vault_path, dest, PASSPHRASE)
        assert sha256(vault_path) == before
    restore(vault_path, dest, PASSPHRASE)  # the lock is free again


def test_restore_with_a_lock_we_hold(vault: Vault, vault_path: Path, backups: Path) -> None:
    """The app holds the lock across lock-screen and restore; it passes it in."""
    dest = backup(vault, backups / "copy.peerdesk")
    vault.close()
    with InstanceLock.acquire(vault_path) as lock:
        restore(vault_path, dest, PASSPHRASE, lock=lock)
        assert lock.held
        with Vault.unlock(vault_path, PASSPHRASE, lock=lock) as restored:
            assert restored.check_integrity().ok


def test_restore_onto_a_new_machine(vault: Vault, tmp_path: Path, backups: Path) -> None:
    """No vault yet (a replaced laptop): restore creates the private folder and file."""
    dest = backup(vault, backups / "copy.peerdesk")
    target = tmp_path / "new-laptop" / "vault.peerdesk"
    restore(target, dest, PASSPHRASE)
    assert file_mode(target.parent) == 0o700
    assert file_mode(target) == 0o600
    assert _listing(target.parent) == {target.name, target.name + ".lock"}
    with Vault.unlock(target, PASSPHRASE) as restored:
        assert restored.settings() == vault.settings()


def _foreign_sqlcipher_file(path: Path) -> Path:
    """A real SQLCipher file under PASSPHRASE holding one table that is not ours."""
    from peerdesk.vault.sqlcipher import connect

    path.touch(mode=0o600)
    conn = connect(path, PASSPHRASE, mode="rw")
    try:
        conn.execute("CREATE TABLE shopping (item TEXT)")
        conn.execute("INSERT INTO shopping VALUES ('milk')")
    finally:
        conn.close()
    return path


def _schema_99_file(vault: Vault, backups: Path) -> Path:
    dest = backup(vault, backups / "future.peerdesk")
    with Vault.unlock(dest, PASSPHRASE) as future:
        future.conn.execute("PRAGMA user_version = 99")
    return dest


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("empty", messages.RESTORE_EMPTY_FILE),
        ("foreign", messages.RESTORE_NOT_PEERDESK),
        ("schema-99", messages.RESTORE_TOO_NEW.format(found=99, known=latest_version())),
    ],
)
def test_restore_refuses_what_is_not_a_peerdesk_vault(
    vault: Vault, vault_path: Path, backups: Path, kind: str, reason: str
) -> None:
    """An empty file and a foreign SQLCipher file pass both integrity checks; a vault
    from a newer peerdesk does too. None of them may replace the vault."""
    _add_rows(vault)
    counts = vault.table_counts()
    if kind == "empty":
        candidate = backups / "empty.peerdesk"
        candidate.touch()
    elif kind == "foreign":
        candidate = _foreign_sqlcipher_file(backups / "foreign.peerdesk")
    else:
        candidate = _schema_99_file(vault, backups)
    vault.close()
    before, folder = sha256(vault_path), _listing(vault_path.parent)
    with pytest.raises(RestoreError) as caught:
        restore(vault_path, candidate, PASSPHRASE)
    assert str(caught.value) == messages.RESTORE_NOT_VALID.format(
        path=candidate, reason=reason.rstrip(".")
    )
    assert sha256(vault_path) == before
    assert _listing(vault_path.parent) == folder
    with Vault.unlock(vault_path, PASSPHRASE) as kept:
        assert kept.table_counts() == counts


def test_restore_refuses_a_vault_missing_our_tables(
    vault: Vault, vault_path: Path, backups: Path
) -> None:
    dest = backup(vault, backups / "cut.peerdesk")
    with Vault.unlock(dest, PASSPHRASE) as cut:
        cut.conn.execute("DROP TABLE referral_status_changes")
    vault.close()
    before = sha256(vault_path)
    with pytest.raises(RestoreError) as caught:
        restore(vault_path, dest, PASSPHRASE)
    assert "referral_status_changes" in str(caught.value)
    assert sha256(vault_path) == before
