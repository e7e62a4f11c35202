"""The directory list: search as you type, combined filters, visible marks, literal text."""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages, vocab
from peerdesk.models.clinicians import EXPIRED, SUSPENDED
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.topic_pick import TopicPickScreen
from peerdesk.tui.dialogs.value_pick import ValuePickScreen
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault, clinicians
from peerdesk.vault.clinicians import DirectoryFilter
from tests.conftest import PASSPHRASE
from tests.tui.directory_helpers import (
    MARKUP_NAME,
    TODAY,
    drawn_lines,
    fill,
    go_to,
    open_directory,
    rows,
    settle,
)
from tests.tui.helpers import SIZE, assert_locked, screen_text, type_text, wait_until


def expected_count(vault_path: Path, flt: DirectoryFilter) -> int:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        return clinicians.count(vault.conn, flt, today=TODAY)


def count_now(app: PeerdeskApp, flt: DirectoryFilter) -> int:
    """What the core counts for `flt` in the app's open vault (the screen must agree)."""
    assert app.vault is not None
    return clinicians.count(app.vault.conn, flt, today=TODAY)


async def test_search_narrows_as_you_type(vault_path: Path) -> None:
    fill(vault_path)
    counts = {
        typed: expected_count(vault_path, DirectoryFilter(search=typed))
        for typed in ("q", "qu", "que", "quet", "jose")
    }
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        assert "304 clinicians" in screen_text(app)
        seen = []
        for typed in ("q", "qu", "que", "quet"):
            await type_text(pilot, typed[-1])
            await settle(pilot, screen, typed)
            assert screen.matching == counts[typed], typed
            assert f"{counts[typed]} of 304" in screen_text(app)
            seen.append(screen.matching)
        assert seen == sorted(seen, reverse=True) and seen[-1] < seen[0]
        assert any("José Quetzal" in line for line in drawn_lines(screen))
        # Accent- and case-insensitive: "JOSE" finds José.
        screen.search_box.value = ""
        await type_text(pilot, "JOSE")
        await settle(pilot, screen, "JOSE")
        assert screen.matching == counts["jose"] > 1
        assert all("José" in line for line in drawn_lines(screen))


async def test_filters_combine_and_clear(vault_path: Path) -> None:
    fill(vault_path)
    both = DirectoryFilter(specialties=("trauma",), telehealth=True, region="Zedland")
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down")  # from the search box to the list: letters are filters
        await pilot.press("s")
        assert isinstance(app.screen, TopicPickScreen)
        await pilot.press(key_of("trauma"))
        await pilot.pause()
        trauma_only = count_now(app, DirectoryFilter(specialties=("trauma",)))
        assert screen.matching == trauma_only
        await pilot.press("t")
        await pilot.pause()
        tele = DirectoryFilter(specialties=("trauma",), telehealth=True)
        assert screen.matching == count_now(app, tele) < trauma_only
        await pilot.press("r")
        assert isinstance(app.screen, ValuePickScreen)
        picker = app.screen
        index = picker.values.index("Zedland") + 1
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.filter == both
        assert screen.matching == count_now(app, both) == 2  # José, Quentin
        shown = screen_text(app)
        assert "Trauma" in shown and "telehealth" in shown and "Zedland" in shown
        assert sorted(row.name for row in rows(screen).shown) == [
            "José Quetzal",
            "Quentin Expired",
        ]
        await pilot.press("v")  # status: vetted only
        await pilot.pause()
        assert [row.name for row in rows(screen).shown] == ["José Quetzal"]
        await pilot.press("0")
        await pilot.pause()
        assert screen.filter == DirectoryFilter()
        assert screen.matching == 304


def key_of(topic: str) -> str:
    return next(c.key for c in vocab.TOPICS if c.id == topic)


async def test_several_specialties_must_all_match(vault_path: Path) -> None:
    fill(vault_path)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await pilot.press("down", "s", key_of("trauma"))
        await pilot.pause()
        trauma = count_now(app, DirectoryFilter(specialties=("trauma",)))
        await pilot.press("s")
        picker = app.screen
        assert isinstance(picker, TopicPickScreen)
        assert messages.SPECIALTY_PICK_TITLE in screen_text(app)  # about clinicians
        assert "> t  Trauma" in screen_text(app)  # the chosen one is marked
        await pilot.press(key_of("grief"))
        await pilot.pause()
        assert screen.filter.specialties == ("trauma", "grief")
        both = count_now(app, DirectoryFilter(specialties=("trauma", "grief")))
        assert screen.matching == both
        assert 0 < both < trauma
        assert "Trauma \u00b7 Grief" in screen_text(app)
        assert app.vault is not None
        for row in rows(screen).shown:
            found = clinicians.get(app.vault.conn, row.id)
            assert found is not None
            assert {"trauma", "grief"} <= set(found.fields.specialties)
        await pilot.press("s", key_of("trauma"))  # chosen again: removed
        await pilot.pause()
        assert screen.filter == DirectoryFilter(specialties=("grief",))
        assert screen.matching == count_now(app, DirectoryFilter(specialties=("grief",)))
        await pilot.press("s", "0")  # any specialty
        await pilot.pause()
        assert screen.filter == DirectoryFilter()


async def test_expired_and_suspended_rows_are_marked_in_words(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        lines = drawn_lines(screen)
        by_name = {row.name: row for row in rows(screen).shown}
        assert by_name["Quentin Expired"].status == EXPIRED
        assert by_name["Quincy Suspended"].status == SUSPENDED
        assert any(line.startswith("EXPIRED") and "Quentin" in line for line in lines)
        assert any(line.startswith("SUSPENDED") and "Quincy" in line for line in lines)
        assert any(line.startswith("vetted") and "José" in line for line in lines)


async def test_markup_in_a_name_shows_literally_in_list_and_detail(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        assert any("[red]Dr. Markup[/]" in line for line in drawn_lines(screen))
        await type_text(pilot, "markup")
        await settle(pilot, screen, "markup")
        await pilot.press("enter", "enter")  # to the list, then open the one match
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianDetailScreen), "the detail")
        await pilot.pause()
        shown = screen_text(app)
        assert MARKUP_NAME in shown
        assert "[link=x]not a link[/link]" in shown


async def test_detail_reads_phones_and_email_aloud(vault_path: Path) -> None:
    fill(vault_path, synthetic=0)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await go_to(pilot, screen, "José Quetzal")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianDetailScreen), "the detail")
        await pilot.pause()
        shown = screen_text(app)
        assert "206  555  0142  ext 13" in shown
        assert "jose dot quetzal at example dot org" in shown
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_lock_from_the_directory_drops_it(vault_path: Path) -> None:
    fill(vault_path, synthetic=20)
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        await type_text(pilot, "jo")  # a search is pending when the lock comes
        await pilot.press("ctrl+l")
        await pilot.pause(0.1)  # past the search's pause: its timer must not query
        assert not any(isinstance(s, DirectoryScreen) for s in app.screen_stack)
        assert not screen.vault.is_open
        await assert_locked(pilot, app, vault_path)


async def test_the_keys_line_names_only_keys_that_work_where_the_cursor_is(
    vault_path: Path,
) -> None:
    """In the search box letters are search words, and the keys line says so; in the
    list it names the filter keys, and `t` there sets the telehealth filter."""
    fill(vault_path)
    telehealth = expected_count(vault_path, DirectoryFilter(telehealth=True))
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(pilot, app)
        assert screen.search_box.has_focus
        assert messages.DIRECTORY_SEARCH_KEYS in screen_text(app)
        assert messages.DIRECTORY_KEYS not in screen_text(app)
        await type_text(pilot, "t")  # a word, not the filter
        await settle(pilot, screen, "t")
        assert screen.filter.telehealth is None  # "t" was searched for, no filter set
        await pilot.press("backspace", "down")
        await settle(pilot, screen, "")
        assert not screen.search_box.has_focus
        assert messages.DIRECTORY_KEYS in screen_text(app)
        assert screen.search_box.placeholder == messages.DIRECTORY_SEARCH_IDLE
        await pilot.press("t")
        await wait_until(pilot, lambda: screen.matching == telehealth, "the telehealth filter")
        await pilot.press("slash")
        assert screen.search_box.has_focus
        assert messages.DIRECTORY_SEARCH_KEYS in screen_text(app)
