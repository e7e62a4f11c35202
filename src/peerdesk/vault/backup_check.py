"""How a copy of the vault is proved sound before anyone is told it is a backup.

What a restore needs from a backup: it decrypts with its key and every page's HMAC
holds, its b-trees are sound, it is a peerdesk vault of a version we know (an empty
file or a stranger's SQLCipher file passes every integrity check), and it holds what
the source held. A backup proves that once, reading the copy back from the file:

- `PRAGMA quick_check` reads every page of every b-tree through SQLCipher, which
  refuses a page whose HMAC fails, checks their structure, and reports any page that
  is neither in a b-tree nor on the free list. So when the free list is empty and the
  file is exactly its pages long, every page of the file was read and its HMAC held,
  and `cipher_integrity_check` (a second read of every page) adds nothing; with free
  pages it runs as well, since quick_check does not read them.
- The rows of every table with storage of its own are counted and compared with the
  source's. A full-text table keeps its rows in tables of its own
  (counted) or reads them from the table it indexes (counted), so counting it too would
  only read the contacts a second time.

A restore and a salvage open a file made elsewhere and run both whole-file checks
(`verify_copy`): they cannot know how it was written.
"""

from __future__ import annotations

import os
from pathlib import Path

from peerdesk import messages
from peerdesk.vault import migrate
from peerdesk.vault.errors import BackupError, VaultTooNew
from peerdesk.vault.sqlcipher import (
    Connection,
    DatabaseError,
    Secret,
    connect,
    integrity_problems,
)
from peerdesk.vault.transactions import table_counts

VERIFY_SCHEMA = "peerdesk_verify"


def verify_attached(
    conn: Connection, path: Path, key: str | None, expected_counts: dict[str, int]
) -> None:
    """Prove the copy at `path` (see the module's docstring) through `conn`, the
    vault's own connection: attached afresh, so every page comes from the file and
    not from the cache the export filled. Without `key` the copy is attached with the
    vault's key (and salt: no key derivation at all); with one (a VaultKey's raw form,
    derived once by `backup`), no derivation either.
    Any failure is a BackupError saying the copy did not verify."""
    attached = False
    try:
        if key is None:
            conn.execute(f"ATTACH DATABASE ? AS {VERIFY_SCHEMA}", (str(path),))
        else:
            conn.execute(f"ATTACH DATABASE ? AS {VERIFY_SCHEMA} KEY ?", (str(path), key))
        attached = True
        problems = whole_copy_problems(conn, path)
        if problems:
            raise _failed("; ".join(problems[:3]))
        require_our_schema(conn, VERIFY_SCHEMA)
        if table_counts(conn, VERIFY_SCHEMA, stored_only=True) != expected_counts:
            raise _failed(messages.BACKUP_COUNTS_DIFFER)
    except DatabaseError:  # a page that does not decrypt, a file cut short
        raise _failed(messages.BACKUP_COPY_UNREADABLE) from None
    finally:
        if attached:
            conn.execute(f"DETACH DATABASE {VERIFY_SCHEMA}")


def whole_copy_problems(conn: Connection, path: Path) -> list[str]:
    """What reading every page of the attached copy once found; empty means sound."""
    schema = VERIFY_SCHEMA
    problems = [str(r[0]) for r in conn.execute(f"PRAGMA {schema}.quick_check") if r[0] != "ok"]
    pages = int(conn.execute(f"PRAGMA {schema}.page_count").fetchone()[0])
    page_size = int(conn.execute(f"PRAGMA {schema}.page_size").fetchone()[0])
    if os.path.getsize(path) != pages * page_size:
        problems.append(messages.BACKUP_SIZE_DIFFERS)
    if int(conn.execute(f"PRAGMA {schema}.freelist_count").fetchone()[0]):
        problems += [str(r[0]) for r in conn.execute(f"PRAGMA {schema}.cipher_integrity_check")]
    return problems


def _failed(reason: str) -> BackupError:
    return BackupError(messages.BACKUP_VERIFY_FAILED.format(reason=reason))


def verify_copy(path: Path, passphrase: Secret, expected_counts: dict[str, int] | None) -> int:
    """Open a file made elsewhere, run both integrity checks, compare row counts;
    return its user_version (restore and salvage)."""
    had_side_files = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    if path.stat().st_size == 0:
        # An empty file keys with any passphrase and passes every integrity check.
        raise BackupError(messages.RESTORE_EMPTY_FILE)
    try:
        conn = connect(path, passphrase, mode="ro")
        try:
            problems = integrity_problems(conn)
            if problems:
                raise _failed("; ".join(problems[:3]))
            version = require_our_schema(conn)
            if expected_counts is not None and table_counts(conn) != expected_counts:
                raise _failed(messages.BACKUP_COUNTS_DIFFER)
            return version
        finally:
            conn.close()
    finally:
        if not had_side_files:
            _remove_empty_wal(path)


def require_our_schema(conn: Connection, schema: str = "main") -> int:
    """Prove the file is a peerdesk vault of a version we know; return its user_version.

    Integrity checks alone accept any SQLCipher file (even an empty one), so a file is
    only ours when its user_version is one this peerdesk knows and every table the
    migrations up to that version create is there.
    """
    version = int(conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0])
    known = migrate.latest_version()
    if version > known:
        raise VaultTooNew(messages.RESTORE_TOO_NEW.format(found=version, known=known))
    if version < 1:
        raise BackupError(messages.RESTORE_NOT_PEERDESK)
    present = {
        str(row[0])
        for row in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    }
    missing = sorted(migrate.tables_at(version) - present)
    if missing:
        raise BackupError(messages.RESTORE_MISSING_TABLES.format(tables=", ".join(missing)))
    return version


def _remove_empty_wal(path: Path) -> None:
    """A read-only open of a WAL-mode file creates -wal/-shm and cannot delete them on
    close; remove the pair when the -wal is still empty (a reader never writes frames)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists() and wal.stat().st_size > 0:
        return
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)
