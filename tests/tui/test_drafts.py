"""An interrupted contact form is kept inside the vault and offered back after unlock."""

from __future__ import annotations

import secrets
import signal
import time
from pathlib import Path

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.idle import FakeClock, IdleWatch
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.contact_values import FormValues, from_draft, to_draft
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.vault import Vault, drafts
from tests.conftest import PASSPHRASE
from tests.support.canary import files_holding
from tests.tui.draft_helpers import fill_in, unlock_again
from tests.tui.form_helpers import choice, field_input, form, note, open_form, topics
from tests.tui.helpers import (
    SIZE,
    all_screens_text,
    assert_locked,
    rendered,
    screen_text,
    type_text,
    unlock,
    wait_until,
)


async def test_ctrl_l_keeps_the_draft_and_y_brings_it_back(closed_vault: Path) -> None:
    canary = secrets.token_hex(12)
    started = time.time()
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, canary)
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert canary not in all_screens_text(app)
        folders = [closed_vault.parent]
        assert files_holding([canary], folders, since=started) == []
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert messages.DRAFT_RESUME_QUESTION in screen_text(app)
        assert canary not in all_screens_text(app)  # asked without showing the note
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "the form")
        await wait_until(pilot, lambda: bool(app.screen.query("NoteArea")), "its fields")
        screen = form(app)
        assert note(screen).text == f"note {canary}"
        assert topics(screen).chosen == ("alcohol", "sleep")
        assert field_input(screen, "minutes").value == "30"
        assert choice(screen, "risk").value == "low"
        assert isinstance(app.screen_stack[-2], HomeScreen)
        assert app.vault is not None
        assert drafts.load(app.vault.conn) is None  # taken out of the vault once reopened
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert vault.table_counts()["contacts"] == 1
        assert drafts.load(vault.conn) is None


async def test_n_discards_the_draft(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, "discard-me")
        await pilot.press("ctrl+l")
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+l")
        await unlock(pilot, app)  # asked only once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert drafts.load(vault.conn) is None
        assert vault.table_counts()["contacts"] == 0


async def test_idle_lock_keeps_the_draft_too(closed_vault: Path) -> None:
    wall, mono = FakeClock(), FakeClock()
    app = PeerdeskApp(closed_vault, idle_watch=IdleWatch(5, wall=wall, monotonic=mono))
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, "idle-draft")
        wall.advance(6 * 60)
        mono.advance(6 * 60)
        app.check_idle_lock()
        await assert_locked(pilot, app, closed_vault)
        assert "idle-draft" not in all_screens_text(app)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        body = drafts.load(vault.conn)
    assert body is not None and body["fields"]["note"] == "note idle-draft"


async def test_an_untouched_form_leaves_no_draft(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot, app)
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, UnlockScreen)
        await unlock(pilot, app)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert drafts.load(vault.conn) is None


async def test_sigterm_keeps_the_draft_before_exiting(closed_vault: Path) -> None:
    """The signal handler's own path (test_signals.py sends the real signal)."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, "signalled")
        app._lock_and_exit(signal.SIGTERM)
        await pilot.pause()
        assert app.vault is None
    assert app.return_code == 128 + int(signal.SIGTERM)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        body = drafts.load(vault.conn)
    assert body is not None and body["fields"]["note"] == "note signalled"


async def test_a_draft_comes_back_with_the_cursor_where_typing_stopped(closed_vault: Path) -> None:
    """Carrying on typing after the unlock goes on in the note, never into the topics."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, "spoke at shift change")
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "the form")
        await wait_until(pilot, lambda: bool(app.screen.query("NoteArea")), "its fields")
        await pilot.pause()
        screen = form(app)
        assert app.focused is note(screen)
        await type_text(pilot, " Officer Smith")
        await pilot.pause()
        assert note(screen).text == "note spoke at shift change Officer Smith"
        assert topics(screen).chosen == ("alcohol", "sleep")  # no topic toggled by the typing
        assert "Officer Smith" in rendered(note(screen))


OLD_FIELDS = {"contact_date", "topics", "mode", "initiated_by", "minutes", "head_count"}


def test_a_draft_keeps_the_later_fields_and_an_older_draft_gets_their_defaults() -> None:
    values = FormValues(
        contact_date="2026-03-04",
        mode="group",
        for_whom="retired",
        first_or_followup="follow-up",
        group_kind="debriefing",
    )
    body = to_draft(values, contact_id=None, completes_followup=None)
    back = from_draft(body)
    assert back is not None and back.values == values
    older = {**body, "fields": {k: v for k, v in body["fields"].items() if k in OLD_FIELDS}}
    before = from_draft(older)
    assert before is not None and before.values.mode == "group"
    assert (before.values.for_whom, before.values.group_kind) == ("sworn", "defusing")
    assert before.values.first_or_followup == "first"
