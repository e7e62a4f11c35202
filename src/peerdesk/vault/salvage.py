"""Back up a damaged vault: copy what can still be read into a fresh, verified vault.

SQLCipher checks every page's HMAC when it reads it, so a damaged page makes every
statement that touches it fail and `sqlcipher_export` gives up on the first one. A
salvage instead builds a new vault (same schema, by the migrations) and copies each
table in key order, a batch at a time; when a batch fails it probes the keys an index
still lists one by one, so one bad page costs the rows on it, not the whole table.
Rows are counted as lost only when an index proves they existed; when no index can be
read the number lost is unknown and said so. What the vault derives from its rows is
rebuilt from the rows saved, never copied: the full-text indexes, and the number of
contacts (a copied count would still count the lost ones).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerdesk import messages
from peerdesk.progress import Progress, counted, silent
from peerdesk.vault import clinician_writes, contact_total, migrate
from peerdesk.vault.backup import _fsync_dir, _fsync_file, _remove
from peerdesk.vault.backup_check import require_our_schema, verify_copy
from peerdesk.vault.errors import BackupError, VaultError
from peerdesk.vault.leftovers import temp_sibling
from peerdesk.vault.private_files import FILE_MODE
from peerdesk.vault.sqlcipher import (
    Connection,
    DatabaseError,
    VaultKey,
    connect,
    integrity_problems,
    key_for,
)
from peerdesk.vault.store import Vault
from peerdesk.vault.transactions import table_counts

BATCH = 200
_LOWEST: tuple[Any, ...] = (-(2**63),)


@dataclass(frozen=True)
class TableSalvage:
    """One table's outcome; `lost` is None when it cannot be counted."""

    table: str
    saved: int
    lost: int | None


@dataclass(frozen=True)
class SalvageReport:
    path: Path
    tables: tuple[TableSalvage, ...]

    @property
    def complete(self) -> bool:
        return all(t.lost == 0 for t in self.tables)


def salvage(
    vault: Vault,
    vault_passphrase: str,
    dest: Path,
    passphrase: str,
    *,
    progress: Progress = silent,
) -> SalvageReport:
    """Write what can be read from the damaged `vault` into a new verified vault at
    `dest` that opens with `passphrase`. The vault's passphrase is needed to open the
    damaged file afresh after each failed read. `progress` hears each table copied,
    then the verifying."""
    dest = Path(dest).absolute()
    if dest.exists():
        raise BackupError(messages.BACKUP_EXISTS.format(path=dest))
    version = require_our_schema(vault.conn)
    tmp = temp_sibling(dest, "backup")
    source: _Source | None = None
    try:
        source = _Source(vault.path, vault_passphrase)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        copy_key = VaultKey.for_new_file(passphrase)  # one KDF for the copy and its check
        target = connect(tmp, copy_key, mode="rw")
        try:
            migrate.migrate(target, up_to=version)
            target.execute("PRAGMA foreign_keys = OFF")  # parents may be among the lost
            target.execute("BEGIN IMMEDIATE")
            tables = _tables(target)
            copying = messages.PROGRESS_SALVAGE_COPYING
            saving = counted(tables, len(tables), copying, progress, every=1)
            results = [_copy_table(source, target, name) for name in saving]
            results = _drop_orphans(target, results)
            if "clinicians_fts" in _all_tables(target):
                target.execute("DELETE FROM clinicians_fts")
                clinician_writes.rebuild_search(target)
            if contact_total.TABLE in _all_tables(target):
                contact_total.recount(target)
            target.execute("COMMIT")
            progress(messages.PROGRESS_BACKUP_VERIFYING, 0, 1)
            problems = integrity_problems(target)
            if problems:
                raise BackupError(
                    messages.BACKUP_VERIFY_FAILED.format(reason="; ".join(problems[:3]))
                )
            counts = table_counts(target)
        finally:
            target.close()
        verify_copy(tmp, copy_key, None)
        for result in results:
            if counts.get(result.table) != result.saved:
                raise BackupError(
                    messages.BACKUP_VERIFY_FAILED.format(reason=messages.BACKUP_COUNTS_DIFFER)
                )
        progress(messages.PROGRESS_BACKUP_SAVING, 0, 1)
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
        progress(messages.PROGRESS_BACKUP_SAVING, 1, 1)
    except VaultError:
        _remove(tmp)
        raise
    except (OSError, DatabaseError) as exc:
        _remove(tmp)
        raise BackupError(messages.BACKUP_FAILED.format(reason=exc)) from None
    except BaseException:
        _remove(tmp)
        raise
    finally:
        if source is not None:
            source.close()
    return SalvageReport(dest, tuple(results))


def _all_tables(conn: Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _tables(target: Connection) -> list[str]:
    """The new vault's ordinary tables; full-text indexes and the number of contacts
    are rebuilt, not copied."""
    rows = _rows(target, "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    virtual = [str(name) for name, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
    return [
        str(name)
        for name, _sql in rows
        if not str(name).startswith("sqlite_")
        and str(name) != contact_total.TABLE
        and str(name) not in virtual
        and not any(str(name).startswith(v + "_") for v in virtual)
    ]


def _rows(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    return list(conn.execute(sql, params).fetchall())


def _key_columns(target: Connection, table: str) -> list[str]:
    """rowid, or the primary key of a WITHOUT ROWID table."""
    without_rowid = (
        "WITHOUT ROWID"
        in str(
            target.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        ).upper()
    )
    if not without_rowid:
        return ["rowid"]
    info = _rows(target, f'PRAGMA table_info("{table}")')
    return [str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]


class _Source:
    """The damaged vault, read through a connection that is opened again after every
    failed read: once SQLCipher has refused a page, that connection refuses every page
    it has not cached yet (seen in tests), so one bad page would end the salvage. The
    key is derived once: a reopen costs no KDF however many pages are damaged."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path, self.key = path, key_for(path, passphrase)
        self.conn = connect(path, self.key, mode="ro")

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any] | None:
        """All rows, or None when the read failed (the connection is then renewed)."""
        try:
            return _rows(self.conn, sql, params)
        except DatabaseError:
            self.conn.close()
            self.conn = connect(self.path, self.key, mode="ro")
            return None

    def close(self) -> None:
        self.conn.close()


def _known_keys(source: _Source, table: str, keys: list[str]) -> set[tuple[Any, ...]] | None:
    """Every key an intact, complete index of the damaged table lists (None: none)."""
    key_sql = ", ".join(keys)
    for index in source.rows(f'PRAGMA index_list("{table}")') or []:
        if index[4]:  # partial: lists only some rows
            continue
        rows = source.rows(f'SELECT {key_sql} FROM "{table}" INDEXED BY "{index[1]}"')
        if rows is not None:
            return {tuple(r) for r in rows}
    return None


def _copy_table(source: _Source, target: Connection, table: str) -> TableSalvage:
    """Copy in key order, BATCH rows a time; around a bad page, find by bisection the
    longest readable run before it and the first readable key after it."""
    columns = [str(r[1]) for r in _rows(target, f'PRAGMA table_info("{table}")')]
    keys = _key_columns(target, table)
    n = len(keys)
    col_sql = ", ".join(f'"{c}"' for c in columns)
    key_sql = ", ".join(keys)
    insert = f'INSERT INTO "{table}" ({col_sql}) VALUES ({", ".join("?" * len(columns))})'
    select = f'SELECT {key_sql}, {col_sql} FROM "{table}"'
    after = f"WHERE ({key_sql}) > ({', '.join('?' * n)})"
    match = " AND ".join(f"{k} = ?" for k in keys)
    saved: set[tuple[Any, ...]] = set()
    cursor: tuple[Any, ...] | None = None
    known: set[tuple[Any, ...]] | None = None
    failed = False

    def batch(limit: int) -> list[Any] | None:
        where = after if cursor is not None else ""
        return source.rows(f"{select} {where} ORDER BY {key_sql} LIMIT {limit}", cursor or ())

    def keep(rows: list[Any]) -> None:
        for row in rows:
            target.execute(insert, tuple(row[n:]))
            saved.add(tuple(row[:n]))

    while True:
        rows = batch(BATCH)
        if rows is None:
            failed = True
            known = known if known is not None else _known_keys(source, table, keys)
            if known is None:
                break  # nothing says which keys exist past the bad page
            low, high = 0, BATCH - 1  # the longest readable run before the bad page
            while low < high:
                mid = (low + high + 1) // 2
                if batch(mid) is not None:
                    low = mid
                else:
                    high = mid - 1
            readable = batch(low) if low else []
            keep(readable or [])
            if readable:
                cursor = tuple(readable[-1][:n])
            rest = sorted(k for k in known if cursor is None or _after(k, cursor))
            first, last = 0, len(rest)  # the first key past the bad page that reads
            while first < last:
                mid = (first + last) // 2
                if source.rows(f"{select} WHERE {match}", rest[mid]) is not None:
                    last = mid
                else:
                    first = mid + 1
            if first >= len(rest):
                break
            # Resume from that key itself: a scan for keys above a key on the bad page
            # would seek into the bad page again.
            keep(source.rows(f"{select} WHERE {match}", rest[first]) or [])
            cursor = rest[first]
            continue
        keep(rows)
        if len(rows) < BATCH:
            break
        cursor = tuple(rows[-1][:n])
    if not failed:
        return TableSalvage(table, len(saved), 0)
    lost = None if known is None else len(known - saved)
    return TableSalvage(table, len(saved), lost)


def _after(key: tuple[Any, ...], start: tuple[Any, ...]) -> bool:
    try:
        return key > start
    except TypeError:
        return True


def _drop_orphans(target: Connection, results: list[TableSalvage]) -> list[TableSalvage]:
    """Rows whose parent row was lost: a nullable link is cut (as ON DELETE SET NULL
    would), a required one drops the row, which then counts as lost."""
    dropped: dict[str, int] = {}
    changed = True
    while changed:
        changed = False
        for table in [r.table for r in results]:
            notnull = {
                str(r[1]): bool(r[3]) for r in target.execute(f'PRAGMA table_info("{table}")')
            }
            for fk in _rows(target, f'PRAGMA foreign_key_list("{table}")'):
                parent, column, to = str(fk[2]), str(fk[3]), str(fk[4] or "rowid")
                orphan = (
                    f'"{column}" IS NOT NULL AND "{column}" NOT IN (SELECT "{to}" FROM "{parent}")'
                )
                if notnull.get(column):
                    gone = target.execute(f'DELETE FROM "{table}" WHERE {orphan}').rowcount
                    dropped[table] = dropped.get(table, 0) + gone
                    changed = changed or gone > 0
                else:
                    target.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE {orphan}')
    return [
        TableSalvage(
            r.table,
            r.saved - dropped.get(r.table, 0),
            None if r.lost is None else r.lost + dropped.get(r.table, 0),
        )
        for r in results
    ]
