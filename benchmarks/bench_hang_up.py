"""How long peerdesk takes to end after its terminal is hung up, against bare Python.

Each round starts `python -m peerdesk --vault X` on a real pseudo-terminal, waits for
the unlock screen, then hangs up (closes the terminal, or SIGHUP and close) and times
until the process has exited. The baseline, interleaved in the same run, is a bare
Python process on its own pty that dies of SIGHUP's default action. Target: every
peerdesk process gone within 1 s (the watchdog fires at 0.8 s whatever Textual does).

Run: python -m benchmarks.bench_hang_up [rounds]
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from tests.support import pty_child

from benchmarks.fixtures import PASSPHRASE
from benchmarks.timing import median_ms, spread
from peerdesk.vault import Vault

TARGET_SECONDS = 1.0
BARE = "import time; print('ready', flush=True); time.sleep(60)"


def _exit_time(child: pty_child.PtyChild, how: int) -> float:
    start = time.perf_counter()
    if how % 2:
        os.kill(child.pid, signal.SIGHUP)
    child.close_terminal()
    child.process.wait(timeout=60)
    return time.perf_counter() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    folder = Path(tempfile.mkdtemp(prefix="bench-hang-up-"))
    try:
        vault_path = folder / "vault" / "vault.peerdesk"
        Vault.create(vault_path, PASSPHRASE).close()
        subject: list[float] = []
        baseline: list[float] = []
        for i in range(rounds):
            child = pty_child.start(["--vault", str(vault_path)], folder)
            pty_child.wait_for_all([child], pty_child.unlock_drawn, timeout=60)
            subject.append(_exit_time(child, i))
            bare = pty_child.start_python(["-c", BARE], folder)
            pty_child.wait_for_all([bare], lambda c: b"ready" in c.output, timeout=60)
            baseline.append(_exit_time(bare, i))
        report(subject, baseline)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(subject: list[float], baseline: list[float]) -> None:
    for name, samples in (("peerdesk", subject), ("bare python", baseline)):
        print(f"{name:12} {spread(samples)}")
    ratio = median_ms(subject) / median_ms(baseline)
    over = sum(1 for s in subject if s > TARGET_SECONDS)
    print(f"ratio of medians {ratio:.1f}x; over {TARGET_SECONDS:.0f} s: {over} of {len(subject)}")


if __name__ == "__main__":
    main()
