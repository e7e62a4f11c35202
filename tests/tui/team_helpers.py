"""Shared steps for the team screen's Pilot tests: open it, join, read the card, merge."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.team_join import FingerprintScreen, JoinScreen
from peerdesk.tui.dialogs.team_merge_files import MergeFilesScreen
from peerdesk.tui.screens.team import TeamScreen
from peerdesk.tui.screens.team_merge import TeamMergeScreen
from peerdesk.tui.widgets.fingerprint import Fingerprint
from tests.tui.helpers import open_from_home, paste, wait_until


async def open_team(pilot: Pilot[None], app: PeerdeskApp) -> TeamScreen:
    """Unlock, press t on home, and return the team screen once it has drawn."""
    return await open_from_home(pilot, app, "t", TeamScreen, "team screen")


def shown_fingerprint(app: PeerdeskApp) -> str:
    """The fingerprint the screen on top draws large (its plain-text line)."""
    widget = app.screen.query_one(Fingerprint)
    return str(widget.query_one(".fingerprint-plain", Static).content)


async def paste_string(pilot: Pilot[None], app: PeerdeskApp, text: str) -> FingerprintScreen:
    """j, paste the public string, enter: returns the fingerprint question."""
    await pilot.press("j")
    await wait_until(pilot, lambda: isinstance(app.screen, JoinScreen), "the join dialog")
    await paste(pilot, text)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, FingerprintScreen), "the fingerprint")
    screen = app.screen
    assert isinstance(screen, FingerprintScreen)
    return screen


def peer_rows(app: PeerdeskApp) -> list[str]:
    """The lead's list of peers' keys as shown, one row each ([] when there is none)."""
    found = app.screen.query("#team-peers")
    if not found:
        return []
    listed = found.first(OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def merge_dialog(pilot: Pilot[None], app: PeerdeskApp, paths: str) -> MergeFilesScreen:
    """m on the lead's team screen, the files pasted in: the dialog, period not chosen."""
    await pilot.press("m")
    await wait_until(pilot, lambda: isinstance(app.screen, MergeFilesScreen), "the files")
    await paste(pilot, paths)
    dialog = app.screen
    assert isinstance(dialog, MergeFilesScreen)
    return dialog


async def choose_period(pilot: Pilot[None], steps: int, typed: str) -> None:
    """From the files field: tab to the period, `steps` to the right (1 a quarter, 2 a
    year), tab to its field and type `typed` there (pasted: one event)."""
    await pilot.press("tab", *["right"] * steps, "tab")
    await paste(pilot, typed)


async def merged_report(pilot: Pilot[None], app: PeerdeskApp) -> TeamMergeScreen:
    """Enter in the files dialog: the merge screen once it shows the report or problems."""
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "the merge")
    screen = app.screen
    assert isinstance(screen, TeamMergeScreen)
    await wait_until(pilot, lambda: screen.done, "the report")
    return screen
