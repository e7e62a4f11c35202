"""Changing the passphrase: the old one stops working, the new one works, data stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk.vault import InvalidPassphrase, Vault, WrongPassphrase
from peerdesk.vault.backup import backup
from tests.conftest import PASSPHRASE

NEW = "a brand new 'passphrase' 🚓"


def _fill(vault: Vault) -> None:
    vault.save_settings(replace(vault.settings(), theme="light", retention_days=90))
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"row-{i}", '"' + "text " * 100 + '"') for i in range(100)],
        )


def _assert_rekeyed(vault_path: Path, counts: dict[str, int]) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE)
    with Vault.unlock(vault_path, NEW) as reopened:
        assert reopened.check_integrity().ok
        assert reopened.table_counts() == counts
        assert reopened.settings().theme == "light"
        assert reopened.settings().retention_days == 90


def test_change_passphrase(vault: Vault, vault_path: Path) -> None:
    _fill(vault)
    counts = vault.table_counts()
    vault.change_passphrase(NEW)
    # The open connection carries on under the new key.
    vault.save_settings(replace(vault.settings(), idle_lock_minutes=9))
    vault.close()
    _assert_rekeyed(vault_path, counts)


def test_change_passphrase_after_a_backup(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    """A backup ATTACHes and DETACHes on the live connection; rekey must still be whole."""
    _fill(vault)
    counts = vault.table_counts()
    dest = backup(vault, tmp_path / "before-change.peerdesk")
    vault.change_passphrase(NEW)
    vault.close()
    _assert_rekeyed(vault_path, counts)
    # The backup was written before the change: it keeps the old passphrase.
    with pytest.raises(WrongPassphrase):
        Vault.unlock(dest, NEW)
    with Vault.unlock(dest, PASSPHRASE) as copy:
        assert copy.table_counts() == counts


def test_a_backup_after_the_change_uses_the_new_passphrase(vault: Vault, tmp_path: Path) -> None:
    _fill(vault)
    vault.change_passphrase(NEW)
    dest = backup(vault, tmp_path / "after-change.peerdesk")
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(dest, PASSPHRASE)
    Vault.unlock(dest, NEW).close()


def test_change_to_an_empty_passphrase_is_refused(vault: Vault, vault_path: Path) -> None:
    with pytest.raises(InvalidPassphrase):
        vault.change_passphrase("")
    vault.close()
    Vault.unlock(vault_path, PASSPHRASE).close()
