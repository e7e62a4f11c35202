"""Bidi controls and line separators in clinician text show as visible escapes.

Imports and the form refuse them now, but a vault may hold some from before (or a
file edited by hand): where the TUI draws clinician text it escapes them, so
"Dr. \\u202eevil\\u202c" never reads as "Dr. live" and a region never splits a row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.models.clinicians import ClinicianFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen
from peerdesk.tui.screens.clinician_form import ClinicianFormScreen
from peerdesk.vault import Vault, clinicians
from peerdesk.vault.directory import save_clinician
from tests.conftest import PASSPHRASE
from tests.tui.directory_helpers import drawn_lines, fill, open_directory
from tests.tui.helpers import SIZE, paste, screen_text, wait_until

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


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u00ad", "SOFT HYPHEN"),
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ],
)
async def test_the_clinician_form_refuses_what_an_import_refuses(
    vault_path: Path, char: str, name: str
) -> None:
    """A name typed (pasted) in the app with a hidden character is refused with the
    import's own sentence, so every clinician the app stores exports and imports back."""
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "n")
        form = app.screen
        assert isinstance(form, ClinicianFormScreen)
        await paste(pilot, f"Avery{char}Castillo")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved
        problem = form.query_one("#problem-name", Static)
        code = f"U+{ord(char):04X}"
        assert str(problem.content) == messages.TEXT_HIDDEN_CHARACTER.format(
            field="name", code=code, name=name
        )
        assert char not in screen_text(app)
        assert form.query_one("#name", Input).value == f"Avery{char}Castillo"  # nothing lost
        assert app.vault is not None
        assert "Avery" not in "".join(c.name for c in clinicians.every(app.vault.conn))
