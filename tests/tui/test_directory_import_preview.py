"""The import dialog's preview of a forged directory file, through the real app at 80x24.

The peer reads this before pressing y: every changed field old -> new, a vetting status
change first in words, look-alike names first of all (and a second question before
they are written), all of it scrollable however long, and nothing in it styled by the
file's markup or moved by its escape sequences.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from peerdesk.interchange import export_directory
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.directory_files import ImportPreviewScreen
from peerdesk.tui.widgets.line_view import LineView
from peerdesk.vault import Vault, clinicians
from tests.conftest import PASSPHRASE
from tests.tui.directory_helpers import MARKUP_NAME, fill, import_file, open_directory, top
from tests.tui.helpers import SIZE, rendered, screen_text, wait_until

VETTED = "José Quetzal"  # HANDMADE in directory_helpers: vetted, telehealth, one phone
REAL_PHONE = "(206) 555-0142 ext. 13"
FORGED_PHONE = "+1 900 555 0199"


def forged(
    vault_path: Path,
    tmp_path: Path,
    changes: Mapping[str, Mapping[str, object]],
    new: Sequence[Mapping[str, object]] = (),
) -> Path:
    """The peer's own directory exported, then edited by an attacker: `changes` maps a
    clinician's name to the keys to overwrite, `new` adds records."""
    path = tmp_path / "forged.json"
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        export_directory(vault.conn, path, "json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    for item in doc["clinicians"]:
        item.update(changes.get(item["name"], {}))
    doc["clinicians"] += list(new)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def preview_view(app: PeerdeskApp) -> LineView:
    return app.screen.query_one("#directory-preview", LineView)


async def test_a_forged_phone_and_a_suspended_clinician_vetted_again_are_shown_in_full(
    vault_path: Path, tmp_path: Path
) -> None:
    fill(vault_path, synthetic=0)
    source = forged(
        vault_path,
        tmp_path,
        {VETTED: {"phones": [FORGED_PHONE]}, "Quincy Suspended": {"suspended": False}},
    )
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down")
        preview = await import_file(pilot, app, source)
        shown = screen_text(app)
        assert "0 to add, 2 to change" in shown
        assert "1 clinician(s) change vetting status: see VETTING STATUS CHANGES." in shown
        lines = [text for _kind, text in preview_view(app).lines]
        quincy = next(i for i, line in enumerate(lines) if line.startswith("change Quincy"))
        assert lines[quincy + 2 : quincy + 4] == [
            "  VETTING STATUS CHANGES: Suspended -> Vetted",
            "  Suspended: yes -> no",
        ]
        assert f"  Phones: '{REAL_PHONE}' -> '{FORGED_PHONE}'" in lines
        assert app.focused is preview_view(app)  # the keys scroll the preview at once
        assert app.vault is not None
        jose = next(c for c in clinicians.every(app.vault.conn) if c.name == VETTED)
        assert jose.fields.phones == (REAL_PHONE,)  # nothing written before y
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen, "back on the directory")
        assert preview.plan.ok
        jose = next(c for c in clinicians.every(app.vault.conn) if c.name == VETTED)
        assert jose.fields.phones == (FORGED_PHONE,)


async def test_a_look_alike_is_shown_first_and_asks_a_second_time(
    vault_path: Path, tmp_path: Path
) -> None:
    fill(vault_path, synthetic=0)
    copy = {"name": "JOSÉ  quetzal", "phones": [FORGED_PHONE], "telehealth": True}
    source = forged(vault_path, tmp_path, {}, [copy])
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down")
        preview = await import_file(pilot, app, source)
        view = preview_view(app)
        kind, first = view.lines[0]
        assert (kind, first) == (
            "warning",
            "LOOK-ALIKE NAMES: 1 new clinician(s) named like another clinician,",
        )
        said = " ".join(text.strip() for _kind, text in view.lines)
        assert "the new clinician 'JOSÉ  quetzal' looks like 'José Quetzal', already in" in said
        assert "see LOOK-ALIKE NAMES" in screen_text(app)
        assert "LOOK-ALIKE NAMES" in rendered(view)  # in view without scrolling
        await pilot.press("y")
        assert isinstance(app.screen, ConfirmScreen)
        assert "1 new clinician(s) are named like another clinician" in screen_text(app)
        await pilot.press("n")
        assert top(app) is preview  # back on the preview, nothing written
        assert app.vault is not None
        assert clinicians.total(app.vault.conn) == 4
        await pilot.press("y", "y")
        await wait_until(pilot, lambda: app.screen is screen, "back on the directory")
        names = sorted(c.name for c in clinicians.every(app.vault.conn))
        assert names.count("JOSÉ  quetzal") == 1 and names.count(VETTED) == 1


async def test_a_long_preview_keeps_every_line_and_scrolls_to_the_last(
    vault_path: Path, tmp_path: Path
) -> None:
    ids = fill(vault_path, synthetic=300)
    path = tmp_path / "all.json"
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        export_directory(vault.conn, path, "json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    for number, item in enumerate(doc["clinicians"]):
        item["notes"] = f"changed note {number:03d}"
    path.write_text(json.dumps(doc), encoding="utf-8")
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down")
        preview = await import_file(pilot, app, path)
        assert len(preview.plan.changed) == 304
        view = preview_view(app)
        notes = [text for _kind, text in view.lines if text.startswith("  Notes: ")]
        assert len(notes) == 304  # none left out, however long
        said = " ".join(text.strip() for _kind, text in view.lines)
        assert all(f"-> 'changed note {n:03d}'" in said for n in range(304))
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        assert view.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert view.lines[-1][1] in rendered(view)
        assert ids  # the vault held them all before


async def test_markup_and_escape_sequences_in_the_preview_are_only_text(
    vault_path: Path, tmp_path: Path
) -> None:
    ids = fill(vault_path, synthetic=0)
    with Vault.unlock(vault_path, PASSPHRASE) as vault, vault.transaction() as conn:
        # What an older peerdesk could have stored, before the checks of today.
        conn.execute(
            "UPDATE clinicians SET practice = ? WHERE id = ?",
            ("\x1b[2J\x1b]0;owned\x07" + "p" * 10_000, ids[MARKUP_NAME]),
        )
    source = forged(
        vault_path,
        tmp_path,
        {MARKUP_NAME: {"notes": "[bold]now bold?[/bold]", "practice": "Plain"}},
    )
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down")
        await import_file(pilot, app, source)
        assert isinstance(app.screen, ImportPreviewScreen)
        view = preview_view(app)
        drawn = rendered(view)
        assert "[red]Dr. Markup[/] [b]Bold[/b]" in drawn  # the name, as written
        await pilot.press("end")
        await pilot.pause()
        drawn += rendered(view)
        assert "\x1b" not in drawn and "\x07" not in drawn
        assert "Notes: '[link=x]not a link[/link]' -> '[bold]now bold?[/bold]'" in drawn
        said = "".join(text.strip() for _kind, text in view.lines)
        assert "Practice: '\\x1b[2J\\x1b]0;owned\\x07" + "p" * 10_000 + "' -> 'Plain'" in said
        assert all(text.isprintable() for _kind, text in view.lines)


async def test_on_a_narrow_terminal_the_lines_are_wrapped_to_what_fits(
    vault_path: Path, tmp_path: Path
) -> None:
    fill(vault_path, synthetic=0)
    source = forged(vault_path, tmp_path, {VETTED: {"notes": "word " * 200}})
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down")
        await import_file(pilot, app, source)
        await pilot.pause()
        view = preview_view(app)
        width = view.scrollable_content_region.width
        assert 0 < width < 60
        assert max(len(text) for _kind, text in view.lines) <= width
        assert view.virtual_size.width <= width  # nothing to scroll sideways for
