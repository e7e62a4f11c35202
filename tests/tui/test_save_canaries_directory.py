"""An unexpected exception in a directory save never prints what was typed or read.

As test_save_canaries.py, for the clinician directory: the repository function each save
calls raises RuntimeError carrying the canary, and the real app runs under Pilot at 80x24.
The clinician form keeps what was typed with a fixed sentence; suspending and importing
hold no typing, so the exception escapes and the app ends with the fixed crash sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static
from textual.worker import WorkerFailed

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens import clinician_detail
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen
from peerdesk.tui.screens.clinician_form import ClinicianFormScreen
from peerdesk.vault import Vault, clinician_writes, clinicians
from tests.conftest import PASSPHRASE
from tests.tui.directory_helpers import fill, go_to, import_file, open_directory, top
from tests.tui.helpers import SIZE, paste, wait_until
from tests.tui.save_helpers import (
    CANARY_NOTE,
    assert_ended_with_the_crash_sentence,
    assert_no_canary,
    explode,
    printed,
)


def form_status(form: ClinicianFormScreen) -> str:
    return str(form.query_one("#clinician-form-status", Static).content)


async def test_a_new_clinician_stays_open_when_the_save_breaks(
    vault_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault_path, synthetic=0)
    monkeypatch.setattr(clinician_writes, "add", explode)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "n")
        form = app.screen
        assert isinstance(form, ClinicianFormScreen)
        await paste(pilot, CANARY_NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert top(app) is form
        assert form.query_one("#name", Input).value == CANARY_NOTE
        assert form_status(form) == messages.SAVE_FAILED_UNEXPECTED
        assert app.return_code is None
        assert app.vault is not None
        assert not any(c.name == CANARY_NOTE for c in clinicians.every(app.vault.conn))
    assert_no_canary(printed(app, capsys))


async def test_an_edited_clinician_stays_open_when_the_save_breaks(
    vault_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault_path, synthetic=0)
    monkeypatch.setattr(clinician_writes, "update", explode)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "enter")
        detail = app.screen
        assert isinstance(detail, ClinicianDetailScreen)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ClinicianFormScreen)
        name = form.query_one("#name", Input)
        await wait_until(pilot, lambda: app.focused is name, "the name field")
        await pilot.press("ctrl+u")  # clear the field
        await paste(pilot, CANARY_NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert top(app) is form
        assert name.value == CANARY_NOTE
        assert form_status(form) == messages.SAVE_FAILED_UNEXPECTED
        assert app.return_code is None
        assert app.vault is not None
        stored = clinicians.get(app.vault.conn, detail.clinician_id)
        assert stored is not None and stored.name != CANARY_NOTE
    assert_no_canary(printed(app, capsys))


@pytest.mark.parametrize("from_detail", [False, True], ids=["directory", "clinician detail"])
async def test_suspending_ends_with_the_fixed_sentence(
    vault_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    from_detail: bool,
) -> None:
    ids = fill(vault_path, synthetic=0)
    monkeypatch.setattr(clinician_detail, "set_suspended", explode)
    app = PeerdeskApp(vault_path)
    with pytest.raises(RuntimeError, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_directory(pilot, app)
            await go_to(pilot, screen, "José Quetzal")
            if from_detail:
                await pilot.press("enter")
                await wait_until(
                    pilot, lambda: isinstance(app.screen, ClinicianDetailScreen), "detail"
                )
            await pilot.press("u")
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "question")
            await pilot.press("y")
            await wait_until(pilot, lambda: app.return_code == 1, "the crash sentence")
    output = printed(app, capsys)
    assert_ended_with_the_crash_sentence(app, output, vault_path)
    assert_no_canary(output)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        stored = clinicians.get(vault.conn, ids["José Quetzal"])
    assert stored is not None and not stored.fields.suspended


async def test_importing_ends_with_the_fixed_sentence(
    vault_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file's clinician is named by the canary; the preview shows it, nothing prints it."""
    fill(vault_path, synthetic=0)
    source = tmp_path / "new.csv"
    source.write_text(
        f"name,phones,email,region,specialties\r\n{CANARY_NOTE},+1 206 555 0100,,Yonder,trauma\r\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(clinician_writes, "store_many", explode)
    app = PeerdeskApp(vault_path)
    # The write runs in the import's worker: run_test raises the error again wrapped.
    with pytest.raises(WorkerFailed, match="forced"):
        async with app.run_test(size=SIZE) as pilot:
            await open_directory(pilot, app)
            await pilot.press("down")
            preview = await import_file(pilot, app, source)
            assert preview.plan.ok  # the dry run writes nothing, so it did not break
            await pilot.press("y")
            await wait_until(pilot, lambda: app.return_code == 1, "the crash sentence")
    output = printed(app, capsys)
    assert_ended_with_the_crash_sentence(app, output, vault_path)
    assert_no_canary(output)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        names = {c.name for c in clinicians.every(vault.conn)}
    assert CANARY_NOTE not in names
