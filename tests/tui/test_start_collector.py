"""The garbage collector is off while peerdesk starts, and back on once the app mounts.

Its passes over the objects that importing Textual and the app makes were ~15 ms of the
start (docs/performance.md, "Start-up"), and the freeze at mount takes those objects out
of its sight anyway (tui.long_lived). A real `python -m peerdesk --vault X` on a real
pseudo-terminal, shown the unlock screen and quit with ctrl+q; a callback counts the
collector's passes: none may run between Textual's first import and the freeze, and
some must run after it while the app runs (its full passes held for idle time, which
is how the callback tells: tui.long_lived).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.support import pty_child

# The passes are counted in the child; it writes them to argv[1] as it exits.
CHILD = r"""
import atexit, gc, json, runpy, sys
from peerdesk.tui.long_lived import NO_AUTOMATIC_FULL_PASS

out, vault = sys.argv[1], sys.argv[2]
passes = {"while_starting": 0, "after_the_freeze_while_running": 0}

def seen(phase, _info):
    if phase != "start":
        return
    if gc.get_freeze_count() == 0:
        if "textual" in sys.modules:
            passes["while_starting"] += 1
    elif gc.get_threshold()[2] == NO_AUTOMATIC_FULL_PASS:  # from mount to unmount
        passes["after_the_freeze_while_running"] += 1

def write():
    with open(out, "w") as file:
        file.write(json.dumps(passes))

gc.callbacks.append(seen)
atexit.register(write)
sys.argv = ["peerdesk", "--vault", vault]
runpy.run_module("peerdesk", run_name="__main__", alter_sys=True)
"""

CTRL_Q = b"\x11"


def test_no_collector_pass_while_starting_and_passes_again_after_the_freeze(
    closed_vault: Path, tmp_path: Path
) -> None:
    out = tmp_path / "passes.json"
    child = pty_child.start_python(["-c", CHILD, str(out), str(closed_vault)], tmp_path)
    try:
        pty_child.wait_for_all([child], pty_child.unlock_drawn, timeout=30)
        assert child.master is not None
        os.write(child.master, CTRL_Q)
        try:
            child.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError("peerdesk did not quit on ctrl+q") from None
    finally:
        child.stop()
    assert child.process.returncode == 0, bytes(child.output[-500:])
    passes = json.loads(out.read_text())
    assert passes["while_starting"] == 0
    assert passes["after_the_freeze_while_running"] > 0
