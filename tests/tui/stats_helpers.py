"""Shared set-up for the monthly-counts Pilot tests: months around today, opening the screen."""

from __future__ import annotations

from datetime import date, timedelta

from textual.pilot import Pilot

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.stats import StatsScreen
from tests.tui.helpers import add_contact, open_from_home, wait_until

TODAY = date.today()
THIS_MONTH = TODAY.strftime("%Y-%m")
LAST_MONTH = (TODAY.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
LAST_MONTH_DAY = TODAY.replace(day=1) - timedelta(days=1)


add = add_contact


async def open_stats(pilot: Pilot[None], app: PeerdeskApp) -> StatsScreen:
    """Unlock, press m on home, and return the stats screen once its month is drawn."""
    screen = await open_from_home(pilot, app, "m", StatsScreen, "stats screen")
    await settle(pilot, screen)
    return screen


async def settle(pilot: Pilot[None], screen: StatsScreen) -> None:
    """Wait until the month asked for last is drawn (it is read in a worker thread)."""
    await wait_until(pilot, lambda: not screen.reading, f"the counts of {screen.asked}")
    await pilot.pause()
