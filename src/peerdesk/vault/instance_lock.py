"""One peerdesk per vault, enforced with flock on a sidecar file.

The lock lives beside the vault, not on it, so that a locked (closed) vault holds no
file descriptor on the vault itself while the app still owns it. The sidecar is empty:
it says nothing about anyone.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from peerdesk import messages
from peerdesk.paths import lock_path_for
from peerdesk.vault.errors import VaultBusy


class InstanceLock:
    """Held from the moment a process claims a vault until it lets go."""

    def __init__(self, vault_path: Path) -> None:
        self.vault_path = vault_path
        self.path = lock_path_for(vault_path)
        self._fd: int | None = None

    @classmethod
    def acquire(cls, vault_path: Path) -> InstanceLock:
        """Take the lock or raise VaultBusy at once (never waits)."""
        lock = cls(vault_path)
        lock._take()
        return lock

    def _take(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise VaultBusy(messages.VAULT_BUSY) from None
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let go; safe to call twice."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
