"""Shared set-up for the contacts-list Pilot tests: log contacts, open and read the list."""

from __future__ import annotations

from datetime import date, timedelta

from textual.pilot import Pilot
from textual.widgets import OptionList

from peerdesk.models.contacts import ContactFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contacts_list import ContactsListScreen
from peerdesk.vault import Vault, logbook
from tests.tui.helpers import unlock, wait_until

TODAY = date.today()
LAST_MONTH = TODAY.replace(day=1) - timedelta(days=1)


def add(vault: Vault, day: date, topics: tuple[str, ...], **extra: object) -> int:
    """Log one contact through the same function the app uses."""
    fields = ContactFields(contact_date=day, topics=topics, **extra)  # type: ignore[arg-type]
    return logbook.save_contact(vault, fields, today=TODAY)


async def open_list(pilot: Pilot[None], app: PeerdeskApp) -> ContactsListScreen:
    """Unlock, press c on home, and return the list once it has drawn."""
    await unlock(pilot, app)
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, ContactsListScreen), "contacts list")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ContactsListScreen)
    return screen


def shown_ids(screen: ContactsListScreen) -> list[int]:
    """The contact ids the list shows, top to bottom (read from the widget, not the model)."""
    option_list = screen.query_one(OptionList)
    ids = []
    for index in range(option_list.option_count):
        option_id = option_list.get_option_at_index(index).id
        assert option_id is not None
        ids.append(int(option_id))
    return ids


def top(app: PeerdeskApp) -> object:
    """The screen on top, typed loosely so checks after an isinstance stay meaningful."""
    return app.screen


def row_text(screen: ContactsListScreen, index: int) -> str:
    prompt = screen.query_one(OptionList).get_option_at_index(index).prompt
    return str(prompt)
