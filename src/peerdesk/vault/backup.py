"""Verified encrypted backups, and restores that either finish or change nothing.

A backup is written by SQLCipher itself (ATTACH .. KEY + sqlcipher_export) under a
temporary name, checked, fsynced, and only then renamed into place. The live file
is never copied: a copy could catch it half-written.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from peerdesk import messages
from peerdesk.vault.errors import (
    BackupError,
    RestoreError,
    VaultError,
)
from peerdesk.vault.instance_lock import InstanceLock
from peerdesk.vault.sqlcipher import (
    DatabaseError,
    connect,
    integrity_problems,
    normalise_passphrase,
)
from peerdesk.vault.store import FILE_MODE, SIDE_FILES, Vault, table_counts


def _temp_sibling(path: Path, purpose: str) -> Path:
    return path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(4)}")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(str(path) + suffix).unlink(missing_ok=True)


def verify_copy(path: Path, passphrase: str, expected_counts: dict[str, int] | None) -> int:
    """Open a backup, run both integrity checks, compare row counts; return user_version."""
    had_side_files = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    try:
        conn = connect(path, passphrase, mode="ro")
        try:
            problems = integrity_problems(conn)
            if problems:
                raise BackupError(
                    messages.BACKUP_VERIFY_FAILED.format(reason="; ".join(problems[:3]))
                )
            if expected_counts is not None and table_counts(conn) != expected_counts:
                raise BackupError(messages.BACKUP_VERIFY_FAILED.format(reason="row counts differ"))
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    finally:
        if not had_side_files:
            _remove_empty_wal(path)


def _remove_empty_wal(path: Path) -> None:
    """A read-only open of a WAL-mode file creates -wal/-shm and cannot delete them on
    close; remove the pair when the -wal is still empty (a reader never writes frames)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists() and wal.stat().st_size > 0:
        return
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)


def backup(vault: Vault, dest: Path, passphrase: str | None = None) -> Path:
    """Write a verified encrypted copy of `vault` to `dest`.

    Without `passphrase` the backup opens with the vault's own passphrase (SQLCipher
    reuses the main key when ATTACH has no KEY), so peerdesk never has to keep it.
    """
    dest = Path(dest).absolute()
    if dest.exists():
        raise BackupError(messages.BACKUP_EXISTS.format(path=dest))
    if not dest.parent.is_dir():
        raise BackupError(messages.BACKUP_FAILED.format(reason=f"no folder {dest.parent}"))
    key = normalise_passphrase(passphrase) if passphrase is not None else None
    tmp = _temp_sibling(dest, "backup")
    conn = vault.conn
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
        if key is None:
            conn.execute("ATTACH DATABASE ? AS peerdesk_backup", (str(tmp),))
        else:
            conn.execute("ATTACH DATABASE ? AS peerdesk_backup KEY ?", (str(tmp), key))
        try:
            conn.execute("SELECT sqlcipher_export('peerdesk_backup')")
            version = vault.schema_version()
            conn.execute(f"PRAGMA peerdesk_backup.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE peerdesk_backup")
        if key is None:
            _verify_attached(vault, tmp)
        else:
            verify_copy(tmp, key, vault.table_counts())
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except (OSError, DatabaseError) as exc:  # SQLite's typed vault errors included
        _remove(tmp)
        raise BackupError(messages.BACKUP_FAILED.format(reason=exc)) from None
    except VaultError:
        _remove(tmp)
        raise
    except BaseException:
        _remove(tmp)
        raise
    return dest


def _verify_attached(vault: Vault, path: Path) -> None:
    """Verify a backup made under the vault's own key without knowing the passphrase."""
    conn = vault.conn
    conn.execute("ATTACH DATABASE ? AS peerdesk_verify", (f"{path}",))
    try:
        problems = [
            str(r[0])
            for r in conn.execute("PRAGMA peerdesk_verify.quick_check")
            if str(r[0]) != "ok"
        ]
        problems += [
            str(r[0]) for r in conn.execute("PRAGMA peerdesk_verify.cipher_integrity_check")
        ]
        if problems:
            raise BackupError(messages.BACKUP_VERIFY_FAILED.format(reason="; ".join(problems[:3])))
        if table_counts(conn, "peerdesk_verify") != vault.table_counts():
            raise BackupError(messages.BACKUP_VERIFY_FAILED.format(reason="row counts differ"))
    finally:
        conn.execute("DETACH DATABASE peerdesk_verify")


def restore(
    vault_path: Path, backup_path: Path, passphrase: str, *, lock: InstanceLock | None = None
) -> None:
    """Replace the vault with a verified backup, atomically.

    The backup is checked first; the current vault (with its -wal/-shm) is moved
    aside and comes back if anything fails; the restored vault opens with the
    backup's passphrase.
    """
    vault_path = Path(vault_path).absolute()
    backup_path = Path(backup_path).absolute()
    if not backup_path.is_file():
        raise RestoreError(messages.BACKUP_MISSING.format(path=backup_path))
    own_lock = lock is None
    lock = lock or InstanceLock.acquire(vault_path)
    try:
        try:
            verify_copy(backup_path, passphrase, None)
        except VaultError as exc:
            raise RestoreError(
                messages.RESTORE_NOT_VALID.format(path=backup_path, reason=_reason(exc))
            ) from None
        vault_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        staged = _temp_sibling(vault_path, "restore")
        aside = _temp_sibling(vault_path, "before-restore")
        moved: list[tuple[Path, Path]] = []
        swapped = False
        try:
            fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            os.close(fd)
            shutil.copyfile(backup_path, staged)
            _fsync_file(staged)
            verify_copy(staged, passphrase, None)
            for suffix in ("", *SIDE_FILES):
                src = Path(str(vault_path) + suffix)
                if src.exists():
                    dst = Path(str(aside) + suffix)
                    os.replace(src, dst)
                    moved.append((dst, src))
            os.replace(staged, vault_path)
            swapped = True
            _fsync_dir(vault_path.parent)
            verify_copy(vault_path, passphrase, None)
        except BaseException as exc:
            if swapped:
                _remove(vault_path)
            for dst, src in reversed(moved):
                os.replace(dst, src)
            _remove(staged)
            if isinstance(exc, (OSError, DatabaseError, VaultError)):
                raise RestoreError(messages.RESTORE_FAILED.format(reason=_reason(exc))) from None
            raise
        for dst, _src in moved:
            dst.unlink(missing_ok=True)
        _fsync_dir(vault_path.parent)
    finally:
        if own_lock:
            lock.release()


def _reason(exc: BaseException) -> str:
    return str(exc).rstrip(".")
