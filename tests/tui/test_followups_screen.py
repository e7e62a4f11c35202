"""The follow-ups list (f on home) and undo: a "done" pressed by mistake is not final."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import OptionList

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.followups import FollowUpsScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault, followups, logbook
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, rendered, unlock, wait_until

TODAY = date.today()


def seed(vault_path: Path) -> dict[str, int]:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        ids = {
            "due": logbook.add_concern(vault, TODAY, "Handle due"),
            "later": logbook.add_concern(vault, TODAY + timedelta(days=5), "Handle later"),
            "closed": logbook.add_concern(vault, TODAY - timedelta(days=2), "Handle closed"),
        }
        logbook.close_followup(vault, ids["closed"], today=TODAY - timedelta(days=1))
    return ids


def open_now(vault_path: Path) -> set[int]:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        return {f.id for f in followups.open_followups(vault.conn)}


async def test_x_on_home_is_undone_by_u(closed_vault: Path) -> None:
    ids = seed(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("x")
        await pilot.pause()
        assert messages.FOLLOWUP_DONE_UNDO in notifications(app)
        await pilot.press("u")
        await pilot.pause()
        assert messages.FOLLOWUP_REOPENED in notifications(app)
        await pilot.press("u")  # once only: nothing left to undo
        await pilot.pause()
        assert messages.FOLLOWUP_NOTHING_TO_UNDO in notifications(app)
    assert open_now(closed_vault) == {ids["due"], ids["later"]}


async def test_the_list_shows_due_upcoming_and_done_and_reopens_a_done_one(
    closed_vault: Path,
) -> None:
    ids = seed(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FollowUpsScreen), "follow-ups")
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        shown = rendered(screen.query_one(OptionList))
        order = [
            shown.index("Due or overdue (1)"),
            shown.index("Handle due"),
            shown.index("Upcoming (1)"),
            shown.index("Handle later"),
            shown.index("Done in the last 14 days (1)"),
            shown.index("Handle closed"),
        ]
        assert order == sorted(order)
        assert screen.selected is not None and screen.selected.id == ids["due"]
        await pilot.press("down", "down")  # headers are skipped
        assert screen.selected is not None and screen.selected.id == ids["closed"]
        await pilot.press("x")  # x on a done one changes nothing, and says so
        await pilot.pause()
        assert messages.FOLLOWUP_NOT_CHANGED in notifications(app)
        await pilot.press("u")
        await pilot.pause()
        assert screen.selected is not None and screen.selected.id == ids["closed"]
        assert screen.selected.done_on is None  # open again, the mark stayed on it
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert open_now(closed_vault) == {ids["due"], ids["later"], ids["closed"]}
