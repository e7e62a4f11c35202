"""One flipped byte outside page 1 never looks like a wrong passphrase.

SQLCipher answers NOTADB only when page 1 does not decrypt; once page 1's HMAC passed
with this key, the passphrase is right, and a damaged page of the schema (the
pages that list the tables, here the last pages of a 47-page vault) is reported as a
damaged vault. Damage elsewhere opens read-only, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault, VaultDamaged, WrongPassphrase
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts
from tests.support.damage import schema_pages

PAGE = 4096
WRONG = "not the passphrase at all"
SCHEMA = [44, 45, 46, 47]  # the leaves of the schema's b-tree in a 30-contact vault
OTHERS = [2, 5, 17, 30, 37, 41, 42, 43]  # rows of tables, and indexes


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("pristine") / "v.peerdesk"
    with Vault.create(path, PASSPHRASE) as vault:
        add_contacts(vault, 30)
    data = path.read_bytes()
    # The layout the pages below refer to; every migration moves it (walk it again with
    # tests.support.damage.schema_pages and update both lists).
    assert len(data) == 47 * PAGE
    assert schema_pages(path, PASSPHRASE) == SCHEMA
    assert not set(SCHEMA) & set(OTHERS)
    return data


def flipped(vault_path: Path, data: bytes, page: int) -> None:
    """Write `data` with one byte inside `page` (1-based) flipped."""
    damaged = bytearray(data)
    damaged[(page - 1) * PAGE + 2000] ^= 0xFF
    vault_path.parent.mkdir(exist_ok=True)
    vault_path.write_bytes(bytes(damaged))


@pytest.mark.parametrize("page", SCHEMA)
def test_a_damaged_schema_page_is_damage_not_a_wrong_passphrase(
    vault_path: Path, pristine: bytes, page: int, capfd: pytest.CaptureFixture[str]
) -> None:
    flipped(vault_path, pristine, page)
    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(vault_path, PASSPHRASE)
    assert str(caught.value) == messages.VAULT_DAMAGED_UNREADABLE
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, WRONG)
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize("page", OTHERS)
def test_other_damaged_pages_open_or_open_read_only(
    vault_path: Path, pristine: bytes, page: int
) -> None:
    flipped(vault_path, pristine, page)
    with Vault.unlock(vault_path, PASSPHRASE):
        pass  # read-only when a check finds the damage; never a wrong passphrase
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, WRONG)


def test_only_a_damaged_first_page_looks_like_a_wrong_passphrase(
    vault_path: Path, pristine: bytes
) -> None:
    flipped(vault_path, pristine, 1)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE)


def test_a_read_only_open_leaves_no_side_files(vault_path: Path, pristine: bytes) -> None:
    flipped(vault_path, pristine, 17)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert vault.read_only
    left = sorted(p.name for p in vault_path.parent.iterdir())
    assert left == [vault_path.name, vault_path.name + ".lock"]  # no -wal, no -shm
