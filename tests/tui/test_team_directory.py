"""The signed directory in the TUI: the same rules as `peerdesk clinicians import/export`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from peerdesk import messages
from peerdesk.interchange import export_directory
from peerdesk.interchange.signing import signature_path
from peerdesk.team.card import TeamPublic
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.directory_files import FilePathScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.vault import Vault, clinicians, team
from tests.conftest import PASSPHRASE
from tests.support.cli import vault_files
from tests.support.referrals import add_clinician, clinician
from tests.support.team_core import join, make_lead
from tests.tui.directory_helpers import import_file, open_directory, top
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, open_from_home, paste, screen_text, wait_until

TODAY = date.today()


def signed_directory(tmp_path: Path, names: tuple[str, ...]) -> tuple[TeamPublic, Path]:
    """A lead's vault elsewhere with these clinicians, exported as a signed CSV."""
    out = tmp_path / "directory.csv"
    with Vault.create(tmp_path / "lead" / "vault.peerdesk", PASSPHRASE) as lead:
        public = make_lead(lead)
        for name in names:
            add_clinician(lead, clinician(name, TODAY))
        export_directory(lead.conn, out, "csv")
    assert signature_path(out).is_file()
    return public, out


def peer_of(vault_path: Path, public: TeamPublic) -> None:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        join(vault, public)


async def test_a_signed_directory_says_who_vouches_and_records_its_number(
    closed_vault: Path, tmp_path: Path
) -> None:
    public, source = signed_directory(tmp_path, ("Dr Signed One", "Dr Signed Two"))
    peer_of(closed_vault, public)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory_screen(pilot, app)
        preview = await import_file(pilot, app, source, unsigned=False)
        vouch = str(preview.query_one("#directory-preview-vouch", Static).content)
        assert vouch.startswith("Signed by your team's lead: directory number 1, signed on ")
        await pilot.press("y")
        await wait_until(pilot, lambda: top(app) is screen, "back on the directory")
        assert app.vault is not None
        assert {c.name for c in clinicians.every(app.vault.conn)} >= {"Dr Signed One"}
        assert team.membership(app.vault.conn).directory_imported == 1


async def open_directory_screen(pilot: Pilot[None], app: PeerdeskApp) -> DirectoryScreen:
    """The directory (however few clinicians it holds), its list marked: m and x work."""
    screen = await open_from_home(pilot, app, "d", DirectoryScreen, "the directory")
    await pilot.press("down")
    return screen


async def test_a_tampered_directory_is_refused_and_changes_nothing(
    closed_vault: Path, tmp_path: Path
) -> None:
    public, source = signed_directory(tmp_path, ("Dr Honest",))
    data = bytearray(source.read_bytes())
    at = data.index(b"Dr Honest")
    data[at : at + 9] = b"Dr Forged"  # one name changed; the signature kept
    source.write_bytes(bytes(data))
    peer_of(closed_vault, public)
    before = vault_files(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory_screen(pilot, app)
        await pilot.press("m")
        assert isinstance(app.screen, FilePathScreen)
        await paste(pilot, str(source))
        await pilot.press("enter")
        await pilot.pause()
        assert top(app) is screen  # no preview, no question
        assert messages.DIRECTORY_SIGNATURE_BAD.format(path=source) in notifications(app)
        assert app.vault is not None
        assert clinicians.total(app.vault.conn) == 0
        assert team.membership(app.vault.conn).directory_imported == 0
    after = vault_files(closed_vault)
    assert after.keys() == before.keys()
    assert after[closed_vault.name] == before[closed_vault.name]


async def test_a_peer_refuses_an_unsigned_directory_without_asking(
    closed_vault: Path, tmp_path: Path
) -> None:
    public, source = signed_directory(tmp_path, ("Dr Unsigned",))
    signature_path(source).unlink()
    peer_of(closed_vault, public)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory_screen(pilot, app)
        await pilot.press("m")
        await paste(pilot, str(source))
        await pilot.press("enter")
        await pilot.pause()
        assert top(app) is screen
        expected = messages.DIRECTORY_SIGNATURE_MISSING.format(
            path=source, signature=signature_path(source)
        )
        assert expected in notifications(app)


async def test_an_unsigned_file_needs_a_yes_that_names_nobody_vouches(
    closed_vault: Path, tmp_path: Path
) -> None:
    source = tmp_path / "unsigned.csv"
    source.write_text("name,region\r\nDr Nobody,Yonder\r\n", encoding="utf-8")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory_screen(pilot, app)
        await pilot.press("m")
        await paste(pilot, str(source))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        question = screen_text(app)
        assert f"Nobody vouches for {source}: it is not signed." in question
        await pilot.press("enter")  # no default yes
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert top(app) is screen
        assert app.vault is not None and clinicians.total(app.vault.conn) == 0
        preview = await import_file(pilot, app, source)  # y this time
        vouch = str(preview.query_one("#directory-preview-vouch", Static).content)
        assert vouch == messages.DIRECTORY_NOBODY_VOUCHES
        await pilot.press("y")
        await wait_until(pilot, lambda: top(app) is screen, "imported")
        assert {c.name for c in clinicians.every(app.vault.conn)} == {"Dr Nobody"}


async def test_a_signed_file_in_a_vault_with_no_team_says_it_cannot_be_checked(
    closed_vault: Path, tmp_path: Path
) -> None:
    _public, source = signed_directory(tmp_path, ("Dr Elsewhere",))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory_screen(pilot, app)
        await pilot.press("m")
        await paste(pilot, str(source))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert messages.DIRECTORY_UNSIGNED_WHY_NO_TEAM in screen_text(app).replace("\n", " ")


async def test_a_leads_export_is_signed_and_says_so(closed_vault: Path, tmp_path: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        public = make_lead(vault)
        add_clinician(vault, clinician("Dr Exported", TODAY))
    target = tmp_path / "out.csv"
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        await pilot.press("down", "x")
        assert isinstance(app.screen, FilePathScreen)
        await paste(pilot, str(target))
        await pilot.press("enter")
        await wait_until(pilot, lambda: target.exists(), "the exported file")
        await pilot.pause()
        said = messages.DIRECTORY_SIGNED_WRITTEN.format(
            sequence=1, key_id=public.key_id(), path=signature_path(target)
        )
        assert said in notifications(app)
    assert signature_path(target).read_text().startswith("untrusted comment: ")
