"""How many contacts the vault holds, from the one row SQLite keeps up to date.

Counting the table itself reads its smallest index whole: ~5,000 pages to decrypt at a
million contacts, ~100 ms, more than the contacts list may spend on its total. The
triggers of migration 0010 add one for every contact inserted and take one away for
every contact deleted, in the same transaction, so the row is right after any write
that goes through SQL. Two ways around them, and what covers each: a salvage copies
rows into a new vault and recounts there instead of copying this table (`recount`);
and `INSERT OR REPLACE` into contacts would delete a row without its trigger firing
(SQLite fires delete triggers on REPLACE only with recursive_triggers on), so peerdesk
never writes contacts that way.
"""

from __future__ import annotations

from peerdesk.vault.migrate import current_version
from peerdesk.vault.sqlcipher import Connection

TABLE = "contact_total"
SINCE = 10  # the schema version that added the table and its triggers


def read(conn: Connection) -> int:
    """Every contact in the vault, read from the counter's row.

    A vault older than the counter is counted the slow way: a damaged vault opens
    read-only and is never migrated, so it may be any older version.
    """
    if current_version(conn) >= SINCE:
        row = conn.execute(f"SELECT total FROM {TABLE} WHERE id = 1").fetchone()
        if row is not None:
            return int(row[0])
    return int(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])


def recount(conn: Connection) -> None:
    """Set the counter from the table itself, inside the caller's transaction."""
    conn.execute(f"UPDATE {TABLE} SET total = (SELECT count(*) FROM contacts) WHERE id = 1")
