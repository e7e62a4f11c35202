"""A crashing peerdesk leaves no core file, even under `ulimit -c unlimited`.

A core would hold the passphrase and any note the process showed. The child is a
real `python -m peerdesk ...` on a pty, started with RLIMIT_CORE unlimited, crashed
by a signal while it waits (at the TUI's unlock screen, or at init's prompt). While
it runs, /proc shows its core limit is 0; when /proc/sys/kernel/core_pattern writes
plain files, the crash leaves none, while a plain Python crashed the same way does.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.support import pty_child
from tests.support.cli import lines
from tests.support.pty_child import PtyChild, child_env

CORE_PATTERN = Path("/proc/sys/kernel/core_pattern")
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def core_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith("core")]


def writes_plain_core_files() -> bool:
    """False when cores go to a handler (`|/usr/share/apport/...`) or elsewhere."""
    pattern = CORE_PATTERN.read_text().strip()
    return not pattern.startswith("|") and "/" not in pattern


def core_limit(pid: int) -> tuple[str, str]:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            soft, hard = line.split()[4:6]
            return soft, hard
    raise AssertionError("no core limit line")


def unlimited_cores() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


@pytest.fixture
def closed_vault(vault_path: Path) -> Path:
    Vault.create(vault_path, PASSPHRASE).close()
    return vault_path


def crash(child: PtyChild, sig: signal.Signals) -> None:
    os.kill(child.pid, sig)
    assert child.process.wait(timeout=30) == -int(sig)


def shown(text: bytes) -> Callable[[PtyChild], bool]:
    return lambda child: text in child.output


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "waiting_for", "sig"),
    [
        (["--vault", "{vault}"], pty_child.UNLOCK_DRAWN, signal.SIGSEGV),
        (["--vault", "{vault}", "init"], messages.PROMPT_NEW_PASSPHRASE.encode(), signal.SIGABRT),
    ],
    ids=["tui-locked-sigsegv", "init-prompt-sigabrt"],
)
def test_a_crashed_peerdesk_leaves_no_core(
    closed_vault: Path,
    tmp_path: Path,
    args: list[str],
    waiting_for: bytes,
    sig: signal.Signals,
) -> None:
    fresh = tmp_path / "new" / "vault.peerdesk"
    vault = closed_vault if "init" not in args else fresh
    crash_dir = tmp_path / "cwd"
    crash_dir.mkdir()
    argv = [a.format(vault=vault) for a in args]
    child = pty_child.start(argv, crash_dir, core_unlimited=True)
    try:
        pty_child.wait_for_all([child], shown(waiting_for), timeout=30)
        assert core_limit(child.pid) == ("0", "0")
        crash(child, sig)
    finally:
        child.stop()
    if writes_plain_core_files():
        assert core_files(crash_dir) == []


@pytest.mark.slow
def test_the_check_would_see_a_core(tmp_path: Path) -> None:
    """Control: plain Python, same limit, same crash, does leave a core here."""
    if not writes_plain_core_files():
        pytest.skip("core_pattern hands cores to a collector, not to a file here")
    sleeper = subprocess.Popen(
        [sys.executable, "-c", "import time; print('up', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE,
        cwd=tmp_path,
        env=child_env(),
        preexec_fn=unlimited_cores,
    )
    assert sleeper.stdout is not None and sleeper.stdout.readline() == b"up\n"
    os.kill(sleeper.pid, signal.SIGSEGV)
    sleeper.wait(timeout=30)
    sleeper.stdout.close()
    found = core_files(tmp_path)
    for core in found:
        core.unlink()
    if not found:
        pytest.skip("this system writes no core even for plain Python (container limits)")


@pytest.mark.slow
def test_doctor_in_a_real_process_reports_core_dumps_off(closed_vault: Path) -> None:
    """doctor measures its own process (PR_GET_DUMPABLE, RLIMIT_CORE) after main() ran."""
    argv = ["-m", "peerdesk", "--vault", str(closed_vault), "doctor", "--passphrase-stdin"]
    result = subprocess.run(
        [sys.executable, *argv],
        input=lines(PASSPHRASE),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
        check=False,
        preexec_fn=unlimited_cores,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = messages.DOCTOR_LINE.format(
        mark=messages.DOCTOR_OK_MARK,
        label=messages.DOCTOR_CORE_DUMPS,
        detail=messages.DOCTOR_CORE_DUMPS_OFF,
    )
    assert line in result.stdout
