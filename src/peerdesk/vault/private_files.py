"""The vault's files on disk: a private folder, a file that is 0600 from its first
byte, and the -wal/-shm pair a read-only open leaves behind. Owned by Vault."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from peerdesk import messages
from peerdesk.platform_support import MODES_MEAN_PRIVACY, folder_is_private, make_folder_private
from peerdesk.vault.errors import VaultCannotOpen, VaultExists

DIR_MODE = 0o700
FILE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> str | None:
    """Make sure the vault's folder exists and only its owner can enter it.

    Creates it 0700, or tightens an existing one that others could list or enter
    (its file names and -wal sizes say when a peer worked). Returns the sentence
    saying what was done (None when the folder was already private); a folder that
    cannot be made private (someone else's, say) raises VaultCannotOpen.
    """
    folder = path.parent
    try:
        if not folder.is_dir():
            folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            created = (
                messages.VAULT_FOLDER_CREATED
                if MODES_MEAN_PRIVACY
                else messages.VAULT_FOLDER_CREATED_ACL
            )
            return created.format(folder=folder)
        if folder_is_private(folder):
            return None
        mode = f"{stat.S_IMODE(folder.stat().st_mode):04o}"
    except OSError as exc:
        raise VaultCannotOpen(
            messages.VAULT_CANNOT_CREATE.format(path=path, reason=exc.strerror)
        ) from None
    try:
        make_folder_private(folder)
    except OSError as exc:
        raise VaultCannotOpen(
            messages.VAULT_FOLDER_NOT_PRIVATE.format(folder=folder, mode=mode, reason=exc.strerror)
        ) from None
    return messages.VAULT_FOLDER_TIGHTENED.format(folder=folder, mode=mode)


def create_private_file(path: Path) -> None:
    """Create the empty vault file ourselves so it is 0600 from its first byte."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        raise VaultExists(messages.VAULT_EXISTS.format(path=path)) from None
    except OSError as exc:
        raise VaultCannotOpen(
            messages.VAULT_CANNOT_CREATE.format(path=path, reason=exc.strerror)
        ) from None
    os.close(fd)


def file_mode(path: Path) -> int:
    """Permission bits of a path, for doctor and tests."""
    return stat.S_IMODE(path.stat().st_mode)


def remove_empty_wal(path: Path) -> None:
    """A read-only open of a WAL-mode file creates -wal/-shm and cannot delete them on
    close; remove the pair when the -wal is empty (a reader never writes frames). Safe
    while we hold the instance lock: no other peerdesk has the vault open, and an empty
    -wal holds nothing a later open would need. A -wal with frames is left alone."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)
    except OSError:
        pass  # only tidiness: the next open deals with them
