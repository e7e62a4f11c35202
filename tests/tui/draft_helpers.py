"""Shared steps for the draft Pilot tests: a form holding a canary, unlocking onto its question."""

from __future__ import annotations

from textual.pilot import Pilot

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import jump, open_form
from tests.tui.helpers import paste, wait_until


async def fill_in(pilot: Pilot[None], app: PeerdeskApp, canary: str) -> None:
    """Topics, minutes, risk and a note holding the canary; the form stays open."""
    screen = await open_form(pilot, app)
    await pilot.press("a", "z", "3")
    await jump(pilot, screen, "risk")
    await pilot.press("l")  # Low
    await jump(pilot, screen, "note")
    await paste(pilot, f"note {canary}")


async def unlock_again(pilot: Pilot[None], app: PeerdeskApp) -> None:
    """Unlock, where the draft question may land on top of home."""
    await paste(pilot, PASSPHRASE)
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.vault is not None, "the unlock")
    await wait_until(
        pilot, lambda: any(isinstance(s, HomeScreen) for s in app.screen_stack), "home"
    )
    await pilot.pause()
