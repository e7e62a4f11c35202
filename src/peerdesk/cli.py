"""The `peerdesk` command's entry point, kept tiny on purpose.

`peerdesk --version` answers from here without importing typer, the vault or the
TUI. Everything else goes to the typer app in `peerdesk.cli_app`, which is also
reachable as `peerdesk.cli.app` (loaded on first use).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

PROG_NAME = "peerdesk"


def main() -> None:
    """Console script `peerdesk` and `python -m peerdesk`."""
    if sys.argv[1:] == ["--version"]:
        from peerdesk import __version__, messages

        sys.stdout.write(messages.VERSION_LINE.format(version=__version__) + "\n")
        return
    from peerdesk.cli_app import app

    app(prog_name=PROG_NAME)


def __getattr__(name: str) -> typer.Typer:
    """`from peerdesk.cli import app` works, without loading typer on `--version`."""
    if name == "app":
        from peerdesk.cli_app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
