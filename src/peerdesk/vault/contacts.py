"""Contacts: short parameterised SQL in, frozen models out.

Reads take the connection; writes take the connection of the caller's transaction
(`with vault.transaction() as conn:`), so one user action is one transaction.
Lists are paged by keyset (date, id) so a screen never loads thousands of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from peerdesk import vocab
from peerdesk.models.contacts import Contact, ContactFields, ContactRow
from peerdesk.vault import contact_total
from peerdesk.vault.search import match_clause
from peerdesk.vault.sqlcipher import Connection

_COLUMNS = (
    "id, contact_date, mode, initiated_by, minutes, head_count, risk, outcome, "
    "critical_incident, note, handle, created_at, updated_at, for_whom, group_kind, "
    "first_or_followup"
)


@dataclass(frozen=True)
class ContactFilter:
    """What the contacts list is narrowed by. month is 'YYYY-MM'."""

    month: str | None = None
    topic: str | None = None
    search: str | None = None


def _values(fields: ContactFields) -> tuple[object, ...]:
    """The stored columns in the order of the INSERT and UPDATE below."""
    return (
        fields.contact_date.isoformat(),
        fields.mode,
        fields.initiated_by,
        fields.minutes,
        fields.head_count,
        fields.risk,
        fields.outcome,
        int(fields.critical_incident),
        fields.note,
        fields.handle,
        fields.for_whom,
        fields.group_kind,
        fields.first_or_followup,
    )


def add(conn: Connection, fields: ContactFields, now: datetime) -> int:
    stamp = now.isoformat(timespec="seconds")
    cur = conn.execute(
        "INSERT INTO contacts (contact_date, mode, initiated_by, minutes, head_count, risk, "
        "outcome, critical_incident, note, handle, for_whom, group_kind, first_or_followup, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_values(fields), stamp, stamp),
    )
    contact_id = int(cur.lastrowid)
    _write_topics(conn, contact_id, fields.topics)
    return contact_id


def update(conn: Connection, contact_id: int, fields: ContactFields, now: datetime) -> None:
    conn.execute(
        "UPDATE contacts SET contact_date = ?, mode = ?, initiated_by = ?, minutes = ?, "
        "head_count = ?, risk = ?, outcome = ?, critical_incident = ?, note = ?, handle = ?, "
        "for_whom = ?, group_kind = ?, first_or_followup = ?, updated_at = ? WHERE id = ?",
        (*_values(fields), now.isoformat(timespec="seconds"), contact_id),
    )
    conn.execute("DELETE FROM contact_topics WHERE contact_id = ?", (contact_id,))
    _write_topics(conn, contact_id, fields.topics)


def delete(conn: Connection, contact_id: int) -> bool:
    """Delete a contact (topics cascade; follow-ups keep existing, unlinked)."""
    return bool(conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,)).rowcount)


def _write_topics(conn: Connection, contact_id: int, topics: tuple[str, ...]) -> None:
    conn.executemany(
        "INSERT INTO contact_topics (contact_id, topic) VALUES (?, ?)",
        [(contact_id, t) for t in topics],
    )


def get(conn: Connection, contact_id: int) -> Contact | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        return None
    topics = vocab.in_topic_order(
        r[0]
        for r in conn.execute(
            "SELECT topic FROM contact_topics WHERE contact_id = ?", (contact_id,)
        )
    )
    return Contact(
        id=row[0],
        fields=ContactFields(
            contact_date=date.fromisoformat(row[1]),
            mode=row[2],
            initiated_by=row[3],
            minutes=row[4],
            head_count=row[5],
            risk=row[6],
            outcome=row[7],
            critical_incident=bool(row[8]),
            note=row[9],
            handle=row[10],
            topics=topics,
            for_whom=row[13],
            group_kind=row[14],
            first_or_followup=row[15],
        ),
        created_at=datetime.fromisoformat(row[11]),
        updated_at=datetime.fromisoformat(row[12]),
    )


def _where(flt: ContactFilter) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.month:
        clauses.append("c.contact_date >= ? AND c.contact_date < ?")
        params += [f"{flt.month}-01", f"{flt.month}-99"]
    if flt.topic:
        clauses.append(
            "EXISTS (SELECT 1 FROM contact_topics t WHERE t.contact_id = c.id AND t.topic = ?)"
        )
        params.append(flt.topic)
    found = match_clause(flt.search, "c.id", "contacts_fts")
    if found is not None:
        clauses.append(found[0])
        params += found[1]
    return clauses, params


def page(
    conn: Connection,
    flt: ContactFilter = ContactFilter(),
    *,
    limit: int = 100,
    after: tuple[date, int] | None = None,
) -> list[ContactRow]:
    """Newest first, at most `limit` rows, starting after the (date, id) of the last row shown."""
    clauses, params = _where(flt)
    if after is not None:
        clauses.append("(c.contact_date, c.id) < (?, ?)")
        params += [after[0].isoformat(), after[1]]
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        "SELECT c.id, c.contact_date, c.mode, "
        "(SELECT group_concat(topic, ' ') FROM contact_topics t WHERE t.contact_id = c.id), "
        "c.minutes, c.risk, c.outcome, c.note IS NOT NULL, c.handle "
        f"FROM contacts c {where} ORDER BY c.contact_date DESC, c.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [
        ContactRow(
            id=r[0],
            contact_date=date.fromisoformat(r[1]),
            mode=r[2],
            topics=vocab.in_topic_order((r[3] or "").split()),
            minutes=r[4],
            risk=r[5],
            outcome=r[6],
            has_note=bool(r[7]),
            handle=r[8],
        )
        for r in rows
    ]


def count(conn: Connection, flt: ContactFilter = ContactFilter()) -> int:
    """How many contacts match `flt`.

    A topic alone is counted from the topic index, never contact by contact: checking
    every contact for the topic took ~370 ms at a million contacts, the index range
    ~2 ms (one row per contact and topic, and topics go with their contact). Every
    contact (no filter) is the counter's one row (vault.contact_total), not a count of
    the table (~100 ms at a million). The app still asks in a worker
    (vault.side_reader), as it does for every count.
    """
    if flt.topic and not flt.month and not flt.search:
        row = conn.execute(
            "SELECT count(*) FROM contact_topics WHERE topic = ?", (flt.topic,)
        ).fetchone()
        return int(row[0])
    clauses, params = _where(flt)
    if not clauses:
        return contact_total.read(conn)
    where = f"WHERE {' AND '.join(clauses)}"
    return int(conn.execute(f"SELECT count(*) FROM contacts c {where}", params).fetchone()[0])
