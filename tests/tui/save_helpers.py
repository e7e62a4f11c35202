"""Helpers for the failed-save and crash tests: a real full disk, canaries, the output.

The full disk is SQLite's own: `PRAGMA max_page_count` set to the vault's current size
on the app's open connection gives a real SQLITE_FULL on the next page it needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.validation import NOTE_MAX_CHARS
from tests.tui.form_helpers import field_input, jump, note, open_form
from tests.tui.helpers import paste

CANARY_NOTE = "CANARY-note-sgt-miller-7731"
CANARY_HANDLE = "CANARY-blue-9182"
CANARIES = (CANARY_NOTE, CANARY_HANDLE)
# As long as a note may be (4000), so its row spills onto an overflow page: a page the
# capped vault does not have, however much room its table's last page has left.
LONG_NOTE = (CANARY_NOTE + " " + "slept badly " * 400)[:NOTE_MAX_CHARS].strip()


def fill_disk(app: PeerdeskApp) -> None:
    """Cap the open vault at its current number of pages (a real SQLITE_FULL next)."""
    assert app.vault is not None
    conn = app.vault.conn
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.execute(f"PRAGMA max_page_count = {pages}")


async def typed_form(pilot: Pilot[None], app: PeerdeskApp) -> ContactFormScreen:
    """Unlock, open a new contact, pick a topic and type the canary handle and note."""
    screen = await open_form(pilot, app)
    await pilot.press("w")  # work stress
    await jump(pilot, screen, "handle")
    await paste(pilot, CANARY_HANDLE)
    await jump(pilot, screen, "note")
    await paste(pilot, LONG_NOTE)
    assert note(screen).text == LONG_NOTE
    assert field_input(screen, "handle").value == CANARY_HANDLE
    return screen


def printed(app: PeerdeskApp, capsys: pytest.CaptureFixture[str]) -> str:
    """Everything the app printed or would print on exit, as one string."""
    out, err = capsys.readouterr()
    pending = "\n".join(str(r) for r in app._exit_renderables)
    return "\n".join((out, err, pending))


def unwrapped(text: str) -> str:
    """The text without any whitespace: Rich wraps lines anywhere, even inside a path."""
    return "".join(text.split())


def assert_no_canary(text: str) -> None:
    """Neither canary in the text, nor in it with line breaks removed."""
    joined = "".join(text.split())
    for canary in CANARIES:
        assert canary not in text, f"{canary} leaked into the output"
        assert canary not in joined, f"{canary} leaked into the output (wrapped)"


def explode(*_args: Any, **_kwargs: Any) -> Any:
    """The forced, unexpected exception: its text carries both canaries."""
    raise RuntimeError(f"forced: {CANARY_NOTE} {CANARY_HANDLE}")


def crash_sentence(vault_path: Path, form: str = "") -> str:
    return messages.APP_CRASHED.format(form=form, path=vault_path)


def assert_ended_with_the_crash_sentence(app: PeerdeskApp, output: str, vault_path: Path) -> None:
    """Ended by the crash handler: its fixed sentence, no traceback, the vault closed."""
    assert unwrapped(crash_sentence(vault_path)) in unwrapped(output)
    assert "Traceback" not in unwrapped(output)
    assert app.return_code == 1 and app.vault is None
