"""An unexpected exception in a TUI save path never prints what the peer typed.

Each test makes the repository function a save calls raise RuntimeError carrying the
canary (the forced, unexpected exception), then drives the real app under Pilot at 80x24.
Forms holding typed text stay open with a fixed sentence; elsewhere the exception
escapes to the app, which must end with the fixed crash sentence and no traceback.
Everything the app printed (stdout, stderr, its exit message) is searched for the canary.
The directory's saves (clinician add, edit, suspend, import) are in
test_save_canaries_directory.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.models.contacts import ContactFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.concern import ConcernScreen
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.stats_export import ExportScreen
from peerdesk.tui.screens.contact_detail import ContactDetailScreen
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.referral_pick import ReferralPickScreen
from peerdesk.tui.screens.referrals_list import ReferralsScreen
from peerdesk.tui.screens.settings import SettingsScreen
from peerdesk.vault import Vault, contacts, drafts, followups, logbook, monthly, referrals
from peerdesk.vault.values import utc_now
from tests.conftest import PASSPHRASE
from tests.support.referrals import add_clinician, clinician
from tests.tui.contacts_list_helpers import open_list
from tests.tui.form_helpers import field_input, jump, note
from tests.tui.helpers import SIZE, paste, unlock, wait_until
from tests.tui.save_helpers import (
    CANARY_HANDLE,
    CANARY_NOTE,
    LONG_NOTE,
    assert_ended_with_the_crash_sentence,
    assert_no_canary,
    crash_sentence,
    explode,
    printed,
    typed_form,
    unwrapped,
)
from tests.tui.stats_helpers import open_stats

TODAY = date.today()


# --- forms with typed text: they stay open ----------------------------------------
async def test_new_contact_stays_open_when_the_save_breaks(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logbook, "save_contact", explode)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await typed_form(pilot, app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert note(screen).text == LONG_NOTE
        assert field_input(screen, "handle").value == CANARY_HANDLE
        status = str(screen.query_one("#form-status", Static).content)
        assert status == messages.SAVE_FAILED_UNEXPECTED
        assert app.return_code is None
    assert_no_canary(printed(app, capsys))


async def test_edited_contact_stays_open_when_the_save_breaks(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        cid = logbook.save_contact(
            vault, ContactFields(contact_date=TODAY, topics=("sleep",)), today=TODAY
        )
    monkeypatch.setattr(logbook, "save_contact", explode)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        app.push_screen(ContactFormScreen(app.vault, contact_id=cid))
        await wait_until(pilot, lambda: bool(app.screen.query("#note")), "the form's fields")
        screen = app.screen
        assert isinstance(screen, ContactFormScreen)
        await jump(pilot, screen, "note")
        await paste(pilot, CANARY_NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert note(screen).text == CANARY_NOTE
        assert app.screen is screen
        assert messages.SAVE_FAILED_UNEXPECTED in str(
            screen.query_one("#form-status", Static).content
        )
        assert app.return_code is None
    assert_no_canary(printed(app, capsys))


async def test_a_concern_stays_open_when_its_save_breaks(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog saves before it closes: the handle typed is still there, with a sentence."""
    monkeypatch.setattr(logbook, "add_concern", explode)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ConcernScreen), "dialog")
        dialog = app.screen
        await paste(pilot, CANARY_HANDLE)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#concern-handle", Input).value == CANARY_HANDLE
        said = str(dialog.query_one("#concern-error", Static).content)
        assert said == messages.SAVE_FAILED_UNEXPECTED_DIALOG
        assert app.return_code is None
    assert_no_canary(printed(app, capsys))


# --- one-key saves: the exception escapes and the app ends with the fixed sentence --
async def test_a_contact_form_kept_when_an_escaping_error_ends_the_app(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The crash handler keeps the open form as a draft before it closes the vault."""
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await typed_form(pilot, app)
            screen = app.screen
            monkeypatch.setattr(screen, "action_save", explode)
            await pilot.press("ctrl+s")
            await pilot.pause()
    assert app.return_code == 1
    output = printed(app, capsys)
    assert unwrapped(crash_sentence(closed_vault, messages.APP_CRASHED_FORM_KEPT)) in unwrapped(
        output
    )
    assert "Traceback" not in unwrapped(output)
    assert_no_canary(output)
    assert app.vault is None
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        body = drafts.load(vault.conn)
    assert body is not None and CANARY_HANDLE in str(body)


def _followup(vault_path: Path, handle: str = "S.") -> None:
    with Vault.unlock(vault_path, PASSPHRASE) as vault, vault.transaction() as conn:
        followups.add(conn, TODAY, handle, utc_now())


@pytest.mark.parametrize(
    ("target", "name", "keys"),
    [
        (followups, "mark_done", ("x",)),
        (followups, "snooze", ("s",)),
        (followups, "snooze", ("S",)),
    ],
    ids=["follow-up done", "snooze a day", "snooze a week"],
)
async def test_home_follow_up_keys_end_with_the_fixed_sentence(
    closed_vault: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    target: object,
    name: str,
    keys: tuple[str, ...],
) -> None:
    _followup(closed_vault, CANARY_HANDLE)
    monkeypatch.setattr(target, name, explode)
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot, app)
            await pilot.press(*keys)
            await pilot.pause()
    output = printed(app, capsys)
    assert unwrapped(crash_sentence(closed_vault)) in unwrapped(output)
    assert "Traceback" not in unwrapped(output)
    assert_no_canary(output)
    assert app.return_code == 1 and app.vault is None


async def test_settings_save_ends_with_the_fixed_sentence(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The escalation checklist is edited here too: its text is the canary."""
    monkeypatch.setattr(Vault, "save_settings", explode)
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot, app)
            await pilot.press("p")
            await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings")
            await pilot.press("tab", "tab", "tab", "tab")
            await paste(pilot, CANARY_NOTE)
            await pilot.press("ctrl+s")
            await pilot.pause()
    output = printed(app, capsys)
    assert unwrapped(crash_sentence(closed_vault)) in unwrapped(output)
    assert_no_canary(output)


async def test_snooze_past_the_calendar_is_not_a_crash_of_home(closed_vault: Path) -> None:
    """A follow-up due at the calendar's end still draws on home (no overflow)."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        followups.add(conn, TODAY - timedelta(days=1), "S.", utc_now())
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("S")
        await pilot.pause()
        assert app.return_code is None


# --- deleting a contact: from the list and from its detail ----------------------------
@pytest.mark.parametrize("from_detail", [False, True], ids=["contacts list", "contact detail"])
async def test_deleting_a_contact_ends_with_the_fixed_sentence(
    closed_vault: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    from_detail: bool,
) -> None:
    """The contact's own note and handle are canaries too: the detail shows them."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        fields = ContactFields(
            contact_date=TODAY, topics=("sleep",), note=CANARY_NOTE, handle=CANARY_HANDLE
        )
        logbook.save_contact(vault, fields, today=TODAY)
    monkeypatch.setattr(contacts, "delete", explode)
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await open_list(pilot, app)
            if from_detail:
                await pilot.press("enter")
                await wait_until(
                    pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail"
                )
            await pilot.press("d")
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "question")
            await pilot.press("y")
            await pilot.pause()
    output = printed(app, capsys)
    assert_ended_with_the_crash_sentence(app, output, closed_vault)
    assert_no_canary(output)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert contacts.count(vault.conn) == 1  # the delete's transaction rolled back


# --- referrals: recording one after a contact, changing its status --------------------
async def test_recording_a_referral_ends_with_the_fixed_sentence(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contact (typed canaries) is saved first; the referral the peer chose breaks."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        add_clinician(vault, clinician("Al Other", TODAY, specialties=("work-stress",)))
    monkeypatch.setattr(referrals, "make_referral", explode)
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            screen = await typed_form(pilot, app)
            await jump(pilot, screen, "outcome")
            await pilot.press("r")  # outcome: referral
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
            await pilot.press("y")
            await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
            await pilot.press("enter")
            await pilot.pause()
    output = printed(app, capsys)
    assert_ended_with_the_crash_sentence(app, output, closed_vault)
    assert_no_canary(output)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        assert contacts.count(vault.conn) == 1 and referrals.listing(vault.conn) == []


async def test_changing_a_referral_status_ends_with_the_fixed_sentence(
    closed_vault: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        fields = ContactFields(contact_date=TODAY, topics=("sleep",), handle=CANARY_HANDLE)
        contact_id = logbook.save_contact(vault, fields, today=TODAY)
        clinician_id = add_clinician(vault, clinician("Al Other", TODAY))
        referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
    monkeypatch.setattr(referrals, "change_status", explode)
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot, app)
            await pilot.press("r")
            await wait_until(pilot, lambda: isinstance(app.screen, ReferralsScreen), "referrals")
            await pilot.pause()
            await pilot.press("3")  # connected
            await pilot.pause()
    output = printed(app, capsys)
    assert_ended_with_the_crash_sentence(app, output, closed_vault)
    assert_no_canary(output)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert made.status == "offered"


# --- exporting the month's counts -----------------------------------------------------
async def test_exporting_the_month_ends_with_the_fixed_sentence(
    closed_vault: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The label typed in the export dialog is the canary; no file is written."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        fields = ContactFields(contact_date=TODAY, topics=("sleep",), note=CANARY_NOTE)
        logbook.save_contact(vault, fields, today=TODAY)
    target = tmp_path / "month.json"
    app = PeerdeskApp(closed_vault)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await open_stats(pilot, app)
            await pilot.press("e")
            await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), "export")
            await pilot.press("tab", "ctrl+u")
            await paste(pilot, str(target))
            await pilot.press("tab")
            await paste(pilot, CANARY_HANDLE)
            monkeypatch.setattr(monthly, "month_counts", explode)  # the stats screen drew
            await pilot.press("enter")
            await pilot.pause()
    output = printed(app, capsys)
    assert_ended_with_the_crash_sentence(app, output, closed_vault)
    assert_no_canary(output)
    assert not target.exists()
