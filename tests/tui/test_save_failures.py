"""A save on a full disk keeps the form; a lock on a full disk still locks.

The disk is really full for SQLite (`PRAGMA max_page_count` on the app's connection),
the app is the real one under Pilot at 80x24, and what the app printed is read back to
prove the canary note and handle never reached it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.concern import ConcernScreen
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault, contacts, drafts, followups
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.values import utc_now
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import field_input, note, notifications
from tests.tui.helpers import SIZE, all_screens_text, assert_locked, paste, unlock, wait_until
from tests.tui.save_helpers import (
    CANARY_HANDLE,
    LONG_NOTE,
    assert_no_canary,
    fill_disk,
    printed,
    typed_form,
)


class _WouldGrow(Exception):
    """Rolls back the probe row that needed a new page."""


def _pages(conn: Connection) -> int:
    return int(conn.execute("PRAGMA page_count").fetchone()[0])


def fill_followup_pages(vault_path: Path, handle: str) -> None:
    """Add far-off concerns until the next one with this handle needs a new page.

    A follow-up row is small: on a fresh vault it fits in a page the file already has,
    and a capped vault only fails when it must grow. Each probe row is added and, if
    the file grew, rolled back, so the next concern of the same size needs a new page.
    """
    later = date.today() + timedelta(days=60)
    filler = "x" * len(handle)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        try:
            while True:
                with vault.transaction() as conn:
                    before = _pages(conn)
                    followups.add(conn, later, filler, utc_now(), kind="concern")
                    if _pages(conn) > before:
                        raise _WouldGrow
        except _WouldGrow:
            return


async def test_save_on_a_full_disk_keeps_the_form_and_says_why(
    closed_vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await typed_form(pilot, app)
        fill_disk(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen  # the form is still there...
        assert note(screen).text == LONG_NOTE  # ...with what was typed
        assert field_input(screen, "handle").value == CANARY_HANDLE
        status = screen.query_one("#form-status", Static)
        assert str(status.content) == messages.SAVE_FAILED_DISK_FULL
        assert app.return_code is None  # the app did not exit
        assert app.vault is not None
        assert contacts.count(app.vault.conn) == 0  # nothing half-saved
        output = printed(app, capsys)
        # Space again: the same ctrl+s now saves what is still on screen.
        app.vault.conn.execute("PRAGMA max_page_count = 1073741823")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, ContactFormScreen), "saved")
    assert_no_canary(output + printed(app, capsys))
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        saved = contacts.get(vault.conn, 1)
    assert saved is not None and saved.fields.note == LONG_NOTE.strip()


async def test_lock_on_a_full_disk_locks_and_says_after_unlock_the_form_was_lost(
    closed_vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await typed_form(pilot, app)
        fill_disk(app)
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert app.return_code is None
        locked_screen = all_screens_text(app)
        assert "could not be kept" not in locked_screen  # nothing said while locked
        assert notifications(app) == []
        await unlock(pilot, app)
        await wait_until(pilot, lambda: bool(notifications(app)), "the sentence")
        said = notifications(app)
        assert len(said) == 1
        assert said[0] == messages.DRAFT_NOT_KEPT_AT_LOCK.format(reason=messages.VAULT_DISK_FULL)
        assert isinstance(app.screen, HomeScreen)  # no draft question: there is no draft
        assert app.vault is not None
        assert drafts.load(app.vault.conn) is None
        assert_no_canary(all_screens_text(app))
    assert_no_canary(printed(app, capsys))


async def test_concern_on_a_full_disk_keeps_the_dialog_and_its_handle(
    closed_vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The dialog saves before it closes, so a full disk costs nothing typed."""
    fill_followup_pages(closed_vault, CANARY_HANDLE)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        stored_before = len(followups.open_followups(app.vault.conn))
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ConcernScreen), "the dialog")
        dialog = app.screen
        await paste(pilot, CANARY_HANDLE)
        fill_disk(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # still open...
        assert dialog.query_one("#concern-handle", Input).value == CANARY_HANDLE  # ...as typed
        said = str(dialog.query_one("#concern-error", Static).content)
        assert said == messages.SAVE_FAILED_DISK_FULL_DIALOG
        assert app.return_code is None
        assert len(followups.open_followups(app.vault.conn)) == stored_before
        output = printed(app, capsys)
        # Space again: enter saves what is still in the dialog.
        app.vault.conn.execute("PRAGMA max_page_count = 1073741823")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        handles = [f.handle for f in followups.open_followups(app.vault.conn)]
        assert handles.count(CANARY_HANDLE) == 1
    assert_no_canary(output + printed(app, capsys))
