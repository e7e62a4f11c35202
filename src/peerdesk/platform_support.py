"""Everything peerdesk does differently per operating system, in one place.

The rest of the code never asks which system it runs on: it calls these functions.
What differs:

- **Core dumps.** A crashed process would write its memory (the passphrase, notes it
  showed) to a core file. `harden_process` turns that off as the first thing the
  `peerdesk` command does: Linux sets RLIMIT_CORE to 0 and marks the process
  non-dumpable (`prctl(PR_SET_DUMPABLE, 0)`, which also covers a core_pattern that
  pipes to a crash collector, and keeps other processes of the same user from
  attaching a debugger); macOS sets RLIMIT_CORE to 0; Windows writes no dump unless
  an administrator configured one, so there is nothing to switch off here.
- **The instance lock**: `flock` on POSIX, `msvcrt.locking` on Windows.
- **Lock signals**: SIGTERM, SIGHUP and SIGINT on POSIX (Windows delivers none of
  them to an asyncio loop).
- **Private folders and files**: 0700 / 0600 on POSIX; on Windows the user's profile
  folders are private through their ACLs, so there is no mode to set. The standard
  library can neither read nor set an ACL (that needs pywin32), so peerdesk relies
  on the profile folder's own ACL there and says so (`docs/platforms.md`, `doctor`).
- **Making a rename durable**: fsync of the folder on POSIX; Windows cannot open a
  folder as a file, and NTFS journals the rename itself.
- **Dying at once** (the crash seam of the fault tests): SIGKILL on POSIX,
  TerminateProcess on Windows.

Core: imports nothing from Textual or typer, and only standard modules the start
already loaded (no dataclasses or signal; pathlib only for types), because `harden_process`
runs first on the measured start-up path: about 1.3 ms, most of it loading ctypes.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import signal
    from pathlib import Path

PR_GET_DUMPABLE = 3  # <linux/prctl.h>
PR_SET_DUMPABLE = 4
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Whether permission bits decide who can read a file. On Windows `os.chmod` only
# sets the read-only flag, and `stat` makes modes up from it.
MODES_MEAN_PRIVACY = sys.platform != "win32"
# os.open flag that keeps a file descriptor out of child processes.
if sys.platform == "win32":
    NO_INHERIT = os.O_NOINHERIT
else:
    NO_INHERIT = os.O_CLOEXEC


class CoreDumps:
    """Whether this process could write a core file, as measured (not as intended).

    `off` is None where the system has no such thing to check (Windows). `missing`
    names a step that could not be taken (e.g. prctl not found), so doctor can say so.
    A plain class: a dataclass or NamedTuple would cost start-up time (see above).
    """

    def __init__(
        self,
        *,
        off: bool | None,
        limit: int | None,  # the soft RLIMIT_CORE, None where there is none
        dumpable: bool | None,  # Linux's PR_GET_DUMPABLE, None elsewhere
        missing: str | None = None,
        hardened: bool = False,  # harden_process ran in this process
    ) -> None:
        self.off, self.limit, self.dumpable = off, limit, dumpable
        self.missing, self.hardened = missing, hardened

    def __repr__(self) -> str:
        return f"CoreDumps(off={self.off}, limit={self.limit}, dumpable={self.dumpable})"


# What harden_process did, for doctor. Module state on purpose: it is a fact about
# this process, like its limits, not a connection or a service.
_hardened = False
_missing: str | None = None


def harden_process() -> None:
    """Turn core dumps off for this process and its children; never raises.

    Cheap on purpose (about 1.3 ms, mostly loading ctypes): it runs before anything
    else in `peerdesk.cli.main`. A step that fails is remembered, not raised: the
    peer still gets their app, and `peerdesk doctor` reports what is missing.
    """
    global _hardened, _missing
    _hardened = True
    if sys.platform == "win32":
        return
    import resource

    try:
        # The hard limit too: nothing later in this process (or a child) can raise it.
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError) as exc:
        _missing = f"RLIMIT_CORE: {exc}"
    if sys.platform.startswith("linux"):
        problem = _prctl(PR_SET_DUMPABLE, 0)
        if problem is not None:
            _missing = problem


def core_dumps() -> CoreDumps:
    """Measure whether a crash of this process could leave a core file."""
    if sys.platform == "win32":
        return CoreDumps(off=None, limit=None, dumpable=None, hardened=_hardened)
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_CORE)
    dumpable: bool | None = None
    missing = _missing
    if sys.platform.startswith("linux"):
        flag = _prctl_get_dumpable()
        if flag is None:
            missing = missing or "prctl"
        else:
            dumpable = flag != 0
    off = soft == 0 and dumpable is not True
    return CoreDumps(off=off, limit=soft, dumpable=dumpable, missing=missing, hardened=_hardened)


def _libc_prctl() -> Callable[..., int] | None:
    """libc's prctl, or None (no ctypes, a static or unusual libc). About 1 ms."""
    try:
        import ctypes

        found: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError, ImportError):
        return None
    return found


def _prctl(option: int, value: int) -> str | None:
    """Call prctl(option, value); what went wrong, for doctor, if it could not be done."""
    prctl = _libc_prctl()
    if prctl is None:
        return "prctl not found in libc"
    if prctl(option, value, 0, 0, 0) != 0:
        import ctypes

        return f"prctl: {os.strerror(ctypes.get_errno())}"
    return None


def _prctl_get_dumpable() -> int | None:
    prctl = _libc_prctl()
    if prctl is None:
        return None
    answer = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    return answer if answer >= 0 else None


# --- the instance lock ------------------------------------------------------------
def try_lock(fd: int) -> bool:
    """Take an exclusive lock on an open file without waiting; False if another has it.

    A lock belongs to the open file description, so two opens of one file conflict
    even inside one process, and the kernel drops the lock when the process dies.
    """
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(fd: int) -> None:
    """Let go of a lock taken with try_lock (closing the file does it too)."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


# --- leaving -----------------------------------------------------------------------
def exit_after(seconds: float, code: int) -> None:
    """End the process with `code` in `seconds` unless it has ended by then.

    For a hang-up: Python's own shutdown joins threads and flushes a terminal that may
    be gone; `os._exit` skips all of that, so call it only once nothing is left to
    save (the vault closed).
    """

    import threading

    def watchdog() -> None:
        threading.Event().wait(seconds)
        os._exit(code)

    threading.Thread(target=watchdog, name="exit watchdog", daemon=True).start()


# --- signals ------------------------------------------------------------------------
def lock_signals() -> tuple[signal.Signals, ...]:
    """The signals on which the app keeps the open form, closes the vault and exits.

    SIGTERM (shutdown, `kill`), SIGHUP (the terminal went away) and SIGINT (`kill
    -INT`; in the app ctrl+c is a key, not a signal). Empty on Windows, where an
    asyncio loop cannot take signal handlers.
    """
    import signal

    if sys.platform == "win32":
        return ()
    return (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def hang_up_signal() -> signal.Signals | None:
    """The signal that means "the terminal is gone", where there is one."""
    import signal

    if sys.platform == "win32":
        return None
    return signal.SIGHUP


# --- private folders ------------------------------------------------------------------
def folder_is_private(folder: Path) -> bool:
    """True if no other user can list or enter the folder (always true on Windows)."""
    if sys.platform == "win32":
        return True
    return stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


def make_folder_private(folder: Path) -> None:
    """Tighten an existing folder to owner-only (0700); nothing to do on Windows."""
    if sys.platform == "win32":
        return
    os.chmod(folder, PRIVATE_DIR_MODE)


def make_open_file_private(fd: int) -> None:
    """Make an open file owner-only (0600), e.g. a temp file before its first byte.

    Windows has no `os.fchmod` before Python 3.13, and a mode would not keep others
    out there anyway (see the module docstring).
    """
    if sys.platform == "win32":
        return
    os.fchmod(fd, PRIVATE_FILE_MODE)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut.

    POSIX: fsync the folder itself (`O_DIRECTORY`). Windows: a no-op, because
    `os.open` cannot open a folder there and NTFS journals the rename itself.
    """
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def die_now() -> None:
    """End this process at once, as a crash would: no cleanup, no flush, no atexit.

    For the fault tests' crash seam. SIGKILL on POSIX; on Windows `os.kill` on one's
    own process calls TerminateProcess, the nearest thing.
    """
    import signal

    if sys.platform == "win32":
        os.kill(os.getpid(), signal.SIGTERM)
    else:
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(137)  # not reached; keeps the promise if a kill ever returned


# --- what doctor shows ------------------------------------------------------------------
def platform_facts() -> str:
    """One line of the platform facts the rest of this module relies on, for doctor.

    So a first run on a new system (a Windows laptop, a car terminal) shows which
    branch of each difference it took, without anyone reading this file.
    """
    import platform

    signals = ", ".join(sig.name for sig in lock_signals()) or "none"
    if sys.platform == "win32":
        lock, private, sync = "msvcrt.locking", "profile folder ACL (not set by peerdesk)", "none"
    else:
        lock, private, sync = "flock", "modes 0600/0700", "fsync of the folder"
    return (
        f"{platform.system()} {platform.release()} {platform.machine()}, "
        f"Python {platform.python_version()}; instance lock: {lock}; "
        f"lock signals: {signals}; private files: {private}; rename durability: {sync}"
    )
