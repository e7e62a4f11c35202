"""Home first, the whole-file check after: damage it finds turns the app read-only.

A page of contact rows is damaged where unlock never reads. Home is drawn at once
(no banner yet), then the check in the background finds the page, the banner a
damaged unlock shows appears, and a new contact is refused with its sentence. A
lock right after unlock, while the check runs, leaves no handle on the file.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.opening import VaultChecking
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault, VaultReadOnly
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts
from tests.support.damage import damage_a_contacts_page
from tests.tui.helpers import SIZE, assert_locked, screen_text, unlock, wait_until


def damaged_vault(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 300)
        root = vault.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'contacts'"
        ).fetchone()[0]
    damage_a_contacts_page(vault_path, PASSPHRASE, int(root))


def banner_shown(app: PeerdeskApp) -> bool:
    return bool(app.screen.query("#damaged"))


async def test_damage_found_after_home_turns_the_vault_read_only(vault_path: Path) -> None:
    damaged_vault(vault_path)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        vault = app.vault
        await wait_until(pilot, lambda: banner_shown(app), "the damaged banner")
        assert isinstance(app.screen, HomeScreen)
        shown = " ".join(screen_text(app).split())
        assert " ".join(messages.VAULT_DAMAGED_READ_ONLY.split()) in shown
        assert vault.read_only and not vault.health.ok
        try:
            vault.save_settings(vault.settings())
        except VaultReadOnly as refused:
            assert str(refused) == messages.VAULT_READ_ONLY
        else:
            raise AssertionError("a save on a damaged vault was not refused")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no form opens on a read-only vault
        assert messages.VAULT_READ_ONLY in [n.message for n in app._notifications]


async def test_a_healthy_vault_gets_no_banner(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 30)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        healthy = app.vault
        assert healthy is not None
        check = healthy.background_check
        assert check is not None
        await wait_until(pilot, lambda: check.finished, "the background check")
        await pilot.pause()
        assert not banner_shown(app)
        assert not healthy.read_only


async def test_locking_during_the_check_stops_it_cleanly(vault_path: Path) -> None:
    damaged_vault(vault_path)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        check = app.vault.background_check
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, vault_path)
        assert check is None or check.finished
        await unlock(pilot, app)  # and the next unlock checks afresh
        await wait_until(pilot, lambda: banner_shown(app), "the damaged banner")


async def test_the_check_tells_home_its_two_steps_and_leaves_no_bar(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 30)
    heard: list[tuple[str, int, int]] = []

    def hook(message: Message) -> None:
        if isinstance(message, VaultChecking):
            heard.append((message.doing, message.done, message.total))

    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None and app.vault.background_check is not None
        check = app.vault.background_check
        await wait_until(pilot, lambda: check.finished and len(heard) == 3, "the check")
        await pilot.pause()
        assert not app.screen.query("#home-check")  # done: its bar is gone
    step = messages.PROGRESS_CHECK_VAULT
    assert heard == [(step, 0, 2), (step, 1, 2), (step, 2, 2)]
