"""Shared steps of the handoff card's Pilot tests: open the card, read its code back."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from peerdesk import handoff
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.vault import clinicians
from tests.tui.helpers import unlock, wait_until


def code_lines(app: PeerdeskApp, widget_id: str = "card-qr") -> list[str]:
    """The block characters the code widget draws ([] when it draws none)."""
    content = app.screen.query_one(f"#{widget_id}", Static).content
    assert isinstance(content, Text)
    lines = content.plain.splitlines()
    if lines:
        assert content.style == "black on white"  # dark on light on every terminal theme
    return lines


def code_matrix(app: PeerdeskApp, widget_id: str = "card-qr") -> handoff.Matrix:
    """The modules drawn in the card's code widget, read back from its characters."""
    lines = code_lines(app, widget_id)
    assert lines, "no code drawn"
    return handoff.parse_blocks(lines, max(len(line) for line in lines))


def module_columns(matrix: handoff.Matrix) -> int:
    """How many columns one module takes, measured on the drawing: the top-left finder
    pattern's first dark row is 7 modules wide."""
    row = next(row for row in matrix if any(row))
    start = row.index(True)
    width = next(i for i in range(start, len(row)) if not row[i]) - start
    assert width % 7 == 0, width
    return width // 7


async def open_card(
    pilot: Pilot[None], app: PeerdeskApp, clinician_id: str, today: date
) -> HandoffCardScreen:
    """Unlock and show the clinician's card, as the referral flow does at its end."""
    await unlock(pilot, app)
    assert app.vault is not None
    found = clinicians.get(app.vault.conn, clinician_id)
    assert found is not None
    app.push_screen(HandoffCardScreen(found, today))
    await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
    await pilot.pause()
    card = app.screen
    assert isinstance(card, HandoffCardScreen)
    return card
