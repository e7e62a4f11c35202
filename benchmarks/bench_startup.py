"""Process start to the unlock screen drawn, against a bare Textual hello-world app.

Measured two ways, in interleaved pairs (bare app and peerdesk, which first alternating):

- a raw pseudo-terminal (80x24 via TIOCSWINSZ) read until the screen's text has been
  written, escape sequences removed first (a colour change or cursor move can fall
  inside a phrase). A raw pty is what a terminal emulator gives the app, and it shows
  the bare app's start in full;
- a detached 80x24 tmux pane, polled with `capture-pane`. Every run gets its own tmux
  server (`-L` socket, no config file) and its own temp folder and home, so runs
  cannot collide with each other or with anyone else's tmux. tmux's own start and
  polling hide part of the bare app's start, so its ratio reads lower.

Both subjects run as `python ...` with the same interpreter, no flags, and the same
environment; each peerdesk run opens a fresh copy of an empty vault (the unlock
screen only checks that the file exists). The marker is the unlock screen's title,
drawn. Target: peerdesk <= 1.15x the bare app in both.

Run: python -m benchmarks.bench_startup [rounds]      (the tmux half needs tmux)
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import selectors
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.timing import PYTHON, report_ratio

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static

class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a bare Textual app")

Hello().run()
"""
BARE_MARKER = "Hello from a bare Textual app"
PEERDESK_MARKER = "The vault is locked"  # messages.UNLOCK_TITLE, checked in main
TARGET = 1.15
TIMEOUT_SECONDS = 30.0
ROOT = Path(__file__).resolve().parents[1]

# CSI (with private markers and intermediates), OSC, and two-byte escapes.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
# A DECRQM query ("is mode N supported?"); a terminal answers "not recognised" (0).
MODE_QUERY = re.compile(rb"\x1b\[\?(\d+)\$p")


def screen_text(output: bytes | bytearray) -> str:
    """What the output writes as text, with every escape sequence taken out."""
    return ESCAPES.sub(b"", output).decode("utf-8", "replace")


def child_env(home: Path, pycache: Path) -> dict[str, str]:
    """This environment with the worktree's code first, a real TERM, a home of its own,
    and compiled bytecode kept in `pycache`.

    An installed peerdesk runs from bytecode compiled at install time, as Textual does
    here. With PYTHONDONTWRITEBYTECODE set (as on the shared machine) every one of
    peerdesk's ~40 start-up modules would be compiled from source on every run while
    Textual's are not: tens of ms that no peer pays. Both subjects therefore get the
    same private cache folder, filled by the warm-up runs, and nothing is written
    beside the sources.
    """
    paths = [str(ROOT / "src"), str(ROOT)]
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(paths),
        PYTHONPYCACHEPREFIX=str(pycache),
        TERM="xterm-256color",
        HOME=str(home),
        TMPDIR=str(home),
        TMUX_TMPDIR=str(home),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def time_in_pty(argv: Sequence[str], marker: str, env: dict[str, str]) -> float:
    """Start `argv` on a fresh 80x24 pty; seconds until `marker` has been written."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    answered = 0
    selector = selectors.DefaultSelector()
    selector.register(master, selectors.EVENT_READ)
    try:
        while (left := TIMEOUT_SECONDS - (time.perf_counter() - start)) > 0:
            if not selector.select(left):
                continue
            try:
                output += os.read(master, 65536)
            except OSError as exc:  # EIO: the child closed the terminal (it died)
                raise RuntimeError(f"exited before drawing; wrote {screen_text(output)!r}") from exc
            if marker in screen_text(output):
                return time.perf_counter() - start
            queries = MODE_QUERY.findall(output)
            for mode in queries[answered:]:
                os.write(master, b"\x1b[?" + mode + b";0$y")
            answered = len(queries)
        raise TimeoutError(f"{marker!r} never appeared; wrote {screen_text(output)[-500:]!r}")
    finally:
        selector.close()
        _end(process)
        os.close(master)


def time_in_tmux(argv: Sequence[str], marker: str, env: dict[str, str]) -> float:
    """Start `argv` in a detached 80x24 pane of a tmux server of its own; seconds until
    `marker` is on the pane."""
    socket = f"bench-startup-{os.getpid()}-{time.monotonic_ns()}"
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    command = shlex.join(argv)
    start = time.perf_counter()
    pane = subprocess.run(
        [
            *tmux,
            *("new-session", "-d", "-P", "-F", "#{pane_pid} #{pid}", "-x", "80", "-y", "24"),
            command,
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    pane_pid, server_pid = (int(word) for word in pane.stdout.split())
    screen = ""
    try:
        while time.perf_counter() - start < TIMEOUT_SECONDS:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], env=env, capture_output=True, text=True, check=False
            ).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.002)
        raise TimeoutError(f"{marker!r} never appeared; last screen:\n{screen}")
    finally:
        _kill_and_wait(pane_pid)
        subprocess.run([*tmux, "kill-server"], env=env, capture_output=True, check=False)
        # kill-server returns before the server has exited; a server still tearing down
        # would take a core from whichever run comes next (measured: it slowed the next
        # subject by ~15%, and always the same one while the order was fixed).
        _kill_and_wait(server_pid)


def _kill_and_wait(pid: int) -> None:
    """SIGKILL the pane's process and wait until it is gone, so that its exit never
    overlaps the next run (a hung-up peerdesk may take up to 0.8 s to end)."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.005)


def make_vault(folder: Path) -> Path:
    from peerdesk.vault import Vault

    path = folder / "template.peerdesk"
    Vault.create(path, "benchmark passphrase").close()
    return path


def fresh_copy(template: Path) -> Path:
    """A vault of its own for each run: the previous run's process may still be
    exiting (and holding its instance lock) when the next one starts."""
    folder = Path(tempfile.mkdtemp(dir=template.parent))
    target = folder / "vault.peerdesk"
    shutil.copyfile(template, target)
    return target


Timer = Callable[[Sequence[str], str, dict[str, str]], float]


def pair(
    timer: Timer, folder: Path, bare: Path, vault: Path, *, bare_first: bool = True
) -> tuple[float, float]:
    """One bare run and one peerdesk run, each with a temp folder and home of its own;
    returns (bare, peerdesk). `main` alternates which goes first, so whatever the run
    before leaves behind (a page cache, an exiting process) falls on both alike."""
    subject = [PYTHON, "-m", "peerdesk", "--vault", str(fresh_copy(vault))]
    runs = [("bare", [PYTHON, str(bare)], BARE_MARKER), ("peerdesk", subject, PEERDESK_MARKER)]
    times: dict[str, float] = {}
    for name, argv, marker in runs if bare_first else runs[::-1]:
        home = Path(tempfile.mkdtemp(dir=folder, prefix="home-"))
        times[name] = timer(argv, marker, child_env(home, folder / "pycache"))
        shutil.rmtree(home, ignore_errors=True)
    return times["bare"], times["peerdesk"]


def main() -> None:
    from peerdesk import messages

    assert messages.UNLOCK_TITLE == PEERDESK_MARKER, "the marker must be the unlock title"
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    timers: dict[str, Timer] = {"raw pty": time_in_pty}
    if shutil.which("tmux"):
        timers["tmux"] = time_in_tmux
    else:
        print("tmux not found: measuring the raw pty only")
    samples: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in timers}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as name:
        folder = Path(name)
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP)
        vault = make_vault(folder)
        for timer in timers.values():  # warm the page cache for both before counting
            pair(timer, folder, bare, vault)
        for round_number in range(rounds):
            for where, timer in timers.items():
                first = round_number % 2 == 0
                bare_s, subject_s = pair(timer, folder, bare, vault, bare_first=first)
                samples[where][0].append(subject_s)
                samples[where][1].append(bare_s)
    print(f"{rounds} interleaved pairs each, 80x24:")
    for where, (subject, baseline) in samples.items():
        name = f"{where}: start -> unlock screen / bare Textual app"
        report_ratio(name, subject, baseline, TARGET)


if __name__ == "__main__":
    main()
