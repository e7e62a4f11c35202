"""Start the terminal app on a vault: take the instance lock, then load Textual.

Shared by the typer commands (`peerdesk`, `peerdesk demo`) and by the fast path in
`peerdesk.cli.main`, which opens the app without loading typer at all: process
start to the unlock screen is a measured target (docs/performance.md). Nothing
here imports typer, SQLCipher or Textual at module level.
"""

from __future__ import annotations

from pathlib import Path


def run_tui(vault_path: Path, unlock_hint: str | None = None) -> int:
    """Run the app until it quits; returns its exit code.

    Raises VaultBusy before Textual is even imported when another peerdesk holds
    the vault, so the refusal is instant and the terminal is left untouched.
    """
    from peerdesk.vault.instance_lock import InstanceLock

    lock = InstanceLock.acquire(vault_path)
    try:
        from peerdesk.tui.app import PeerdeskApp

        app = PeerdeskApp(vault_path, instance_lock=lock, unlock_hint=unlock_hint)
        app.run()
        return app.return_code or 0
    finally:
        lock.release()
