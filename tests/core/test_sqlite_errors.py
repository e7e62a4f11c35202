"""SQLite's storage errors reach callers as typed vault errors with a peer's sentence.

Real vaults and SQLite's own limits: `PRAGMA max_page_count` gives a real SQLITE_FULL,
a second connection holding the write lock a real SQLITE_BUSY, `query_only` a real
SQLITE_READONLY, flipped bytes a real SQLITE_CORRUPT. Only the code table is checked
with built exceptions, because an I/O error cannot be produced without a broken disk.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from peerdesk import messages
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, VaultError, logbook
from peerdesk.vault import contacts as contacts_repo
from peerdesk.vault.sqlcipher import connect
from peerdesk.vault.sqlite_errors import (
    VaultDamaged,
    VaultDiskFull,
    VaultFileBusy,
    VaultIOError,
    VaultNotWritable,
    VaultStorageError,
    sentence_for,
    translate,
)
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 2)
CANARY = "CANARY-sgt-miller-7731"


def _fields(note: str = "") -> ContactFields:
    return replace(ContactFields(contact_date=TODAY, topics=("alcohol",)), note=note)


def fill_disk(vault: Vault) -> None:
    """Cap the vault at its current size: the next page it needs is SQLITE_FULL."""
    pages = int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")


def _error(cls: type[dbapi2.Error], code: int, text: str = "x") -> dbapi2.Error:
    exc = cls(text)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("code", "typed", "sentence"),
    [
        (13, VaultDiskFull, messages.VAULT_DISK_FULL),
        (10, VaultIOError, messages.VAULT_IO_ERROR),
        (10 | (3 << 8), VaultIOError, messages.VAULT_IO_ERROR),  # SQLITE_IOERR_WRITE
        (8, VaultNotWritable, messages.VAULT_NOT_WRITABLE),
        (5, VaultFileBusy, messages.VAULT_FILE_BUSY),
        (6, VaultStorageError, messages.VAULT_STORAGE_PLAIN),
        (11, VaultDamaged, messages.VAULT_FILE_DAMAGED),
        (26, VaultDamaged, messages.VAULT_FILE_DAMAGED),
    ],
)
def test_every_storage_code_has_a_type_and_a_sentence(
    code: int, typed: type[VaultStorageError], sentence: str
) -> None:
    exc = _error(dbapi2.OperationalError, code, f"SQLite text with {CANARY}")
    found = translate(exc)
    assert isinstance(found, typed)
    assert isinstance(found, VaultError)
    assert isinstance(found, dbapi2.DatabaseError)  # old `except DatabaseError` still holds
    assert str(found) == sentence == sentence_for(exc)
    assert CANARY not in str(found)
    assert found.sqlite_errorcode == code & 0xFF


def test_other_sqlite_errors_pass_through_and_say_only_their_code() -> None:
    exc = _error(dbapi2.IntegrityError, 19, f"UNIQUE failed {CANARY}")
    assert translate(exc) is None
    assert CANARY not in sentence_for(exc)
    assert "19" in sentence_for(exc)


def test_a_full_disk_on_save_is_typed_and_changes_nothing(vault: Vault) -> None:
    before = contacts_repo.count(vault.conn)
    fill_disk(vault)
    with pytest.raises(VaultDiskFull) as caught:
        for _ in range(50):  # the first insert may still fit in a free page
            logbook.save_contact(vault, _fields(CANARY * 40), today=TODAY)
    assert str(caught.value) == messages.VAULT_DISK_FULL
    assert CANARY not in str(caught.value)
    assert not vault.conn.in_transaction
    saved = contacts_repo.count(vault.conn)
    vault.conn.execute("PRAGMA max_page_count = 1000000")
    logbook.save_contact(vault, _fields("after"), today=TODAY)  # usable again
    assert contacts_repo.count(vault.conn) == saved + 1 >= before + 1


def test_settings_save_on_a_full_disk_is_typed(vault: Vault) -> None:
    # Settings rows are small: fill the vault first, then cap it.
    for _ in range(30):
        logbook.save_contact(vault, _fields("x" * 3000), today=TODAY)
    fill_disk(vault)
    with pytest.raises(VaultDiskFull):
        for minutes in range(1, 200):
            vault.save_settings(replace(vault.settings(), idle_lock_minutes=minutes))
            logbook.save_contact(vault, _fields("y" * 3000), today=TODAY)


def test_a_busy_file_is_typed(vault: Vault, vault_path: Path) -> None:
    rival = connect(vault_path, PASSPHRASE, mode="rw")
    try:
        rival.execute("BEGIN IMMEDIATE")
        vault.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(VaultFileBusy) as caught:
            logbook.save_contact(vault, _fields(CANARY), today=TODAY)
        assert str(caught.value) == messages.VAULT_FILE_BUSY
    finally:
        rival.execute("ROLLBACK")
        rival.close()
    logbook.save_contact(vault, _fields("later"), today=TODAY)


def test_a_write_refused_as_read_only_is_typed(vault: Vault) -> None:
    vault.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(VaultNotWritable):
        logbook.save_contact(vault, _fields(CANARY), today=TODAY)
    vault.conn.execute("PRAGMA query_only = OFF")


def test_a_damaged_page_read_is_typed(vault: Vault, vault_path: Path) -> None:
    for _ in range(300):
        logbook.save_contact(vault, _fields("z" * 200), today=TODAY)
    # The contacts table's root page: every read of it passes there, and it is not the
    # schema (which would stop the unlock), wherever later tables put their pages.
    (root,) = vault.conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'contacts'"
    ).fetchone()
    vault.close()
    data = bytearray(vault_path.read_bytes())
    middle = 4096 * (root - 1) + 1000
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    vault_path.write_bytes(bytes(data))
    with Vault.unlock(vault_path, PASSPHRASE) as damaged, pytest.raises(VaultDamaged):
        damaged.conn.execute("SELECT note FROM contacts").fetchall()
