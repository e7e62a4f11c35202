"""The form's text: literal markup, refused escape codes, a 1 MB paste, retention 0,
and the imminent-risk checklist from the vault's settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Static

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.crisis import CrisisScreen
from peerdesk.tui.screens.help import HelpScreen
from peerdesk.tui.screens.imminent import EscalationScreen
from peerdesk.validation import NOTE_MAX_CHARS
from peerdesk.vault import Vault, contacts
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import back_home, field_input, form, jump, note, open_form, stored
from tests.tui.helpers import SIZE, paste, rendered, screen_text, type_text, wait_until

MARKUP = "[red]x[/] [bold]b[/bold] [link=http://x]l[/link]"


def drawn(app: PeerdeskApp) -> str:
    """What the terminal would show, line by line, as plain characters."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def status(app: PeerdeskApp) -> str:
    return str(app.screen.query_one("#form-status", Static).content)


async def test_markup_is_shown_and_stored_literally(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("o")
        await jump(pilot, screen, "handle")
        await paste(pilot, "[i]S.[/i]")
        await jump(pilot, screen, "note")
        await paste(pilot, MARKUP)
        await pilot.pause()
        assert MARKUP in drawn(app)
        assert "[i]S.[/i]" in drawn(app)
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
    fields = stored(closed_vault, 1).fields
    assert (fields.note, fields.handle) == (MARKUP, "[i]S.[/i]")


async def test_pasted_escape_codes_are_refused_with_the_sentence(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await jump(pilot, screen, "note")
        await type_text(pilot, "ok")
        await paste(pilot, "\x1b[2J\x1b[31mred\x07")
        sentence = messages.TEXT_CONTROL_CHARACTERS.format(field="note")
        assert sentence in status(app)
        assert note(screen).text == "ok"
        await jump(pilot, screen, "handle")
        await paste(pilot, "S.\x1b[H")
        assert messages.TEXT_CONTROL_CHARACTERS.format(field="handle") in status(app)
        assert field_input(screen, "handle").value == ""
        await paste(pilot, "line one\r\nline two")  # only the first line goes in a handle
        assert field_input(screen, "handle").value == "line one"
        assert "\x1b" not in drawn(app)


async def test_a_one_megabyte_paste_is_refused_and_typing_goes_on(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("w")
        await jump(pilot, screen, "note")
        await paste(pilot, "x" * 1_000_000)
        sentence = messages.TEXT_TOO_LONG.format(field="note", max=NOTE_MAX_CHARS)
        assert sentence in status(app)
        assert note(screen).text == ""
        await paste(pilot, "y" * NOTE_MAX_CHARS)  # exactly the limit fits
        await type_text(pilot, "z")  # typing past it is allowed, refused on save
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactFormScreen)
        assert sentence in status(app)
        assert app.focused is note(screen)
        await pilot.press("backspace", "ctrl+s")
        await back_home(pilot, app)
    assert stored(closed_vault, 1).fields.note == "y" * NOTE_MAX_CHARS


async def test_imminent_risk_shows_the_checklist_from_settings(closed_vault: Path) -> None:
    checklist = "Stay with them [red]now[/]\n\nPhone Lt. on call\nTell the lead"
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        vault.save_settings(replace(vault.settings(), escalation_checklist=checklist))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("s")
        await jump(pilot, screen, "risk")
        await pilot.press("i")  # Imminent
        assert isinstance(app.screen, EscalationScreen)
        shown = screen_text(app)
        assert messages.ESCALATION_TITLE in shown
        assert "1. Stay with them [red]now[/]\n2. Phone Lt. on call\n3. Tell the lead" in shown
        for limit in messages.CONFIDENTIALITY_LIMITS:
            assert limit in shown
        assert "ctrl+g" in shown
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape", "enter")
        assert form(app) is screen
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
    assert stored(closed_vault, 1).fields.risk == "imminent"


async def test_retention_zero_switches_note_and_handle_off(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        vault.save_settings(replace(vault.settings(), retention_days=0))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        assert note(screen).disabled and field_input(screen, "handle").disabled
        assert messages.FORM_TEXT_NOT_KEPT in screen_text(app)
        await pilot.press("t", "ctrl+s")
        await back_home(pilot, app)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        contact = contacts.get(vault.conn, 1)
    assert contact is not None and contact.fields.topics == ("trauma",)


async def test_form_fits_80x24_and_help_lists_its_keys(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        for widget in screen.query("#form-box > *"):
            assert widget.region.height > 0 and widget.region.bottom <= SIZE[1], widget
        assert "ctrl+s" in drawn(app) and "ctrl+g" in drawn(app)
        await pilot.press("question_mark")  # not a topic letter: opens help
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        shown = screen_text(app)
        assert messages.KEYS_ON_FORM in shown
        assert messages.KEY_FORM_SAVE in shown and messages.KEY_FORM_TOPIC in shown
        await pilot.press("escape")
        assert form(app) is screen


async def test_a_typed_date_shows_whole_with_the_cursor_after_it(closed_vault: Path) -> None:
    """A full date plus the cursor fit the field: never `026-12-01` with the 2 cut off."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        for field_id in ("date", "follow-up"):
            await jump(pilot, screen, field_id)
            await pilot.press("end", "ctrl+u")
            await type_text(pilot, "2026-12-01")
            await pilot.pause()
            field = field_input(screen, field_id)
            assert field.has_focus and field.cursor_position == len("2026-12-01")
            assert rendered(field).strip() == "2026-12-01"


async def test_a_note_sentence_goes_once_the_text_it_spoke_of_changes(closed_vault: Path) -> None:
    """ "Paste was not added" and "too long" leave the screen when the note changes."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("w")
        await jump(pilot, screen, "note")
        await paste(pilot, "x" * (NOTE_MAX_CHARS + 1))
        shown_status = screen.query_one("#form-status", Static)
        assert "paste was not added" in rendered(shown_status)
        await type_text(pilot, "ok")
        await pilot.pause()
        assert "not added" not in rendered(shown_status) and status(app) == ""
        await paste(pilot, "y" * (NOTE_MAX_CHARS - 2))
        await type_text(pilot, "z")  # past the limit: refused on save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "too long" in rendered(shown_status)
        await pilot.press("backspace")
        await pilot.pause(0.3)  # past the note check's pause, so its line is drawn too
        assert "too long" not in rendered(shown_status)
        assert "too long" not in drawn(app)
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
