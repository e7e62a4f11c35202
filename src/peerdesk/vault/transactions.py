"""Transactions on a vault's connection, and the rows per table that prove a copy.

BEGIN IMMEDIATE so a writer never waits half-way; a rollback that never hides the
error that led to it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager

from peerdesk.vault.sqlcipher import Connection, DatabaseError
from peerdesk.vault.sqlite_errors import guard


def table_counts(
    conn: Connection, schema: str = "main", *, stored_only: bool = False
) -> dict[str, int]:
    """Rows per table; `stored_only` leaves out virtual tables (their rows are stored
    in tables of their own, or read from the table they index)."""
    stored = "AND rootpage > 0 " if stored_only else ""
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' {stored}"
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE .. COMMIT; any failure, the COMMIT's included, rolls back."""
    conn = guard(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: Connection) -> None:
    """Roll back if a transaction is still open, without hiding the error that led here.

    SQLite itself rolls back on a full disk or an I/O error, so there may be nothing
    left to roll back; and a ROLLBACK that fails too (the disk gone) must not replace
    the first error, which is the one that says what happened. SQLite discards an
    unfinished transaction when the connection closes, which every lock does.
    """
    if conn.in_transaction:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")
