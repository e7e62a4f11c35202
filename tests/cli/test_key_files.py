"""Every file peerdesk writes opens with its passphrase alone and `doctor` reports
SQLCipher's KDF settings for it; the key peerdesk derives never shows.

Real parts: the typer app through CliRunner, vaults in tmp_path, plain SQLCipher for
"any SQLCipher tool", and a tmpfs of the test's own filled to the last few KB for a
full disk (skipped where it cannot be mounted). The key's text is searched for in
everything the commands print and in every file the test folders hold, like the
note canaries.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault
from peerdesk.vault.backup import backup, restore
from peerdesk.vault.salvage import salvage
from peerdesk.vault.sqlcipher import KDF_HASH, KDF_ITERATIONS, KEY_BYTES
from tests.conftest import PASSPHRASE
from tests.support import canary, full_disk
from tests.support.cli import (
    BACKUP_PASSPHRASE,
    NEW_PASSPHRASE,
    SECRETS,
    WRONG_PASSPHRASE,
    Cli,
    lines,
)
from tests.support.key_derivations import opens_with_passphrase_alone

LONG_HEX = re.compile(r"[0-9a-fA-F]{32,}")


def _plain_backup(made_vault: Path, tmp_path: Path) -> tuple[Path, str]:
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        return backup(vault, tmp_path / "plain.peerdesk"), PASSPHRASE


def _own_backup(made_vault: Path, tmp_path: Path) -> tuple[Path, str]:
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        return backup(vault, tmp_path / "own.peerdesk", BACKUP_PASSPHRASE), BACKUP_PASSPHRASE


def _salvaged(made_vault: Path, tmp_path: Path) -> tuple[Path, str]:
    dest = tmp_path / "salvaged.peerdesk"
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        salvage(vault, PASSPHRASE, dest, BACKUP_PASSPHRASE)
    return dest, BACKUP_PASSPHRASE


def _restored(made_vault: Path, tmp_path: Path) -> tuple[Path, str]:
    copy, passphrase = _own_backup(made_vault, tmp_path)
    restore(made_vault, copy, passphrase)
    copy.unlink()
    return made_vault, passphrase


def _rekeyed(made_vault: Path, tmp_path: Path) -> tuple[Path, str]:
    result = Cli(made_vault)(
        "passphrase", "--passphrase-stdin", input=lines(PASSPHRASE, NEW_PASSPHRASE)
    )
    assert result.exit_code == 0, result.output
    return made_vault, NEW_PASSPHRASE


WRITTEN: dict[str, Callable[[Path, Path], tuple[Path, str]]] = {
    "new vault": lambda made_vault, _tmp: (made_vault, PASSPHRASE),
    "backup": _plain_backup,
    "backup under its own passphrase": _own_backup,
    "salvaged copy": _salvaged,
    "restored vault": _restored,
    "vault after a passphrase change": _rekeyed,
}


@pytest.mark.parametrize("make", WRITTEN.values(), ids=WRITTEN.keys())
def test_every_file_written_opens_with_its_passphrase_and_doctor_reports_the_kdf(
    made_vault: Path, tmp_path: Path, make: Callable[[Path, Path], tuple[Path, str]]
) -> None:
    path, passphrase = make(made_vault, tmp_path)
    assert opens_with_passphrase_alone(path, passphrase) > 5
    result = Cli(path)("doctor", "--passphrase-stdin", input=lines(passphrase))
    assert f"kdf_iter {KDF_ITERATIONS}" in result.stdout, result.output
    assert messages.DOCTOR_INTEGRITY_OK in result.stdout, result.output


def _keys_of(salts: list[bytes]) -> list[str]:
    """The hex of every key a passphrase of the tests would derive over the salts met."""
    return [
        hashlib.pbkdf2_hmac(KDF_HASH, secret.encode(), salt, KDF_ITERATIONS, KEY_BYTES).hex()
        for salt in set(salts)
        for secret in SECRETS
    ]


def test_the_derived_key_never_shows_in_output_or_files(
    made_vault: Path, tmp_path: Path, derivations: list[bytes]
) -> None:
    cli = Cli(made_vault)
    said: list[str] = []
    env_wrong = {"PEERDESK_PASSPHRASE": WRONG_PASSPHRASE}
    said.append(cli("doctor", env=env_wrong).output)
    said.append(cli("backup", str(tmp_path / "no.peerdesk"), env=env_wrong).output)
    good = tmp_path / "good.peerdesk"
    own = lines(PASSPHRASE, BACKUP_PASSPHRASE, BACKUP_PASSPHRASE)
    result = cli("backup", str(good), "--own-passphrase", "--passphrase-stdin", input=own)
    assert result.exit_code == 0, result.output
    said.append(result.output)
    wrong_restore = lines(WRONG_PASSPHRASE)
    said.append(
        cli("restore", str(good), "--yes", "--passphrase-stdin", input=wrong_restore).output
    )
    cut = tmp_path / "cut.peerdesk"
    cut.write_bytes(good.read_bytes()[: 3 * 4096])
    said.append(
        cli(
            "restore", str(cut), "--yes", "--passphrase-stdin", input=lines(BACKUP_PASSPHRASE)
        ).output
    )
    with full_disk.small_disk(tmp_path) as disk:
        full_disk.fill(disk, leave=64 * 1024)
        result = cli(
            "backup",
            str(disk / "full.peerdesk"),
            "--own-passphrase",
            "--passphrase-stdin",
            input=own,
        )
        assert result.exit_code == 1, result.output
        assert sorted(p.name for p in disk.iterdir()) == [full_disk.FILLER]  # nothing left
        said.append(result.output)
        keys = _keys_of(derivations)
        assert derivations and len(keys) >= len(SECRETS)
        shown = "\n".join(said)
        assert LONG_HEX.search(shown) is None, shown
        needles: list[bytes | str] = [*keys, *(bytes.fromhex(key) for key in keys)]
        assert canary.files_containing([tmp_path], needles) == []
    shutil.rmtree(tmp_path / "disk", ignore_errors=True)
