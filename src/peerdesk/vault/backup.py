"""Verified encrypted backups, and restores that never leave the path without a vault.

A backup is written by SQLCipher itself (ATTACH .. KEY + sqlcipher_export) under a
temporary name, proved once (`peerdesk.vault.backup_check`), fsynced, and only then
renamed into place. The live file is never copied: a copy could catch it half-written.
(A damaged vault cannot be exported; `peerdesk.vault.salvage` copies what it can read
instead.)

A restore stages a copy of the backup (with its -wal, if it has one) next to the
vault, brings the copy up to date and verifies it, never opening the backup itself.
It then has the old vault write any changes a crashed session left in its -wal into
its file (a stale write-ahead log next to the new file would be replayed onto it: in
an experiment the result opened with neither passphrase), copies the old vault aside,
and swaps with one `os.replace`: at every instant the path holds the old or the new
vault. See docs/privacy-and-security.md ("Restore").
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from peerdesk import messages
from peerdesk.platform_support import die_now, fsync_folder
from peerdesk.progress import Progress, silent
from peerdesk.vault.backup_check import verify_attached
from peerdesk.vault.backup_check import (
    verify_copy as verify_copy,  # restore's; callers import it here
)
from peerdesk.vault.errors import BackupError, RestoreError, VaultError
from peerdesk.vault.instance_lock import InstanceLock
from peerdesk.vault.leftovers import temp_sibling
from peerdesk.vault.private_files import FILE_MODE, SIDE_FILES
from peerdesk.vault.sqlcipher import (
    DatabaseError,
    Secret,
    VaultKey,
    connect,
    integrity_problems,
    key_for,
)
from peerdesk.vault.sqlite_errors import VaultDamaged, translate_nested
from peerdesk.vault.store import Health, Vault
from peerdesk.vault.transactions import rollback, table_counts

BACKUP_STEPS = 3  # copy, verify, save to disk: what `backup` tells its progress
COPY_SCHEMA = "peerdesk_backup"  # the copy, attached to the vault's connection

CRASH_ENV = "PEERDESK_TEST_CRASH_AT"


def crash_point(name: str) -> None:
    """Test seam: kill this process with SIGKILL at the named step when the variable
    PEERDESK_TEST_CRASH_AT says so; a no-op otherwise. The fault tests use it to prove
    a vault is at the path after a crash at every step of a restore."""
    if os.environ.get(CRASH_ENV) == name:
        die_now()


# The named steps of a restore, in order (the fault tests kill the restore at each).
RESTORE_STEPS = (
    "staging",  # the empty staged file exists
    "staged",  # the backup is copied, fsynced and verified next to the vault
    "set-aside",  # the old vault is copied aside
    "side-files-removed",  # the old vault's (empty) -wal/-shm/-journal are removed
    "swapped",  # os.replace put the new vault at the path
    "verified",  # the restored vault opened and verified at the path
    "cleaned",  # the set-aside copy is gone
)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_fsync_dir = fsync_folder


def _remove(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(str(path) + suffix).unlink(missing_ok=True)


def backup(
    vault: Vault, dest: Path, passphrase: str | None = None, *, progress: Progress = silent
) -> Path:
    """Write a verified encrypted copy of `vault` to `dest`.

    Without `passphrase` the backup opens with the vault's own passphrase (SQLCipher
    reuses the main key when ATTACH has no KEY), so peerdesk never has to keep it.
    `progress` hears each of its three steps (copy, verify, save to disk) as it starts.

    The vault itself gets no whole-file check first: the export reads every page of
    every table through SQLCipher, which refuses a page whose HMAC fails, and counting
    reads an index of each. When a read meets a damaged page the vault is checked whole
    and, if damaged, turned read-only (`vault.health` says so) for the caller to
    salvage; the copy is proved once, by `verify_attached`.
    """
    dest = Path(dest).absolute()
    if dest.exists():
        raise BackupError(messages.BACKUP_EXISTS.format(path=dest))
    if not dest.parent.is_dir():
        raise BackupError(messages.BACKUP_FAILED.format(reason=f"no folder {dest.parent}"))
    # Derived once, with a fresh salt, for both attaches (the copy's and its check's).
    key = VaultKey.for_new_file(passphrase).bound_value if passphrase is not None else None
    tmp = temp_sibling(dest, "backup")
    conn = vault.conn
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
        if key is None:
            conn.execute(f"ATTACH DATABASE ? AS {COPY_SCHEMA}", (str(tmp),))
        else:
            conn.execute(f"ATTACH DATABASE ? AS {COPY_SCHEMA} KEY ?", (str(tmp), key))
        try:
            progress(messages.PROGRESS_BACKUP_COPYING, 0, BACKUP_STEPS)
            counts = _export(vault)
        finally:
            conn.execute(f"DETACH DATABASE {COPY_SCHEMA}")
        progress(messages.PROGRESS_BACKUP_VERIFYING, 1, BACKUP_STEPS)
        verify_attached(conn, tmp, key, counts)
        progress(messages.PROGRESS_BACKUP_SAVING, 2, BACKUP_STEPS)
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
        progress(messages.PROGRESS_BACKUP_SAVING, BACKUP_STEPS, BACKUP_STEPS)
    except (OSError, DatabaseError) as exc:  # SQLite's typed vault errors included
        _remove(tmp)
        raise BackupError(messages.BACKUP_FAILED.format(reason=_reason(exc))) from None
    except BaseException:
        _remove(tmp)
        raise
    return dest


def _export(vault: Vault) -> dict[str, int]:
    """Copy the vault into the attached copy in one transaction; return its row counts.

    One transaction, and the copy unsynced until `backup` fsyncs it whole: a bare
    `sqlcipher_export` commits (and fsyncs) once per table and index, most of its time
    on a small vault. A crash leaves the temporary file, never a backup, so no journal
    sync is needed. The counts are read in the same transaction, so they are the rows
    the copy was made from. A damaged page met on the way turns the vault read-only.
    """
    conn = vault.conn
    version = vault.schema_version()
    conn.execute(f"PRAGMA {COPY_SCHEMA}.synchronous = OFF")
    conn.execute("BEGIN")
    try:
        conn.execute(f"SELECT sqlcipher_export('{COPY_SCHEMA}')")
        conn.execute(f"PRAGMA {COPY_SCHEMA}.user_version = {int(version)}")
        counts = table_counts(conn, stored_only=True)
        conn.execute("COMMIT")
    except DatabaseError as exc:
        rollback(conn)
        typed = translate_nested(exc) or exc
        if isinstance(typed, VaultDamaged) and (problems := integrity_problems(conn)):
            vault.turn_read_only(Health(tuple(problems)))
        raise typed from None
    except BaseException:
        rollback(conn)
        raise
    return counts


def restore(
    vault_path: Path, backup_path: Path, passphrase: str, *, lock: InstanceLock | None = None
) -> None:
    """Replace the vault with a verified backup; the path never lacks a vault.

    Only a peerdesk vault is restored (non-empty, keyed, both integrity checks, our
    tables, a known user_version). The backup itself is only ever read: it is copied
    next to the vault together with a -wal or -journal it may have (a backup copied
    while peerdesk had it open keeps committed rows there), and the staged copy is
    brought up to date and verified; opening the backup directly would read rows from
    its -wal that a copy of the file alone lacks, and would leave a -shm beside it.
    Changes a crashed session left in the old vault's -wal are then written into its
    file (see `_settle_old_vault`), the old vault is copied aside (we hold the
    instance lock, so nothing has it open), and one `os.replace` swaps the new file in:
    a crash before the swap leaves the old vault, after it the new one. Staged and
    set-aside copies are removed when the restore ends, whatever the outcome.
    """
    # Restore into the real file: a vault path that is a symlink (say, to an encrypted
    # drive) stays a symlink, and the restored vault lands where it points.
    vault_path = Path(os.path.realpath(vault_path))
    backup_path = Path(backup_path).absolute()
    if backup_path.is_dir():
        raise RestoreError(messages.BACKUP_IS_FOLDER.format(path=backup_path))
    if not backup_path.is_file():
        raise RestoreError(messages.BACKUP_MISSING.format(path=backup_path))
    own_lock = lock is None
    lock = lock or InstanceLock.acquire(vault_path)
    try:
        vault_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        staged = temp_sibling(vault_path, "restore")
        try:
            secret = _stage(backup_path, staged, passphrase)
            _settle_old_vault(vault_path, passphrase)
            _swap_in(vault_path, staged, secret)
        finally:
            _remove(staged)
    finally:
        if own_lock:
            lock.release()


def _stage(backup_path: Path, staged: Path, passphrase: str) -> Secret:
    """Copy the backup (and its pending -wal/-journal) to `staged`, settle, verify;
    return the copy's key, derived once for every open of it that follows.

    The backup's side files are copied under the staged name and the staged copy is
    checkpointed, so the restored vault holds every row the backup holds, and nothing
    is written beside the backup.
    """
    try:
        _create_private(staged)
        crash_point("staging")
        shutil.copyfile(backup_path, staged)
        secret = key_for(staged, passphrase)
        pending = False
        for suffix in ("-wal", "-journal"):
            side = Path(f"{backup_path}{suffix}")
            if side.is_file() and side.stat().st_size > 0:
                _create_private(Path(f"{staged}{suffix}"))
                shutil.copyfile(side, Path(f"{staged}{suffix}"))
                pending = True
        if pending:
            conn = connect(staged, secret, mode="rw")
            try:
                # Reading rolls a hot -journal back; this writes -wal frames into the file.
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            if _unsaved(staged):
                raise BackupError(messages.RESTORE_PENDING_NOT_SETTLED)
            for suffix in SIDE_FILES:
                Path(f"{staged}{suffix}").unlink(missing_ok=True)
        _fsync_file(staged)
        verify_copy(staged, secret, None)
    except VaultError as exc:
        raise RestoreError(
            messages.RESTORE_NOT_VALID.format(path=backup_path, reason=_reason(exc))
        ) from None
    except (OSError, DatabaseError) as exc:
        raise RestoreError(messages.RESTORE_FAILED.format(reason=_reason(exc))) from None
    crash_point("staged")
    return secret


def _unsaved(vault_path: Path) -> bool:
    """True when the old vault's -wal or -journal still holds changes for its file."""
    for suffix in ("-wal", "-journal"):
        side = Path(f"{vault_path}{suffix}")
        if side.exists() and side.stat().st_size > 0:
            return True
    return False


def _settle_old_vault(vault_path: Path, passphrase: str) -> None:
    """Write the old vault's pending -wal/-journal into its file before the swap.

    A session that crashed leaves committed changes in the -wal. They cannot stay
    beside the new file (SQLite would replay them onto it), and setting them aside
    would leave a file at the path that lacks them, maybe even its tables. So they are
    checkpointed with the passphrase we have (a backup often shares the vault's); if
    that does not open the old vault, the restore is refused and nothing changes.
    """
    if not vault_path.exists() or not _unsaved(vault_path):
        return
    try:
        conn = connect(vault_path, passphrase, mode="rw")
    except VaultError:
        conn = None
    if conn is not None:
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except DatabaseError:
            pass  # a damaged old vault; what is left is checked just below
        finally:
            conn.close()
    if _unsaved(vault_path):
        raise RestoreError(messages.RESTORE_OLD_UNSAVED.format(path=vault_path))


def _swap_in(vault_path: Path, staged: Path, secret: Secret) -> None:
    """Set the old vault aside, put the verified `staged` copy at the path, verify."""
    aside = temp_sibling(vault_path, "before-restore")
    had_vault = vault_path.exists()
    swapped = False
    try:
        if had_vault:
            _create_private(aside)
            shutil.copyfile(vault_path, aside)
            _fsync_file(aside)
            _fsync_dir(vault_path.parent)
            crash_point("set-aside")
            # Empty by now (_settle_old_vault), so the file alone is the whole old vault.
            for suffix in SIDE_FILES:
                Path(f"{vault_path}{suffix}").unlink(missing_ok=True)
            _fsync_dir(vault_path.parent)
            crash_point("side-files-removed")
        os.replace(staged, vault_path)
        swapped = True
        _fsync_dir(vault_path.parent)
        crash_point("swapped")
        verify_copy(vault_path, secret, None)
        crash_point("verified")
    except BaseException as exc:
        if swapped and had_vault:
            os.replace(aside, vault_path)
        elif swapped:
            _remove(vault_path)
        _remove(aside)
        _fsync_dir(vault_path.parent)
        if isinstance(exc, (OSError, DatabaseError, VaultError)):
            raise RestoreError(messages.RESTORE_FAILED.format(reason=_reason(exc))) from None
        raise
    _remove(aside)
    _fsync_dir(vault_path.parent)
    crash_point("cleaned")


def _create_private(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def _reason(exc: BaseException) -> str:
    return str(exc).rstrip(".")
