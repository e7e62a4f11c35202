"""Follow-ups on home: due and overdue shown (overdue marked), done, snooze, into a contact,
and a colleague's concern added from home."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from textual.widgets import Input

from peerdesk.models.contacts import FollowUp
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.concern import ConcernScreen
from peerdesk.tui.opening import Opened, open_safely
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.home import HomeScreen, followup_contact_fields
from peerdesk.tui.widgets.followup_panel import WINDOW, FollowUpPanel
from peerdesk.vault import Vault, contacts, followups
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, assert_locked, screen_text, type_text, unlock, wait_until

TODAY = date.today()
NOW = datetime.now(UTC)


def add_followup(vault: Vault, due: date, handle: str | None, *, kind: str = "contact") -> int:
    with vault.transaction() as conn:
        return followups.add(conn, due, handle, NOW, kind=kind)


def panel_text(app: PeerdeskApp) -> str:
    return str(app.screen.query_one("#followups", FollowUpPanel).content)


def stored(app: PeerdeskApp, followup_id: int) -> FollowUp:
    assert app.vault is not None
    item = followups.get(app.vault.conn, followup_id)
    assert item is not None
    return item


async def test_home_shows_due_and_overdue_follow_ups(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        late = add_followup(vault, TODAY - timedelta(days=3), "[b]S.[/b]")
        add_followup(vault, TODAY, "late [red]roll[/]", kind="concern")
        add_followup(vault, TODAY + timedelta(days=1), "not yet due")
        done = add_followup(vault, TODAY - timedelta(days=1), "already done")
        with vault.transaction() as conn:
            followups.mark_done(conn, done, TODAY, NOW)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        lines = panel_text(app).splitlines()
        assert len(lines) == 2
        overdue, today = lines
        assert "OVERDUE 3 d" in overdue and "[b]S.[/b]" in overdue
        assert "after a contact" in overdue and (TODAY - timedelta(days=3)).isoformat() in overdue
        assert overdue.startswith(">")  # the marked one
        assert "today" in today and "OVERDUE" not in today
        assert "colleague concern" in today and "late [red]roll[/]" in today
        assert "Follow-ups due (2)" in screen_text(app)
        assert "not yet due" not in screen_text(app) and "already done" not in screen_text(app)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.opened.due[0].id == late


def test_the_unlock_worker_reads_the_follow_ups_due(vault_path: Path) -> None:
    """Home draws from what the worker read, so the first frame needs no query."""
    with Vault.create(vault_path, PASSPHRASE) as vault:
        due = add_followup(vault, TODAY, "S.")
        add_followup(vault, TODAY + timedelta(days=2), "later")
    result = open_safely(lambda: Vault.unlock(vault_path, PASSPHRASE))
    assert isinstance(result, Opened)
    try:
        assert [item.id for item in result.due] == [due]
    finally:
        result.vault.close()


async def test_home_with_nothing_due(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert "Nothing due today." in panel_text(app)
        await pilot.press("x", "s", "S", "enter")  # nothing marked: nothing happens
        assert isinstance(app.screen, HomeScreen)


async def test_done_and_snooze_update_home(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        first = add_followup(vault, TODAY - timedelta(days=2), "first")
        second = add_followup(vault, TODAY - timedelta(days=1), "second")
        third = add_followup(vault, TODAY, "third")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("down")
        assert panel_text(app).splitlines()[1].startswith(">")
        await pilot.press("x")  # second: done
        assert stored(app, second).done_on == TODAY
        assert "second" not in panel_text(app)
        assert "Follow-ups due (2)" in screen_text(app)
        await pilot.press("up", "s")  # first: tomorrow
        assert stored(app, first).due_on == TODAY + timedelta(days=1)
        assert stored(app, first).is_open
        assert "first" not in panel_text(app)
        await pilot.press("S")  # third: a week
        assert stored(app, third).due_on == TODAY + timedelta(days=7)
        assert "Nothing due today." in panel_text(app)


async def test_a_long_list_scrolls_with_the_mark(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        for day in range(WINDOW + 3):
            add_followup(vault, TODAY - timedelta(days=day), f"handle {day}")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert "3 more below" in panel_text(app)
        await pilot.press(*["down"] * (WINDOW + 5))  # past the end stops at the last
        text = panel_text(app)
        assert "3 more above" in text and "more below" not in text
        assert [line for line in text.splitlines() if line.startswith(">")] == [
            line for line in text.splitlines() if "handle 0" in line
        ]


async def test_enter_turns_a_concern_into_a_contact(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        concern = add_followup(vault, TODAY, "late to roll call", kind="concern")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        home = app.screen
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, ContactFormScreen) and form.completes_followup == concern
        assert form.query_one("#handle", Input).value == "late to roll call"
        await pilot.press("w")  # a topic (work stress); the rest keeps the defaults
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is home, "back on home")
        await pilot.pause()
        item = stored(app, concern)
        assert item.done_on == TODAY and item.contact_id is not None
        assert app.vault is not None
        contact = contacts.get(app.vault.conn, item.contact_id)
        assert contact is not None
        assert contact.fields.initiated_by == "colleague-concern"
        assert contact.fields.first_or_followup == "first"
        assert contact.fields.handle == "late to roll call"
        assert contact.fields.topics == ("work-stress",)
        assert "Nothing due today." in panel_text(app)


async def test_cancelling_the_form_keeps_the_follow_up(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        item_id = add_followup(vault, TODAY, "S.")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("enter")
        assert isinstance(app.screen, ContactFormScreen)
        await pilot.press("escape")  # nothing changed, so no question
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        assert stored(app, item_id).is_open
        assert "S." in panel_text(app)


def test_contact_defaults_for_a_follow_up() -> None:
    after_contact = FollowUp(1, TODAY, "S.", "contact", 7, None, NOW)
    fields = followup_contact_fields(after_contact, TODAY)
    assert fields.initiated_by == "peer-outreach" and fields.handle == "S."
    assert fields.contact_date == TODAY and fields.topics == ()
    assert fields.first_or_followup == "follow-up"  # checking back: the same person again
    concern = FollowUp(2, TODAY, None, "concern", None, None, NOW)
    from_concern = followup_contact_fields(concern, TODAY)
    assert from_concern.initiated_by == "colleague-concern"
    assert from_concern.first_or_followup == "first"


async def test_add_a_colleague_concern_from_home(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("o")
        dialog = app.screen
        assert isinstance(dialog, ConcernScreen)
        assert dialog.query_one("#concern-due", Input).value == TODAY.isoformat()
        await type_text(pilot, "[red]K-9[/] guy")
        await pilot.press("tab")
        due = dialog.query_one("#concern-due", Input)
        due.value = "2026-02-30"
        await pilot.press("enter")
        assert app.screen is dialog  # an impossible date is refused, with a sentence
        assert "does not exist in the calendar" in screen_text(app)
        due.value = TODAY.isoformat()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.pause()
        line = panel_text(app).splitlines()[0]
        assert "[red]K-9[/] guy" in line and "colleague concern" in line
        assert app.vault is not None
        (item,) = followups.open_followups(app.vault.conn)
        assert item.kind == "concern" and item.handle == "[red]K-9[/] guy"
        # Escape adds nothing; a later due date is saved but not shown as due.
        await pilot.press("o", "escape")
        await pilot.pause()
        assert len(followups.open_followups(app.vault.conn)) == 1
        await pilot.press("o")
        await type_text(pilot, "next week")
        await pilot.press("tab")
        app.screen.query_one("#concern-due", Input).value = (TODAY + timedelta(days=7)).isoformat()
        await pilot.press("enter")
        await pilot.pause()
        assert len(followups.open_followups(app.vault.conn)) == 2
        assert "next week" not in panel_text(app)


async def test_lock_with_the_concern_dialog_open(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("o")
        await type_text(pilot, "half typed")
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert "half typed" not in screen_text(app)
