"""Locking: ctrl+l from anywhere, idle auto-lock (suspend included), and what remains after."""

from __future__ import annotations

from pathlib import Path

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.idle import FakeClock, IdleWatch
from peerdesk.tui.screens.help import HelpScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from tests.tui.helpers import (
    SIZE,
    assert_locked,
    open_vault_fds,
    paste,
    unlock,
    wait_until,
)


async def test_ctrl_l_on_home_locks(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert open_vault_fds(closed_vault)  # the check can see an open vault
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        await unlock(pilot, app)  # and it opens again afterwards
        assert app.vault is not None


async def test_ctrl_l_on_help_locks(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)


async def test_ctrl_l_on_the_unlock_screen_clears_the_field(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one(PassphraseInput)
        await paste(pilot, "half typed")
        await pilot.press("ctrl+l")
        assert field.value == ""
        assert isinstance(app.screen, UnlockScreen)


def clocked_app(vault_path: Path) -> tuple[PeerdeskApp, FakeClock, FakeClock]:
    wall, mono = FakeClock(), FakeClock()
    app = PeerdeskApp(vault_path, idle_watch=IdleWatch(5, wall=wall, monotonic=mono))
    return app, wall, mono


async def test_idle_lock_after_the_configured_minutes(closed_vault: Path) -> None:
    app, wall, mono = clocked_app(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        wall.advance(4 * 60)
        mono.advance(4 * 60)
        app.check_idle_lock()
        assert app.vault is not None  # 4 of 5 minutes: still open
        await pilot.press("down")  # any key is activity and starts the count again
        wall.advance(4 * 60)
        mono.advance(4 * 60)
        app.check_idle_lock()
        assert app.vault is not None
        wall.advance(61)
        mono.advance(61)
        app.check_idle_lock()
        await assert_locked(pilot, app, closed_vault)


async def test_idle_lock_counts_time_asleep(closed_vault: Path) -> None:
    """Suspend: the monotonic clock stood still, only the wall clock moved."""
    app, wall, _mono = clocked_app(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        wall.advance(3 * 3600)
        app.check_idle_lock()
        await assert_locked(pilot, app, closed_vault)


async def test_idle_lock_with_the_wall_clock_set_back(closed_vault: Path) -> None:
    """A wall clock moved backwards never postpones the lock: monotonic still counts."""
    app, wall, mono = clocked_app(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        wall.advance(-3600)
        mono.advance(5 * 60)
        app.check_idle_lock()
        await assert_locked(pilot, app, closed_vault)


async def test_idle_timer_checks_on_its_own(closed_vault: Path) -> None:
    wall, mono = FakeClock(), FakeClock()
    app = PeerdeskApp(
        closed_vault,
        idle_watch=IdleWatch(5, wall=wall, monotonic=mono),
        idle_check_seconds=0.05,
    )
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        mono.advance(5 * 60 + 1)
        await wait_until(pilot, lambda: app.vault is None, "the idle lock")
        await assert_locked(pilot, app, closed_vault)
