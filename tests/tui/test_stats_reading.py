"""The stats screen reads its months in a worker: the answer is drawn when it comes.

A test keeps the side connection busy (tests.support.busy_reader) to see the screen
while a month is on its way: the month shown stays until the new one is read, steps
in quick succession go from the month asked for last and only the last is drawn,
and a lock during a read stops it and leaves nothing behind.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerState

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.stats import StatsScreen
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.support.busy_reader import Busy
from tests.tui.helpers import SIZE, assert_locked, screen_text, wait_until
from tests.tui.stats_helpers import LAST_MONTH_DAY, THIS_MONTH, TODAY, add, open_stats, settle

THREE_BACK_DAY = (LAST_MONTH_DAY.replace(day=1) - timedelta(days=1)).replace(day=1) - timedelta(
    days=1
)
THREE_BACK = THREE_BACK_DAY.strftime("%Y-%m")


def fill(vault_path: Path) -> None:
    """Three contacts this month, one three months back."""
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        for _ in range(3):
            add(vault, TODAY, ("sleep",), minutes=15)
        add(vault, THREE_BACK_DAY, ("grief",), minutes=45)


async def busy_stats(pilot: Pilot[None], app: PeerdeskApp) -> tuple[StatsScreen, Busy]:
    screen = await open_stats(pilot, app)
    assert screen.month == THIS_MONTH and "Contacts 3" in screen_text(app)
    assert app.vault is not None and app.vault.side_reader is not None
    return screen, Busy(app.vault.side_reader)


async def test_quick_steps_draw_only_the_last_month_asked_for(closed_vault: Path) -> None:
    fill(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, busy = await busy_stats(pilot, app)
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.asked == THREE_BACK and screen.reading
        assert screen.month == THIS_MONTH  # still shown, whole, while the reads wait
        assert "Contacts 3" in screen_text(app)
        busy.release()
        assert busy.stopped_cleanly()
        await settle(pilot, screen)
        assert screen.month == THREE_BACK
        shown = " ".join(screen_text(app).split())
        assert "Contacts 1 Minutes 45" in shown
        # A late answer to an older request changes nothing.
        stale = screen.MonthRead(screen.requests - 1, THIS_MONTH, None, "stale")
        screen.post_message(stale)
        await pilot.pause()
        assert screen.month == THREE_BACK
        assert "Contacts 1 Minutes 45" in " ".join(screen_text(app).split())


async def test_locking_while_a_month_is_read_leaves_nothing(closed_vault: Path) -> None:
    fill(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, busy = await busy_stats(pilot, app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.reading
        reads = [w for w in app.workers if w.group == "stats-read"]
        assert reads
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert busy.stopped_cleanly()  # stopped by the lock, not failed
        await wait_until(pilot, lambda: all(w.is_finished for w in reads), "the reads to end")
        assert all(w.state is not WorkerState.ERROR for w in reads)
        assert not any(isinstance(s, StatsScreen) for s in app.screen_stack)
        assert "Contacts" not in screen_text(app)
