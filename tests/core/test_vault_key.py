"""A step that keys one file several times derives its key once; the file is still what
its passphrase opens.

Every connection keyed with a passphrase runs SQLCipher's KDF (PBKDF2-HMAC-SHA512,
256,000 rounds) again. A backup under its own passphrase, a restore and a salvage
derive the key once with the same function over the same salt and key every open of
that file with it. These tests prove both halves on real files: the derivation is
counted by wrapping the real `hashlib.pbkdf2_hmac`, and every file written is opened
by plain SQLCipher with nothing but its passphrase.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.vault import Vault
from peerdesk.vault.backup import backup, restore
from peerdesk.vault.errors import WrongPassphrase
from peerdesk.vault.sqlcipher import SALT_BYTES, VaultKey, key_for
from tests.conftest import PASSPHRASE
from tests.support.key_derivations import keyed_by_sqlcipher, opens_with_passphrase_alone

OTHER = "a different passphrase for the copy"


def test_the_unlock_the_peer_waits_on_leaves_the_kdf_to_sqlcipher(
    closed_vault: Path, derivations: list[bytes]
) -> None:
    """SQLCipher's own PBKDF2 is faster than hashlib's, and the peer waits on this one."""
    with Vault.unlock(closed_vault, PASSPHRASE, checks="deferred", side_reader=True) as vault:
        assert vault.background_check is not None and vault.side_reader is not None
        assert vault.background_check.run() == ()
        assert vault.side_reader.read(lambda c: c.execute("SELECT 1").fetchone()) == (1,)
    assert derivations == []


def test_a_backup_sqlcipher_keyed_itself_restores_with_one_derivation(
    closed_vault: Path, tmp_path: Path, derivations: list[bytes]
) -> None:
    """A backup written before keys were derived here (SQLCipher's KDF, its own salt)."""
    older = keyed_by_sqlcipher(closed_vault, PASSPHRASE, tmp_path / "older.peerdesk", PASSPHRASE)
    restore(closed_vault, older, PASSPHRASE)
    assert derivations == [older.read_bytes()[:SALT_BYTES]]
    assert closed_vault.read_bytes()[:SALT_BYTES] == older.read_bytes()[:SALT_BYTES]
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert not vault.read_only and vault.check_integrity().ok


def test_a_backup_under_its_own_passphrase_costs_one_derivation_and_opens_with_it(
    vault: Vault, tmp_path: Path, derivations: list[bytes]
) -> None:
    dest = backup(vault, tmp_path / "copy.peerdesk", OTHER)
    assert derivations == [dest.read_bytes()[:SALT_BYTES]]  # the copy's, verified too
    assert dest.read_bytes()[:SALT_BYTES] != vault.path.read_bytes()[:SALT_BYTES]
    assert opens_with_passphrase_alone(dest, OTHER) > 5


def test_a_restore_derives_the_copys_key_once(
    vault: Vault, tmp_path: Path, derivations: list[bytes]
) -> None:
    dest = backup(vault, tmp_path / "copy.peerdesk", OTHER)
    vault.close()
    derivations.clear()
    restore(vault.path, dest, OTHER)
    assert derivations == [dest.read_bytes()[:SALT_BYTES]]  # staged, then swapped in
    assert opens_with_passphrase_alone(vault.path, OTHER) > 5


def test_a_key_never_shows_itself(closed_vault: Path) -> None:
    key = key_for(closed_vault, PASSPHRASE)
    secret = key.bound_value.removeprefix("x'").removesuffix("'")
    assert len(secret) == 96  # 32 bytes of key, 16 of salt, in hex
    for shown in (repr(key), str(key), f"{key}", repr([key])):
        assert secret[:16] not in shown and PASSPHRASE not in shown


@pytest.mark.parametrize("size", [0, 5, SALT_BYTES - 1])
def test_a_file_too_short_for_a_salt_is_treated_as_before(tmp_path: Path, size: int) -> None:
    """No salt to share: a key with a fresh one, which SQLCipher treats as a passphrase."""
    short = tmp_path / "short.peerdesk"
    short.write_bytes(b"x" * size)
    assert isinstance(key_for(short, PASSPHRASE), VaultKey)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(short, PASSPHRASE)
    assert short.read_bytes() == b"x" * size  # nothing written to it
