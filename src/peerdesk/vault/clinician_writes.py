"""Writing clinicians: rows, the folded filter keys and the search index, in batches.

Every write takes the connection of the caller's transaction (vault.directory owns
the user actions; an import writes thousands at once through store_many). One
executemany per statement, never one execute per clinician: the connection keeps no
prepared statements (see vault.sqlcipher.connect), so a loop of execute() would
parse the same SQL once per clinician. The stored formats (JSON lists, filter_keys,
updated_at) are defined beside the reads in vault.clinicians.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from peerdesk import messages, vocab
from peerdesk.models.clinicians import ClinicianFields, fold, new_id
from peerdesk.progress import Progress, counted, silent
from peerdesk.vault.clinicians import (
    COLUMNS,
    FILTERED_LISTS,
    REGION_KEY,
    filter_key,
    from_json_list,
)
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.values import stamp

_TOPIC_WORDS = {topic.id: f"{topic.id} {topic.label}" for topic in vocab.TOPICS}  # for search
_INSERT = (
    f"INSERT INTO clinicians (num, {COLUMNS}, sort_name, filter_keys) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    "UPDATE clinicians SET name = ?, credentials = ?, practice = ?, phones = ?, email = ?, "
    "address = ?, region = ?, telehealth = ?, languages = ?, specialties = ?, "
    "modalities = ?, insurance = ?, accepting_new_clients = ?, "
    "first_responder_experience = ?, vetted_by = ?, vetted_on = ?, revet_due = ?, "
    "suspended = ?, notes = ?, updated_at = ?, sort_name = ?, filter_keys = ? WHERE num = ?"
)
_INDEX = (
    "INSERT INTO clinicians_fts (rowid, name, practice, credentials, specialties, "
    "modalities, region, languages, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

Write = tuple[str, ClinicianFields, datetime]  # (UUID, validated fields, updated_at)


def add(
    conn: Connection, fields: ClinicianFields, now: datetime, clinician_id: str | None = None
) -> str:
    """Store a validated clinician; returns its UUID (a new one unless given)."""
    clinician_id = clinician_id or new_id()
    store_many(conn, [(clinician_id, fields, now)], new=True)
    return clinician_id


def update(conn: Connection, clinician_id: str, fields: ClinicianFields, now: datetime) -> bool:
    """Replace every field of a clinician; False if there is no such clinician."""
    try:
        store_many(conn, [(clinician_id, fields, now)], new=False)
    except KeyError:
        return False
    return True


def store_many(
    conn: Connection, records: Iterable[Write], *, new: bool, progress: Progress = silent
) -> int:
    """Add (new=True) or replace (by UUID) validated clinicians with the given updated_at.

    The caller knows which ids are new (an import compared them already), which saves
    a look-up per clinician. Returns how many were stored. Raises KeyError (and
    writes nothing) if an id to replace is not in the directory.

    One executemany per statement, never one execute per clinician: the connection
    keeps no prepared statements (see vault.sqlcipher.connect), so a loop of
    execute() would parse the same SQL 10,000 times. `progress` hears how many rows
    were written, as the statement takes them.
    """
    batch = list(records)
    if not batch:
        return 0  # nothing to write, and nothing to tell
    writing = messages.PROGRESS_IMPORT_WRITING
    if new:
        (last,) = conn.execute("SELECT coalesce(max(num), 0) FROM clinicians").fetchone()
        nums = list(range(int(last) + 1, int(last) + 1 + len(batch)))
        rows = (
            (num, cid, *values_of(f), stamp(when), fold(f.name), _filter_keys(f))
            for num, (cid, f, when) in zip(nums, batch, strict=True)
        )
        conn.executemany(_INSERT, counted(rows, len(batch), writing, progress))
    else:
        nums = [_num_of(conn, cid) for cid, _f, _when in batch]
        rows = (
            (*values_of(f), stamp(when), fold(f.name), _filter_keys(f), num)
            for num, (_cid, f, when) in zip(nums, batch, strict=True)
        )
        conn.executemany(_UPDATE, counted(rows, len(batch), writing, progress))
        conn.executemany("DELETE FROM clinicians_fts WHERE rowid = ?", ((n,) for n in nums))
    conn.executemany(
        _INDEX, (_search_row(num, f) for num, (_cid, f, _when) in zip(nums, batch, strict=True))
    )
    return len(batch)


def _num_of(conn: Connection, clinician_id: str) -> int:
    row = conn.execute("SELECT num FROM clinicians WHERE id = ?", (clinician_id,)).fetchone()
    if row is None:
        raise KeyError(clinician_id)
    return int(row[0])


def values_of(f: ClinicianFields) -> tuple[object, ...]:
    """The fields as the database stores them (comparable with stored_values)."""
    return (
        f.name,
        f.credentials,
        f.practice,
        _json(f.phones),
        f.email,
        f.address,
        f.region,
        int(f.telehealth),
        _json(f.languages),
        _json(f.specialties),
        _json(f.modalities),
        _json(f.insurance),
        int(f.accepting_new_clients),
        f.first_responder_experience,
        f.vetted_by,
        f.vetted_on.isoformat() if f.vetted_on else None,
        f.revet_due.isoformat() if f.revet_due else None,
        int(f.suspended),
        f.notes,
    )


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # made once: an import calls it 50,000 times


def _json(items: tuple[str, ...]) -> str:
    return _ENCODE(list(items)) if items else "[]"


def _filter_keys(f: ClinicianFields) -> str:
    keys = [filter_key(kind, v) for kind, attr in FILTERED_LISTS.items() for v in getattr(f, attr)]
    if f.region:
        keys.append(filter_key(REGION_KEY, f.region))
    return "".join(keys)


def _search_row(num: int, f: ClinicianFields) -> tuple[object, ...]:
    """The search row of one clinician, in _INDEX's order."""
    return _search_values(
        num,
        f.name,
        f.practice,
        f.credentials,
        f.specialties,
        f.modalities,
        f.region,
        f.languages,
        f.notes,
        f.first_responder_experience,
    )


def _search_values(
    num: int,
    name: str,
    practice: str | None,
    credentials: str | None,
    specialties: tuple[str, ...],
    modalities: tuple[str, ...],
    region: str | None,
    languages: tuple[str, ...],
    notes: str | None,
    experience: str | None,
) -> tuple[object, ...]:
    # specialties are searchable by topic id and by label; the notes column also
    # holds the first-responder experience.
    topics = " ".join(_TOPIC_WORDS.get(topic, f"{topic} {topic}") for topic in specialties)
    return (
        num,
        name,
        practice,
        credentials,
        topics,
        " ".join(modalities),
        region,
        " ".join(languages),
        "\n".join(t for t in (notes, experience) if t),
    )


def rebuild_search(conn: Connection) -> int:
    """Write every clinician's search row into an empty clinicians_fts (a migration
    that recreates the index calls this). Returns how many rows were written."""
    rows = conn.execute(
        "SELECT num, name, practice, credentials, specialties, modalities, region, "
        "languages, notes, first_responder_experience FROM clinicians"
    ).fetchall()
    conn.executemany(
        _INDEX,
        (
            _search_values(
                int(r[0]),
                r[1],
                r[2],
                r[3],
                from_json_list(r[4]),
                from_json_list(r[5]),
                r[6],
                from_json_list(r[7]),
                r[8],
                r[9],
            )
            for r in rows
        ),
    )
    return len(rows)
