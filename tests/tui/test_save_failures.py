"""A save on a full disk keeps the form; a lock on a full disk still locks.

The disk is really full for SQLite (`PRAGMA max_page_count` on the app's connection),
the app is the real one under Pilot at 80x24, and what the app printed is read back to
prove the canary note and handle never reached it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault, contacts, drafts
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import field_input, note, notifications
from tests.tui.helpers import SIZE, all_screens_text, wait_until
from tests.tui.save_helpers import (
    CANARY_HANDLE,
    LONG_NOTE,
    assert_no_canary,
    fill_disk,
    printed,
    typed_form,
)
from tests.tui.test_lock import assert_locked, unlock


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
