"""Plain `peerdesk [--vault PATH]` opens the app without typer; a busy vault is refused
before Textual loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.cli import _plain_launch
from peerdesk.paths import default_vault_path
from peerdesk.vault import InstanceLock, Vault
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "default"),
        (["--vault", "/x/v.peerdesk"], Path("/x/v.peerdesk")),
        (["--vault=/x/v.peerdesk"], Path("/x/v.peerdesk")),
        (["--vault"], None),
        (["--vault="], None),
        (["--vault", "--help"], None),
        (["init"], None),
        (["--vault", "/x", "init"], None),
        (["--help"], None),
    ],
)
def test_which_command_lines_take_the_fast_path(
    argv: list[str], expected: Path | str | None
) -> None:
    want = default_vault_path() if expected == "default" else expected
    assert _plain_launch(argv) == want


@pytest.mark.slow
def test_busy_vault_refused_without_loading_textual_or_typer(vault_path: Path) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    with InstanceLock.acquire(vault_path):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "peerdesk", "--vault", str(vault_path)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 1
    assert messages.VAULT_BUSY in done.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "textual" not in imported
    assert "typer" not in imported
    assert "sqlcipher3" not in imported
