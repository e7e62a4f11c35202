"""Crisis lines: ctrl+g on every screen (set-up, unlock, home, form, inside a text field)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from peerdesk import messages
from peerdesk.crisis import CrisisLine, default_crisis_lines, default_path, save_crisis_lines
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.crisis import CrisisScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.setup import SetupScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from tests.conftest import PASSPHRASE
from tests.tui.form_helpers import jump, note, open_form
from tests.tui.helpers import SIZE, open_vault_fds, paste, screen_text, type_text, wait_until


async def crisis_round_trip(pilot: Pilot[None], app: PeerdeskApp) -> str:
    """ctrl+g opens the lines over the current screen, ctrl+g closes them; returns the text."""
    below = app.screen
    await pilot.press("ctrl+g")
    assert isinstance(app.screen, CrisisScreen)
    shown = screen_text(app)
    for number in ("988", "1-800-267-5463"):
        assert number in shown
    assert messages.CRISIS_EMERGENCY in shown
    await pilot.press("ctrl+g")
    assert app.screen is below
    return shown


async def test_crisis_lines_from_the_unlock_screen_while_typing(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert "ctrl+g" in screen_text(app)  # listed where a stressed peer looks
        await paste(pilot, "half typed")
        await crisis_round_trip(pilot, app)
        assert open_vault_fds(closed_vault) == []  # the vault was never opened
        field = app.screen.query_one(PassphraseInput)
        assert field.value == "half typed"  # ctrl+g did not type into the field
        await pilot.press("ctrl+g", "escape")  # escape closes it too
        assert isinstance(app.screen, UnlockScreen)


async def test_crisis_lines_from_the_setup_screen(vault_path: Path) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SetupScreen)
        assert "ctrl+g" in screen_text(app)
        await crisis_round_trip(pilot, app)
    assert not vault_path.exists()


async def test_crisis_lines_from_home_and_from_the_note_field(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await jump(pilot, screen, "note")
        await type_text(pilot, "ab")
        await crisis_round_trip(pilot, app)
        assert note(screen).text == "ab"  # nothing typed, nothing lost
        assert app.focused is note(screen)
        await pilot.press("escape", "y")
        assert isinstance(app.screen, HomeScreen)
        await crisis_round_trip(pilot, app)


async def test_unlocking_while_the_crisis_lines_are_open_keeps_them_on_top(
    closed_vault: Path,
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter", "ctrl+g")  # the KDF is still running in its worker
        await wait_until(pilot, lambda: app.vault is not None, "the unlock")
        await wait_until(pilot, lambda: isinstance(app.screen, CrisisScreen), "crisis lines")
        assert isinstance(app.screen_stack[-2], HomeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_configured_lines_show_their_verified_date(closed_vault: Path) -> None:
    lines = [
        *default_crisis_lines()[:2],
        CrisisLine("eap", "Agency EAP [b]", "Call", "555-0100", verified_on=date(2025, 1, 31)),
        CrisisLine("on-call-clinician", "On-call", "", "555-0199"),
    ]
    save_crisis_lines(None, lines)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        shown = await crisis_round_trip(pilot, app)
    assert "Agency EAP [b]" in shown  # literal
    assert "555-0100" in shown
    assert messages.CRISIS_VERIFIED.format(date="2025-01-31") in shown
    assert messages.CRISIS_UNVERIFIED in shown  # the on-call line nobody checked
    # The national lines carry the day they were checked against their official source.
    assert messages.CRISIS_VERIFIED_AGAINST.format(date="2026-12-01", source="copline.org") in shown


async def test_a_broken_file_still_shows_the_numbers(closed_vault: Path) -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        shown = await crisis_round_trip(pilot, app)
    assert str(path) in shown.replace("\n", " ")
    assert "is not valid JSON" in shown


async def test_crisis_lines_fit_80x24(closed_vault: Path) -> None:
    """Every line, the 911 sentence and the close key are inside the screen."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        screen = app.screen
        assert isinstance(screen, CrisisScreen)
        for widget in screen.query("Static"):
            region = widget.region
            assert region.height > 0 and region.bottom <= SIZE[1], widget
        assert not isinstance(screen, ContactFormScreen)


async def test_the_on_call_line_is_set_from_the_crisis_screen_and_shown_at_imminent_risk(
    closed_vault: Path,
) -> None:
    """o on the crisis screen sets the on-call clinician (with today's check), and the
    imminent-risk checklist then shows that number; a bad date keeps the form."""
    from peerdesk.crisis import load_crisis_lines, on_call
    from peerdesk.tui.screens.crisis import CrisisLineForm
    from peerdesk.tui.screens.imminent import EscalationScreen
    from tests.tui.form_helpers import jump

    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("ctrl+g", "o")
        await wait_until(pilot, lambda: isinstance(app.screen, CrisisLineForm), "the form")
        await type_text(pilot, "503-555-0177")
        await pilot.press("tab")
        await type_text(pilot, "Call or text, 24/7")
        await pilot.press("tab", *["backspace"] * 10)
        await type_text(pilot, "2999-01-01")
        await pilot.press("enter")
        assert isinstance(app.screen, CrisisLineForm)  # a future check is refused
        assert "not in the future" in screen_text(app)
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, date.today().isoformat())
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CrisisScreen), "saved")
        shown = screen_text(app)
        assert "503-555-0177" in shown
        assert messages.CRISIS_VERIFIED.format(date=date.today().isoformat()) in shown
        await pilot.press("escape")
        await pilot.press("s")
        await jump(pilot, screen, "risk")
        await pilot.press("i")  # Imminent
        assert isinstance(app.screen, EscalationScreen)
        assert messages.ESCALATION_ON_CALL_LABEL + "503-555-0177" in screen_text(app)
    line = on_call(load_crisis_lines())
    assert line is not None and line.number == "503-555-0177"
    assert line.verified_on == date.today()


async def test_while_locked_the_crisis_lines_cannot_be_changed(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, CrisisScreen)
        assert messages.CRISIS_KEYS_LOCKED in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)  # no form
        assert messages.CRISIS_EDIT_LOCKED in [n.message for n in app._notifications]
    assert not default_path().exists()  # nothing was written


async def test_the_checklist_says_when_no_on_call_number_is_set(closed_vault: Path) -> None:
    from peerdesk.tui.screens.imminent import EscalationScreen
    from tests.tui.form_helpers import jump

    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("s")
        await jump(pilot, screen, "risk")
        await pilot.press("i")
        assert isinstance(app.screen, EscalationScreen)
        assert messages.ESCALATION_ON_CALL_UNSET in screen_text(app)
