"""Start a real `python -m peerdesk` in a pseudo-terminal of its own, as a peer would.

The child gets a new session with the pty as its controlling terminal, so closing
the master side is exactly "the terminal window was closed": the kernel sends the
child SIGHUP and its writes start failing.
"""

from __future__ import annotations

import fcntl
import os
import resource
import selectors
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNLOCK_DRAWN = b"locked"  # from "The vault is locked", drawn as one run of text


def child_env() -> dict[str, str]:
    """This environment plus the worktree's source first on the path, and a real TERM."""
    paths = [str(ROOT / "src"), str(ROOT)]
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths), TERM="xterm-256color")


@dataclass
class PtyChild:
    """One peerdesk process and the master side of its terminal."""

    process: subprocess.Popen[bytes]
    master: int | None
    output: bytearray = field(default_factory=bytearray)

    @property
    def pid(self) -> int:
        return self.process.pid

    def close_terminal(self) -> None:
        """Close the master side: the terminal is gone."""
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def read_available(self) -> None:
        """Drain what the child wrote so far (a full pty would block it)."""
        if self.master is None:
            return
        try:
            while chunk := os.read(self.master, 65536):
                self.output += chunk
        except (BlockingIOError, OSError):
            return

    def stop(self) -> None:
        """Make sure the child is gone and the terminal closed (test clean-up)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.close_terminal()


def start(
    args: Sequence[str],
    cwd: Path,
    *,
    core_unlimited: bool = False,
    env: dict[str, str] | None = None,
) -> PtyChild:
    """`python -m peerdesk ARGS` on a fresh 80x24 pty as its controlling terminal."""
    return start_python(["-m", "peerdesk", *args], cwd, core_unlimited=core_unlimited, env=env)


def start_python(
    args: Sequence[str],
    cwd: Path,
    *,
    core_unlimited: bool = False,
    env: dict[str, str] | None = None,
) -> PtyChild:
    """`python ARGS` on a fresh 80x24 pty as its controlling terminal."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def in_child() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # after setsid: this pty is our terminal
        if core_unlimited:
            unlimited = resource.RLIM_INFINITY
            resource.setrlimit(resource.RLIMIT_CORE, (unlimited, unlimited))

    process = subprocess.Popen(
        [sys.executable, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=env or child_env(),
        start_new_session=True,
        preexec_fn=in_child,  # before exec: take the terminal, set the core limit
    )
    os.close(slave)
    os.set_blocking(master, False)
    return PtyChild(process, master)


def wait_for_all(
    children: Sequence[PtyChild], shown: Callable[[PtyChild], bool], timeout: float
) -> None:
    """Read every child's terminal until `shown` holds for each; AssertionError on timeout."""
    selector = selectors.DefaultSelector()
    waiting = {child.master: child for child in children if child.master is not None}
    for fd in waiting:
        selector.register(fd, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    try:
        while waiting:
            left = deadline - time.monotonic()
            assert left > 0, f"{len(waiting)} child(ren) never drew the screen"
            for key, _ in selector.select(min(left, 0.1)):
                fd = key.fd
                assert isinstance(fd, int)
                child = waiting[fd]
                child.read_available()
                if shown(child):
                    selector.unregister(fd)
                    del waiting[fd]
            for child in list(waiting.values()):
                assert child.process.poll() is None, bytes(child.output[-500:])
    finally:
        selector.close()


def unlock_drawn(child: PtyChild) -> bool:
    return UNLOCK_DRAWN in child.output


def still_running(children: Sequence[PtyChild], deadline_seconds: float) -> list[PtyChild]:
    """Wait up to the deadline for every child to exit; those that did not."""
    deadline = time.monotonic() + deadline_seconds
    for child in children:
        try:
            child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            continue
    return [child for child in children if child.process.poll() is None]
