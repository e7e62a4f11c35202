"""Creating a vault: never over an existing file, private from the first byte, hardened,
encrypted, and at the latest schema."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import (
    InstanceLock,
    InvalidPassphrase,
    Vault,
    VaultBusy,
    VaultExists,
    VaultTooNew,
    migrate,
    sqlcipher,
)
from peerdesk.vault.private_files import file_mode
from tests.conftest import PASSPHRASE
from tests.core.helpers import sha256


@pytest.mark.parametrize("content", [b"", b"not a vault at all", b"SQLite format 3\x00" * 300])
def test_create_refuses_an_existing_file(vault_path: Path, content: bytes) -> None:
    vault_path.parent.mkdir(mode=0o700)
    vault_path.write_bytes(content)
    with pytest.raises(VaultExists) as caught:
        Vault.create(vault_path, PASSPHRASE)
    assert str(caught.value) == messages.VAULT_EXISTS.format(path=vault_path)
    assert vault_path.read_bytes() == content


def test_create_refuses_an_existing_vault(vault: Vault, vault_path: Path) -> None:
    vault.close()
    before = sha256(vault_path)
    with pytest.raises(VaultExists):
        Vault.create(vault_path, "another passphrase")
    assert sha256(vault_path) == before
    Vault.unlock(vault_path, PASSPHRASE).close()


def test_create_refuses_a_dangling_symlink(vault_path: Path, tmp_path: Path) -> None:
    vault_path.parent.mkdir()
    vault_path.symlink_to(tmp_path / "elsewhere.db")
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE)
    assert not (tmp_path / "elsewhere.db").exists()


def test_folder_is_0700_and_files_0600(vault: Vault, vault_path: Path) -> None:
    assert file_mode(vault_path.parent) == 0o700
    assert file_mode(vault_path) == 0o600
    side_files = [Path(str(vault_path) + s) for s in ("-wal", "-shm")]
    present = [p for p in side_files if p.exists()]
    assert present, "a WAL vault that is open has its -wal and -shm files"
    for side in present:
        assert file_mode(side) == 0o600, side


def test_files_stay_private_under_a_permissive_umask(vault_path: Path) -> None:
    old = os.umask(0o000)
    try:
        with Vault.create(vault_path, PASSPHRASE):
            modes = {
                p.name: file_mode(p)
                for p in vault_path.parent.iterdir()
                if not p.name.endswith(".lock")
            }
    finally:
        os.umask(old)
    assert modes, "the vault folder is not empty"
    assert set(modes.values()) == {0o600}, modes


def test_passphrase_is_nfc_normalised(vault_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Café ñandú")
    nfc = unicodedata.normalize("NFC", nfd)
    assert nfd != nfc
    Vault.create(vault_path, nfd).close()
    # A raw connection keyed with the NFC text opens it: create stored the NFC form.
    conn = sqlcipher.connect(vault_path, nfc, mode="ro")
    conn.close()


@pytest.mark.parametrize(
    ("passphrase", "sentence"),
    [("", messages.PASSPHRASE_EMPTY), ("a\x00b", messages.PASSPHRASE_BAD_CHARACTER)],
)
def test_create_refuses_an_unusable_passphrase(
    vault_path: Path, passphrase: str, sentence: str
) -> None:
    with pytest.raises(InvalidPassphrase) as caught:
        Vault.create(vault_path, passphrase)
    assert str(caught.value) == sentence
    assert not vault_path.exists()


def test_cipher_version_is_reported(vault: Vault) -> None:
    version = vault.conn.execute("PRAGMA cipher_version").fetchone()[0]
    assert isinstance(version, str)
    assert version.strip()


EXPECTED_PRAGMAS = {
    "cipher_memory_security": "1",
    "temp_store": "2",  # MEMORY
    "secure_delete": "1",
    "foreign_keys": "1",
    "journal_mode": "wal",
}


@pytest.mark.parametrize("how", ["created", "unlocked"])
def test_hardening_pragmas_are_in_force(vault_path: Path, how: str) -> None:
    opened = Vault.create(vault_path, PASSPHRASE)
    if how == "unlocked":
        opened.close()
        opened = Vault.unlock(vault_path, PASSPHRASE)
    with opened:
        found = {
            name: str(opened.conn.execute(f"PRAGMA {name}").fetchone()[0])
            for name in EXPECTED_PRAGMAS
        }
    assert found == EXPECTED_PRAGMAS


def test_schema_is_at_the_latest_version(vault: Vault) -> None:
    assert migrate.latest_version() >= 1
    assert vault.schema_version() == migrate.latest_version()
    assert [m.version for m in migrate.available()] == list(range(1, migrate.latest_version() + 1))
    assert "settings" in vault.table_counts()


def test_migrate_refuses_a_newer_schema(vault: Vault, vault_path: Path) -> None:
    vault.close()
    newer = migrate.latest_version() + 1
    conn = sqlcipher.connect(vault_path, PASSPHRASE, mode="rw")
    try:
        conn.execute(f"PRAGMA user_version = {newer}")
        with pytest.raises(VaultTooNew) as caught:
            migrate.migrate(conn)
        assert migrate.current_version(conn) == newer
    finally:
        conn.close()
    assert str(caught.value) == messages.VAULT_TOO_NEW.format(
        found=newer, known=migrate.latest_version()
    )
    before = sha256(vault_path)
    for _ in range(2):  # the second try proves the first released the instance lock
        with pytest.raises(VaultTooNew):
            Vault.unlock(vault_path, PASSPHRASE)
    assert sha256(vault_path) == before


def _half_then_fail(conn: sqlcipher.Connection) -> None:
    conn.execute("CREATE TABLE half_done (a INTEGER)")
    conn.execute("INSERT INTO no_such_table VALUES (1)")


@pytest.mark.parametrize("kind", ["sql", "py"])
def test_a_failing_migration_changes_nothing(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Each migration (SQL file or Python module) runs in one transaction with its
    user_version bump."""
    vault.close()
    shipped = migrate.available()
    if kind == "sql":
        broken = migrate.Migration(
            len(shipped) + 1,
            "9999_broken.sql",
            "CREATE TABLE half_done (a INTEGER);\nINSERT INTO no_such_table VALUES (1);",
        )
    else:
        broken = migrate.Migration(len(shipped) + 1, "9999_broken.py", module="broken")
        monkeypatch.setattr(migrate.Migration, "apply", lambda _self, c: _half_then_fail(c))
    monkeypatch.setattr(migrate, "available", lambda: [*shipped, broken])
    conn = sqlcipher.connect(vault_path, PASSPHRASE, mode="rw")
    try:
        with pytest.raises(sqlcipher.DatabaseError):
            migrate.migrate(conn)
        assert not conn.in_transaction
        assert migrate.current_version(conn) == len(shipped)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
    finally:
        conn.close()


def test_create_while_another_process_claims_the_path(vault_path: Path) -> None:
    with InstanceLock.acquire(vault_path):
        with pytest.raises(VaultBusy):
            Vault.create(vault_path, PASSPHRASE)
        assert not vault_path.exists()
    Vault.create(vault_path, PASSPHRASE).close()
