"""Home and help: the keys that exist, the vault's state, and text shown literally."""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.tui import keys
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.opening import Opened
from peerdesk.tui.screens.help import HelpScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.setup import SetupScreen
from peerdesk.vault import Health, Vault
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, paste, screen_text, unlock, wait_until

ALL_KEYS = (
    keys.GLOBAL_KEYS + keys.HOME_KEYS + keys.HOME_SAVED_KEYS + keys.PASSPHRASE_KEYS + keys.HELP_KEYS
)


async def test_help_lists_every_key_binding(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        # Every binding live on home (app + screen) comes from the key table...
        table = {spec.key for spec in ALL_KEYS} | keys.TEXTUAL_OWN_KEYS
        live_on_home = {
            key for key, active in app.active_bindings.items() if not active.binding.system
        }
        assert live_on_home <= table, live_on_home - table
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        live_on_help = {
            key for key, active in app.active_bindings.items() if not active.binding.system
        }
        assert live_on_help <= table, live_on_help - table
        # ...and help shows every line of the table, key and label.
        shown = screen_text(app)
        for spec in ALL_KEYS:
            assert f"{spec.shown}" in shown and spec.label in shown, spec
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark", "question_mark")  # ? opens and closes it
        assert isinstance(app.screen, HomeScreen)


async def test_home_lists_the_keys_that_exist(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        shown = screen_text(app)
        for spec in keys.GLOBAL_KEYS + keys.HOME_KEYS:
            assert spec.shown in shown and spec.label in shown, spec


async def test_markup_in_the_vault_path_is_shown_literally(tmp_path: Path) -> None:
    vault_path = tmp_path / "v[red]x[/]" / "vault[b].peerdesk"
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SetupScreen)
        assert str(vault_path) in screen_text(app)
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
        assert str(vault_path) in screen_text(app)
    Vault.unlock(vault_path, PASSPHRASE).close()


async def test_home_shows_no_damage_warning_for_a_healthy_vault(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert not app.screen.query("#damaged")
        assert messages.VAULT_DAMAGED_READ_ONLY not in screen_text(app)


async def test_home_warns_when_the_vault_failed_its_integrity_check(closed_vault: Path) -> None:
    """A flipped byte makes SQLCipher refuse the key outright, so the read-only path is
    reached here by marking the real open vault the way Vault.unlock does."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        vault = app.vault
        assert vault is not None
        vault.read_only = True
        vault.health = Health(("page 3: hmac check failed",))
        opened = Opened(vault, vault.settings(), vault.schema_version())
        await app.switch_screen(HomeScreen(opened))
        assert messages.VAULT_DAMAGED_READ_ONLY in screen_text(app).replace("\n", " ")


async def test_help_pages_to_the_end_and_wraps_descriptions_in_their_column(
    closed_vault: Path,
) -> None:
    """At 80x24 the key list outgrows the screen: End shows the last section, Home the
    first, PageDown moves by a screenful; a wrapped description never starts a line in
    the key column."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0  # it does not fit, so the keys must scroll it
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y >= scroll.size.height - 1 or scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        last_title = HelpScreen.sections()[-1][0]
        left_last = HelpScreen.columns()[0][-1][0]
        shown = screen_text(app)
        assert last_title in shown or left_last in shown
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0
        # Each line starts with one of its section's keys, or with blanks as wide as
        # the key column: a wrapped description stays in its own column.
        tables = list(app.screen.query(".key-table"))
        assert len(tables) == len(HelpScreen.sections())
        for table, (_title, specs) in zip(tables, HelpScreen.sections(), strict=True):
            width = max(len(spec.shown) for spec in specs)
            keys_shown = {spec.shown for spec in specs}
            for strip in table.render_lines(table.region.reset_offset):
                line = strip.text
                head = line[:width].rstrip()
                assert head in keys_shown or not head, (line, keys_shown)
