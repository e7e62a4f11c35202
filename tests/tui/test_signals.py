"""SIGTERM and SIGHUP lock the vault before the app exits (tested in a child process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk.vault import InstanceLock, Vault
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]

# The child unlocks headless through Pilot, says "home", then waits to be signalled.
CHILD = """
import asyncio, os, sys
from pathlib import Path
from textual import events
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen

async def main() -> None:
    vault_path = Path(sys.argv[1])
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.focused.post_message(events.Paste(sys.stdin.readline().rstrip("\\n")))
        await pilot.pause()
        await pilot.press("enter")
        while not isinstance(app.screen, HomeScreen):
            await pilot.pause(0.02)
        print("home", flush=True)
        while not app._exit:
            await asyncio.sleep(0.02)
        print("vault closed before exit:", app.vault is None, flush=True)
    names = {str(vault_path.resolve()) + s for s in ("", "-wal", "-shm")}
    fds = [os.readlink(f"/proc/self/fd/{n}") for n in os.listdir("/proc/self/fd")
           if os.path.exists(f"/proc/self/fd/{n}")]
    print("vault fds:", len([fd for fd in fds if fd in names]), flush=True)
    print("return code:", app.return_code, flush=True)

asyncio.run(main())
"""


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_signal_locks_then_exits(closed_vault: Path, sig: signal.Signals) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(closed_vault)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(PASSPHRASE + "\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "home"
        child.send_signal(sig)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    assert "vault closed before exit: True" in out
    assert "vault fds: 0" in out
    assert f"return code: {128 + int(sig)}" in out
    assert PASSPHRASE not in out + err
    InstanceLock.acquire(closed_vault).release()  # the child let go of the vault
    Vault.unlock(closed_vault, PASSPHRASE).close()  # and left it intact
