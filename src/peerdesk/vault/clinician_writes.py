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
    conn: Connection,
    records: Iterable[Write],
    *,
    new: bool,
    progress: Progress = silent,
    form: StoredForm | None = None,
) -> int:
    """Add (new=True) or replace (by UUID) validated clinicians with the given updated_at.

    The caller knows which ids are new (an import compared them already), which saves
    a look-up per clinician. Returns how many were stored. Raises KeyError (and
    writes nothing) if an id to replace is not in the directory.

    One executemany per statement, never one execute per clinician: the connection
    keeps no prepared statements (see vault.sqlcipher.connect), so a loop of
    execute() would parse the same SQL 10,000 times. `progress` hears how many rows
    were written, as the statement takes them. `form` is the caller's StoredForm, if
    it has one already (an import that compared the rows), so lists seen there are
    not encoded again.
    """
    batch = list(records)
    if not batch:
        return 0  # nothing to write, and nothing to tell
    form = form or StoredForm()
    writing = messages.PROGRESS_IMPORT_WRITING
    if new:
        (last,) = conn.execute("SELECT coalesce(max(num), 0) FROM clinicians").fetchone()
        nums = list(range(int(last) + 1, int(last) + 1 + len(batch)))
        rows = (
            (num, cid, *form.values(f), form.stamp(when), fold(f.name), form.filter_keys(f))
            for num, (cid, f, when) in zip(nums, batch, strict=True)
        )
        conn.executemany(_INSERT, counted(rows, len(batch), writing, progress))
    else:
        nums = _nums_of(conn, [cid for cid, _f, _when in batch])
        rows = (
            (*form.values(f), form.stamp(when), fold(f.name), form.filter_keys(f), num)
            for num, (_cid, f, when) in zip(nums, batch, strict=True)
        )
        conn.executemany(_UPDATE, counted(rows, len(batch), writing, progress))
        conn.executemany("DELETE FROM clinicians_fts WHERE rowid = ?", ((n,) for n in nums))
    conn.executemany(
        _INDEX, (form.search_row(num, f) for num, (_cid, f, _when) in zip(nums, batch, strict=True))
    )
    return len(batch)


def _nums_of(conn: Connection, clinician_ids: list[str]) -> list[int]:
    """Each clinician's row number, in one query however many (KeyError for an unknown id)."""
    found = dict(
        conn.execute(
            "SELECT id, num FROM clinicians WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(clinician_ids),),
        )
    )
    missing = [cid for cid in clinician_ids if cid not in found]
    if missing:
        raise KeyError(missing[0])
    return [int(found[cid]) for cid in clinician_ids]


def values_of(f: ClinicianFields) -> tuple[object, ...]:
    """The fields as the database stores them (comparable with stored_values)."""
    return StoredForm().values(f)


class StoredForm:
    """How clinicians' fields are stored: the row's values, its filter keys and its search
    row, each distinct list and moment encoded once.

    An import's 10,000 rows hold few distinct lists (a few hundred language lists, a few
    thousand specialty lists, a few hundred moments): JSON-encoding, folding and joining
    each of them once per row was a third of its write. One StoredForm serves one
    batch; it keeps what it encoded only as long as the caller keeps it.
    """

    def __init__(self) -> None:
        self._json: dict[tuple[str, ...], str] = {}
        self._keys: dict[tuple[str, tuple[str, ...]], str] = {}
        self._topics: dict[tuple[str, ...], str] = {}
        self._stamps: dict[datetime, str] = {}

    def values(self, f: ClinicianFields) -> tuple[object, ...]:
        """The fields in the table's column order (comparable with stored_values)."""
        lists = self._lists
        return (
            f.name,
            f.credentials,
            f.practice,
            lists(f.phones),
            f.email,
            f.address,
            f.region,
            int(f.telehealth),
            lists(f.languages),
            lists(f.specialties),
            lists(f.modalities),
            lists(f.insurance),
            int(f.accepting_new_clients),
            f.first_responder_experience,
            f.vetted_by,
            f.vetted_on.isoformat() if f.vetted_on else None,
            f.revet_due.isoformat() if f.revet_due else None,
            int(f.suspended),
            f.notes,
        )

    def stamp(self, when: datetime) -> str:
        found = self._stamps.get(when)
        if found is None:
            found = self._stamps[when] = stamp(when)
        return found

    def filter_keys(self, f: ClinicianFields) -> str:
        """The folded filter_keys column: specialties, languages, insurance, region."""
        keys = self._filter_list
        region = (filter_key(REGION_KEY, f.region),) if f.region else ()
        return "".join(
            (
                *(keys(kind, getattr(f, attr)) for kind, attr in FILTERED_LISTS.items()),
                *region,
            )
        )

    def search_row(self, num: int, f: ClinicianFields) -> tuple[object, ...]:
        """The search row of one clinician, in _INDEX's order."""
        topics = self._topics.get(f.specialties)
        if topics is None:
            topics = self._topics[f.specialties] = _topic_words(f.specialties)
        return (
            num,
            f.name,
            f.practice,
            f.credentials,
            topics,
            " ".join(f.modalities),
            f.region,
            " ".join(f.languages),
            "\n".join(t for t in (f.notes, f.first_responder_experience) if t),
        )

    def _lists(self, items: tuple[str, ...]) -> str:
        found = self._json.get(items)
        if found is None:
            found = self._json[items] = _ENCODE(list(items)) if items else "[]"
        return found

    def _filter_list(self, kind: str, items: tuple[str, ...]) -> str:
        found = self._keys.get((kind, items))
        if found is None:
            found = self._keys[kind, items] = "".join(filter_key(kind, v) for v in items)
        return found


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # made once, used for every list


def _topic_words(specialties: tuple[str, ...]) -> str:
    """Specialties are searchable by topic id and by label."""
    return " ".join(_TOPIC_WORDS.get(topic, f"{topic} {topic}") for topic in specialties)


def rebuild_search(conn: Connection) -> int:
    """Write every clinician's search row into an empty clinicians_fts (a migration
    that recreates the index calls this). Returns how many were written."""
    rows = conn.execute(
        "SELECT num, name, practice, credentials, specialties, modalities, region, "
        "languages, notes, first_responder_experience FROM clinicians"
    ).fetchall()
    conn.executemany(
        _INDEX,
        (
            (
                int(r[0]),
                r[1],
                r[2],
                r[3],
                _topic_words(from_json_list(r[4])),
                " ".join(from_json_list(r[5])),
                r[6],
                " ".join(from_json_list(r[7])),
                "\n".join(t for t in (r[8], r[9]) if t),
            )
            for r in rows
        ),
    )
    return len(rows)
