"""Bad input on the TUI's typed dates and months: one sentence, the app stays, nothing saved.

Year 0000 is no date at all and 9999-12's trend or next month is past the calendar's end:
these once ended the app from the stats screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.stats_export import FIRST_MONTH, MonthPickScreen
from peerdesk.tui.screens.contact_form import ContactFormScreen
from tests.tui.form_helpers import field_input, jump, open_form
from tests.tui.helpers import SIZE, screen_text, type_text
from tests.tui.stats_helpers import open_stats, settle


@pytest.mark.parametrize(
    ("typed", "said"),
    [("0000-01", "is before"), ("0001-01", "is before"), ("9999-12", "has not started yet")],
)
async def test_a_month_outside_the_calendar_is_one_sentence(
    closed_vault: Path, typed: str, said: str
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, app)
        shown = screen.month
        await pilot.press("g")
        await pilot.press("ctrl+u")
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MonthPickScreen)
        assert said in screen_text(app) and typed in screen_text(app)
        await pilot.press("escape")
        assert screen.month == shown
        assert app.return_code is None


async def test_stepping_back_stops_at_the_first_month(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, app)
        await pilot.press("g", "ctrl+u")
        await type_text(pilot, FIRST_MONTH)
        await pilot.press("enter")
        await settle(pilot, screen)
        assert screen.month == FIRST_MONTH
        await pilot.press("left_square_bracket")
        await settle(pilot, screen)
        assert screen.month == FIRST_MONTH
        assert app.return_code is None


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("date", "0000-01-01"),
        ("date", "0000-00-00"),
        ("date", "9999-12-31"),  # in the future
        ("follow-up", "0000-01-01"),
        ("follow-up", "0000-00-00"),
    ],
)
async def test_contact_dates_at_the_calendar_edges_are_one_sentence(
    closed_vault: Path, field: str, typed: str
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("w")
        await jump(pilot, screen, field)
        field_input(screen, field).value = ""
        await type_text(pilot, typed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        status = str(screen.query_one("#form-status", Static).content)
        assert status and typed in status
        assert app.return_code is None
        assert app.vault is not None
        assert app.vault.conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


async def test_a_follow_up_at_the_end_of_the_calendar_saves_and_home_still_draws(
    closed_vault: Path,
) -> None:
    """9999-12-31 is a real date: nothing refuses it, and nothing after it overflows."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("w")
        await jump(pilot, screen, "follow-up")
        await type_text(pilot, "9999-12-31")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ContactFormScreen)
        assert app.return_code is None
        assert app.vault is not None
        assert app.vault.conn.execute("SELECT count(*) FROM followups").fetchone()[0] == 1
