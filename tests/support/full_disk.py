"""A real full disk for tests: a small tmpfs of the test's own, filled to the last byte.

SQLite then answers SQLITE_FULL by itself and a file write ENOSPC, with no stub. The
mount needs root; where it is not permitted, the test is skipped, saying why.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FILLER = "filler"


@contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at folder/disk for the block's time."""
    mount_point = folder / "disk"
    mount_point.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mount_point)],
            capture_output=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"a real full disk needs a tmpfs mount, which failed here: {exc}")
    if done.returncode != 0:
        pytest.skip(f"a real full disk needs a tmpfs mount (root): {done.stderr.decode()!r}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, timeout=10)


def fill(folder: Path, leave: int) -> None:
    """Fill the filesystem to the last byte, then free `leave` bytes: nearly full.

    The room left lets a vault open (its -wal and -shm files) and then runs out while
    something writes.
    """
    filler = folder / FILLER
    with filler.open("wb", buffering=0) as out:
        for size in (1 << 16, 1 << 12, 512, 1):
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    os.truncate(filler, max(0, filler.stat().st_size - leave))


def free(folder: Path) -> None:
    """Give back everything `fill` took."""
    (folder / FILLER).unlink()
