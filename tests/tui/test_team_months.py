"""Sealed months in the TUI: a joined peer's export, and the lead's merge on the team screen."""

from __future__ import annotations

import secrets
import time
from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.reports import render, team_report
from peerdesk.reports.senders import read_months
from peerdesk.team.sealing import AGE_HEADER
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.stats_export import ExportScreen
from peerdesk.tui.dialogs.team_merge_files import MergeFilesScreen
from peerdesk.tui.screens.stats import StatsScreen
from peerdesk.tui.screens.team import TeamScreen
from peerdesk.tui.screens.team_merge import TeamMergeScreen
from peerdesk.vault import Vault, team, team_merge
from peerdesk.vault.month_files import default_name
from tests.conftest import PASSPHRASE
from tests.support import full_disk
from tests.support.canary import files_holding
from tests.support.team_core import join, make_lead, new_peer, write_month
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, all_screens_text, paste, screen_text, wait_until
from tests.tui.stats_helpers import LAST_MONTH, LAST_MONTH_DAY, THIS_MONTH, TODAY, add, open_stats
from tests.tui.team_helpers import open_team, peer_rows

NOTE, HANDLE = f"zqnote{secrets.token_hex(6)}", f"zqhandle{secrets.token_hex(6)}"


def log(vault: Vault, contacts: int, day: date = LAST_MONTH_DAY) -> None:
    """Contacts on `day` whose note and handle are canaries no file or screen may show."""
    for i in range(contacts):
        topics = ("sleep", "work-stress") if i % 2 else ("sleep",)
        add(vault, day, topics, minutes=20, note=f"{NOTE} {i}", handle=HANDLE)


async def test_a_joined_peer_exports_a_sealed_month_the_lead_opens(
    closed_vault: Path, tmp_path: Path
) -> None:
    started = time.time()
    with Vault.create(tmp_path / "lead" / "vault.peerdesk", PASSPHRASE) as lead:
        public = make_lead(lead)
        opener = team_merge.lead_opener(lead.conn)
    with Vault.unlock(closed_vault, PASSPHRASE) as peer:
        join(peer, public)
        log(peer, 3, TODAY)
        peer_key = team.membership(peer.conn).own_key.public()
    expected = Path.home() / default_name(THIS_MONTH, sealed=True)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot, app)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path", Input).value == str(expected)
        intro = messages.STATS_EXPORT_INTRO_SEALED.format(key_id=public.key_id())
        assert intro in screen_text(app).replace("\n", " ")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen), "written")
        said = messages.REPORT_MONTH_SEALED_WRITTEN.format(
            month=THIS_MONTH, path=expected, sequence=1
        )
        assert said in notifications(app)
        # CSV stays the peer's own plain spreadsheet; its suffix follows the format.
        await pilot.press("e", "right")
        csv_path = app.screen.query_one("#export-path", Input).value
        assert csv_path.endswith(f"peerdesk-month-{THIS_MONTH}.csv")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen), "the CSV")
    data = expected.read_bytes()
    assert data.startswith(AGE_HEADER)
    csv_text = Path(csv_path).read_text(encoding="utf-8")
    assert csv_text.startswith(f"group,id,label,value\nmonth,,,{THIS_MONTH}\n")
    chosen = read_months([expected], opener=opener)  # the lead's merge opens it
    (export,) = chosen.exports
    assert export.signer == peer_key
    assert export.counts.contacts == 3 and export.sequence == 1
    assert files_holding([NOTE, HANDLE], [Path.home()], since=started) == []


async def test_a_full_disk_keeps_the_export_dialog_and_its_path(tmp_path: Path) -> None:
    with full_disk.small_disk(tmp_path) as disk:
        vault_path = disk / "vault.peerdesk"
        with Vault.create(vault_path, PASSPHRASE) as vault:
            log(vault, 2, TODAY)
        target = tmp_path / "typed-by-hand.json"
        app = PeerdeskApp(vault_path)
        async with app.run_test(size=SIZE) as pilot:
            await open_stats(pilot, app)
            await pilot.press("e", "tab", "ctrl+u")
            await paste(pilot, str(target))
            full_disk.fill(disk, leave=0)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            status = str(app.screen.query_one("#export-status", Static).content)
            assert status == messages.SAVE_FAILED_DISK_FULL_DIALOG
            assert app.screen.query_one("#export-path", Input).value == str(target)
            assert not target.exists()
            full_disk.free(disk)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen), "written")
            assert messages.STATS_EXPORTED.format(path=target) in notifications(app)
        (export,) = read_months([target]).exports
        assert export.counts.contacts == 2


async def test_the_leads_merge_counts_each_peer_once_and_says_which_export(
    closed_vault: Path, tmp_path: Path
) -> None:
    """Three sealed months from two peers, one of whom sent the month twice."""
    with Vault.unlock(closed_vault, PASSPHRASE) as lead:
        public = make_lead(lead)
        log(lead, 2)  # the lead's own notes and handles must not show either
    months = tmp_path / "months"
    months.mkdir()
    with new_peer(tmp_path / "a" / "vault.peerdesk", public) as a:
        log(a, 6)
        first = write_month(a, months / "a-first.age", LAST_MONTH)
        log(a, 1)
        second = write_month(a, months / "a-second.age", LAST_MONTH)
        a_key = team.membership(a.conn).own_key.public().key_id_text()
    with new_peer(tmp_path / "b" / "vault.peerdesk", public) as b:
        log(b, 5)
        b_file = write_month(b, months / "b.age", LAST_MONTH)
        b_key = team.membership(b.conn).own_key.public().key_id_text()
    (months / "notes.txt").write_text("not a month")  # left alone: neither .age nor .json
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MergeFilesScreen), "the files")
        await paste(pilot, str(months))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamMergeScreen), "the merge")
        screen = app.screen
        assert isinstance(screen, TeamMergeScreen)
        await wait_until(pilot, lambda: screen.done, "the report")
        assert screen.paths == [first, second, b_file]
        shown = screen_text(app)
        assert app.vault is not None
        chosen = read_months([first, second, b_file], opener=team_merge.lead_opener(app.vault.conn))
        assert [e.source for e in chosen.exports] == [str(second), str(b_file)]
        min_cell = app.vault.settings().min_cell
        exports = chosen.exports
        report = team_report([e.counts for e in exports], [e.export_id for e in exports], min_cell)
        assert render.team_table(report) in shown  # the same report as the CLI's
        assert report.peers == 2 and report.figures["contacts"] == 7 + 5
        left_out = messages.REPORT_NEWER_EXPORT_USED.format(
            who=messages.REPORT_SENDER_PEER.format(key=a_key),
            month=LAST_MONTH,
            file=second,
            number=2,
            left_out=first,
            old_number=1,
        )
        assert left_out in shown
        assert messages.REPORT_FROM_PEERS.format(count=2) in shown
        for key in (a_key, b_key):
            assert messages.TEAM_FROM_NEW_KEY.format(key_id=key) in shown
        assert NOTE not in all_screens_text(app) and HANDLE not in all_screens_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the card")
        await wait_until(pilot, lambda: len(peer_rows(app)) == 2, "the peers seen")
        rows = "\n".join(peer_rows(app))
        assert a_key in rows and b_key in rows
        card = screen_text(app) + rows
        assert NOTE not in card and HANDLE not in card
    with Vault.unlock(closed_vault, PASSPHRASE) as lead:
        assert {p.key_id for p in team.peers(lead.conn)} == {a_key, b_key}


async def test_a_merge_refused_lists_every_problem(closed_vault: Path, tmp_path: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as lead:
        make_lead(lead)
    with Vault.create(tmp_path / "other" / "vault.peerdesk", PASSPHRASE) as other_lead:
        other = make_lead(other_lead)
    with new_peer(tmp_path / "a" / "vault.peerdesk", other) as a:
        log(a, 5)
        foreign = write_month(a, tmp_path / "foreign.age", LAST_MONTH)
    broken = tmp_path / "broken.json"
    broken.write_text("{\x1b[2J", encoding="utf-8")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MergeFilesScreen), "the files")
        await paste(pilot, f"{foreign} ; {broken}")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, TeamMergeScreen)
        await wait_until(pilot, lambda: screen.done, "the problems")
        shown = screen_text(app)
        assert messages.TEAM_MERGE_REFUSED.format(count=2) in shown
        assert messages.REPORT_SEALED_OTHER_TEAM.format(file=str(foreign)) in shown
        assert "\x1b" not in shown
        assert app.vault is not None and team.peers(app.vault.conn) == []
