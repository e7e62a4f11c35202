"""Helpers for the contact form, crisis and draft tests (the TUI's contact side)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from peerdesk.models.contacts import Contact
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import NoteArea
from peerdesk.tui.widgets.topics import TopicPicker
from peerdesk.vault import Vault, contacts
from tests.conftest import PASSPHRASE
from tests.tui.helpers import unlock, wait_until


def form(app: PeerdeskApp) -> ContactFormScreen:
    screen = app.screen
    assert isinstance(screen, ContactFormScreen), screen
    return screen


async def open_form(pilot: Pilot[None], app: PeerdeskApp) -> ContactFormScreen:
    """Unlock, then n on home."""
    await unlock(pilot, app)
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "the form")
    await wait_until(pilot, lambda: bool(app.screen.query(TopicPicker)), "the form's fields")
    return form(app)


async def back_home(pilot: Pilot[None], app: PeerdeskApp) -> None:
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")


def notifications(app: PeerdeskApp) -> list[str]:
    return [note.message for note in app._notifications]


def stored(vault_path: Path, contact_id: int) -> Contact:
    """Read a contact back with a fresh unlock (the app has exited by then)."""
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        contact = contacts.get(vault.conn, contact_id)
    assert contact is not None
    return contact


def field_input(screen: ContactFormScreen, widget_id: str) -> Input:
    return screen.query_one(f"#{widget_id}", Input)


def choice(screen: ContactFormScreen, widget_id: str) -> ChoiceField:
    return screen.query_one(f"#{widget_id}", ChoiceField)


def note(screen: ContactFormScreen) -> NoteArea:
    return screen.query_one(NoteArea)


def topics(screen: ContactFormScreen) -> TopicPicker:
    return screen.query_one(TopicPicker)


async def focus(pilot: Pilot[None], screen: ContactFormScreen, widget_id: str) -> None:
    """Tab (never click) until the field has focus; proves it is reachable by keyboard."""
    for _ in range(20):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id}")


async def jump(pilot: Pilot[None], screen: ContactFormScreen, widget_id: str) -> None:
    """Focus a field directly (test_every_field_changes_by_keyboard proves tab reaches it)."""
    screen.query_one(f"#{widget_id}").focus()
    await pilot.pause()
