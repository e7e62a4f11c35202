"""One peerdesk per vault *file*, however it is named: two locks taken together.

Two names for one vault would be two writers, and through a hard link SQLite even
uses a second -wal file and reads stale pages (the classic way a WAL database gets
corrupted). So a process holds both:

1. **The path lock**: a sidecar beside the vault's *resolved* path
   (`vault.peerdesk.lock`). A symlink, `..` or a relative path resolve to the same
   sidecar. It works before the vault exists (first run), which the identity lock
   cannot.
2. **The identity lock**: a sidecar named after the file's (device, inode) in the
   per-user lock folder (`lock_folder()`). Every hard link has the same identity.
   It is taken when the vault exists, and by `cover_file()` once `Vault.create` has
   made it, so a link made to a brand-new vault is refused too.

Both locks live in sidecars, not on the vault, so that a locked (closed) vault holds
no file descriptor on the vault itself while the app still owns it, and SQLite's own
locks on the file are never touched. The sidecars are empty: they say nothing about
anyone, and they are never deleted (deleting a lock file races with a process about
to lock it). The kernel drops both locks when the process ends, however it ends.

Limit: the lock folder follows XDG_STATE_HOME / HOME, so two processes of one user
started with different homes see different identity sidecars; the path lock still
holds for the same path.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from peerdesk import messages
from peerdesk.paths import lock_path_for
from peerdesk.platform_support import NO_INHERIT, try_lock, unlock
from peerdesk.vault.errors import VaultBusy

LOCK_SUBFOLDER = "open-vaults"


def lock_folder() -> Path:
    """The per-user folder of identity sidecars (in platformdirs' user state folder)."""
    import platformdirs

    from peerdesk.paths import APP_NAME

    return platformdirs.user_state_path(APP_NAME, appauthor=False) / LOCK_SUBFOLDER


def identity_lock_path(vault_path: Path) -> Path | None:
    """The identity sidecar of the file at `vault_path`, or None while there is no file."""
    try:
        found = os.stat(vault_path)  # follows symlinks: the identity of the real file
    except FileNotFoundError:
        return None
    if found.st_ino == 0:  # no file identity (some Windows network or FAT drives)
        return None  # the path lock alone guards; one shared sidecar would block all
    return lock_folder() / f"{found.st_dev:x}-{found.st_ino:x}.lock"


class InstanceLock:
    """Held from the moment a process claims a vault until it lets go."""

    def __init__(self, vault_path: Path) -> None:
        self.vault_path = vault_path
        self.path = lock_path_for(Path(vault_path).resolve())
        self.identity_path: Path | None = None
        self._fd: int | None = None
        self._identity_fd: int | None = None

    @classmethod
    def acquire(cls, vault_path: Path) -> InstanceLock:
        """Take the lock or raise VaultBusy at once (never waits)."""
        lock = cls(vault_path)
        lock._fd = _take(lock.path)
        try:
            lock.cover_file()
        except BaseException:
            lock.release()
            raise
        return lock

    def cover_file(self) -> None:
        """Also lock the vault file's identity, once the file exists; VaultBusy if taken.

        `acquire` calls it; `Vault.create` calls it again right after making the file.
        Idempotent while the identity is unchanged.
        """
        wanted = identity_lock_path(self.vault_path)
        if wanted is None or wanted == self.identity_path:
            return
        fd = _take(wanted)
        self._let_go_of_identity()
        self._identity_fd, self.identity_path = fd, wanted

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let go; safe to call twice."""
        self._let_go_of_identity()
        if self._fd is not None:
            _let_go(self._fd)
            self._fd = None

    def _let_go_of_identity(self) -> None:
        if self._identity_fd is not None:
            _let_go(self._identity_fd)
            self._identity_fd, self.identity_path = None, None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _take(sidecar: Path) -> int:
    """Open (creating, private) and lock one sidecar; VaultBusy if someone holds it."""
    sidecar.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(sidecar, os.O_RDWR | os.O_CREAT | NO_INHERIT, 0o600)
    if not try_lock(fd):
        os.close(fd)
        raise VaultBusy(messages.VAULT_BUSY)
    return fd


def _let_go(fd: int) -> None:
    try:
        unlock(fd)
    finally:
        os.close(fd)
