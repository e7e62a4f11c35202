"""Import (preview, then yes) and export (path, format, no silent overwrite) from the TUI."""

from __future__ import annotations

import json
from pathlib import Path

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.directory_files import FilePathScreen
from peerdesk.vault import clinicians
from tests.tui.directory_helpers import fill, import_file, open_directory, top
from tests.tui.helpers import SIZE, paste, screen_text, wait_until

GOOD_CSV = (
    "name,phones,email,region,specialties\r\n"
    "Ulla Import,+1 206 555 0100,ulla@example.org,Yonder,trauma\r\n"
    "Viktor [b]Import[/b],(503) 555-0101,,Yonder,grief;sleep\r\n"
)
BAD_CSV = GOOD_CSV + "Walt Broken,555,not-an-email,Yonder,unknown-topic\r\n"


async def test_import_previews_then_writes_on_yes(vault_path: Path, tmp_path: Path) -> None:
    fill(vault_path, synthetic=5)
    source = tmp_path / "new.csv"
    source.write_text(GOOD_CSV, encoding="utf-8")
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down")
        preview = await import_file(pilot, app, source)
        shown = screen_text(app)
        assert "2 to add, 0 to change" in shown
        assert "add Viktor [b]Import[/b] (line 3, Not vetted), no id in the file:" in shown
        assert screen.matching == 9  # nothing written yet
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen, "back on the directory")
        assert preview.plan.ok
        assert screen.matching == 11
        assert app.vault is not None
        names = {c.name for c in clinicians.every(app.vault.conn)}
        assert {"Ulla Import", "Viktor [b]Import[/b]"} <= names


async def test_a_bad_row_shows_its_problems_and_writes_nothing(
    vault_path: Path, tmp_path: Path
) -> None:
    fill(vault_path, synthetic=5)
    source = tmp_path / "bad.csv"
    source.write_text(BAD_CSV, encoding="utf-8")
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down")
        preview = await import_file(pilot, app, source)
        shown = screen_text(app)
        assert not preview.plan.ok
        assert "line 4, email:" in shown and "line 4, specialties:" in shown
        assert "nothing will be written" in shown
        await pilot.press("y")  # refused: the file has problems
        assert top(app) is preview
        await pilot.press("escape")
        assert top(app) is screen
        assert app.vault is not None
        assert clinicians.total(app.vault.conn) == 9


async def test_a_missing_file_is_one_sentence(vault_path: Path, tmp_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down", "m")
        await paste(pilot, str(tmp_path / "nope.csv"))
        await pilot.press("enter")
        await pilot.pause()
        assert top(app) is screen
        sentence = messages.DIRECTORY_FILE_MISSING.format(path=tmp_path / "nope.csv")
        assert any(n.message == sentence for n in app._notifications)


async def test_export_reimports_unchanged_and_asks_before_replacing(
    vault_path: Path, tmp_path: Path
) -> None:
    fill(vault_path, synthetic=30)
    target = tmp_path / "out.json"
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down", "x")
        assert isinstance(app.screen, FilePathScreen)
        await paste(pilot, str(target))
        await pilot.press("tab", "right")  # the format: csv -> json
        await pilot.press("shift+tab", "enter")
        await wait_until(pilot, lambda: target.exists(), "the exported file")
        document = json.loads(target.read_text(encoding="utf-8"))
        assert len(document["clinicians"]) == 34
        first = target.read_bytes()
        # Importing what was exported changes nothing.
        preview = await import_file(pilot, app, target)
        assert preview.plan.unchanged == 34 and not preview.plan.added
        assert messages.DIRECTORY_PREVIEW_NOTHING in screen_text(app)
        await pilot.press("escape")
        assert top(app) is screen
        # An existing file is replaced only after yes.
        await pilot.press("x")
        await paste(pilot, str(target))
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert target.read_bytes() == first
        await pilot.press("x")
        await paste(pilot, str(target))
        await pilot.press("enter", "y")  # csv this time, replacing the json
        await pilot.pause()
        assert target.read_bytes().startswith(b"\xef\xbb\xbfid,name")
