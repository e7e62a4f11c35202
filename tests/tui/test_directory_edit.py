"""Adding, editing, suspending and reactivating clinicians from the directory."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.models.clinicians import SUSPENDED
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen
from peerdesk.tui.screens.clinician_form import ClinicianFormScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.vault import clinicians
from tests.tui.directory_helpers import (
    TODAY,
    drawn_lines,
    fill,
    go_to,
    open_directory,
    selected_status,
    settle,
)
from tests.tui.helpers import SIZE, paste, screen_text, type_text, wait_until


def problem_shown(app: PeerdeskApp, field: str) -> str:
    widget = app.screen.query_one(f"#problem-{field}", Static)
    return str(widget.content) if widget.display else ""


async def test_add_with_a_bad_email_keeps_the_typing_then_saves(vault_path: Path) -> None:
    fill(vault_path, synthetic=10)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down", "n")
        assert isinstance(app.screen, ClinicianFormScreen)
        await paste(pilot, "Zara [i]Newfield[/i]")
        await pilot.press("tab")
        await paste(pilot, "LMFT")
        await pilot.press("tab", "tab")  # practice left empty
        await paste(pilot, "+1 503 555 0101")
        await pilot.press("tab")
        await paste(pilot, "zara at example")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ClinicianFormScreen)  # not saved, still open
        bad = messages.CLINICIAN_BAD_EMAIL.format(value="zara at example")
        assert problem_shown(app, "email") == bad
        assert problem_shown(app, "name") == ""
        assert "1 field(s) need a fix" in screen_text(app)
        # Nothing typed was lost, and the cursor waits in the field to fix.
        assert form.query_one("#name", Input).value == "Zara [i]Newfield[/i]"
        assert form.query_one("#phones", Input).value == "+1 503 555 0101"
        assert app.focused is form.query_one("#email", Input)
        await pilot.press("ctrl+u")  # clear the field
        await type_text(pilot, "zara@example.org")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, "back on the directory")
        assert app.vault is not None
        found = [c for c in clinicians.every(app.vault.conn) if c.name.startswith("Zara")]
        assert len(found) == 1
        assert found[0].fields.email == "zara@example.org"
        assert found[0].fields.phones == ("+1 503 555 0101",)
        assert screen.matching == 15
        await pilot.press("slash")
        await type_text(pilot, "zara")
        await settle(pilot, screen, "zara")
        assert any("Zara [i]Newfield[/i]" in line for line in drawn_lines(screen))


async def test_bad_dates_are_named_next_to_their_fields(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "n")
        form = app.screen
        assert isinstance(form, ClinicianFormScreen)
        form.query_one("#vetted_on", Input).value = "2026-13-01"
        form.query_one("#revet_due", Input).value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert problem_shown(app, "name") == messages.CLINICIAN_NAME_REQUIRED
        assert "2026-13-01 does not exist" in problem_shown(app, "vetted_on")
        assert "YYYY-MM-DD" in problem_shown(app, "revet_due")
        await pilot.press("escape")  # something was typed: asks before leaving
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, DirectoryScreen)


async def test_edit_from_the_detail_shows_the_change(vault_path: Path) -> None:
    ids = fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "enter")  # first row: the markup name sorts first
        detail = app.screen
        assert isinstance(detail, ClinicianDetailScreen)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ClinicianFormScreen)
        form.query_one("#region", Input).value = "Yonder Valley"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is detail, "back on the detail")
        assert "Yonder Valley" in screen_text(app)
        assert detail.clinician_id in ids.values()


async def test_suspend_then_reactivate(vault_path: Path) -> None:
    ids = fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await go_to(pilot, screen, "José Quetzal")
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert selected_status(screen) == SUSPENDED
        assert any(line.startswith("SUSPENDED") and "José" in line for line in drawn_lines(screen))
        assert app.vault is not None
        stored = clinicians.get(app.vault.conn, ids["José Quetzal"])
        assert stored is not None and stored.fields.suspended
        await pilot.press("u", "y")
        await pilot.pause()
        assert selected_status(screen) == "vetted"
        assert any(line.startswith("vetted") and "José" in line for line in drawn_lines(screen))
        stored = clinicians.get(app.vault.conn, ids["José Quetzal"])
        assert stored is not None and not stored.fields.suspended
        assert stored.vetting_status(TODAY) == "vetted"
