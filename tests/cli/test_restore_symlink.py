"""A restore through a symlinked vault path restores the file the link points at.

A peer may link the default vault path to a file on an encrypted drive; replacing
the link with a regular file would leave the real vault as it was and put the
restored one on the unencrypted disk.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from peerdesk.vault import Vault
from peerdesk.vault.backup import backup
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, lines


def theme(path: Path) -> str:
    with Vault.unlock(path, PASSPHRASE) as vault:
        return vault.settings().theme


def test_restore_through_a_symlink_restores_its_target(tmp_path: Path) -> None:
    real = tmp_path / "drive" / "vault.peerdesk"
    link = tmp_path / "links" / "vault.peerdesk"
    link.parent.mkdir()
    copy = tmp_path / "copy.peerdesk"
    with Vault.create(real, PASSPHRASE) as vault:
        backup(vault, copy)  # theme dark
        vault.save_settings(replace(vault.settings(), theme="light"))
    link.symlink_to(real)

    result = Cli(link)("restore", str(copy), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE))

    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert theme(real) == "dark"
    assert sorted(p.name for p in link.parent.iterdir()) == ["vault.peerdesk"]
    assert not [p for p in real.parent.iterdir() if p.name.startswith(".")]
