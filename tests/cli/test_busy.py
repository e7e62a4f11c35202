"""A vault held by another peerdesk (InstanceLock) is refused before any passphrase."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import InstanceLock
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, lines, vault_files


@pytest.fixture
def held(vault_path: Path) -> Iterator[InstanceLock]:
    lock = InstanceLock.acquire(vault_path)
    try:
        yield lock
    finally:
        lock.release()


@pytest.mark.parametrize(
    "args",
    [
        ["init"],
        ["passphrase"],
        ["backup", "{tmp}/b.peerdesk"],
        ["restore", "{backup}", "--yes"],
        ["doctor"],
    ],
)
def test_busy_vault_is_refused_before_asking(
    cli: Cli, made_vault: Path, tmp_path: Path, args: list[str]
) -> None:
    backup = tmp_path / "old-backup.peerdesk"
    backup.write_bytes(b"x" * 4096)
    if args == ["init"]:
        cli.vault_path = tmp_path / "fresh" / "vault.peerdesk"
    lock = InstanceLock.acquire(cli.vault_path)
    try:
        before = vault_files(made_vault)
        argv = [a.format(tmp=tmp_path, backup=backup) for a in args]
        # Empty stdin: had the command asked for a passphrase first, it would say
        # "standard input ended" instead of the busy sentence.
        result = cli(*argv, "--passphrase-stdin", input="")
    finally:
        lock.release()
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.VAULT_BUSY
    assert vault_files(made_vault) == before
    assert not (tmp_path / "b.peerdesk").exists()


def test_plain_peerdesk_on_a_busy_vault(cli: Cli, made_vault: Path, held: InstanceLock) -> None:
    result = cli()
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.VAULT_BUSY


def test_busy_check_comes_before_textual_is_imported(made_vault: Path, held: InstanceLock) -> None:
    code = (
        "import sys\n"
        "from peerdesk.cli import main\n"
        f"sys.argv = ['peerdesk', '--vault', {str(made_vault)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print('textual loaded' if 'textual' in sys.modules else 'textual absent')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stderr.strip() == messages.VAULT_BUSY
    assert done.stdout.split("\n")[:2] == ["exit 1", "textual absent"]


def test_lock_is_released_after_each_command(cli: Cli, made_vault: Path) -> None:
    assert cli("doctor", "--passphrase-stdin", input=lines(PASSPHRASE)).exit_code == 0
    InstanceLock.acquire(made_vault).release()
