"""Referrals: short parameterised SQL in, models.referrals records out.

Reads take the connection. The user actions (`make_referral`, `change_status`,
`move_check_back`) are one transaction each, so the CLI and the TUI record a
referral and its first status change the same way. Every status change is kept in
referral_status_changes with its date ("the date of each change"); the referral row
carries the latest one so lists and the monthly report need no join.
"""

from __future__ import annotations

from datetime import date, datetime

from peerdesk import messages
from peerdesk.models.referrals import (
    CLOSED_STATUSES,
    OFFERED,
    Referral,
    StatusChange,
    checked_status,
    default_check_back,
)
from peerdesk.validation import InvalidInput
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.store import Vault
from peerdesk.vault.values import day, stamp, utc_now

_SELECT = (
    "SELECT r.id, r.contact_id, r.clinician_id, coalesce(c.name, r.clinician_id), r.made_on, "
    "r.status, r.status_on, r.check_back_on, k.handle, k.contact_date, "
    "(SELECT group_concat(t.topic, ',') FROM contact_topics t WHERE t.contact_id = r.contact_id) "
    "FROM referrals r "
    "LEFT JOIN clinicians c ON c.id = r.clinician_id "
    "LEFT JOIN contacts k ON k.id = r.contact_id "
)
# Written as the partial index referrals_open_by_check_back writes it (migration 0004):
# SQLite uses a partial index only for a query that repeats the index's WHERE term, and
# in another order the IN list is another term. Sorted, home's referrals due read
# every referral ever made, on every unlock (tests/core/test_query_plans_at_size.py).
_CLOSED_IN_INDEX = ("declined", "closed")
if set(_CLOSED_IN_INDEX) != CLOSED_STATUSES:  # a new closed status needs a new index too
    raise RuntimeError("referrals_open_by_check_back lists other closed statuses")
_CLOSED = ", ".join(f"'{s}'" for s in _CLOSED_IN_INDEX)
_OPEN = f"r.status NOT IN ({_CLOSED})"


def _row(r: tuple[object, ...]) -> Referral:
    made_on = day(r[4])
    status_on = day(r[6])
    assert made_on is not None and status_on is not None
    return Referral(
        id=int(str(r[0])),
        contact_id=None if r[1] is None else int(str(r[1])),
        clinician_id=str(r[2]),
        clinician_name=str(r[3]),
        made_on=made_on,
        status=str(r[5]),
        status_on=status_on,
        check_back_on=day(r[7]),
        handle=None if r[8] is None else str(r[8]),
        contact_date=day(r[9]),
        topics=tuple(sorted(str(r[10]).split(","))) if r[10] else (),
    )


# --- writes (inside the caller's transaction) -----------------------------------
def add(
    conn: Connection,
    contact_id: int,
    clinician_id: str,
    made_on: date,
    check_back_on: date | None,
    now: datetime,
) -> int:
    """Insert an offered referral and its first status change; returns its id."""
    written = stamp(now)
    cur = conn.execute(
        "INSERT INTO referrals (contact_id, clinician_id, made_on, status, status_on, "
        "check_back_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            contact_id,
            clinician_id,
            made_on.isoformat(),
            OFFERED,
            made_on.isoformat(),
            None if check_back_on is None else check_back_on.isoformat(),
            written,
            written,
        ),
    )
    referral_id = int(cur.lastrowid)
    conn.execute(
        "INSERT INTO referral_status_changes (referral_id, status, changed_on) VALUES (?, ?, ?)",
        (referral_id, OFFERED, made_on.isoformat()),
    )
    return referral_id


def set_status(conn: Connection, referral_id: int, status: str, today: date, now: datetime) -> bool:
    """Record a status change (a repeat of the current status changes nothing)."""
    cur = conn.execute(
        "UPDATE referrals SET status = ?, status_on = ?, updated_at = ? "
        "WHERE id = ? AND status != ?",
        (status, today.isoformat(), stamp(now), referral_id, status),
    )
    if not cur.rowcount:
        return get(conn, referral_id) is not None
    conn.execute(
        "INSERT INTO referral_status_changes (referral_id, status, changed_on) VALUES (?, ?, ?)",
        (referral_id, status, today.isoformat()),
    )
    return True


def set_check_back(
    conn: Connection, referral_id: int, check_back_on: date | None, now: datetime
) -> bool:
    cur = conn.execute(
        "UPDATE referrals SET check_back_on = ?, updated_at = ? WHERE id = ?",
        (None if check_back_on is None else check_back_on.isoformat(), stamp(now), referral_id),
    )
    return bool(cur.rowcount)


# --- reads ------------------------------------------------------------------
def get(conn: Connection, referral_id: int) -> Referral | None:
    row = conn.execute(_SELECT + "WHERE r.id = ?", (referral_id,)).fetchone()
    return None if row is None else _row(row)


def listing(conn: Connection, *, open_only: bool = False, limit: int = 500) -> list[Referral]:
    """Open first by check-back date (none last), then the rest newest first."""
    where = f"WHERE {_OPEN} " if open_only else ""
    rows = conn.execute(
        _SELECT + where + f"ORDER BY {_OPEN} DESC, r.check_back_on IS NULL, r.check_back_on, "
        "r.made_on DESC, r.id DESC LIMIT ?",
        (limit,),
    )
    return [_row(r) for r in rows]


def due(conn: Connection, today: date, *, limit: int = 50) -> list[Referral]:
    """Open referrals whose check-back date has come, oldest first: what home shows."""
    rows = conn.execute(
        _SELECT + f"WHERE {_OPEN} AND r.check_back_on <= ? ORDER BY r.check_back_on, r.id LIMIT ?",
        (today.isoformat(), limit),
    )
    return [_row(r) for r in rows]


def has_referral(conn: Connection, contact_id: int) -> bool:
    """Whether any referral (in any status) names this contact."""
    found = conn.execute("SELECT 1 FROM referrals WHERE contact_id = ? LIMIT 1", (contact_id,))
    return found.fetchone() is not None


def changes(conn: Connection, referral_id: int) -> list[StatusChange]:
    """Every status the referral went through, oldest first."""
    rows = conn.execute(
        "SELECT status, changed_on FROM referral_status_changes WHERE referral_id = ? ORDER BY id",
        (referral_id,),
    )
    return [StatusChange(str(r[0]), date.fromisoformat(str(r[1]))) for r in rows]


# --- user actions: one transaction each -----------------------------------------
def make_referral(
    vault: Vault,
    contact_id: int,
    clinician_id: str,
    *,
    today: date,
    check_back_on: date | None = None,
    now: datetime | None = None,
) -> int:
    """Record that a contact was offered a clinician (check back a week later by default).

    Raises KeyError when the contact or clinician does not exist, InvalidInput for a
    check-back date before the referral. Whether an expired or suspended clinician
    may be chosen is the caller's question to ask (the screens and the CLI ask).
    """
    check_back = check_back_on or default_check_back(today)
    if check_back < today:
        raise InvalidInput(
            "check-back", messages.REFERRAL_CHECK_BACK_BEFORE.format(date=today.isoformat())
        )
    with vault.transaction() as conn:
        if conn.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone() is None:
            raise KeyError(contact_id)
        found = conn.execute("SELECT 1 FROM clinicians WHERE id = ?", (clinician_id,))
        if found.fetchone() is None:
            raise KeyError(clinician_id)
        return add(conn, contact_id, clinician_id, today, check_back, now or utc_now())


def change_status(
    vault: Vault, referral_id: int, status: str, *, today: date, now: datetime | None = None
) -> bool:
    """Set a referral's status (InvalidInput for an unknown one); False if it is gone."""
    clean = checked_status(status)
    with vault.transaction() as conn:
        return set_status(conn, referral_id, clean, today, now or utc_now())


def move_check_back(
    vault: Vault, referral_id: int, check_back_on: date, *, now: datetime | None = None
) -> bool:
    """A new check-back date; False if the referral is gone."""
    with vault.transaction() as conn:
        return set_check_back(conn, referral_id, check_back_on, now or utc_now())
