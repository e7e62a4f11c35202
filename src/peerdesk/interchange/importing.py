"""Upsert a read directory file into the vault: preview first, all or nothing.

Rules (docs/directory-format.md says the same):
- a record whose id is in the vault is "changed" if any field differs and
  "unchanged" otherwise; unchanged records are not written, so their updated_at stays;
- a record with an unknown id is added under that id; one without an id is added
  under a new UUID, and the preview says so;
- a changed or added record takes the file's updated_at, or now if the file has none;
- clinicians in the vault but not in the file are left alone: an import never deletes;
- any bad row means nothing is written, and the plan lists every problem.
Planning and writing happen inside one transaction, so nothing can change between
the preview and the write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peerdesk.interchange.cells import RowProblem
from peerdesk.interchange.reading import ParsedDirectory, read_directory
from peerdesk.models.clinicians import new_id
from peerdesk.vault import clinician_writes, clinicians, team, values
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.store import Vault


@dataclass(frozen=True)
class PlannedRecord:
    """One clinician the import adds or changes, for the preview."""

    location: str
    id: str
    name: str
    id_assigned: bool = False  # the file had no id; this UUID is new
    changed: tuple[str, ...] = ()  # field names, for a changed record


@dataclass(frozen=True)
class ImportPlan:
    """What an import does (or, on a dry run or with problems, would do)."""

    added: tuple[PlannedRecord, ...]
    changed: tuple[PlannedRecord, ...]
    unchanged: int
    left_alone: int  # in the vault, not in the file
    problems: tuple[RowProblem, ...]
    written: bool  # True only when the vault was changed

    @property
    def ok(self) -> bool:
        return not self.problems


def import_file(
    vault: Vault, path: Path, *, now: datetime | None = None, dry_run: bool = False
) -> ImportPlan:
    """Read, check and (unless dry_run or any row is bad) store a directory file.

    Raises interchange.DirectoryFileError for a file that cannot be read at all.
    """
    return import_parsed(vault, read_directory(path), now=now, dry_run=dry_run)


def import_parsed(
    vault: Vault,
    parsed: ParsedDirectory,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    signed_sequence: int | None = None,
) -> ImportPlan:
    """As import_file, for a file already read (a screen shows the preview first).

    `signed_sequence` is the team-signed number of the file (interchange.signing):
    stored in the same transaction as the clinicians, so no older copy is taken later.
    """
    now = now or values.utc_now()
    if dry_run or parsed.problems or vault.read_only:
        plan, _writes = _plan(vault.conn, parsed, now)
        return plan
    with vault.transaction() as conn:
        plan, (adds, updates) = _plan(conn, parsed, now)
        clinician_writes.store_many(conn, adds, new=True)
        clinician_writes.store_many(conn, updates, new=False)
        if signed_sequence is not None:
            team.record_directory_imported(conn, signed_sequence)
    return ImportPlan(
        plan.added, plan.changed, plan.unchanged, plan.left_alone, plan.problems, written=True
    )


def _plan(
    conn: Connection, parsed: ParsedDirectory, now: datetime
) -> tuple[ImportPlan, tuple[list[clinician_writes.Write], list[clinician_writes.Write]]]:
    """What the file would do; the writes come back as (adds, updates)."""
    existing = clinicians.stored_values(conn)
    added: list[PlannedRecord] = []
    changed: list[PlannedRecord] = []
    adds: list[clinician_writes.Write] = []
    updates: list[clinician_writes.Write] = []
    unchanged = 0
    for record in parsed.records:
        when = record.updated_at or now
        current = existing.get(record.id) if record.id else None
        if current is None or record.id is None:
            clinician_id = record.id or new_id()
            added.append(
                PlannedRecord(record.location, clinician_id, record.fields.name, record.id is None)
            )
            adds.append((clinician_id, record.fields, when))
        elif current == clinician_writes.values_of(record.fields):
            unchanged += 1
        else:
            stored = clinicians.get(conn, record.id)
            assert stored is not None
            diff = stored.fields.changed_fields(record.fields)
            changed.append(
                PlannedRecord(record.location, record.id, record.fields.name, False, diff)
            )
            updates.append((record.id, record.fields, when))
    in_file = {r.id for r in parsed.records if r.id}
    left_alone = sum(1 for clinician_id in existing if clinician_id not in in_file)
    plan = ImportPlan(
        tuple(added), tuple(changed), unchanged, left_alone, parsed.problems, written=False
    )
    return plan, (adds, updates)
