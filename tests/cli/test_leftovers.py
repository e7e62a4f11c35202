"""`doctor --remove-leftovers` deletes only what peerdesk's own backups and restores made.

A leftover is a hidden copy with the exact name shape of `temp_sibling` (a fixed
marker and 16 hex digits) whose bytes look like an encrypted vault. Files that merely
resemble one (a dotfile's dated backup, a person's own vault backup, the vault itself
under a leftover-like name or a hard link) are never listed and never deleted.
"""

from __future__ import annotations

import os
from pathlib import Path

from peerdesk import messages
from peerdesk.vault import Vault
from peerdesk.vault.leftovers import find, temp_sibling
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}


def test_files_that_only_look_like_leftovers_survive(made_vault: Path) -> None:
    folder = made_vault.parent
    vault_bytes = made_vault.read_bytes()
    decoys = {
        ".bashrc.backup-20231201": b"alias ll='ls -l'\n",
        ".thesis.docx.restore-20240115": b"PK\x03\x04 a thesis",
        # A person's own copy of the vault, encrypted, with a date in its name.
        f".{made_vault.name}.backup-20241201": vault_bytes,
        # The marker, but plaintext SQLite: not a copy peerdesk made.
        f".{made_vault.name}.backup-peerdesk-0123456789abcdef": b"SQLite format 3\x00"
        + bytes(4080),
        # The marker, but a restore copy of some other file.
        ".other.peerdesk.restore-peerdesk-0123456789abcdef": vault_bytes,
    }
    for name, data in decoys.items():
        (folder / name).write_bytes(data)
    # A hard link to the vault under a leftover's name is the vault, not a leftover.
    link = folder / f".{made_vault.name}.restore-peerdesk-fedcba9876543210"
    os.link(made_vault, link)
    real = temp_sibling(made_vault, "before-restore")
    real.write_bytes(vault_bytes)

    assert find(made_vault) == [real]
    cleaned = Cli(made_vault)("doctor", "--remove-leftovers", env=ENV)

    assert cleaned.exit_code == 0, cleaned.output
    assert not real.exists()
    for name, data in decoys.items():
        assert (folder / name).read_bytes() == data
    assert link.read_bytes() == vault_bytes
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        assert vault.check_integrity().ok


def test_a_vault_named_like_a_leftover_is_never_one(tmp_path: Path) -> None:
    vault_path = tmp_path / "vaultdir" / ".peerdesk.backup-20241201"
    Vault.create(vault_path, PASSPHRASE).close()
    odd = tmp_path / "vaultdir" / ".peerdesk.backup-peerdesk-0123456789abcdef"
    os.link(vault_path, odd)  # even with the marker: it is the vault's own inode
    cli = Cli(vault_path)

    shown = cli("settings", "show", env=ENV)
    cleaned = cli("doctor", "--remove-leftovers", env=ENV)

    assert shown.exit_code == 0, shown.output
    assert "leftover" not in shown.stderr
    assert cleaned.exit_code == 0, cleaned.output
    assert "Removed" not in cleaned.stdout
    assert vault_path.is_file() and odd.is_file()


def test_a_real_leftover_is_named_and_removed(made_vault: Path) -> None:
    staged = temp_sibling(made_vault, "restore")
    staged.write_bytes(b"")  # killed right after the staged file was made
    wal = Path(f"{staged}-wal")
    wal.write_bytes(b"frames")
    cli = Cli(made_vault)

    shown = cli("settings", "show", env=ENV)
    cleaned = cli("doctor", "--remove-leftovers", env=ENV)

    names = ", ".join(sorted([staged.name, wal.name]))
    assert messages.LEFTOVERS_FOUND.format(count=2, names=names) in " ".join(shown.stderr.split())
    assert messages.DOCTOR_LEFTOVERS_REMOVED.format(count=2, names=names) in cleaned.stdout
    assert not staged.exists() and not wal.exists()
