"""The passphrase strength floor holds for a backup's own passphrase too.

`init` and `passphrase` refuse a passphrase below the floor; `backup --own-passphrase`
must not be a way around it, since a restore makes the backup's passphrase the
vault's. A restore of a backup that already has a weak passphrase still restores (it
is the peer's real data) but says so and points at `peerdesk passphrase`.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.vault import Vault
from peerdesk.vault.backup import backup
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, lines

WEAK = "password1"


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_backup_own_passphrase_below_the_floor_is_refused(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "b.peerdesk"

    result = cli(
        "backup",
        str(dest),
        "--own-passphrase",
        "--passphrase-stdin",
        input=lines(PASSPHRASE, WEAK),
    )

    assert result.exit_code == 1
    assert one_line(messages.PASSPHRASE_TOO_WEAK) in one_line(result.stderr)
    assert WEAK not in result.output
    assert not dest.exists()
    assert not any(p.name.startswith(".b.peerdesk") for p in tmp_path.iterdir())


def test_restore_of_a_weak_backup_restores_and_warns(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "weak.peerdesk"
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        backup(vault, dest, WEAK)  # e.g. made by an older peerdesk without the floor

    result = cli("restore", str(dest), "--yes", "--passphrase-stdin", input=lines(WEAK))

    assert result.exit_code == 0, result.output
    assert one_line(messages.CLI_RESTORE_WEAK_PASSPHRASE) in one_line(result.stderr)
    assert "peerdesk passphrase" in result.stderr
    with Vault.unlock(made_vault, WEAK):
        pass


def test_restore_of_a_strong_backup_does_not_warn(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "strong.peerdesk"
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        backup(vault, dest)

    result = cli("restore", str(dest), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE))

    assert result.exit_code == 0, result.output
    assert messages.CLI_RESTORE_WEAK_PASSPHRASE not in one_line(result.stderr)
