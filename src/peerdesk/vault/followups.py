"""Follow-ups: check on an officer after a contact, or on a colleague someone worried about."""

from __future__ import annotations

from datetime import date, datetime

from peerdesk.models.contacts import FollowUp
from peerdesk.vault.sqlcipher import Connection

_COLUMNS = "id, due_on, handle, kind, contact_id, done_on, created_at"


def _row(r: tuple[object, ...]) -> FollowUp:
    return FollowUp(
        id=int(r[0]),  # type: ignore[call-overload]
        due_on=date.fromisoformat(str(r[1])),
        handle=None if r[2] is None else str(r[2]),
        kind=str(r[3]),
        contact_id=None if r[4] is None else int(r[4]),  # type: ignore[call-overload]
        done_on=None if r[5] is None else date.fromisoformat(str(r[5])),
        created_at=datetime.fromisoformat(str(r[6])),
    )


def add(
    conn: Connection,
    due_on: date,
    handle: str | None,
    now: datetime,
    *,
    kind: str = "contact",
    contact_id: int | None = None,
) -> int:
    stamp = now.isoformat(timespec="seconds")
    cur = conn.execute(
        "INSERT INTO followups (due_on, handle, kind, contact_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (due_on.isoformat(), handle, kind, contact_id, stamp, stamp),
    )
    return int(cur.lastrowid)


def get(conn: Connection, followup_id: int) -> FollowUp | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM followups WHERE id = ?", (followup_id,)).fetchone()
    return None if row is None else _row(row)


def due(conn: Connection, today: date, *, limit: int = 50) -> list[FollowUp]:
    """Open follow-ups due today or overdue, oldest first: what home shows."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM followups WHERE done_on IS NULL AND due_on <= ? "
        "ORDER BY due_on, id LIMIT ?",
        (today.isoformat(), limit),
    )
    return [_row(r) for r in rows]


def open_followups(conn: Connection, *, limit: int = 500) -> list[FollowUp]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM followups WHERE done_on IS NULL ORDER BY due_on, id LIMIT ?",
        (limit,),
    )
    return [_row(r) for r in rows]


def upcoming(conn: Connection, today: date, *, limit: int = 200) -> list[FollowUp]:
    """Open follow-ups due after today, soonest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM followups WHERE done_on IS NULL AND due_on > ? "
        "ORDER BY due_on, id LIMIT ?",
        (today.isoformat(), limit),
    )
    return [_row(r) for r in rows]


def done_since(conn: Connection, since: date, *, limit: int = 200) -> list[FollowUp]:
    """Follow-ups closed on or after `since`, the latest first (what undo can reach)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM followups WHERE done_on >= ? ORDER BY done_on DESC, id DESC "
        "LIMIT ?",
        (since.isoformat(), limit),
    )
    return [_row(r) for r in rows]


def reopen(conn: Connection, followup_id: int, now: datetime) -> bool:
    """Undo a done: the follow-up is open again, due when it was."""
    cur = conn.execute(
        "UPDATE followups SET done_on = NULL, updated_at = ? WHERE id = ? AND done_on IS NOT NULL",
        (now.isoformat(timespec="seconds"), followup_id),
    )
    return bool(cur.rowcount)


def mark_done(
    conn: Connection, followup_id: int, today: date, now: datetime, *, contact_id: int | None = None
) -> bool:
    """Close a follow-up; when it became a contact, link that contact."""
    cur = conn.execute(
        "UPDATE followups SET done_on = ?, contact_id = coalesce(?, contact_id), updated_at = ? "
        "WHERE id = ? AND done_on IS NULL",
        (today.isoformat(), contact_id, now.isoformat(timespec="seconds"), followup_id),
    )
    return bool(cur.rowcount)


def snooze(conn: Connection, followup_id: int, new_due: date, now: datetime) -> bool:
    cur = conn.execute(
        "UPDATE followups SET due_on = ?, updated_at = ? WHERE id = ? AND done_on IS NULL",
        (new_due.isoformat(), now.isoformat(timespec="seconds"), followup_id),
    )
    return bool(cur.rowcount)


def delete(conn: Connection, followup_id: int) -> bool:
    return bool(conn.execute("DELETE FROM followups WHERE id = ?", (followup_id,)).rowcount)
