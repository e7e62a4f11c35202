"""The clinician directory: short parameterised SQL in, frozen models out.

This module reads, and defines how a clinician is stored (columns, JSON lists, the
folded filter keys, updated_at); vault.clinician_writes writes, inside the caller's
transaction. The user actions (save, suspend, reactivate: one transaction each, like
vault.logbook) are in vault.directory.

The list a screen shows is `page()` (one screenful of light rows) plus `count()`,
both driven by a DirectoryFilter. Search is FTS5 with a one-letter prefix index, and the
multi-valued filters (specialty, language, insurance) and the region are one instr()
on the folded filter_keys column, so both stay in single milliseconds over 10,000
clinicians (see benchmarks/bench_directory.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from peerdesk.models.clinicians import (
    EXPIRED,
    REVET_DUE,
    REVET_WINDOW_DAYS,
    SUSPENDED,
    UNVETTED,
    VETTED,
    Clinician,
    ClinicianFields,
    ClinicianRow,
    DirectoryChoices,
    fold,
    vetting_status,
)
from peerdesk.vault.search import fts_query, match_clause
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.values import day

PAGE_SIZE = 50

COLUMNS = (
    "id, name, credentials, practice, phones, email, address, region, telehealth, "
    "languages, specialties, modalities, insurance, accepting_new_clients, "
    "first_responder_experience, vetted_by, vetted_on, revet_due, suspended, notes, updated_at"
)
FILTERED_LISTS = {  # filter_keys kind -> the ClinicianFields list it repeats
    "s": "specialties",
    "l": "languages",
    "i": "insurance",
}
REGION_KEY = "r"


@dataclass(frozen=True)
class DirectoryFilter:
    """What the directory list is narrowed by; every given part must hold.

    specialties: topic ids, all required. Language, insurance and region compare
    ignoring case and accents. status: a models.clinicians.VETTING_STATUSES id.
    """

    search: str | None = None
    specialties: tuple[str, ...] = ()
    telehealth: bool | None = None
    accepting_new_clients: bool | None = None
    insurance: str | None = None
    language: str | None = None
    region: str | None = None
    status: str | None = None


def filter_key(kind: str, value: str) -> str:
    """How one filter value appears in filter_keys (kind: s, l, i or r)."""
    return f"\x1f{kind}:{fold(value.strip())}\x1f"


# --- reads ------------------------------------------------------------------
def get(conn: Connection, clinician_id: str) -> Clinician | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM clinicians WHERE id = ?", (clinician_id,)).fetchone()
    return None if row is None else _clinician(row)


def find(conn: Connection, prefix: str) -> list[Clinician]:
    """Clinicians whose UUID starts with `prefix` (so a person can type the first 8)."""
    clean = prefix.strip().lower()
    if not clean or not all(ch in "0123456789abcdef-" for ch in clean):
        return []
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM clinicians WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
        (clean, clean + "~"),
    ).fetchall()
    return [_clinician(r) for r in rows]


def every(conn: Connection) -> Iterator[Clinician]:
    """The whole directory in list order (name, then id): what an export writes."""
    for row in conn.execute(f"SELECT {COLUMNS} FROM clinicians ORDER BY sort_name, id"):
        yield _clinician(row)


def stored_values(conn: Connection) -> dict[str, tuple[object, ...]]:
    """Every clinician's fields as stored, by UUID: an import compares these with
    `values_of(fields)` instead of building 10,000 records it mostly will not change."""
    fields = COLUMNS.removesuffix(", updated_at")
    return {str(row[0]): tuple(row[1:]) for row in conn.execute(f"SELECT {fields} FROM clinicians")}


def _clinician(r: tuple[object, ...]) -> Clinician:
    return Clinician(
        id=str(r[0]),
        fields=fields_from_stored(r[1:20]),
        updated_at=datetime.fromisoformat(str(r[20])),
    )


def fields_from_stored(r: tuple[object, ...]) -> ClinicianFields:
    """The fields from their stored values, as `stored_values` gives them (an import
    builds the old side of a changed clinician from what it read already)."""
    return ClinicianFields(
        name=str(r[0]),
        credentials=_opt(r[1]),
        practice=_opt(r[2]),
        phones=from_json_list(r[3]),
        email=_opt(r[4]),
        address=_opt(r[5]),
        region=_opt(r[6]),
        telehealth=bool(r[7]),
        languages=from_json_list(r[8]),
        specialties=from_json_list(r[9]),
        modalities=from_json_list(r[10]),
        insurance=from_json_list(r[11]),
        accepting_new_clients=bool(r[12]),
        first_responder_experience=_opt(r[13]),
        vetted_by=_opt(r[14]),
        vetted_on=day(r[15]),
        revet_due=day(r[16]),
        suspended=bool(r[17]),
        notes=_opt(r[18]),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def from_json_list(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in json.loads(str(value)))


def _where(flt: DirectoryFilter, today: date) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for topic in flt.specialties:
        clauses.append("instr(c.filter_keys, ?)")
        params.append(filter_key("s", topic))
    for kind, value in (("l", flt.language), ("i", flt.insurance), (REGION_KEY, flt.region)):
        if value is not None and value.strip():
            clauses.append("instr(c.filter_keys, ?)")
            params.append(filter_key(kind, value))
    if flt.telehealth is not None:
        clauses.append("c.telehealth = ?")
        params.append(int(flt.telehealth))
    if flt.accepting_new_clients is not None:
        clauses.append("c.accepting_new_clients = ?")
        params.append(int(flt.accepting_new_clients))
    if flt.status is not None:
        clause, values = _status_clause(flt.status, today)
        clauses.append(clause)
        params += values
    # The unary + keeps SQLite scanning clinicians_list in name order (checking each
    # entry against the matches) instead of a table look-up per match.
    found = match_clause(flt.search, "+c.num", "clinicians_fts")
    if found is not None:
        clauses.append(found[0])
        params += found[1]
    return clauses, params


def _status_clause(status: str, today: date) -> tuple[str, list[object]]:
    """The SQL for one vetting status; mirrors models.clinicians.vetting_status."""
    soon = (today + timedelta(days=REVET_WINDOW_DAYS)).isoformat()
    now = today.isoformat()
    active = "c.suspended = 0 AND c.vetted_on IS NOT NULL AND c.revet_due IS NOT NULL AND "
    clauses: dict[str, tuple[str, list[object]]] = {
        SUSPENDED: ("c.suspended = 1", []),
        UNVETTED: ("c.suspended = 0 AND (c.vetted_on IS NULL OR c.revet_due IS NULL)", []),
        EXPIRED: (active + "c.revet_due < ?", [now]),
        REVET_DUE: (active + "c.revet_due BETWEEN ? AND ?", [now, soon]),
        VETTED: (active + "c.revet_due > ?", [soon]),
    }
    return clauses.get(status, ("0", []))


def page(
    conn: Connection,
    flt: DirectoryFilter = DirectoryFilter(),
    *,
    today: date,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> list[ClinicianRow]:
    """At most `limit` light rows in name order, skipping the first `offset` matches."""
    clauses, params = _where(flt, today)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        "SELECT c.id, c.name, c.credentials, c.practice, c.phones ->> '$[0]', c.region, "
        "c.telehealth, c.accepting_new_clients, c.specialties, c.languages, "
        "c.vetted_on, c.revet_due, c.suspended "
        f"FROM clinicians c {where} ORDER BY c.sort_name, c.num LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [
        ClinicianRow(
            id=r[0],
            name=r[1],
            credentials=r[2],
            practice=r[3],
            phone=r[4],
            region=r[5],
            telehealth=bool(r[6]),
            accepting_new_clients=bool(r[7]),
            specialties=from_json_list(r[8]),
            languages=from_json_list(r[9]),
            status=vetting_status(day(r[10]), day(r[11]), bool(r[12]), today),
        )
        for r in rows
    ]


def count(conn: Connection, flt: DirectoryFilter = DirectoryFilter(), *, today: date) -> int:
    """How many clinicians match (the list's "N found")."""
    query = fts_query(flt.search) if flt.search else None
    if query and replace(flt, search=None) == DirectoryFilter():
        # Search alone: the search index counts its own matches without the table.
        return int(
            conn.execute(
                "SELECT count(*) FROM clinicians_fts WHERE clinicians_fts MATCH ?", (query,)
            ).fetchone()[0]
        )
    clauses, params = _where(flt, today)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return int(conn.execute(f"SELECT count(*) FROM clinicians c {where}", params).fetchone()[0])


def choices(conn: Connection) -> DirectoryChoices:
    """Distinct regions, languages, insurance and modalities, sorted, for filter pickers."""
    found: dict[str, dict[str, str]] = {}
    for column in ("languages", "insurance", "modalities"):
        values = found.setdefault(column, {})
        for (text,) in conn.execute(f"SELECT DISTINCT {column} FROM clinicians"):
            for item in json.loads(text):
                values.setdefault(fold(item), item)
    regions = found.setdefault("region", {})
    for (region,) in conn.execute("SELECT DISTINCT region FROM clinicians WHERE region != ''"):
        regions.setdefault(fold(region), region)

    def ordered(column: str) -> tuple[str, ...]:
        return tuple(value for _key, value in sorted(found[column].items()))

    return DirectoryChoices(
        regions=ordered("region"),
        languages=ordered("languages"),
        insurance=ordered("insurance"),
        modalities=ordered("modalities"),
    )


def total(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM clinicians").fetchone()[0])
