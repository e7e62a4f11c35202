"""First run: the set-up screen creates the vault only from two matching passphrases."""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.setup import SetupScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, paste, screen_text, type_text, wait_until


async def test_setup_creates_the_vault_and_lands_on_home(vault_path: Path) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SetupScreen)
        assert messages.NO_RECOVERY_WARNING in screen_text(app).replace("\n", " ")
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#repeat")
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        for field in app.screen.query(PassphraseInput):
            assert field.value == ""  # cleared as soon as it was read
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
        assert app.vault is not None and app.vault.is_open
        assert str(vault_path) in screen_text(app)
    assert app.vault is None  # quitting closed it
    Vault.unlock(vault_path, PASSPHRASE).close()


async def test_mismatched_passphrases_are_refused(vault_path: Path) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await paste(pilot, PASSPHRASE + "x")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert messages.PASSPHRASE_MISMATCH in screen_text(app)
        assert all(field.value == "" for field in app.screen.query(PassphraseInput))
        assert app.focused is app.screen.query_one("#passphrase")
    assert not vault_path.exists()


async def test_empty_passphrase_is_refused(vault_path: Path) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert messages.PASSPHRASE_EMPTY in screen_text(app)
        await pilot.press("tab", "enter")
        assert messages.PASSPHRASE_EMPTY in screen_text(app)
        assert isinstance(app.screen, SetupScreen)
    assert not vault_path.exists()


async def test_strength_feedback_follows_typing(vault_path: Path) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        strength = app.screen.query_one("#strength")
        await type_text(pilot, "abc")
        assert strength.has_class("-weak")
        assert messages.STRENGTH_WEAK in screen_text(app).replace("\n", " ")
        await paste(pilot, " plum ferry orbit lantern")
        assert strength.has_class("-strong")
        assert not strength.has_class("-weak")


async def test_passphrase_cannot_be_copied_to_the_clipboard(vault_path: Path) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, "secret words here")
        await pilot.press("ctrl+shift+a", "ctrl+c", "ctrl+x")
        assert app.clipboard == ""
        assert app.screen.query_one("#passphrase", PassphraseInput).value == "secret words here"


async def test_a_passphrase_below_the_floor_is_refused_and_nothing_created(
    vault_path: Path,
) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, "Summer2024!")
        await pilot.pause()
        assert messages.STRENGTH_WEAK in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert messages.PASSPHRASE_TOO_WEAK.split(",")[0] in screen_text(app).replace("\n", " ")
        assert app.focused is app.screen.query_one("#passphrase")
        assert not vault_path.exists()
