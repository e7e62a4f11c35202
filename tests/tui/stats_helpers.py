"""Shared set-up for the monthly-counts Pilot tests: months around today, opening the screen."""

from __future__ import annotations

from datetime import date, timedelta

from textual.pilot import Pilot

from peerdesk.models.contacts import ContactFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.stats import StatsScreen
from peerdesk.vault import Vault, logbook
from tests.tui.helpers import unlock, wait_until

TODAY = date.today()
THIS_MONTH = TODAY.strftime("%Y-%m")
LAST_MONTH = (TODAY.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
LAST_MONTH_DAY = TODAY.replace(day=1) - timedelta(days=1)


def add(vault: Vault, day: date, topics: tuple[str, ...], **extra: object) -> int:
    """Log one contact through the same function the app uses."""
    fields = ContactFields(contact_date=day, topics=topics, **extra)  # type: ignore[arg-type]
    return logbook.save_contact(vault, fields, today=TODAY)


async def open_stats(pilot: Pilot[None], app: PeerdeskApp) -> StatsScreen:
    """Unlock, press m on home, and return the stats screen once it has drawn."""
    await unlock(pilot, app)
    await pilot.press("m")
    await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen), "stats screen")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, StatsScreen)
    return screen
