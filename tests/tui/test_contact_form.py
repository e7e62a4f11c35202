"""The contact form: the typical note in a few keys, every field by keyboard, editing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Static

from peerdesk import messages
from peerdesk.models.contacts import ContactFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.events import ContactSaved
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault, contacts, followups, logbook, monthly
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import (
    back_home,
    choice,
    field_input,
    focus,
    form,
    jump,
    note,
    notifications,
    open_form,
    stored,
    topics,
)
from tests.tui.helpers import SIZE, paste, screen_text, type_text, unlock, wait_until


async def test_typical_note_takes_four_keystrokes_from_home(closed_vault: Path) -> None:
    """Cruiser, alcohol + relationship, 15 minutes, no text: n a r ctrl+s. The fields
    added later (who for, first or follow-up, group kind) come with their defaults."""
    app = PeerdeskApp(closed_vault)
    saved: list[ContactSaved] = []
    async with app.run_test(size=SIZE, message_hook=lambda m: _keep(m, saved)) as pilot:
        await unlock(pilot, app)
        keystrokes = ["n", "a", "r", "ctrl+s"]
        assert len(keystrokes) <= 4
        await pilot.press(*keystrokes)
        await back_home(pilot, app)
        assert messages.CONTACT_SAVED in notifications(app)
        assert [(m.contact_id, m.created) for m in saved] == [(1, True)]
    fields = stored(closed_vault, 1).fields
    assert fields.topics == ("relationship", "alcohol")
    assert (fields.mode, fields.initiated_by, fields.minutes) == ("cruiser", "self", 15)
    assert (fields.risk, fields.outcome, fields.critical_incident) == ("none", "support", False)
    assert fields.contact_date == date.today()
    assert fields.note is None and fields.handle is None
    assert (fields.for_whom, fields.first_or_followup) == ("sworn", "first")
    assert fields.group_kind == "defusing"


async def test_a_check_back_is_a_follow_up_in_three_keystrokes_from_home(
    closed_vault: Path,
) -> None:
    """enter on a follow-up due after a contact, a topic, ctrl+s: a follow-up contact."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        first = logbook.save_contact(
            vault,
            ContactFields(contact_date=date.today(), topics=("sleep",)),
            today=date.today(),
            follow_up_on=date.today(),
        )
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        keystrokes = ["enter", "w", "ctrl+s"]
        assert len(keystrokes) <= 4
        await pilot.press(*keystrokes)
        await back_home(pilot, app)
    fields = stored(closed_vault, first + 1).fields
    assert (fields.first_or_followup, fields.initiated_by) == ("follow-up", "peer-outreach")
    assert fields.topics == ("work-stress",)


def focused_id(app: PeerdeskApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def _keep(message: object, saved: list[ContactSaved]) -> None:
    if isinstance(message, ContactSaved) and message not in saved:
        saved.append(message)


async def test_every_field_changes_by_keyboard(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    follow = (date.today() + timedelta(days=7)).isoformat()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("g", "t", "t", "4")  # grief, trauma on and off again, 60 min
        assert field_input(screen, "minutes").value == "60"
        await focus(pilot, screen, "date")
        await pilot.press("end", "ctrl+u")
        await paste(pilot, yesterday)
        await focus(pilot, screen, "minutes")
        await pilot.press("backspace", "backspace", "4", "5")
        await focus(pilot, screen, "mode")
        await pilot.press("g")  # first letter: Group
        await focus(pilot, screen, "initiated-by")
        await pilot.press("right", "right")  # self -> peer-outreach -> colleague-concern
        await focus(pilot, screen, "risk")
        await pilot.press("e")  # Elevated
        await focus(pilot, screen, "outcome")
        await pilot.press("left")  # support -> escalated (wraps round)
        await focus(pilot, screen, "head-count")  # enabled now that the mode is group
        await pilot.press("backspace", "7")
        await focus(pilot, screen, "critical")
        await pilot.press("space")
        await focus(pilot, screen, "handle")
        await type_text(pilot, "blue")
        await paste(pilot, " truck")
        await focus(pilot, screen, "follow-up")
        await paste(pilot, follow)
        await focus(pilot, screen, "for-whom")  # after every older field
        await pilot.press("d")  # first letter: Dispatch/telecommunicator
        await focus(pilot, screen, "first-or-followup")
        await pilot.press("space")  # first contact -> follow-up
        await focus(pilot, screen, "group-kind")  # shown now that the mode is group
        await pilot.press("left")  # defusing -> crisis management briefing (wraps round)
        await focus(pilot, screen, "note")
        await type_text(pilot, "slept")
        await paste(pilot, " badly")
        await pilot.press("ctrl+s")
        # An escalated contact could lead to a referral: the app asks first; n declines.
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        await pilot.press("n")
        await back_home(pilot, app)
    fields = stored(closed_vault, 1).fields
    assert fields == ContactFields(
        contact_date=date.fromisoformat(yesterday),
        topics=("grief",),
        mode="group",
        initiated_by="colleague-concern",
        minutes=45,
        head_count=7,
        risk="elevated",
        outcome="escalated",
        critical_incident=True,
        note="slept badly",
        handle="blue truck",
        for_whom="dispatcher",
        group_kind="cmb",
        first_or_followup="follow-up",
    )
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        due = followups.open_followups(vault.conn)
        counts = monthly.month_counts(vault.conn, yesterday[:7])
    assert counts.tables["mode"]["group"] == counts.tables["group_kind"]["cmb"] == 1
    assert counts.tables["for_whom"]["dispatcher"] == 1
    assert counts.tables["first_or_followup"] == {"first": 0, "follow-up": 1}
    assert counts.figures["group_people"] == 7
    assert [(f.due_on.isoformat(), f.handle, f.contact_id) for f in due] == [
        (follow, "blue truck", 1)
    ]


async def test_validation_error_is_shown_focused_and_nothing_is_lost(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await jump(pilot, screen, "note")
        await paste(pilot, "kept text")
        await pilot.press("ctrl+s")  # no topic chosen
        assert isinstance(app.screen, ContactFormScreen)
        status = screen.query_one("#form-status", Static)
        assert messages.TOPICS_REQUIRED in str(status.content)
        assert app.focused is topics(screen)
        assert note(screen).text == "kept text"
        await pilot.press("w")
        await jump(pilot, screen, "date")
        await pilot.press(*["backspace"] * 3)  # a month ("2026-03") is not a date
        broken = field_input(screen, "date").value
        await pilot.press("ctrl+s")
        assert focused_id(app) == "date"
        assert f"The date '{broken}' is not a date" in str(status.content)
        assert field_input(screen, "date").value == broken
        assert topics(screen).chosen == ("work-stress",)
        assert note(screen).text == "kept text"
        await type_text(pilot, date.today().isoformat()[-3:])
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
    assert stored(closed_vault, 1).fields.note == "kept text"


async def test_note_warns_live_and_reminds_of_subpoenas(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        assert messages.NOTE_SUBPOENA_REMINDER in screen_text(app)
        await jump(pilot, screen, "note")
        await type_text(pilot, "call ")
        await paste(pilot, "Sgt Miller at 555-123-4567")
        warning = screen.query_one("#note-warning", Static)
        await wait_until(pilot, lambda: "looks like" in str(warning.content), "the warning")
        shown = str(warning.content)
        assert shown == messages.NOTE_WARNING_LEAD.format(
            what=f"{messages.NOTE_WARNINGS['phone']} and a name"
        )
        await pilot.press("f7", "backspace")  # select all, delete
        await wait_until(pilot, lambda: str(warning.content) == "", "the warning to go")


async def test_escape_asks_only_when_something_changed(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot, app)
        await pilot.press("escape")  # untouched: leaves at once
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n", "a", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no, keep editing
        assert topics(form(app)).chosen == ("alcohol",)
        await pilot.press("escape", "y")
        assert isinstance(app.screen, HomeScreen)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert vault.table_counts()["contacts"] == 0


async def test_edit_an_existing_contact(closed_vault: Path) -> None:
    original = ContactFields(
        contact_date=date.today(), topics=("sleep",), note="[red]x[/] [bold]y", handle="S."
    )
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        contact_id = logbook.save_contact(vault, original, today=date.today())
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        await app.push_screen(ContactFormScreen(app.vault, contact_id=contact_id))
        screen = form(app)
        assert note(screen).text == "[red]x[/] [bold]y"  # literal, markup not applied
        assert "[red]x[/] [bold]y" in "\n".join(
            strip.text for strip in app.screen._compositor.render_strips()
        )
        assert field_input(screen, "handle").value == "S."
        assert topics(screen).chosen == ("sleep",)
        await pilot.press("z", "a")  # sleep off, alcohol on
        await jump(pilot, screen, "note")
        await pilot.press("end")
        await type_text(pilot, " more")
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
    fields = stored(closed_vault, contact_id).fields
    assert fields.topics == ("alcohol",)
    assert fields.note == "[red]x[/] [bold]y more"
    assert fields.handle == "S."
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert vault.table_counts()["contacts"] == 1


async def test_concern_follow_up_becomes_a_contact(closed_vault: Path) -> None:
    """Part B's path: initial fields plus completes_followup closes the follow-up."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        followup_id = logbook.add_concern(vault, date.today(), "late to roll call")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        start = ContactFields(
            contact_date=date.today(), initiated_by="colleague-concern", handle="late to roll call"
        )
        await app.push_screen(
            ContactFormScreen(app.vault, initial=start, completes_followup=followup_id)
        )
        assert choice(form(app), "initiated-by").value == "colleague-concern"
        await pilot.press("w", "ctrl+s")
        await back_home(pilot, app)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert followups.open_followups(vault.conn) == []
        contact = contacts.get(vault.conn, 1)
    assert contact is not None and contact.fields.handle == "late to roll call"


async def test_the_group_kind_is_shown_for_a_group_only_and_kept_when_editing(
    closed_vault: Path,
) -> None:
    original = ContactFields(
        contact_date=date.today(),
        topics=("critical-incident",),
        mode="group",
        head_count=9,
        group_kind="demobilization",
        for_whom="other-agency",
    )
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        group_id = logbook.save_contact(vault, original, today=date.today())
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        kind = choice(screen, "group-kind")
        assert not kind.display and not screen.query_one("#group-kind-label").display
        await focus(pilot, screen, "mode")
        await pilot.press("g")  # Group
        assert kind.display and screen.query_one("#group-kind-label").display
        await pilot.press("c")  # back to Cruiser-to-cruiser: the kind goes again
        assert not kind.display
        await pilot.press("escape")  # nothing changed in the end: no question
        await back_home(pilot, app)
        assert app.vault is not None
        await app.push_screen(ContactFormScreen(app.vault, contact_id=group_id))
        editing = form(app)
        assert choice(editing, "group-kind").display
        assert choice(editing, "group-kind").value == "demobilization"
        assert choice(editing, "for-whom").value == "other-agency"
        await focus(pilot, editing, "mode")
        await pilot.press("p")  # Phone: no group, so no group kind is kept
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
    fields = stored(closed_vault, group_id).fields
    assert (fields.mode, fields.head_count, fields.group_kind) == ("phone", 1, "defusing")
    assert fields.for_whom == "other-agency"
