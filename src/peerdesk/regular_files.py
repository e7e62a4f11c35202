"""Read a file someone handed over, refusing anything that is not a plain file.

A FIFO given as a month file or as FILE.minisig would make `open()` wait forever (and
freeze the app with the vault open); a device never ends. So the file is opened
without blocking, checked to be a regular file on the open descriptor (no race with
a rename), and read up to a limit. Standard library only.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotARegularFile(OSError):
    """A FIFO, device, socket or folder where a file was expected."""


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file at `path` (so a caller can tell
    "too big"); OSError as open() raises it, NotARegularFile for anything else."""
    fd = os.open(path, _FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
