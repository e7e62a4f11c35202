"""Run as a script: import every peerdesk module as if on Windows; print JSON.

Before the first peerdesk import this process loses what Windows lacks: `fcntl`,
`termios`, `resource`, `tty`, `pty` become unimportable, `signal.SIGHUP` and the
other POSIX-only signals go, so do `os.O_DIRECTORY`, `os.fchmod` and
`os.O_CLOEXEC`; `sys.platform` becomes "win32"; `os.O_NOINHERIT` and a recording
`msvcrt` stand in for the Windows pieces that Linux has not got.

The standard library modules that peerdesk's imports load are imported *first*
(their names come from the command line, measured by a plain import run): they
branch on the platform themselves (`subprocess` would look for `_winapi`,
`asyncio` for `_overlapped`), and on a real Windows Python they are Windows'
own. So what is tested is peerdesk and its dependencies, not a fake stdlib.

One dependency module is stood in for: click's `_winconsole` (typer carries its
own copy of click, `typer._click`), which calls kernel32 through `ctypes.windll`
as it is imported (no such thing exists off Windows). It is click's own Windows
console code, run by click's CI on Windows; the stand-in answers "no console
stream", as click does for a redirected stream.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import sys
import types

BLOCKED = ("fcntl", "termios", "resource", "tty", "pty")
WINDOWS_SIGNALS = {"SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIGBREAK"}
LK_UNLCK, LK_NBLCK = 0, 2  # msvcrt's values
NO_INHERIT_STAND_IN = getattr(os, "O_CLOEXEC", 0)
calls: list[tuple[int, int, int]] = []


def fake_msvcrt() -> types.ModuleType:
    """Records what platform_support asks of msvcrt.locking."""
    module = types.ModuleType("msvcrt")

    def locking(fd: int, mode: int, nbytes: int) -> None:
        calls.append((fd, mode, nbytes))

    module.locking = locking  # type: ignore[attr-defined]
    module.LK_NBLCK, module.LK_UNLCK = LK_NBLCK, LK_UNLCK  # type: ignore[attr-defined]
    return module


CLICK_CONSOLES = ("click._winconsole", "typer._click._winconsole")


def click_console_stand_in(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module._get_windows_console_stream = lambda *_args: None  # type: ignore[attr-defined]
    return module


def become_windows(stdlib: list[str]) -> list[str]:
    for name in BLOCKED:
        sys.modules[name] = None  # type: ignore[assignment]
    skipped = []
    for name in stdlib:
        try:
            importlib.import_module(name)
        except ImportError:
            skipped.append(name)
    for name in [n for n in dir(signal) if n.startswith("SIG") and not n.startswith("SIG_")]:
        if name not in WINDOWS_SIGNALS:
            delattr(signal, name)
    # Windows' O_NOINHERIT (0x80) is O_EXCL here: the stand-in takes the value that
    # means the same on Linux, and with O_CLOEXEC gone only the Windows branch can work.
    os.O_NOINHERIT = NO_INHERIT_STAND_IN  # type: ignore[attr-defined]
    for name in ("O_DIRECTORY", "fchmod", "O_CLOEXEC"):
        if hasattr(os, name):
            delattr(os, name)
    sys.modules["msvcrt"] = fake_msvcrt()
    for name in CLICK_CONSOLES:
        sys.modules[name] = click_console_stand_in(name)
    sys.platform = "win32"
    return skipped


def main() -> None:
    folder, *stdlib = sys.argv[1:]
    skipped = become_windows(stdlib)
    import pkgutil

    import peerdesk

    imported, failed = [], {}
    for info in pkgutil.walk_packages(peerdesk.__path__, "peerdesk."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - reported, the test fails on it
            failed[info.name] = f"{type(exc).__name__}: {exc}"
        else:
            imported.append(info.name)

    from pathlib import Path

    from peerdesk import platform_support as ps

    private = Path(folder)
    ps.harden_process()
    ps.fsync_folder(private)  # would need O_DIRECTORY on the POSIX path
    fd = os.open(private / "lock", os.O_RDWR | os.O_CREAT | ps.NO_INHERIT, 0o600)
    ps.make_open_file_private(fd)  # would need os.fchmod on the POSIX path
    locked = ps.try_lock(fd)
    ps.unlock(fd)
    os.close(fd)
    from peerdesk.vault.private_files import private_folder

    created = private_folder(private / "new" / "vault.peerdesk")
    print(
        json.dumps(
            {
                "imported": imported,
                "failed": failed,
                "skipped_stdlib": skipped,
                "blocked_loaded": [n for n in BLOCKED if sys.modules.get(n) is not None],
                "lock_signals": [s.name for s in ps.lock_signals()],
                "hang_up_signal": ps.hang_up_signal() is not None,
                "core_dumps_off": ps.core_dumps().off,
                "modes_mean_privacy": ps.MODES_MEAN_PRIVACY,
                "no_inherit_is_windows": ps.NO_INHERIT == NO_INHERIT_STAND_IN,
                "folder_is_private": ps.folder_is_private(private),
                "locked": locked,
                "msvcrt_calls": [[mode, nbytes] for _fd, mode, nbytes in calls],
                "facts": ps.platform_facts(),
                "folder_created": created,
            }
        )
    )


if __name__ == "__main__":
    main()
