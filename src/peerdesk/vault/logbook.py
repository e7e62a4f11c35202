"""The peer's log as user actions: each function is one transaction.

The CLI and the TUI both call these, so validation, the follow-up that goes with a
contact, and retention are decided in one place.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from peerdesk.models.contacts import ContactFields, PurgeReport
from peerdesk.validation import HANDLE_MAX_CHARS, optional_text
from peerdesk.vault import contacts, followups, retention
from peerdesk.vault.store import Vault
from peerdesk.vault.values import utc_now


def save_contact(
    vault: Vault,
    fields: ContactFields,
    *,
    today: date,
    now: datetime | None = None,
    contact_id: int | None = None,
    follow_up_on: date | None = None,
    completes_followup: int | None = None,
) -> int:
    """Validate and store a new (or edited) contact, with its follow-up if asked.

    `completes_followup` closes a colleague-concern follow-up that became this contact.
    With retention 0 no note or handle is kept at all.
    """
    now = now or utc_now()
    clean = fields.validated(today)
    if vault.settings().retention_days == 0:
        clean = _without_text(clean)
    with vault.transaction() as conn:
        if contact_id is None:
            contact_id = contacts.add(conn, clean, now)
        else:
            contacts.update(conn, contact_id, clean, now)
        if follow_up_on is not None:
            followups.add(conn, follow_up_on, clean.handle, now, contact_id=contact_id)
        if completes_followup is not None:
            followups.mark_done(conn, completes_followup, today, now, contact_id=contact_id)
    return contact_id


def add_concern(
    vault: Vault, due_on: date, handle: str | None, *, now: datetime | None = None
) -> int:
    """A colleague asked the peer to check on someone: a follow-up with no contact yet."""
    clean = optional_text(handle, "handle", HANDLE_MAX_CHARS, allow_newlines=False)
    if vault.settings().retention_days == 0:
        clean = None
    with vault.transaction() as conn:
        return followups.add(conn, due_on, clean, now or utc_now(), kind="concern")


def delete_contact(vault: Vault, contact_id: int) -> bool:
    """Delete in one transaction, then empty the write-ahead log; False when already gone.

    secure_delete and FTS5 secure-delete overwrite the note in the vault's pages; the
    checkpoint makes sure no older copy of those pages waits in the -wal file either.
    """
    with vault.transaction() as conn:
        deleted = contacts.delete(conn, contact_id)
    retention.reclaim(vault.conn)
    return deleted


def close_followup(
    vault: Vault, followup_id: int, *, today: date, now: datetime | None = None
) -> bool:
    """Close an open follow-up without logging a contact; False when none is open."""
    with vault.transaction() as conn:
        return followups.mark_done(conn, followup_id, today, now or utc_now())


def reopen_followup(vault: Vault, followup_id: int, *, now: datetime | None = None) -> bool:
    """Undo "done" on a follow-up; False when it is not closed (or no longer exists).

    A follow-up closed by logging a contact keeps its link to that contact: reopening
    it only says the check is still to do.
    """
    with vault.transaction() as conn:
        return followups.reopen(conn, followup_id, now or utc_now())


def snooze_followup(
    vault: Vault, followup_id: int, new_due: date, *, now: datetime | None = None
) -> bool:
    """Move an open follow-up to a new due date; False when none is open."""
    with vault.transaction() as conn:
        return followups.snooze(conn, followup_id, new_due, now or utc_now())


def purge(vault: Vault, *, now: datetime | None = None, dry_run: bool = False) -> PurgeReport:
    """Wipe expired notes and handles (or, with dry_run, count what would go)."""
    now = now or utc_now()
    days = vault.settings().retention_days
    if dry_run or vault.read_only:
        return retention.expired(vault.conn, now, days)
    with vault.transaction() as conn:
        report = retention.wipe_expired(conn, now, days)
    if report.total:
        retention.reclaim(vault.conn)
    return report


def _without_text(fields: ContactFields) -> ContactFields:
    return replace(fields, note=None, handle=None)
