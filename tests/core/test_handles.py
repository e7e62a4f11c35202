"""A closed (locked) vault holds no file descriptor on the vault, its -wal or -shm:
nothing of the vault stays reachable through this process once the peer locks it."""

from __future__ import annotations

from pathlib import Path

from peerdesk.paths import lock_path_for
from peerdesk.vault import InstanceLock, Vault
from peerdesk.vault.backup import backup
from tests.conftest import PASSPHRASE
from tests.core.helpers import open_targets, vault_family


def _pointing_at(paths: set[str]) -> list[str]:
    return [target for target in open_targets().values() if target in paths]


def test_close_leaves_no_handle(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    family = vault_family(vault_path)
    lock_file = str(lock_path_for(vault_path).resolve())
    vault.settings()
    backup(vault, tmp_path / "copy.peerdesk")
    assert _pointing_at(family), "an open vault holds its file"
    assert _pointing_at({lock_file})
    vault.close()
    assert _pointing_at(family) == []
    assert _pointing_at({lock_file}) == [], "the vault took its own lock, so it let go"
    vault.close()  # idempotent
    assert not vault.is_open


def test_close_after_unlock_and_a_failed_unlock(vault: Vault, vault_path: Path) -> None:
    vault.close()
    family = vault_family(vault_path) | {str(lock_path_for(vault_path).resolve())}
    with Vault.unlock(vault_path, PASSPHRASE) as reopened:
        assert reopened.check_integrity().ok
    assert _pointing_at(family) == []


def test_a_lock_handed_in_outlives_the_vault(vault: Vault, vault_path: Path) -> None:
    """The app keeps the instance lock while the vault is locked (closed)."""
    vault.close()
    family = vault_family(vault_path)
    lock_file = str(lock_path_for(vault_path).resolve())
    lock = InstanceLock.acquire(vault_path)
    try:
        with Vault.unlock(vault_path, PASSPHRASE, lock=lock):
            pass
        assert _pointing_at(family) == []
        assert _pointing_at({lock_file}) != []
        assert lock.held
    finally:
        lock.release()
    assert _pointing_at({lock_file}) == []
