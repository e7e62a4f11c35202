"""Upsert a read directory file into the vault: preview first, all or nothing.

Rules (docs/directory-format.md says the same):
- a record whose id is in the vault is "changed" if any field differs and
  "unchanged" otherwise; unchanged records are not written, so their updated_at stays;
- a record with an unknown id is added under that id; one without an id is added
  under a new UUID, and the preview says so;
- a changed or added record takes the file's updated_at, or now if the file has none;
- clinicians in the vault but not in the file are left alone: an import never deletes;
- any bad row means nothing is written, and the plan lists every problem;
- a new clinician whose name looks like another's (interchange.lookalikes) means
  nothing is written unless the caller passes accept_lookalikes=True, after the person
  saw them.
The plan holds every changed field with its old and new value, and the vetting status
before and after, so that a preview can show exactly what a file would change.
Planning and writing happen inside one transaction, so nothing can change between
the preview and the write.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from peerdesk import messages
from peerdesk.interchange import collector, lookalikes
from peerdesk.interchange.cells import RowProblem
from peerdesk.interchange.lookalikes import LookAlike
from peerdesk.interchange.reading import ParsedDirectory, read_directory
from peerdesk.models.clinicians import ClinicianFields, new_id
from peerdesk.progress import Progress, counted, silent
from peerdesk.vault import clinician_writes, clinicians, team, values
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.store import Vault


@dataclass(frozen=True)
class FieldChange:
    """One field of a changed clinician: its value in the vault and in the file."""

    field: str  # a ClinicianFields name, as the file's column
    old: object
    new: object


@dataclass(frozen=True)
class PlannedRecord:
    """One clinician the import adds or changes, for the preview."""

    location: str
    id: str
    name: str
    id_assigned: bool = False  # the file had no id; this UUID is new
    changed: tuple[str, ...] = ()  # field names, for a changed record
    changes: tuple[FieldChange, ...] = ()  # the same fields with both values
    status: str | None = None  # the vetting status after the import, on the import's day
    old_status: str | None = None  # the vetting status before, for a changed record

    @property
    def status_changes(self) -> bool:
        return self.old_status is not None and self.old_status != self.status


@dataclass(frozen=True)
class ImportPlan:
    """What an import does (or, on a dry run or with problems, would do)."""

    added: tuple[PlannedRecord, ...]
    changed: tuple[PlannedRecord, ...]
    unchanged: int
    left_alone: int  # in the vault, not in the file
    problems: tuple[RowProblem, ...]
    written: bool  # True only when the vault was changed
    lookalikes: tuple[LookAlike, ...] = ()  # new clinicians named like another one

    @property
    def ok(self) -> bool:
        return not self.problems


def import_file(
    vault: Vault,
    path: Path,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    accept_lookalikes: bool = False,
    today: date | None = None,
) -> ImportPlan:
    """Read, check and (unless dry_run, any row is bad, or a look-alike name is not
    accepted) store a directory file.

    Raises interchange.DirectoryFileError for a file that cannot be read at all.
    """
    return import_parsed(
        vault,
        read_directory(path),
        now=now,
        dry_run=dry_run,
        accept_lookalikes=accept_lookalikes,
        today=today,
    )


def import_parsed(
    vault: Vault,
    parsed: ParsedDirectory,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    accept_lookalikes: bool = False,
    today: date | None = None,
    signed_sequence: int | None = None,
    signed_digest: str | None = None,
    progress: Progress = silent,
) -> ImportPlan:
    """As import_file, for a file already read (a screen shows the preview first).

    `today` is the day the vetting statuses in the plan are worked out for (default:
    the local date, as every list shows them). `signed_sequence` is the team-signed
    number of the file (interchange.signing): stored in the same transaction as the
    clinicians, so no older copy is taken later. `progress` hears how many rows were
    compared and written (peerdesk.progress). The garbage collector is paused while
    it runs (interchange.collector).
    """
    now = now or values.utc_now()
    today = today or date.today()
    with collector.paused():
        if dry_run or parsed.problems or vault.read_only:
            plan, _writes = _plan(vault.conn, parsed, now, today, progress)
            return plan
        with vault.transaction() as conn:
            form = clinician_writes.StoredForm()  # what the plan encoded is not encoded again
            plan, (adds, updates) = _plan(conn, parsed, now, today, progress, form)
            if plan.lookalikes and not accept_lookalikes:
                return plan  # nothing written: the person has not seen and accepted them
            clinician_writes.store_many(conn, adds, new=True, progress=progress, form=form)
            clinician_writes.store_many(conn, updates, new=False, progress=progress, form=form)
            if signed_sequence is not None:
                team.record_directory_imported(conn, signed_sequence, signed_digest)
    return replace(plan, written=True)


def _plan(
    conn: Connection,
    parsed: ParsedDirectory,
    now: datetime,
    today: date,
    progress: Progress = silent,
    form: clinician_writes.StoredForm | None = None,
) -> tuple[ImportPlan, tuple[list[clinician_writes.Write], list[clinician_writes.Write]]]:
    """What the file would do; the writes come back as (adds, updates).

    The vault is read once (stored_values): a record is compared with its stored form,
    and a changed one's old fields are built from what was read."""
    form = form or clinician_writes.StoredForm()
    existing = clinicians.stored_values(conn)
    added: list[PlannedRecord] = []
    changed: list[PlannedRecord] = []
    adds: list[clinician_writes.Write] = []
    updates: list[clinician_writes.Write] = []
    entries: list[lookalikes.Entry] = []
    unchanged = 0
    checking, total = messages.PROGRESS_IMPORT_CHECKING, len(parsed.records)
    for record in counted(parsed.records, total, checking, progress):
        when = record.updated_at or now
        current = existing.get(record.id) if record.id else None
        if current is None or record.id is None:
            clinician_id = record.id or new_id()
            added.append(
                PlannedRecord(
                    record.location,
                    clinician_id,
                    record.fields.name,
                    record.id is None,
                    status=record.fields.vetting_status(today),
                )
            )
            adds.append((clinician_id, record.fields, when))
            entries.append(
                lookalikes.Entry(record.location, clinician_id, record.fields.name, True)
            )
            continue
        entries.append(lookalikes.Entry(record.location, record.id, record.fields.name, False))
        if current == form.values(record.fields):
            unchanged += 1
            continue
        old = clinicians.fields_from_stored(current)
        changes = _changes(old, record.fields)
        changed.append(
            PlannedRecord(
                record.location,
                record.id,
                record.fields.name,
                False,
                tuple(c.field for c in changes),
                changes,
                status=record.fields.vetting_status(today),
                old_status=old.vetting_status(today),
            )
        )
        updates.append((record.id, record.fields, when))
    in_file = {r.id for r in parsed.records if r.id}
    left_alone = sum(1 for clinician_id in existing if clinician_id not in in_file)
    vault_names = {clinician_id: str(stored[0]) for clinician_id, stored in existing.items()}
    plan = ImportPlan(
        tuple(added),
        tuple(changed),
        unchanged,
        left_alone,
        parsed.problems,
        written=False,
        lookalikes=lookalikes.find(vault_names, entries),
    )
    return plan, (adds, updates)


def _changes(old: ClinicianFields, new: ClinicianFields) -> tuple[FieldChange, ...]:
    """Every field that differs, in field order, with both values."""
    return tuple(
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in old.changed_fields(new)
    )
