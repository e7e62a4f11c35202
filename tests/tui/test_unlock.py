"""Daily open: the unlock screen, wrong passphrases and the growing wait."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.idle import FakeClock
from peerdesk.tui.lockout import RetryDelay
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import InstanceLock, Vault
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, paste, screen_text, type_text, wait_until


async def test_right_passphrase_reaches_home(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault, unlock_hint="Demo vault, passphrase: [b]x[/b]")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert "Demo vault, passphrase: [b]x[/b]" in screen_text(app)
        field = app.screen.query_one(PassphraseInput)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        assert field.value == ""
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
        assert app.vault is not None
        text = screen_text(app)
        assert str(closed_vault) in text
        assert messages.HOME_AUTO_LOCK_VALUE.format(minutes=5) in text
        assert messages.HOME_SCHEMA_VALUE.format(version=app.vault.schema_version()) in text
        assert app.theme == "textual-dark"


async def test_wrong_passphrase_is_refused_and_the_file_is_untouched(closed_vault: Path) -> None:
    before = closed_vault.read_bytes()
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, "not the passphrase")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        await wait_until(pilot, lambda: not screen.busy, "the unlock attempt")
        assert messages.WRONG_PASSPHRASE in screen_text(app)
        assert app.vault is None
        assert app.retry.failures == 1
        assert app.focused is screen.query_one(PassphraseInput)
    assert closed_vault.read_bytes() == before


async def test_growing_wait_after_three_wrong_tries(closed_vault: Path) -> None:
    clock = FakeClock()
    app = PeerdeskApp(closed_vault, retry_delay=RetryDelay(monotonic=clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        field = screen.query_one(PassphraseInput)

        async def wrong_try() -> None:
            await paste(pilot, "wrong")
            await pilot.press("enter")
            await wait_until(pilot, lambda: not screen.busy, "the unlock attempt")

        for _ in range(2):
            await wrong_try()
            assert not screen.waiting and not field.disabled
        await wrong_try()
        assert screen.waiting and not field.disabled and app.focused is field
        assert messages.UNLOCK_WAIT.format(seconds=1) in screen_text(app)
        # Typing during the wait is kept, never silently cleared; Enter tries nothing.
        await paste(pilot, "wrong again")
        await pilot.press("enter")
        assert app.retry.failures == 3
        assert field.value == "wrong again"
        assert messages.UNLOCK_WAIT_KEPT.format(seconds=1) in screen_text(app)
        await pilot.pause(0.6)  # the countdown ticks (every 0.25 s) and still says so
        assert screen.waiting
        assert messages.UNLOCK_WAIT_KEPT.format(seconds=1) in screen_text(app)

        clock.advance(1.0)
        await wait_until(pilot, lambda: not screen.waiting, "the end of the wait")
        await pilot.pause()
        assert app.focused is field and field.value == "wrong again"
        assert messages.UNLOCK_WAIT_OVER in screen_text(app)
        await pilot.press("enter")  # now the kept passphrase is tried
        await wait_until(pilot, lambda: not screen.busy, "the unlock attempt")
        assert app.retry.failures == 4
        assert messages.UNLOCK_WAIT.format(seconds=2) in screen_text(app)
        clock.advance(1.0)
        await pilot.pause(0.3)
        assert screen.waiting  # 2 s this time, only 1 s has passed
        assert messages.UNLOCK_WAIT.format(seconds=1) in screen_text(app)

        clock.advance(1.0)
        await wait_until(pilot, lambda: not screen.waiting, "the end of the wait")
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
        assert app.retry.failures == 0


async def test_light_theme_from_the_vault_setting(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        vault.save_settings(replace(vault.settings(), theme="light", idle_lock_minutes=12))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"  # before unlock, always dark
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
        assert app.theme == "textual-light"
        assert app.idle.minutes == 12
        assert messages.HOME_AUTO_LOCK_VALUE.format(minutes=12) in screen_text(app)


async def test_vault_busy_exits_with_return_code_1(
    closed_vault: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    other = InstanceLock.acquire(closed_vault)
    try:
        app = PeerdeskApp(closed_vault)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        assert app.return_code == 1
        assert not any(isinstance(screen, UnlockScreen) for screen in app.screen_stack)
        assert messages.VAULT_BUSY in capfd.readouterr().err
    finally:
        other.release()


async def test_lock_handed_in_is_used_and_left_to_the_caller(closed_vault: Path) -> None:
    lock = InstanceLock.acquire(closed_vault)
    try:
        app = PeerdeskApp(closed_vault, instance_lock=lock)
        async with app.run_test(size=SIZE) as pilot:
            await paste(pilot, PASSPHRASE)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
        assert lock.held  # the CLI took it, the CLI lets go
    finally:
        lock.release()


async def test_own_lock_is_released_on_quit(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
    InstanceLock.acquire(closed_vault).release()  # would raise VaultBusy if still held


async def test_vault_gone_since_start_says_so(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        closed_vault.unlink()
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        await wait_until(pilot, lambda: not screen.busy, "the unlock attempt")
        expected = messages.VAULT_MISSING.format(path=closed_vault)
        assert expected in screen_text(app).replace("\n", " ")
        assert app.retry.failures == 0  # not a wrong passphrase: no wait builds up
