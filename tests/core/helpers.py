"""Small tools the core tests share: hashing, open-handle listings, child runs.

They read the real file system and /proc (Linux), so the tests prove what is on disk
and what the process holds, not what the code believes it did.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerdesk.vault import Vault

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child_vault.py"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def sha256(path: Path) -> str:
    """Fingerprint a file so a test can prove nothing rewrote it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_targets() -> dict[int, str]:
    """What every file descriptor of this process points at (fd -> resolved target)."""
    targets: dict[int, str] = {}
    for name in os.listdir("/proc/self/fd"):
        try:
            targets[int(name)] = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # the fd used by listdir itself is gone by now
    return targets


def vault_family(vault_path: Path) -> set[str]:
    """The vault file and its SQLite side files, as /proc/self/fd would name them."""
    base = str(vault_path.resolve())
    return {base, *(base + suffix for suffix in SIDE_SUFFIXES)}


def start_child(mode: str, vault_path: Path, env_extra: dict[str, str]) -> subprocess.Popen[str]:
    """Run tests/core/child_vault.py; secrets go through the environment, never argv."""
    env = dict(os.environ)
    env.update(env_extra)
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(vault_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def kill_9_while_writing(mode: str, vault_path: Path, passphrase: str) -> None:
    """Start a writing child, let it write a moment, then kill -9 it wherever it is."""
    child = start_child(mode, vault_path, {"CHILD_PASSPHRASE": passphrase})
    wait_for_line(child, "writing")
    time.sleep(random.uniform(0.0, 0.2))
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL


def wait_for_line(child: subprocess.Popen[str], expected: str) -> None:
    """Block until the child prints `expected`; fail with its stderr if it died first."""
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    if line != expected:
        child.kill()
        _out, err = child.communicate()
        raise AssertionError(f"child said {line!r} instead of {expected!r}; stderr: {err}")


def add_contacts(vault: Vault, count: int) -> None:
    """`count` plain contacts (no note, no handle), one transaction each."""
    from peerdesk import vocab
    from peerdesk.models.contacts import ContactFields
    from peerdesk.vault.logbook import save_contact

    fields = ContactFields(
        contact_date=date(2026, 3, 1),
        topics=(vocab.ids(vocab.TOPICS)[0],),
        mode=vocab.ids(vocab.MODES)[0],
        initiated_by=vocab.ids(vocab.INITIATED_BY)[0],
        minutes=vocab.MINUTE_PRESETS[0],
        head_count=1,
        risk=vocab.ids(vocab.RISKS)[0],
        outcome=vocab.ids(vocab.OUTCOMES)[0],
        critical_incident=False,
        note=None,
        handle=None,
    )
    for _ in range(count):
        save_contact(vault, fields, today=date(2026, 3, 2))
