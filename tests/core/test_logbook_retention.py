"""Expired notes and handles are wiped from the file itself; the categories stay."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, contacts, followups, logbook
from peerdesk.vault.contacts import ContactFilter
from tests.conftest import PASSPHRASE
from tests.support.canary import files_holding
from tests.support.pages import decrypted_pages

TODAY = datetime.now(UTC).date()
LONG_AGO = datetime.now(UTC) - timedelta(days=45)
# Made at run time, so the canaries exist nowhere else on this machine (not even in this file).
NOTE_CANARY = "zebra" + secrets.token_hex(8)
HANDLE_CANARY = "Handle" + secrets.token_hex(8)


def old_contact(vault: Vault, **text: str) -> int:
    return logbook.save_contact(
        vault,
        ContactFields(contact_date=TODAY, topics=("trauma",), **text),  # type: ignore[arg-type]
        today=TODAY,
        now=LONG_AGO,
    )


def test_canaries_never_reach_disk_in_plaintext(vault_path: Path) -> None:
    started = time.time()
    passphrase = "pass " + secrets.token_hex(8)
    vault = Vault.create(vault_path, passphrase)
    cid = old_contact(vault, note=f"spoke about {NOTE_CANARY}", handle=HANDLE_CANARY)
    contacts.page(vault.conn, ContactFilter(search=NOTE_CANARY[:6]))
    logbook.save_contact(
        vault,
        ContactFields(contact_date=TODAY, topics=("grief",), note=f"{NOTE_CANARY} edited"),
        today=TODAY,
        contact_id=cid,
    )
    vault.close()
    # One scan for all three: a file holding any of them fails the test.
    needles = [NOTE_CANARY, HANDLE_CANARY, passphrase]
    assert files_holding(needles, [vault_path.parent], since=started) == []


def test_purge_wipes_text_from_decrypted_pages_and_keeps_counts(
    vault: Vault, vault_path: Path
) -> None:
    old_contact(vault, note=f"about {NOTE_CANARY} at length " * 20, handle=HANDLE_CANARY)
    fresh = logbook.save_contact(
        vault, ContactFields(contact_date=TODAY, topics=("sleep",), note="fresh"), today=TODAY
    )
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = decrypted_pages(vault_path, PASSPHRASE)
    assert NOTE_CANARY.encode() in before  # the check below can fail

    dry = logbook.purge(vault, dry_run=True)
    assert (dry.contact_notes, dry.contact_handles, dry.dry_run) == (1, 1, True)
    assert contacts.page(vault.conn, ContactFilter(search=NOTE_CANARY)) != []

    report = logbook.purge(vault)
    assert (report.contact_notes, report.contact_handles) == (1, 1)
    after = decrypted_pages(vault_path, PASSPHRASE)
    assert NOTE_CANARY.encode() not in after
    assert NOTE_CANARY[:10].encode() not in after  # not even a token prefix
    assert HANDLE_CANARY.encode() not in after
    assert contacts.count(vault.conn) == 2
    assert contacts.count(vault.conn, ContactFilter(topic="trauma")) == 1
    assert contacts.page(vault.conn, ContactFilter(search=NOTE_CANARY)) == []
    kept = contacts.get(vault.conn, fresh)
    assert kept is not None
    assert kept.fields.note == "fresh"
    assert vault.check_integrity().ok


def test_unlock_purges_expired_text(vault: Vault, vault_path: Path) -> None:
    cid = old_contact(vault, note=NOTE_CANARY)
    vault.close()
    reopened = Vault.unlock(vault_path, PASSPHRASE)
    try:
        assert reopened.purged_on_unlock is not None
        assert reopened.purged_on_unlock.contact_notes == 1
        stored = contacts.get(reopened.conn, cid)
        assert stored is not None
        assert stored.fields.note is None
    finally:
        reopened.close()
    assert NOTE_CANARY.encode() not in decrypted_pages(vault_path, PASSPHRASE)


def test_open_followup_keeps_handle_until_done_plus_retention(vault: Vault) -> None:
    with vault.transaction() as conn:
        open_id = followups.add(conn, TODAY, "open one", LONG_AGO)
        done_id = followups.add(conn, TODAY, "done one", LONG_AGO)
        followups.mark_done(conn, done_id, date.today() - timedelta(days=40), LONG_AGO)
    report = logbook.purge(vault)
    assert report.followup_handles == 1
    assert followups.get(vault.conn, open_id).handle == "open one"  # type: ignore[union-attr]
    assert followups.get(vault.conn, done_id).handle is None  # type: ignore[union-attr]
