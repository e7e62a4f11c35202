"""Notes and handles expire: wipe them, leave the categories for the counts.

Retention (vault setting, days; 0 = keep no text) counts from when a contact was
saved, and for a follow-up's handle from when the follow-up was done (an open
follow-up keeps its handle so the peer can still recognise who to check on).
The wipe leaves no trace in the file: secure_delete zeroes the old cells, FTS5's
secure-delete drops the note's tokens from the search index, then the freed pages
are handed back (incremental vacuum) and the WAL is checkpointed and truncated.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from peerdesk.models.contacts import PurgeReport
from peerdesk.vault.sqlcipher import Connection

_CONTACT_NOTES = "FROM contacts WHERE note IS NOT NULL AND created_at <= ?"
_CONTACT_HANDLES = "FROM contacts WHERE handle IS NOT NULL AND created_at <= ?"
_FOLLOWUP_HANDLES = (
    "FROM followups WHERE handle IS NOT NULL AND done_on IS NOT NULL AND done_on <= ?"
)
_DRAFTS = "FROM drafts WHERE saved_at <= ?"


def cutoffs(now: datetime, retention_days: int) -> tuple[str, str]:
    """(timestamp, day) strings: text saved at or before these has expired."""
    cutoff = now - timedelta(days=retention_days)
    return cutoff.isoformat(timespec="seconds"), cutoff.date().isoformat()


def expired(conn: Connection, now: datetime, retention_days: int) -> PurgeReport:
    """What a purge would wipe now, counted, nothing changed."""
    stamp, day = cutoffs(now, retention_days)

    def n(clause: str, arg: str) -> int:
        return int(conn.execute(f"SELECT count(*) {clause}", (arg,)).fetchone()[0])

    return PurgeReport(
        contact_notes=n(_CONTACT_NOTES, stamp),
        contact_handles=n(_CONTACT_HANDLES, stamp),
        followup_handles=n(_FOLLOWUP_HANDLES, day),
        dry_run=True,
    )


def wipe_expired(conn: Connection, now: datetime, retention_days: int) -> PurgeReport:
    """Wipe expired text inside the caller's transaction; call `reclaim` after commit."""
    stamp, day = cutoffs(now, retention_days)
    notes = conn.execute(
        f"UPDATE contacts SET note = NULL WHERE id IN (SELECT id {_CONTACT_NOTES})", (stamp,)
    ).rowcount
    handles = conn.execute(
        f"UPDATE contacts SET handle = NULL WHERE id IN (SELECT id {_CONTACT_HANDLES})", (stamp,)
    ).rowcount
    followups = conn.execute(
        f"UPDATE followups SET handle = NULL WHERE id IN (SELECT id {_FOLLOWUP_HANDLES})", (day,)
    ).rowcount
    conn.execute(f"DELETE {_DRAFTS}", (stamp,))
    return PurgeReport(
        contact_notes=notes, contact_handles=handles, followup_handles=followups, dry_run=False
    )


def reclaim(conn: Connection) -> None:
    """Hand freed pages back and empty the WAL, outside any transaction."""
    conn.execute("PRAGMA incremental_vacuum")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
