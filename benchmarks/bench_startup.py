"""Process start to the unlock screen drawn, against a bare Textual hello-world app.

Both run in a real terminal (a detached 80x24 tmux pane); the clock stops when the
pane first shows the app's text. Target: peerdesk <= 1.15x the bare app.

Run: python -m benchmarks.bench_startup [runs]      (needs tmux)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import PYTHON, interleaved, report_ratio

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static

class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a bare Textual app")

Hello().run()
"""
SESSION = "peerdesk-bench"


def time_until_drawn(command: str, marker: str, timeout: float = 20.0) -> float:
    """Start `command` in a fresh tmux pane; seconds until `marker` is on screen."""
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", SESSION, "-x", "80", "-y", "24", command],
        check=True,
    )
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", SESSION],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.002)
        raise TimeoutError(f"{marker!r} never appeared; last screen:\n{screen}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)


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


def main() -> None:
    if shutil.which("tmux") is None:
        sys.exit("This benchmark needs tmux (apt-get install tmux).")
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    peerdesk = shutil.which("peerdesk") or f"{PYTHON} -m peerdesk"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare = folder / "bare_app.py"
        bare.write_text(BARE_APP)
        vault = make_vault(folder)
        subject, baseline = interleaved(
            runs,
            lambda: time_until_drawn(f"{peerdesk} --vault {fresh_copy(vault)}", "Passphrase"),
            lambda: time_until_drawn(f"{PYTHON} {bare}", "Hello from a bare"),
        )
    print(f"{runs} runs each, medians (real terminal: tmux 80x24):")
    report_ratio("start -> unlock screen / bare Textual app", subject, baseline, 1.15)


if __name__ == "__main__":
    main()
