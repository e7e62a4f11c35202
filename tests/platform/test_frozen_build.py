"""The PyInstaller recipe (packaging/peerdesk.spec) builds a peerdesk that runs alone.

Built here on Linux into tmp_path, then run with a PATH that holds no Python and an
environment with nothing of this checkout in it: `--version`, `init` and `doctor`
on a fresh vault in a folder with a space and non-ASCII letters, and the TUI drawn
on a pty (which needs Textual's driver and peerdesk's app.tcss inside the build),
then locked and left with SIGTERM. The same spec is meant for Windows and macOS
build hosts; no such host has run it (docs/platforms.md).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import __version__, messages
from tests.conftest import PASSPHRASE
from tests.support.pty_child import PtyChild, unlock_drawn, wait_for_all

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "peerdesk.spec"
# Only a guard against a hung build (measured here: 13-19 s, cache cold or warm); the
# build's time is not judged by the suite, whose machines are shared and noisy.
BUILD_HANG_SECONDS = 600

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install -e '.[build]'); frozen build not run",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds and runs on Linux"),
]


@pytest.fixture(scope="module")
def frozen(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once for the module; the path of the built `peerdesk` program."""
    out = tmp_path_factory.mktemp("frozen")
    cache = getattr(pytestconfig, "cache", None)  # None with `-p no:cacheprovider`
    env = dict(
        os.environ,
        # PyInstaller's own cache (analysed binaries), kept in pytest's cache folder.
        PYINSTALLER_CONFIG_DIR=str(
            cache.mkdir("pyinstaller") if cache is not None else out / "pyinstaller-cache"
        ),
    )
    env.pop("PYTHONPATH", None)  # the spec puts this checkout's src first itself
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=out,
        timeout=BUILD_HANG_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    program = out / "dist" / "peerdesk" / "peerdesk"
    assert program.is_file()
    return program


def bare_env(tmp_path: Path) -> dict[str, str]:
    """No Python on PATH, no PYTHONPATH, a home of its own."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {
        "PATH": str(empty),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "PEERDESK_CONFIG_DIR": str(tmp_path / "config"),
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run(program: Path, env: dict[str, str], *args: str, stdin: str = "") -> tuple[int, str]:
    done = subprocess.run(
        [str(program), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout + done.stderr


def test_the_build_carries_its_data_files(frozen: Path) -> None:
    inside = frozen.parent / "_internal"
    assert (inside / "peerdesk" / "tui" / "app.tcss").is_file()
    # Every migration, the Python ones too: the vault finds them by listing the folder.
    built = sorted(p.name for p in (inside / "peerdesk" / "vault" / "migrations").glob("0*"))
    source = sorted(p.name for p in (ROOT / "src/peerdesk/vault/migrations").glob("0*"))
    assert built == source
    assert list((inside / "sqlcipher3").glob("_sqlite3*"))  # the compiled SQLCipher


def test_version_and_doctor_without_python(frozen: Path, tmp_path: Path) -> None:
    env = bare_env(tmp_path)
    code, out = run(frozen, env, "--version")
    assert (code, out.strip()) == (0, messages.VERSION_LINE.format(version=__version__))

    vault = tmp_path / "Ärzte Team" / "vault.peerdesk"
    code, out = run(
        frozen, env, "--vault", str(vault), "init", "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert code == 0, out
    code, out = run(
        frozen, env, "--vault", str(vault), "doctor", "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert code == 0, out
    assert messages.DOCTOR_ALL_OK in out
    assert f"{messages.DOCTOR_PLATFORM}: Linux" in out
    assert "instance lock: flock" in out


def test_team_keys_seal_and_merge_without_python(frozen: Path, tmp_path: Path) -> None:
    """The libraries of team keys (pyrage, cryptography) and of the audit (highspy and
    numpy) are in the build: a lead makes keys, seals its month and merges it."""
    env = bare_env(tmp_path)
    vault = tmp_path / "lead" / "vault.peerdesk"
    line = PASSPHRASE + "\n"
    steps = [
        ["init"],
        ["team", "create"],
        ["report", "month", "2026-11", "--format", "json", "-o", str(tmp_path / "m.age")],
        ["report", "merge", str(tmp_path / "m.age"), "--format", "json"],
    ]
    for step in steps:
        code, out = run(frozen, env, "--vault", str(vault), *step, "--passphrase-stdin", stdin=line)
        assert code == 0, (step, out)
    assert (tmp_path / "m.age").read_bytes().startswith(b"age-encryption.org/v1")
    assert '"contacts"' in out


def test_the_app_draws_and_locks_without_python(frozen: Path, tmp_path: Path) -> None:
    import fcntl
    import struct
    import termios

    env = bare_env(tmp_path)
    vault = tmp_path / "vault folder" / "vault.peerdesk"
    code, out = run(
        frozen, env, "--vault", str(vault), "init", "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert code == 0, out
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [str(frozen), "--vault", str(vault)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    os.set_blocking(master, False)
    child = PtyChild(process, master)
    try:
        wait_for_all([child], unlock_drawn, timeout=30)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 128 + signal.SIGTERM
        child.read_available()
        assert b"Traceback" not in child.output
    finally:
        child.stop()
