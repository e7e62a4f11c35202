"""The derived key, attacked: every passphrase and every file means what it meant to
SQLCipher when SQLCipher ran the KDF itself.

A vault written before peerdesk derived keys was keyed by SQLCipher with the
passphrase text; it must unlock now, and a file written now must open in any
SQLCipher tool with the passphrase alone. Files that are not vaults get the sentence
they got before, nothing is written to them, and nothing waits on them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault
from peerdesk.vault.backup import backup, restore
from peerdesk.vault.errors import VaultMissing, WrongPassphrase
from peerdesk.vault.sqlcipher import SALT_BYTES, connect, key_for
from tests.conftest import PASSPHRASE
from tests.support.key_derivations import keyed_by_sqlcipher, opens_with_passphrase_alone

WAL_HEADER = 32  # bytes before the first frame's header, whose first 4 are its page
NFC = unicodedata.normalize("NFC", "Zoë Ångström café naïve")
# SQLCipher reads text of exactly these shapes as a raw key (with or without its
# salt) and runs no KDF over it; measured against PBKDF2 of the text.
RAW_LOOKING = {
    "raw key": "x'" + "5e" * 32 + "'",
    "raw key and salt": "x'" + "c0" * 32 + "a1" * 16 + "'",
    "upper case": "X'" + "AB" * 32 + "'",
}
PASSPHRASES = {
    **RAW_LOOKING,
    "almost a raw key": "x'" + "5e" * 32 + '"',
    "quotes": "it's \"quoted\" '' here",
    "backslashes": "back\\slash\\\\ and \\'",
    "long": "long words " * 910,  # 10,010 characters
    "non-BMP": "\U0001f512 locked \U00010348 \U0001f9e0 heart",
    "NFC": NFC,
}


@pytest.mark.parametrize("passphrase", PASSPHRASES.values(), ids=PASSPHRASES.keys())
def test_a_vault_sqlcipher_keyed_with_any_passphrase_unlocks_with_it(
    closed_vault: Path, tmp_path: Path, passphrase: str
) -> None:
    older = keyed_by_sqlcipher(closed_vault, PASSPHRASE, tmp_path / "older.peerdesk", passphrase)
    with Vault.unlock(older, passphrase, side_reader=True) as vault:
        assert not vault.read_only
        assert vault.side_reader is not None
        assert vault.side_reader.read(lambda c: c.execute("SELECT 1").fetchone()) == (1,)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(older, passphrase + "!")


@pytest.mark.parametrize("passphrase", PASSPHRASES.values(), ids=PASSPHRASES.keys())
def test_a_vault_and_its_backup_made_now_open_with_the_passphrase_alone(
    vault_path: Path, tmp_path: Path, passphrase: str
) -> None:
    with Vault.create(vault_path, passphrase) as vault:
        copy = backup(vault, tmp_path / "copy.peerdesk", passphrase)
    assert opens_with_passphrase_alone(vault_path, passphrase) > 5
    assert opens_with_passphrase_alone(copy, passphrase) > 5


@pytest.mark.parametrize("passphrase", RAW_LOOKING.values(), ids=RAW_LOOKING.keys())
def test_a_vault_rekeyed_to_a_raw_looking_passphrase_unlocks_with_it(
    closed_vault: Path, passphrase: str
) -> None:
    """SQLCipher's rekey reads such text as a key too; the next unlock must agree."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        vault.change_passphrase(passphrase)
    Vault.unlock(closed_vault, passphrase).close()
    assert opens_with_passphrase_alone(closed_vault, passphrase) > 5


RESTORED = {"plain": PASSPHRASE, **RAW_LOOKING}


@pytest.mark.parametrize("passphrase", RESTORED.values(), ids=RESTORED.keys())
def test_a_backup_sqlcipher_keyed_itself_restores(
    closed_vault: Path, tmp_path: Path, passphrase: str
) -> None:
    older = keyed_by_sqlcipher(closed_vault, PASSPHRASE, tmp_path / "older.peerdesk", passphrase)
    restore(closed_vault, older, passphrase)
    assert opens_with_passphrase_alone(closed_vault, passphrase) > 5


def test_a_passphrase_typed_as_nfd_opens_a_vault_sqlcipher_keyed_as_nfc(
    closed_vault: Path, tmp_path: Path
) -> None:
    older = keyed_by_sqlcipher(closed_vault, PASSPHRASE, tmp_path / "older.peerdesk", NFC)
    nfd = unicodedata.normalize("NFD", NFC)
    assert nfd != NFC
    Vault.unlock(older, nfd).close()


def test_a_backup_whose_wal_holds_page_one_restores_with_the_salt_of_its_file(
    closed_vault: Path, tmp_path: Path, derivations: list[bytes]
) -> None:
    """The staged copy's salt is read before its -wal is checkpointed: page 1 in the
    -wal (here a rewritten user_version) carries the same salt, so the key holds. The
    backup is the vault's folder copied while the vault was open, as a peer might."""
    original = closed_vault
    copied = tmp_path / "copied" / "copy.peerdesk"
    copied.parent.mkdir()
    writer = connect(original, PASSPHRASE, mode="rw")
    try:
        version = int(writer.execute("PRAGMA user_version").fetchone()[0])
        writer.execute(f"PRAGMA user_version = {version}")
        shutil.copyfile(original, copied)
        shutil.copyfile(f"{original}-wal", f"{copied}-wal")
    finally:
        writer.close()
    wal = Path(f"{copied}-wal").read_bytes()
    assert int.from_bytes(wal[WAL_HEADER : WAL_HEADER + 4], "big") == 1  # page 1's frame
    derivations.clear()
    restore(closed_vault, copied, PASSPHRASE)
    assert derivations == [copied.read_bytes()[:SALT_BYTES]]
    with Vault.unlock(closed_vault, PASSPHRASE) as restored:
        assert restored.schema_version() == version


def plaintext_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER)")
    conn.close()


def new_salt(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(b ^ 0x5A for b in data[:SALT_BYTES]) + data[SALT_BYTES:])


NOT_VAULTS = {
    "one byte": lambda p: p.write_bytes(b"S"),
    "fifteen bytes": lambda p: p.write_bytes(b"SQLite format 3"),
    "plaintext SQLite": plaintext_sqlite,
    "random bytes": lambda p: p.write_bytes(os.urandom(3 * 4096)),
    "salt changed": new_salt,
}


@pytest.mark.parametrize("make", NOT_VAULTS.values(), ids=NOT_VAULTS.keys())
def test_a_file_that_is_not_this_vault_is_refused_as_before_and_left_alone(
    closed_vault: Path, make: object
) -> None:
    """The same refusal as when SQLCipher derived the key (measured on the commit
    before): wrong passphrase or damaged, and not a byte written."""
    if make is not new_salt:
        closed_vault.unlink()
    make(closed_vault)  # type: ignore[operator]
    before = closed_vault.read_bytes()
    with pytest.raises(WrongPassphrase) as refused:
        Vault.unlock(closed_vault, PASSPHRASE)
    assert str(refused.value) == messages.WRONG_PASSPHRASE
    assert closed_vault.read_bytes() == before
    assert not Path(f"{closed_vault}-wal").exists()


def test_a_vault_swapped_between_the_salt_read_and_the_open_is_refused_untouched(
    closed_vault: Path, tmp_path: Path
) -> None:
    """Unlock reads the salt, then opens: a file put in its place meanwhile (another
    vault, same passphrase) gets the wrong key, which is refused with the sentence a
    wrong passphrase gets; neither file is written."""
    other = tmp_path / "other" / "vault.peerdesk"
    Vault.create(other, PASSPHRASE).close()
    key = key_for(closed_vault, PASSPHRASE)
    os.replace(other, closed_vault)
    swapped_in = closed_vault.read_bytes()
    with pytest.raises(WrongPassphrase) as refused:
        connect(closed_vault, key, mode="rw")
    assert str(refused.value) == messages.WRONG_PASSPHRASE
    assert closed_vault.read_bytes() == swapped_in
    assert not Path(f"{closed_vault}-wal").exists()


def test_a_fifo_or_folder_at_the_vault_path_is_no_vault_and_nothing_waits(
    vault_path: Path,
) -> None:
    vault_path.parent.mkdir(mode=0o700)
    os.mkfifo(vault_path)
    with pytest.raises(VaultMissing):
        Vault.unlock(vault_path, PASSPHRASE)
    vault_path.unlink()
    vault_path.mkdir()
    with pytest.raises(VaultMissing):
        Vault.unlock(vault_path, PASSPHRASE)


def test_reading_the_salt_never_waits_on_or_eats_from_a_fifo(tmp_path: Path) -> None:
    """A FIFO swapped in after unlock's is_file(): reading it would wait forever for a
    writer (and eat the writer's bytes). Here the test is the writer, with 16 bytes
    waiting, so a read cannot hang this test; it must not have taken them."""
    fifo = tmp_path / "swapped.peerdesk"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        os.write(writer, b"S" * SALT_BYTES)
        key_for(fifo, PASSPHRASE)
        assert os.read(writer, 64) == b"S" * SALT_BYTES
    finally:
        os.close(writer)


def test_a_symlink_to_the_vault_opens_it(closed_vault: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.peerdesk"
    link.symlink_to(closed_vault)
    with Vault.unlock(link, PASSPHRASE, side_reader=True) as vault:
        assert vault.side_reader is not None
        assert vault.side_reader.read(lambda c: c.execute("SELECT 1").fetchone()) == (1,)
