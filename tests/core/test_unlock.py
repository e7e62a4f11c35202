"""Unlocking: never creates or rewrites a file, one plain sentence for a wrong key,
nothing on stderr, and a damaged vault opens read-only instead of being replaced."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault, VaultDamaged, VaultMissing, VaultReadOnly, WrongPassphrase
from peerdesk.vault.sqlcipher import DatabaseError
from tests.conftest import PASSPHRASE
from tests.core.helpers import sha256

PAGE = 4096


def test_unlock_never_creates_a_file(vault_path: Path) -> None:
    with pytest.raises(VaultMissing) as caught:
        Vault.unlock(vault_path, PASSPHRASE)
    assert str(caught.value) == messages.VAULT_MISSING.format(path=vault_path)
    assert not vault_path.exists()
    assert not vault_path.parent.exists()


def test_unlock_refuses_a_folder(vault_path: Path) -> None:
    vault_path.mkdir(parents=True)
    with pytest.raises(VaultMissing):
        Vault.unlock(vault_path, PASSPHRASE)


def test_wrong_passphrase_is_one_sentence_and_changes_nothing(
    vault: Vault, vault_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    vault.close()
    before = sha256(vault_path)
    capfd.readouterr()
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(vault_path, "not the passphrase")
    assert str(caught.value) == "Wrong passphrase, or the file is damaged."
    assert sha256(vault_path) == before
    out, err = capfd.readouterr()  # fd-level: C-level SQLCipher logging would show here
    assert (out, err) == ("", "")
    Vault.unlock(vault_path, PASSPHRASE).close()  # the failed try released the lock


WRONG_KEY_CHILD = """
import sys
from pathlib import Path
from peerdesk.vault import Vault, WrongPassphrase
try:
    Vault.unlock(Path(sys.argv[1]), "not the passphrase")
except WrongPassphrase:
    sys.exit(3)
sys.exit(0)
"""


@pytest.mark.slow
def test_wrong_passphrase_writes_nothing_to_stderr_in_a_fresh_process(
    vault: Vault, vault_path: Path
) -> None:
    vault.close()
    result = subprocess.run(
        [sys.executable, "-c", WRONG_KEY_CHILD, str(vault_path)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 3
    assert result.stderr == b""
    assert result.stdout == b""


@pytest.mark.parametrize(
    "passphrase",
    [
        'it\'s a "quoted" one with 🚓 emoji',
        "'; PRAGMA key = 'x",
        "  spaces  around  ''''  ",
    ],
)
def test_awkward_passphrases_work(vault_path: Path, passphrase: str) -> None:
    """Quotes go into the PRAGMA key text (it cannot bind), so they must be escaped."""
    Vault.create(vault_path, passphrase).close()
    with Vault.unlock(vault_path, passphrase) as opened:
        assert opened.check_integrity().ok
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, passphrase.strip() + "x")


def test_nfd_passphrase_opens_an_nfc_vault(vault_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "Café ñandú")
    nfd = unicodedata.normalize("NFD", "Café ñandú")
    assert nfc != nfd
    Vault.create(vault_path, nfc).close()
    with Vault.unlock(vault_path, nfd) as opened:
        assert not opened.read_only


def test_random_garbage_is_a_wrong_passphrase(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    vault_path.write_bytes(os.urandom(PAGE * 8))
    before = sha256(vault_path)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(vault_path, PASSPHRASE)
    assert str(caught.value) == messages.WRONG_PASSPHRASE
    assert sha256(vault_path) == before


@pytest.mark.parametrize(
    ("keep", "error", "sentence"),
    [
        (0, WrongPassphrase, messages.WRONG_PASSPHRASE),
        (100, WrongPassphrase, messages.WRONG_PASSPHRASE),
        # Page 1 is whole and decrypts, so the passphrase is known to be right.
        (PAGE, VaultDamaged, messages.VAULT_DAMAGED_UNREADABLE),
    ],
)
def test_truncated_vault_is_refused(
    vault: Vault,
    vault_path: Path,
    keep: int,
    error: type[Exception],
    sentence: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Cut inside or right after page 1; 0 bytes must not be re-initialised as a new vault."""
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"filler-{i}", '"' + "x" * 500 + '"') for i in range(40)],
        )
    vault.close()
    data = vault_path.read_bytes()
    assert len(data) > PAGE * 2
    vault_path.write_bytes(data[:keep])
    capfd.readouterr()
    with pytest.raises(error) as caught:
        Vault.unlock(vault_path, PASSPHRASE)
    assert str(caught.value) == sentence
    assert vault_path.read_bytes() == data[:keep]
    assert capfd.readouterr() == ("", "")


def _damage_late_page(vault: Vault, vault_path: Path) -> bytes:
    """Fill the vault over many pages, close it, flip bytes inside page 5; return the bytes."""
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"row-{i}", '"' + f"{i:05d}" * 100 + '"') for i in range(300)],
        )
    vault.close()
    data = bytearray(vault_path.read_bytes())
    assert len(data) >= PAGE * 8
    start = PAGE * 4 + PAGE // 2  # the middle of page 5
    for i in range(start, start + 64):
        data[i] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    return bytes(data)


def test_late_page_damage_opens_read_only(
    vault: Vault, vault_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    damaged = _damage_late_page(vault, vault_path)
    capfd.readouterr()
    opened = Vault.unlock(vault_path, PASSPHRASE)
    try:
        assert opened.read_only
        assert opened.health.problems
        assert not opened.health.ok
        with pytest.raises(VaultReadOnly) as caught:
            opened.save_settings(replace(opened.settings(), theme="light"))
        assert str(caught.value) == messages.VAULT_READ_ONLY
        with pytest.raises(VaultReadOnly), opened.transaction():
            pass
        with pytest.raises(VaultReadOnly):
            opened.change_passphrase("a new passphrase")
        # Even a raw write on the connection is refused by SQLite itself.
        with pytest.raises(DatabaseError):
            opened.conn.execute("DELETE FROM settings")
    finally:
        opened.close()
    assert vault_path.read_bytes() == damaged
    assert capfd.readouterr() == ("", "")
    # A second open finds the same damage: it was neither repaired nor re-initialised.
    with Vault.unlock(vault_path, PASSPHRASE) as again:
        assert again.read_only
    assert vault_path.read_bytes() == damaged
