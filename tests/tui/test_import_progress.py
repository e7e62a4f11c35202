"""A directory import runs in a worker with a progress bar, and the app stays usable.

Each test holds the worker mid-write at a known row (tests.tui.directory_helpers.PauseAt,
a Vault.work_watch), then acts: looks at the bar, opens the crisis lines, locks, quits,
or lets it end. The import is one transaction, so whatever happens the vault holds all
of the file or none of it; a real full disk (SQLite's own SQLITE_FULL via
max_page_count) is one sentence and leaves the vault as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import ProgressBar

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.work import WorkScreen
from peerdesk.tui.idle import FakeClock, IdleWatch
from peerdesk.tui.opening import VaultChecked
from peerdesk.tui.screens.crisis import CrisisScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.vault import InstanceLock, Vault, clinicians
from tests.conftest import PASSPHRASE
from tests.support.directory_rows import directory_file
from tests.tui.directory_helpers import (
    HANDMADE,
    PauseAt,
    fill,
    import_file,
    open_directory,
    rows,
)
from tests.tui.helpers import (
    SIZE,
    assert_locked,
    open_vault_fds,
    paste,
    screen_text,
    unlock,
    wait_until,
)
from tests.tui.save_helpers import fill_disk

ROWS = 3000
BEFORE = len(HANDMADE)  # what the vault holds before the import


def stored(vault_path: Path, lock: InstanceLock | None = None) -> int:
    """How many clinicians the vault file holds, read afresh (`lock`: the locked app's)."""
    with Vault.unlock(vault_path, PASSPHRASE, lock=lock) as vault:
        return clinicians.total(vault.conn)


@pytest.fixture
def app(vault_path: Path) -> PeerdeskApp:
    """The app over a vault holding HANDMADE's clinicians only."""
    fill(vault_path, synthetic=0)
    return PeerdeskApp(vault_path)


async def held_mid_write(
    pilot: Pilot[None], app: PeerdeskApp, tmp_path: Path, *, at: int = 2000
) -> tuple[DirectoryScreen, PauseAt, WorkScreen[object]]:
    """Directory, m, a big file, y: the worker held while writing row `at` of ROWS."""
    screen = await open_directory(pilot, app)
    await pilot.press("down")
    assert app.vault is not None
    pause = PauseAt(app.vault, messages.PROGRESS_IMPORT_WRITING, at)
    app.vault.work_watch = pause
    preview = await import_file(pilot, app, directory_file(tmp_path / "big.csv", ROWS))
    assert preview.plan.ok and len(preview.plan.added) == ROWS
    await pilot.press("y")
    await wait_until(pilot, pause.reached.is_set, "the import mid-write")
    work = app.screen
    assert isinstance(work, WorkScreen)
    return screen, pause, work


async def test_the_bar_counts_the_rows_written_and_the_app_keeps_its_keys(
    app: PeerdeskApp, vault_path: Path, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen, pause, work = await held_mid_write(pilot, app, tmp_path)
        await wait_until(pilot, lambda: not work.has_class("-quiet"), "the bar shown")
        counts = messages.WORK_COUNTS.format(
            doing=messages.PROGRESS_IMPORT_WRITING, done=1500, total=ROWS
        )
        await wait_until(pilot, lambda: counts in screen_text(app), "the rows counted")
        assert "1,500 of 3,000" in counts
        bar = work.query_one(ProgressBar)
        assert (bar.total, bar.progress) == (ROWS, 1500)
        # The worker holds the connection; the screen still takes keys and redraws.
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, CrisisScreen), "crisis lines")
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: app.screen is work, "back to the bar")
        pause.go.set()
        imported = messages.DIRECTORY_IMPORTED.format(added=ROWS, changed=0)
        await wait_until(
            pilot, lambda: any(n.message == imported for n in app._notifications), "said"
        )
        assert app.screen is screen
        assert app.vault is not None and not app.vault.working
        assert clinicians.total(app.vault.conn) == BEFORE + ROWS


async def test_a_lock_mid_import_rolls_it_back_and_says_so_after_unlock(
    app: PeerdeskApp, vault_path: Path, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        _screen, pause, _work = await held_mid_write(pilot, app, tmp_path)
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, vault_path)
        assert pause.taken_back  # stopped, then closed: never closed under the write
        assert stored(vault_path, app.instance_lock) == BEFORE  # nothing half-written
        await unlock(pilot, app)
        stopped = messages.WORK_STOPPED_AT_LOCK.format(what=messages.DIRECTORY_IMPORT_WHAT)
        assert any(n.message == stopped for n in app._notifications)
        assert app.vault is not None and not app.vault.working
        assert clinicians.total(app.vault.conn) == BEFORE  # and the vault is usable


async def test_damage_found_mid_import_stops_it_and_the_app_goes_on_read_only(
    app: PeerdeskApp, vault_path: Path, tmp_path: Path
) -> None:
    """The whole-file check after unlock (1.6 s and more at a million contacts) finds a
    damaged page while an import writes: the import is stopped and rolled back, the
    vault turns read-only, and the peer is told; the app does not end."""
    async with app.run_test(size=SIZE) as pilot:
        _screen, pause, work = await held_mid_write(pilot, app, tmp_path)
        vault = app.vault
        assert vault is not None
        # What the check's worker posts when it found a damaged page.
        app.post_message(VaultChecked(vault, ("Page 7: btreeInitPage() returns error code 11",)))
        await wait_until(pilot, lambda: vault.read_only, "the vault read-only")
        stopped = messages.WORK_STOPPED_DAMAGED.format(what=messages.DIRECTORY_IMPORT_WHAT)
        await wait_until(
            pilot, lambda: any(n.message == stopped for n in app._notifications), "said"
        )
        await wait_until(pilot, lambda: app.screen is not work, "the bar gone")
        assert pause.taken_back and app.return_code is None and app.vault is vault
        assert not vault.working and clinicians.total(vault.conn) == BEFORE


async def test_quitting_mid_import_leaves_the_vault_untouched(
    app: PeerdeskApp, vault_path: Path, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        _screen, pause, _work = await held_mid_write(pilot, app, tmp_path)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert pause.taken_back  # stopped, then closed: never closed under the write
    assert open_vault_fds(vault_path) == []
    assert stored(vault_path) == BEFORE


async def test_a_full_disk_mid_import_is_one_sentence_and_the_vault_as_it_was(
    app: PeerdeskApp, vault_path: Path, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down")
        preview = await import_file(pilot, app, directory_file(tmp_path / "big.csv", ROWS))
        fill_disk(app)  # after the dry run: the write is what meets the full disk
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen, "the import refused")
        assert preview.plan.ok
        assert app.vault is not None and not app.vault.working
        full = [n.message for n in app._notifications if n.severity == "error"]
        assert len(full) == 1 and "full" in full[0].lower()
        assert "Traceback" not in full[0]
        assert clinicians.total(app.vault.conn) == BEFORE
        # Still usable: room again, and the same file goes in whole.
        app.vault.conn.execute("PRAGMA max_page_count = 1073741823")
        await import_file(pilot, app, directory_file(tmp_path / "big.csv", ROWS))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen, "the import ended")
        assert clinicians.total(app.vault.conn) == BEFORE + ROWS
    assert stored(vault_path) == BEFORE + ROWS


async def test_the_idle_lock_while_the_file_is_compared_stops_it_too(
    vault_path: Path, tmp_path: Path
) -> None:
    fill(vault_path, synthetic=0)
    wall, mono = FakeClock(), FakeClock()
    app = PeerdeskApp(vault_path, idle_watch=IdleWatch(5, wall=wall, monotonic=mono))
    async with app.run_test(size=SIZE) as pilot:
        await open_directory(pilot, app)
        assert app.vault is not None
        pause = PauseAt(app.vault, messages.PROGRESS_IMPORT_CHECKING, 1000)
        app.vault.work_watch = pause
        await pilot.press("down", "m")
        await paste(pilot, str(directory_file(tmp_path / "big.csv", ROWS)))
        await pilot.press("enter")
        await wait_until(pilot, pause.reached.is_set, "the file being compared")
        assert isinstance(app.screen, WorkScreen)
        wall.advance(6 * 60)  # the peer walked away from the bar
        mono.advance(6 * 60)
        app.check_idle_lock()
        await assert_locked(pilot, app, vault_path)
        assert pause.taken_back
        await unlock(pilot, app)
        stopped = messages.WORK_STOPPED_AT_LOCK.format(what=messages.DIRECTORY_IMPORT_WHAT)
        assert any(n.message == stopped for n in app._notifications)
        assert not any(isinstance(s, WorkScreen) for s in app.screen_stack)
    assert stored(vault_path) == BEFORE


async def test_an_import_that_ends_under_the_crisis_lines_is_said_once_they_close(
    app: PeerdeskApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen, pause, work = await held_mid_write(pilot, app, tmp_path)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, CrisisScreen), "crisis lines")
        pause.go.set()
        await wait_until(pilot, lambda: work.outcome is not None, "the import ended")
        assert isinstance(app.screen_stack[-1], CrisisScreen)  # nothing pulled from under
        await pilot.press("ctrl+g")
        imported = messages.DIRECTORY_IMPORTED.format(added=ROWS, changed=0)
        await wait_until(
            pilot, lambda: any(n.message == imported for n in app._notifications), "said"
        )
        assert app.screen is screen
        assert app.vault is not None
        assert clinicians.total(app.vault.conn) == BEFORE + ROWS


async def test_a_resize_mid_import_redraws_without_touching_the_lent_vault(
    app: PeerdeskApp, tmp_path: Path
) -> None:
    """The directory under the bar fetches its rows again on a resize: while the
    connection is lent it draws none, and draws them all once the import ends."""
    async with app.run_test(size=SIZE) as pilot:
        screen, pause, _work = await held_mid_write(pilot, app, tmp_path)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert app.vault is not None and app.vault.working  # still held, app still up
        pause.go.set()
        ended = lambda: app.screen is screen and screen.matching > BEFORE  # noqa: E731
        await wait_until(pilot, ended, "redrawn")
        assert screen.matching == BEFORE + ROWS
        assert rows(screen).shown  # the screenful is there again
