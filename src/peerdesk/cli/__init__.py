"""The `peerdesk` command's entry point, kept tiny on purpose.

`peerdesk --version` answers from here without importing typer, the vault or the
TUI. Everything else goes to the typer app in `peerdesk.cli.root`, which is also
reachable as `peerdesk.cli.app` (loaded on first use).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

PROG_NAME = "peerdesk"


def main() -> None:
    """Console script `peerdesk` and `python -m peerdesk`."""
    from peerdesk.platform_support import harden_process

    harden_process()  # first: no core dump may ever hold a passphrase typed below
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from peerdesk import __version__, messages

        sys.stdout.write(messages.VERSION_LINE.format(version=__version__) + "\n")
        return
    vault = _plain_launch(argv)
    if vault is not None:
        sys.exit(_open_app(vault))
    from peerdesk.cli.root import app

    try:
        app(prog_name=PROG_NAME)
    except Exception as exc:  # noqa: BLE001 - the last line before a traceback
        # The root group turns a command's unexpected error into its sentence; this
        # catches what escapes even that (typer itself), still without a traceback.
        from peerdesk.cli.guard import unexpected_sentence

        sys.stderr.write(unexpected_sentence(exc, None) + "\n")
        sys.exit(1)


def _plain_launch(argv: list[str]) -> Path | None:
    """The vault to open when the command line is just `peerdesk [--vault PATH]`.

    That is the everyday start, so it skips typer (tens of milliseconds of imports);
    anything else, including mistakes, goes to typer for its usual handling.
    """
    from peerdesk.paths import default_vault_path

    if not argv:
        return default_vault_path()
    if len(argv) == 2 and argv[0] == "--vault" and argv[1] and not argv[1].startswith("-"):
        return Path(argv[1]).expanduser()
    if len(argv) == 1 and argv[0].startswith("--vault=") and len(argv[0]) > len("--vault="):
        return Path(argv[0].removeprefix("--vault=")).expanduser()
    return None


def _open_app(vault: Path) -> int:
    """Run the TUI; a busy vault or an unusable path is one sentence and exit 1."""
    from peerdesk import messages
    from peerdesk.cli.launch import run_tui
    from peerdesk.safe_text import printable_lines
    from peerdesk.vault.errors import VaultError

    try:
        return run_tui(vault)
    except VaultError as exc:
        sys.stderr.write(printable_lines(str(exc)) + "\n")
        return 1
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        sentence = messages.CLI_OS_ERROR.format(path=exc.filename or vault, reason=reason)
        sys.stderr.write(printable_lines(sentence) + "\n")
        return 1


def __getattr__(name: str) -> typer.Typer:
    """`from peerdesk.cli import app` works, without loading typer on `--version`."""
    if name == "app":
        from peerdesk.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
