"""A vault whose schema pages are damaged is not a wrong guess at the unlock screen.

The lockout slows guessing; a right passphrase on a damaged file is no guess, so it
must not build up a wait, and the screen says the vault is damaged.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts
from tests.support.damage import damage_a_schema_page
from tests.tui.helpers import SIZE, paste, screen_text, wait_until


async def test_damaged_schema_is_not_counted_as_a_wrong_passphrase(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 30)
    damage_a_schema_page(vault_path, PASSPHRASE)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        screen: UnlockScreen = app.screen
        for _ in range(4):
            await paste(pilot, PASSPHRASE)
            await pilot.press("enter")
            await wait_until(pilot, lambda: not screen.busy, "the unlock attempt")
            assert app.screen is screen
        shown = " ".join(screen_text(app).split())
        assert "The passphrase is right, but the vault is damaged" in shown
        assert messages.WRONG_PASSPHRASE not in shown
        assert app.retry.failures == 0
        assert app.vault is None
