"""The clinician directory as user actions: each function is one transaction.

The TUI's add, edit, suspend and reactivate call these (the CLI's suspend and
reactivate too), so validation and updated_at are decided in one place. Reads (the
list, one clinician, filter choices) are in vault.clinicians.
"""

from __future__ import annotations

from datetime import datetime

from peerdesk.models.clinicians import ClinicianFields
from peerdesk.vault import clinician_writes, values
from peerdesk.vault.store import Vault


def save_clinician(
    vault: Vault,
    fields: ClinicianFields,
    *,
    clinician_id: str | None = None,
    now: datetime | None = None,
) -> str:
    """Validate and store a new clinician (no id) or replace an existing one's fields.

    Raises InvalidInput for a bad value; returns the UUID. Editing an id that does
    not exist raises KeyError (a screen shows only ids it read from the vault).
    """
    clean = fields.validated()
    now = now or values.utc_now()
    with vault.transaction() as conn:
        if clinician_id is None:
            return clinician_writes.add(conn, clean, now)
        if not clinician_writes.update(conn, clinician_id, clean, now):
            raise KeyError(clinician_id)
        return clinician_id


def set_suspended(
    vault: Vault, clinician_id: str, suspended: bool, *, now: datetime | None = None
) -> bool:
    """Suspend or reactivate; False if there is no such clinician. No-op keeps updated_at."""
    with vault.transaction() as conn:
        cur = conn.execute(
            "UPDATE clinicians SET suspended = ?, updated_at = ? WHERE id = ? AND suspended != ?",
            (
                int(suspended),
                values.stamp(now or values.utc_now()),
                clinician_id,
                int(suspended),
            ),
        )
        if cur.rowcount:
            return True
        exists = conn.execute("SELECT 1 FROM clinicians WHERE id = ?", (clinician_id,))
        return exists.fetchone() is not None
