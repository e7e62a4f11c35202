"""Opening, editing and deleting a contact from the list; deletion leaves no trace."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.contact_detail import ContactDetailScreen
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.contacts_list import ContactsListScreen
from peerdesk.vault import Vault, contacts
from tests.conftest import PASSPHRASE
from tests.support.pages import decrypted_pages
from tests.tui.contacts_list_helpers import TODAY, add, open_list, row_text, shown_ids, top
from tests.tui.helpers import SIZE, assert_locked, screen_text, wait_until

CANARY = "canary-zebra-4711"


async def test_open_shows_every_field_literally(closed_vault: Path) -> None:
    note = "Said [red]x[/] and [b]loud[/b]\nsecond line"
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        contact_id = add(
            vault,
            TODAY - timedelta(days=1),
            ("relationship", "alcohol"),
            mode="group",
            head_count=6,
            initiated_by="supervisor",
            minutes=45,
            risk="imminent",
            outcome="escalated",
            critical_incident=True,
            note=note,
            handle="[i]S.[/i]",
            group_kind="cmb",
            for_whom="corrections",
            first_or_followup="follow-up",
        )
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ContactDetailScreen) and detail.contact_id == contact_id
        shown = screen_text(app)
        for expected in (
            note,  # markup and the line break exactly as typed
            "[i]S.[/i]",
            (TODAY - timedelta(days=1)).isoformat(),
            "Group",
            "Crisis management briefing (CMB)",
            "Corrections",
            "Follow-up",
            "Supervisor",
            "45",
            "6",
            "Marital/relationship, Alcohol",
            "IMMINENT!",
            "Escalated",
            "yes",
        ):
            assert expected in shown, expected
        await pilot.press("escape")
        assert isinstance(app.screen, ContactsListScreen)


async def test_delete_asks_first_and_leaves_no_trace(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        keep = add(vault, TODAY - timedelta(days=1), ("other",), note="stays here")
        doomed = add(vault, TODAY, ("other",), note=f"about the {CANARY} thing")
    # The check can see the canary while the contact exists.
    assert CANARY.encode() in decrypted_pages(closed_vault, PASSPHRASE)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        assert shown_ids(screen) == [doomed, keep]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert top(app) is screen and shown_ids(screen) == [doomed, keep]
        await pilot.press("d", "escape")  # escape is no as well
        await pilot.pause()
        assert shown_ids(screen) == [doomed, keep]
        await pilot.press("d", "y")
        await pilot.pause()
        assert top(app) is screen and shown_ids(screen) == [keep]
        assert "1 contact" in screen_text(app)
        assert app.vault is not None and contacts.get(app.vault.conn, doomed) is None
        assert app.vault.conn.execute("SELECT count(*) FROM contacts_fts").fetchone()[0] == 1
    # The app closed the vault on exit; the note is in no page, free ones included.
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = decrypted_pages(closed_vault, PASSPHRASE)
    assert b"stays here" in pages
    assert CANARY.encode() not in pages


async def test_delete_from_the_detail_view(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        keep = add(vault, TODAY - timedelta(days=1), ("other",))
        doomed = add(vault, TODAY, ("other",), note=CANARY)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        await pilot.press("d", "y")
        await wait_until(pilot, lambda: app.screen is screen, "back on the list")
        await pilot.pause()
        assert shown_ids(screen) == [keep]
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert contacts.get(vault.conn, doomed) is None


async def test_edit_from_the_list_and_from_the_detail_view(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        contact_id = add(vault, TODAY, ("other",), minutes=15)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ContactFormScreen) and form.contact_id == contact_id
        form.query_one("#minutes", Input).value = "45"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, "back on the list")
        await pilot.pause()
        assert " 45 " in row_text(screen, 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        detail = app.screen
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ContactFormScreen) and form.contact_id == contact_id
        form.query_one("#minutes", Input).value = "60"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is detail, "back on the contact")
        await pilot.pause()
        assert "60" in screen_text(app)
        assert app.vault is not None
        stored = contacts.get(app.vault.conn, contact_id)
        assert stored is not None and stored.fields.minutes == 60


async def test_lock_on_the_detail_view(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        add(vault, TODAY, ("other",), note="private words", handle="blue truck")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        await pilot.press("d")  # even with the question open
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert "private words" not in screen_text(app)
