"""A clinician form interrupted by the lock is kept inside the vault and offered back."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

from textual.widgets import Input

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.clinician_draft import from_body, to_body
from peerdesk.tui.screens.clinician_form import FORM_FIELDS, ClinicianFormScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import NoteArea
from peerdesk.tui.widgets.topics import TopicPicker
from peerdesk.vault import Vault, clinicians, drafts
from tests.conftest import PASSPHRASE
from tests.support.canary import files_holding
from tests.tui.directory_helpers import fill, go_to, open_directory, rows
from tests.tui.draft_helpers import unlock_again
from tests.tui.helpers import SIZE, all_screens_text, assert_locked, paste, screen_text, wait_until


def clinician_form(app: PeerdeskApp) -> ClinicianFormScreen:
    screen = app.screen
    assert isinstance(screen, ClinicianFormScreen)
    return screen


def text_of(form: ClinicianFormScreen, name: str) -> str:
    widget = form.query_one(f"#{name}")
    return widget.text if isinstance(widget, NoteArea) else form.query_one(f"#{name}", Input).value


async def test_a_new_clinician_survives_ctrl_l_and_saves_after_unlock(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    canary = secrets.token_hex(12)
    started = time.time()
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "n")
        form = clinician_form(app)
        await paste(pilot, f"[red]Dr. Draft[/red] {canary}")
        form.query_one("#notes", NoteArea).text = f"Former dispatcher.\nKnows shift work {canary}"
        form.query_one("#vetted_on", Input).value = "2026-0"  # half-typed: kept as typed
        form.query_one("#telehealth", ChoiceField).value = "yes"
        picker = form.query_one("#specialties", TopicPicker)
        picker.toggle("trauma")
        picker.toggle("sleep")
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, vault_path)
        assert canary not in all_screens_text(app)
        folders = [vault_path.parent]
        assert files_holding([canary], folders, since=started) == []
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert messages.CLINICIAN_DRAFT_RESUME_QUESTION in screen_text(app)
        assert canary not in all_screens_text(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianFormScreen), "the form")
        form = clinician_form(app)
        assert isinstance(app.screen_stack[-2], HomeScreen)
        assert text_of(form, "name") == f"[red]Dr. Draft[/red] {canary}"
        assert text_of(form, "notes") == f"Former dispatcher.\nKnows shift work {canary}"
        assert text_of(form, "vetted_on") == "2026-0"
        assert form.query_one("#telehealth", ChoiceField).value == "yes"
        assert form.query_one("#specialties", TopicPicker).chosen == ("trauma", "sleep")
        assert app.vault is not None
        assert drafts.load(app.vault.conn) is None  # taken out of the vault once reopened
        await pilot.press("escape")  # a kept form is never dropped without asking
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert clinician_form(app) is form
        form.query_one("#vetted_on", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        saved = [c for c in clinicians.every(vault.conn) if canary in c.name]
        assert len(saved) == 1
        assert saved[0].fields.telehealth
        assert saved[0].fields.specialties == ("trauma", "sleep")
        assert drafts.load(vault.conn) is None


async def test_an_edit_comes_back_as_an_edit_of_the_same_clinician(vault_path: Path) -> None:
    ids = fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        name = sorted(ids)[0]
        await go_to(pilot, screen, name)
        await pilot.press("e")
        form = clinician_form(app)
        assert form.clinician_id == ids[name]
        form.query_one("#region", Input).value = "Far Harbour"
        await pilot.press("ctrl+l")
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianFormScreen), "the form")
        form = clinician_form(app)
        assert form.clinician_id == ids[name]
        assert text_of(form, "region") == "Far Harbour"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        edited = clinicians.get(vault.conn, ids[name])
        assert edited is not None and edited.fields.region == "Far Harbour"
        assert clinicians.total(vault.conn) == len(ids)


async def test_n_discards_and_an_untouched_form_keeps_nothing(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "n")
        await paste(pilot, "Dr. Throwaway")
        await pilot.press("ctrl+l")
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, DirectoryScreen), "directory")
        directory = app.screen
        assert isinstance(directory, DirectoryScreen)
        await wait_until(pilot, lambda: bool(rows(directory).shown), "the rows")
        await pilot.press("down", "n")
        assert isinstance(app.screen, ClinicianFormScreen)
        await pilot.press("ctrl+l")  # nothing typed this time
        await unlock_again(pilot, app)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert drafts.load(vault.conn) is None
        assert all("Throwaway" not in c.name for c in clinicians.every(vault.conn))


def test_a_damaged_or_foreign_body_yields_only_what_the_form_allows() -> None:
    good = to_body({"name": "Dr. Kept", "telehealth": "yes"}, None)
    assert from_body(good, FORM_FIELDS) is not None
    body = to_body(
        {
            "name": "Dr. \x1b[31mEscape",  # a control character: dropped
            "region": "x" * 5000,  # longer than the form allows: dropped
            "notes": "two\nlines",  # newlines are fine in an area
            "email": ["not", "text"],  # wrong type: dropped
            "telehealth": "maybe",  # not yes/no: dropped
            "specialties": ["trauma", "not-a-topic"],  # unknown ids dropped
        },
        "not-a-uuid",
    )
    draft = from_body(body, FORM_FIELDS)
    assert draft is not None
    assert draft.values == {"notes": "two\nlines", "specialties": ["trauma"]}
    assert draft.clinician_id is None
    assert from_body({**good, "version": 99}, FORM_FIELDS) is None
    assert from_body({**good, "fields": "text"}, FORM_FIELDS) is None


async def test_a_clinician_draft_comes_back_with_the_cursor_in_its_field(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "n")
        assert clinician_form(app).query_one("#name").has_focus
        await paste(pilot, "Dr. Draft")
        await pilot.press("tab")  # on to the next field, where typing stops
        focused = app.focused
        assert focused is not None and focused.id not in (None, "name")
        kept_in = focused.id
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, vault_path)
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianFormScreen), "the form")
        await pilot.pause()
        back = app.focused
        assert back is not None and back.id == kept_in
        assert text_of(clinician_form(app), "name") == "Dr. Draft"
