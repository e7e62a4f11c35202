"""Every peerdesk module imports where Windows' pieces are missing, and picks them.

These machines run Linux only, so Windows is approached from two sides that can run
here: mypy type-checks `src` as win32 and darwin in the test command (typeshed
knows which names each system lacks), and this test imports every module of the
package in a child Python that has lost `fcntl`, `termios`, `resource`, SIGHUP and
the other POSIX-only names and believes it is "win32" (see `as_windows_child.py`).
What neither proves, a real Windows run must: see docs/platforms.md.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import peerdesk
from peerdesk import messages

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
PACKAGE = SRC / "peerdesk"
CHILD_ENV_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
# Names that only exist (or only mean something) on some systems. platform_support
# owns them; anywhere else they are a Windows or macOS break waiting to happen.
PLATFORM_MODULES = {"fcntl", "termios", "tty", "pty", "resource", "msvcrt", "winreg", "pwd", "grp"}
PLATFORM_ATTRIBUTES = {
    ("sys", "platform"),
    ("os", "name"),
    ("os", "O_DIRECTORY"),
    ("os", "O_CLOEXEC"),
    ("os", "O_NOINHERIT"),
    ("os", "fchmod"),
    ("os", "getuid"),
    ("os", "geteuid"),
    ("signal", "SIGHUP"),
    ("signal", "SIGKILL"),
    ("signal", "SIGQUIT"),
    ("signal", "SIGUSR1"),
    ("signal", "SIGALRM"),
    ("platform", "system"),
}


def all_modules() -> list[str]:
    """Every module of the package, found the way the child finds them."""
    return sorted(info.name for info in pkgutil.walk_packages(peerdesk.__path__, "peerdesk."))


def child_env(tmp_path: Path) -> dict[str, str]:
    import os

    env = {key: os.environ[key] for key in CHILD_ENV_KEEP if key in os.environ}
    env.update(PYTHONPATH=str(SRC), HOME=str(tmp_path / "home"))
    env["PEERDESK_CONFIG_DIR"] = str(tmp_path / "config")
    return env


def stdlib_loaded_by_imports(tmp_path: Path) -> list[str]:
    """The standard library modules a plain import of every peerdesk module loads."""
    script = (
        "import importlib, json, pkgutil, sys\n"
        "import peerdesk\n"
        "for info in pkgutil.walk_packages(peerdesk.__path__, 'peerdesk.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(n for n in sys.modules\n"
        "    if n.split('.')[0] in sys.stdlib_module_names)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=child_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    names: list[str] = json.loads(done.stdout)
    return names


@pytest.mark.slow
def test_every_module_imports_as_windows_and_platform_support_picks_windows(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "private"
    folder.mkdir()
    stdlib = stdlib_loaded_by_imports(tmp_path)
    done = subprocess.run(
        [sys.executable, str(HERE / "as_windows_child.py"), str(folder), *stdlib],
        capture_output=True,
        text=True,
        env=child_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)

    assert found["failed"] == {}
    expected = all_modules()
    assert len(expected) > 50, "walk_packages found too few modules to mean anything"
    assert sorted(found["imported"]) == expected
    # Nothing peerdesk or its dependencies import needs the POSIX-only modules.
    assert found["blocked_loaded"] == []
    assert set(found["skipped_stdlib"]) <= {"fcntl", "termios", "resource", "tty", "pty"}
    # platform_support took its Windows branch everywhere.
    assert found["lock_signals"] == []
    assert found["hang_up_signal"] is False
    assert found["core_dumps_off"] is None
    assert found["modes_mean_privacy"] is False
    assert found["no_inherit_is_windows"] is True
    assert found["folder_is_private"] is True
    assert found["locked"] is True
    assert found["msvcrt_calls"] == [[2, 1], [0, 1]]  # LK_NBLCK then LK_UNLCK, one byte
    assert "instance lock: msvcrt.locking" in found["facts"]
    assert "lock signals: none" in found["facts"]
    # ... and says so, instead of promising a 0700 folder.
    new_folder = tmp_path / "private" / "new"
    assert found["folder_created"] == messages.VAULT_FOLDER_CREATED_ACL.format(folder=new_folder)


def platform_specific_uses(path: Path) -> list[str]:
    """`module.attribute` and imports in `path` that differ between systems."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in PLATFORM_ATTRIBUTES:
                found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
        elif isinstance(node, ast.Import):
            found += [
                f"{node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name.split(".")[0] in PLATFORM_MODULES
            ]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in PLATFORM_MODULES
        ):
            found.append(f"{node.lineno}: from {node.module} import ...")
    return found


def test_only_platform_support_branches_on_the_platform() -> None:
    """A new `sys.platform` check or `import fcntl` elsewhere fails here, not on Windows."""
    offenders = {
        str(path.relative_to(SRC)): uses
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "platform_support.py" and (uses := platform_specific_uses(path))
    }
    assert offenders == {}


def test_platform_support_itself_is_seen_by_the_scan() -> None:
    """The scan above would find the differences if they were anywhere else."""
    uses = platform_specific_uses(PACKAGE / "platform_support.py")
    assert any("sys.platform" in use for use in uses)
    assert any("import fcntl" in use for use in uses)
