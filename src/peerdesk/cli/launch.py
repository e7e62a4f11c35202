"""Start the terminal app on a vault: take the instance lock, then load Textual.

Shared by the typer commands (`peerdesk`, `peerdesk demo`) and by the fast path in
`peerdesk.cli.main`, which opens the app without loading typer at all: process
start to the unlock screen is a measured target (docs/performance.md). Nothing
here imports typer, SQLCipher or Textual at module level.

The garbage collector is off from here until the app mounts, where `tui.long_lived`
freezes what start-up made and turns it back on: its passes over the ~40,000 objects
that importing Textual and the app makes (all of which live until exit, and which the
freeze takes out of its sight anyway) were ~15 ms of the start. What it would have
freed stays (~0.3 MB), made before any screen exists, so nothing typed is in it.
"""

from __future__ import annotations

import gc
from pathlib import Path


def run_tui(vault_path: Path, unlock_hint: str | None = None) -> int:
    """Run the app until it quits; returns its exit code.

    Raises VaultBusy before Textual is even imported when another peerdesk holds
    the vault, so the refusal is instant and the terminal is left untouched.
    """
    from peerdesk.vault.instance_lock import InstanceLock

    lock = InstanceLock.acquire(vault_path)
    gc.disable()  # until the app mounts (see above); back on however this ends
    try:
        from peerdesk.tui.app import PeerdeskApp

        app = PeerdeskApp(vault_path, instance_lock=lock, unlock_hint=unlock_hint)
        app.run()
        return app.return_code or 0
    finally:
        gc.enable()
        lock.release()
