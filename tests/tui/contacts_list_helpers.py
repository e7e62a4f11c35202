"""Shared set-up for the contacts-list Pilot tests: log contacts, open and read the list."""

from __future__ import annotations

from datetime import date, timedelta

from textual.pilot import Pilot
from textual.widgets import OptionList

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contacts_list import ContactsListScreen
from tests.tui.helpers import add_contact, open_from_home

TODAY = date.today()
LAST_MONTH = TODAY.replace(day=1) - timedelta(days=1)


add = add_contact


async def open_list(pilot: Pilot[None], app: PeerdeskApp) -> ContactsListScreen:
    """Unlock, press c on home, and return the list once it has drawn."""
    return await open_from_home(pilot, app, "c", ContactsListScreen, "contacts list")


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
