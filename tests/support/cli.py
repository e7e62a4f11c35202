"""Run the real typer app against a real vault in tmp_path (CLI tests, and core tests
that check a command's end of a core feature).

Every invocation goes through `Cli.__call__`, which fails the test if any known
passphrase shows up in stdout or stderr, or if a traceback does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner, Result

from peerdesk.cli.root import app
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "new moon over the river"
BACKUP_PASSPHRASE = "backup only words here"
WRONG_PASSPHRASE = "wrong horse battery staple"
SECRETS = (PASSPHRASE, NEW_PASSPHRASE, BACKUP_PASSPHRASE, WRONG_PASSPHRASE)


def lines(*passphrases: str) -> str:
    """Standard input for --passphrase-stdin: one passphrase per line."""
    return "".join(p + "\n" for p in passphrases)


def vault_files(vault_path: Path) -> dict[str, bytes]:
    """Every file in the vault's folder and its bytes: proves 'nothing changed'."""
    return {p.name: p.read_bytes() for p in sorted(vault_path.parent.iterdir()) if p.is_file()}


@dataclass
class Cli:
    """Runs `peerdesk --vault <vault_path> ARGS` in-process with CliRunner."""

    vault_path: Path

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        env: Mapping[str, str | None] | None = None,
        with_vault: bool = True,
    ) -> Result:
        argv: Sequence[str] = ["--vault", str(self.vault_path), *args] if with_vault else list(args)
        result = CliRunner().invoke(app, argv, input=input, env=env)
        for secret in SECRETS:
            assert secret not in result.stdout, f"passphrase in stdout: {result.stdout!r}"
            assert secret not in result.stderr, f"passphrase in stderr: {result.stderr!r}"
        assert "Traceback" not in result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result
