"""Bidi controls and line separators in clinician text show as visible escapes.

Imports and the form refuse them now, but a vault may hold some from before (or a
file edited by hand): where the TUI draws clinician text it escapes them, so
"Dr. \\u202eevil\\u202c" never reads as "Dr. live" and a region never splits a row.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk.models.clinicians import ClinicianFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen
from peerdesk.vault import Vault
from peerdesk.vault.directory import save_clinician
from tests.conftest import PASSPHRASE
from tests.tui.directory_helpers import drawn_lines, open_directory
from tests.tui.helpers import screen_text, wait_until

RAW_NAME = "Dr. \u202eevil\u202c"
RAW_REGION = "north\u2028FORGED"


async def test_raw_bidi_and_separators_in_the_vault_are_escaped_on_screen(
    vault_path: Path,
) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        clinician_id = save_clinician(vault, ClinicianFields(name="Dr. Plain", region="north"))
        with vault.transaction() as conn:  # as an older peerdesk could have stored it
            conn.execute(
                "UPDATE clinicians SET name = ?, region = ? WHERE id = ?",
                (RAW_NAME, RAW_REGION, clinician_id),
            )
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_directory(pilot, app)
        listed = "\n".join(drawn_lines(screen))
        assert "\u202e" not in listed and "\u2028" not in listed
        assert "\\u202eevil" in listed
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianDetailScreen), "detail")
        await pilot.pause()
        shown = screen_text(app)
        assert "\u202e" not in shown and "\u2028" not in shown
        assert "\\u202eevil\\u202c" in shown
        assert "north\\u2028FORGED" in shown
