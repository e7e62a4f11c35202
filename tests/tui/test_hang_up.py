"""A hang-up always ends peerdesk within a second and frees the vault's lock.

Real `python -m peerdesk --vault X` processes on real pseudo-terminals, hung up at
the unlock screen (by closing the terminal, or by SIGHUP), many times over: a
process that outlived its terminal would keep the vault "open in another window".
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from peerdesk.vault import InstanceLock
from tests.support import pty_child
from tests.support.pty_child import PtyChild

ROUNDS = 6
PER_ROUND = 5  # processes hung up together in one round: 30 in all
WAIT_SECONDS = 1.0


def hang_up(child: PtyChild, index: int) -> None:
    """Half by closing the terminal (what a closed window does), half by SIGHUP."""
    if index % 2 == 0:
        child.close_terminal()
    else:
        os.kill(child.pid, signal.SIGHUP)
        child.close_terminal()


def still_running(children: list[PtyChild], seconds: float) -> list[PtyChild]:
    """The children still alive `seconds` from now; returns as soon as all are gone
    (the promise is "within a second": sitting out the rest of it proves nothing more)."""
    deadline = time.monotonic() + seconds
    alive = list(children)
    while alive and time.monotonic() < deadline:
        time.sleep(0.02)
        alive = [child for child in alive if child.process.poll() is None]
    return alive


@pytest.mark.slow
def test_hang_ups_at_the_unlock_screen_leave_no_survivor(
    closed_vault: Path, tmp_path: Path
) -> None:
    vaults = []
    for i in range(PER_ROUND):  # one vault each: they must not refuse one another
        copy = tmp_path / f"v{i}" / "vault.peerdesk"
        copy.parent.mkdir(mode=0o700)
        shutil.copy(closed_vault, copy)
        vaults.append(copy)
    survivors = 0
    for _round in range(ROUNDS):
        children = [pty_child.start(["--vault", str(v)], tmp_path) for v in vaults]
        try:
            pty_child.wait_for_all(children, pty_child.unlock_drawn, timeout=30)
            # At once, while the app still warms up: the moment Textual's shutdown used
            # to hang on its output thread (6 of 30 never exited before the watchdog).
            for index, child in enumerate(children):
                hang_up(child, index)
            survivors += len(still_running(children, WAIT_SECONDS))
            for vault in vaults:  # the lock is free at once
                InstanceLock.acquire(vault).release()
        finally:
            for child in children:
                child.stop()
    assert survivors == 0, f"{survivors} of {ROUNDS * PER_ROUND} outlived their terminal"
