"""The settings screen: change idle lock, retention, theme and the escalation checklist
from the keyboard; a bad value gets its sentence and nothing is saved."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.settings import SettingsScreen
from peerdesk.tui.widgets.text_fields import NoteArea
from peerdesk.vault import Settings, Vault
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, paste, rendered, screen_text, type_text, unlock, wait_until


def stored_settings(vault_path: Path) -> Settings:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        return vault.settings()


async def test_change_settings_from_home(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings")
        await pilot.press("ctrl+u")  # clear the idle minutes field
        await type_text(pilot, "12")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "7")
        await pilot.press("tab", "tab", "right")  # theme: dark -> light
        await pilot.press("tab")
        area = app.screen.query_one(NoteArea)
        area.text = ""
        await paste(pilot, "Stay with them.\nCall [red]988[/] now.")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
        assert app.theme == "textual-light"
        assert app.idle.minutes == 12
    got = stored_settings(closed_vault)
    assert (got.idle_lock_minutes, got.retention_days, got.theme) == (12, 7, "light")
    assert got.escalation_checklist == "Stay with them.\nCall [red]988[/] now."


async def test_bad_value_keeps_the_screen_and_saves_nothing(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings")
        await pilot.press("ctrl+u")
        await type_text(pilot, "999")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert "from 1 to 240" in screen_text(app)
        assert app.screen.query_one("#setting-idle_lock_minutes", Input).value == "999"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
    assert stored_settings(closed_vault) == Settings()


async def test_lock_drops_the_settings_screen(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.vault is None
        assert not any(isinstance(s, SettingsScreen) for s in app.screen_stack)


async def test_home_states_the_auto_lock_just_saved(closed_vault: Path) -> None:
    """Home never says "after 5 min" once 1 minute is saved (not only after the next lock)."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        facts = app.screen.query_one("#facts")
        assert "after 5 min" in rendered(facts)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings")
        await pilot.press("ctrl+u")  # clear the idle minutes field
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
        await pilot.pause()
        assert "after 1 min" in rendered(facts) and "after 5 min" not in rendered(facts)
        assert app.idle.minutes == 1
