"""The one canary scanner: which files on disk hold a secret a test planted.

Shared temp folders (/tmp, /var/tmp) belong to the whole machine: other people's
FIFOs, sockets and devices live there, and reading a FIFO with no writer blocks
forever. So only regular files are read (found with lstat, never following a link),
in chunks, and a scan of a shared folder can be bounded to files changed since the
test started.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

_CHUNK = 1 << 20


# The temp folder this process started with: SQLite reads TMPDIR once, at its first use
# in the process, so it keeps spilling there after a test points TMPDIR at its own folder.
_PROCESS_TEMP = Path(os.environ.get("TMPDIR") or "/tmp")


def shared_temp_folders() -> list[Path]:
    """Where SQLite or Python could spill a temp file outside the test's own folders:
    today's tempfile folder, the one the process started with, /tmp and /var/tmp."""
    found = {Path(tempfile.gettempdir()), _PROCESS_TEMP, Path("/tmp"), Path("/var/tmp")}
    return sorted(path for path in found if path.is_dir())


def regular_files(roots: Iterable[Path], *, since: float | None = None) -> Iterator[Path]:
    """Every regular file under the roots (changed at or after `since`, if given).

    Symlinks, FIFOs, sockets and devices are skipped; so are files that vanish or
    cannot be read while walking (another process's temp files).
    """
    for root in roots:
        for folder, _dirs, names in os.walk(root, followlinks=False):
            for name in names:
                path = Path(folder) / name
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    continue
                if since is not None and info.st_mtime < since - 1:
                    continue
                yield path


def file_contains(path: Path, needles: Iterable[bytes]) -> bytes | None:
    """The first needle found in the file (read in overlapping chunks), or None."""
    wanted = list(needles)
    overlap = max(len(n) for n in wanted) - 1
    tail = b""
    try:
        # O_NONBLOCK: should the file have become a FIFO since lstat, open does not wait.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                window = tail + chunk
                for needle in wanted:
                    if needle in window:
                        return needle
                tail = window[-overlap:] if overlap else b""
        except OSError:
            return None
    return None


def files_containing(
    roots: Iterable[Path], needles: Iterable[bytes | str], *, since: float | None = None
) -> list[Path]:
    """Every regular file under the roots that holds any of the needles."""
    wanted = [n.encode() if isinstance(n, str) else n for n in needles]
    return [p for p in regular_files(roots, since=since) if file_contains(p, wanted) is not None]


def files_holding(
    needles: Iterable[bytes | str], own_folders: Iterable[Path], *, since: float
) -> list[Path]:
    """Files holding a needle: anywhere in the test's own folders, or in the shared temp
    folders among files changed since the test started (what other people keep there
    is theirs, and reading all of it is slow)."""
    wanted = list(needles)
    return files_containing(own_folders, wanted) + files_containing(
        shared_temp_folders(), wanted, since=since
    )
