"""The settings screen: change idle lock, retention, theme, report zeros and the
escalation checklist from the keyboard; a bad value gets its sentence and nothing is
saved."""

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
        await pilot.press("tab", "tab")  # past the team report zeros, to the checklist
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


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def test_the_night_theme_is_chosen_in_settings_and_stays_after_a_lock(
    closed_vault: Path,
) -> None:
    """Dim and warm for a dark car, yet readable: text at least 7:1 on its background,
    and less blue than red in every colour of the palette."""
    from peerdesk.tui.themes import NIGHT

    for colour in (NIGHT.foreground, NIGHT.background, NIGHT.primary, NIGHT.accent):
        assert colour is not None and int(colour[5:7], 16) < int(colour[1:3], 16)
    assert NIGHT.foreground and NIGHT.background and NIGHT.panel
    assert _contrast(NIGHT.foreground, NIGHT.background) >= 7
    assert _contrast(NIGHT.foreground, NIGHT.panel) >= 7
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings")
        await pilot.press("tab", "tab", "tab", "right", "right")  # theme: dark -> night
        field = app.screen.query_one("#setting-theme")
        assert "Night" in rendered(field)
        await pilot.press("tab", "right")  # team report zeros: shown -> hidden
        assert "Hidden" in rendered(app.screen.query_one("#setting-zeros"))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
        assert app.theme == "peerdesk-night"
        await pilot.press("ctrl+l")
        await unlock(pilot, app)
        assert app.theme == "peerdesk-night"
    assert stored_settings(closed_vault).theme == "night"
    assert stored_settings(closed_vault).report_zeros == "hidden"
