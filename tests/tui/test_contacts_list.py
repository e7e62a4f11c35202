"""The contacts list: newest first, month and topic filters, search as you type, paging."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.topic_pick import TopicPickScreen
from peerdesk.tui.screens.contact_detail import ContactDetailScreen
from peerdesk.tui.screens.contacts_list import PAGE_SIZE, ContactsListScreen, step_month
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.contacts_list_helpers import (
    LAST_MONTH,
    TODAY,
    add,
    open_list,
    row_text,
    shown_ids,
    top,
)
from tests.tui.helpers import (
    SIZE,
    assert_locked,
    rendered,
    screen_text,
    type_text,
    wait_until,
)


async def settle_search(pilot: Pilot[None], screen: ContactsListScreen, typed: str) -> None:
    """Wait until the search for exactly `typed` has run (it waits for a pause in typing)."""
    await wait_until(
        pilot,
        lambda: screen.filter.search == (typed.strip() or None) and not screen.pacer.pending,
        f"the search for {typed!r}",
    )
    await pilot.pause()


async def test_newest_first_with_count_and_marked_risk(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        old = add(vault, TODAY - timedelta(days=9), ("grief",), risk="elevated")
        new = add(vault, TODAY, ("work-stress",), risk="imminent", handle="[b]S.[/b]")
        mid = add(vault, TODAY - timedelta(days=2), ("anger", "sleep"), note="x")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        assert shown_ids(screen) == [new, mid, old]
        assert "3 contacts" in screen_text(app)
        top = row_text(screen, 0)
        assert "IMMINENT!" in top and "[b]S.[/b]" in top and "work-stress" in top
        assert "elevated!" in row_text(screen, 2)
        assert "note" in row_text(screen, 1) and "note" not in row_text(screen, 0)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_month_steps_back_and_forward(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        this = add(vault, TODAY, ("work-stress",))
        last = add(vault, LAST_MONTH, ("work-stress",))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        assert shown_ids(screen) == [this, last]
        await pilot.press("left_square_bracket")
        assert screen.filter.month == TODAY.strftime("%Y-%m")
        assert shown_ids(screen) == [this]
        assert "1 of 2 match" in screen_text(app)
        await pilot.press("left_square_bracket")
        assert shown_ids(screen) == [last]
        assert LAST_MONTH.strftime("%Y-%m") in screen_text(app)
        await pilot.press("left_square_bracket")
        assert shown_ids(screen) == []
        assert "No contact matches" in screen_text(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert screen.filter.month is None  # forward past this month: all months again
        assert shown_ids(screen) == [this, last]


def test_step_month_crosses_years() -> None:
    assert step_month("2026-01", -1, "2026-03") == "2025-12"
    assert step_month("2025-12", 1, "2026-03") == "2026-01"
    assert step_month("2026-03", 1, "2026-03") is None
    assert step_month(None, -1, "2026-03") == "2026-03"
    assert step_month(None, 1, "2026-03") is None


async def test_topic_filter_is_picked_by_its_letter(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        drink = add(vault, TODAY - timedelta(days=1), ("alcohol", "sleep"))
        both = add(vault, TODAY, ("work-stress", "alcohol"))
        work = add(vault, TODAY - timedelta(days=3), ("work-stress",))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        await pilot.press("t")
        assert isinstance(app.screen, TopicPickScreen)
        await pilot.press("a")  # a = Alcohol, the same letter as in the contact form
        assert top(app) is screen
        await pilot.pause()
        assert screen.filter.topic == "alcohol"
        assert shown_ids(screen) == [both, drink]
        assert "Alcohol" in screen_text(app) and "2 of 3 match" in screen_text(app)
        await pilot.press("t", "escape")  # escape keeps the filter
        await pilot.pause()
        assert screen.filter.topic == "alcohol"
        await pilot.press("t", "w")
        await pilot.pause()
        assert shown_ids(screen) == [both, work]
        await pilot.press("t", "0")  # 0 = all topics
        await pilot.pause()
        assert screen.filter.topic is None
        assert shown_ids(screen) == [both, drink, work]


async def test_search_narrows_as_you_type(closed_vault: Path) -> None:
    texts = (
        "chest pains at the range",
        "checked in after the crash",
        "chess night helps him sleep",
        "nothing [red]special[/]",
    )
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        notes = {
            note: add(vault, TODAY - timedelta(days=offset), ("other",), note=note)
            for offset, note in enumerate(texts)
        }
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        await pilot.press("slash")
        assert screen.search_box.has_focus
        expected = {"c": 3, "ch": 3, "che": 3, "ches": 2, "chess": 1}
        typed = ""
        for letter, count in expected.items():
            typed = letter
            await type_text(pilot, typed[-1])
            await settle_search(pilot, screen, typed)
            assert len(shown_ids(screen)) == count, typed
        assert shown_ids(screen) == [notes["chess night helps him sleep"]]
        assert "1 of 4 match" in screen_text(app)
        assert screen.search_box.value == "chess"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "special")  # markup in a note is just words to search
        await settle_search(pilot, screen, "special")
        assert shown_ids(screen) == [notes["nothing [red]special[/]"]]
        await type_text(pilot, " zebra")
        await settle_search(pilot, screen, "special zebra")
        assert shown_ids(screen) == []
        assert "No contact matches" in screen_text(app)
        await pilot.press("escape")  # escape leaves the search box first...
        assert not screen.search_box.has_focus
        assert top(app) is screen
        await pilot.press("escape")  # ...then the list
        assert isinstance(app.screen, HomeScreen)


async def test_fast_typing_runs_one_search(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        add(vault, TODAY, ("other",), note="roll call")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        searches: list[str | None] = []
        real_reload = screen.reload

        def counting_reload(*, keep_place: bool = False, recount: bool = True) -> None:
            searches.append(screen.filter.search)
            real_reload(keep_place=keep_place, recount=recount)

        screen.reload = counting_reload  # type: ignore[method-assign]
        await pilot.press("slash")
        # Three edits in one burst: the first runs at once (with the text as it is by
        # then), the rest wait for the pause; the same search never runs twice.
        screen.search_box.insert_text_at_cursor("roll")
        screen.search_box.insert_text_at_cursor(" ")
        screen.search_box.insert_text_at_cursor("c")
        await settle_search(pilot, screen, "roll c")
        assert searches == ["roll c"]
        assert len(shown_ids(screen)) == 1


async def test_more_rows_load_at_the_end(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        added = synthetic_contacts.fill(vault, count=PAGE_SIZE * 2 + 7, months=3, today=TODAY)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        assert len(shown_ids(screen)) == PAGE_SIZE
        await pilot.press("end")
        await pilot.pause()
        assert len(shown_ids(screen)) == PAGE_SIZE * 2
        await pilot.press("end")
        await pilot.pause()
        ids = shown_ids(screen)
        assert len(ids) == added and len(set(ids)) == added
        keys = [(row.contact_date, row.id) for row in screen.rows]
        assert keys == sorted(keys, reverse=True)  # newest first across the pages
        assert [row.id for row in screen.rows] == ids


async def test_five_thousand_contacts_open_and_search(closed_vault: Path) -> None:
    """Volume: the list still builds one page, and search counts agree with plain SQL."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        synthetic_contacts.fill(vault, count=5000, months=24, today=TODAY)
        total = vault.conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
        overtime = vault.conn.execute(
            "SELECT count(*) FROM contacts WHERE note LIKE '%overtime%'"
        ).fetchone()[0]
    assert overtime > 0
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        assert len(shown_ids(screen)) == PAGE_SIZE
        assert f"{total} contacts" in screen_text(app)
        await pilot.press("slash")
        await type_text(pilot, "overt")
        await settle_search(pilot, screen, "overt")
        assert screen.matching == overtime
        assert len(shown_ids(screen)) == min(overtime, PAGE_SIZE)
        assert f"{overtime} of {total} match" in screen_text(app)


async def test_lock_on_the_list_drops_it(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        add(vault, TODAY, ("other",), handle="blue truck")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        await pilot.press("slash")
        screen.search_box.insert_text_at_cursor("blu")  # a search waiting to run...
        await pilot.press("ctrl+l")  # ...when the lock comes
        await assert_locked(pilot, app, closed_vault)
        assert not any(isinstance(s, ContactsListScreen) for s in app.screen_stack)
        await pilot.pause(0.1)  # a leftover search timer would have fired by now
        # Whatever a late timer or resume calls, nothing queries the closed vault.
        screen._run_search()
        screen.on_screen_resume()
        screen.reload()
        screen.load_more()
        assert app.vault is None
        assert "blue truck" not in screen_text(app)


async def test_the_search_box_says_where_typed_keys_go(closed_vault: Path) -> None:
    """The box never reads "type words" while letters run the list's keys, and back."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        older = add(vault, TODAY - timedelta(days=3), ("grief",))
        newest = add(vault, TODAY, ("work-stress",))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(pilot, app)
        await pilot.pause()
        box, keys_line = screen.search_box, screen.query_one("#contacts-keys", Static)
        assert screen.option_list.has_focus
        assert "press / to search" in rendered(box) and "type words" not in rendered(box)
        assert "d delete" in rendered(keys_line)
        await pilot.press("slash")
        await pilot.pause()
        assert box.has_focus
        assert "type words" in rendered(box) and "to the list" in rendered(box)
        assert "d delete" not in rendered(keys_line) and "to the list" in rendered(keys_line)
        await pilot.press("down")  # from the box, the cursor lands on the newest contact
        await pilot.pause()
        assert screen.option_list.has_focus and screen.option_list.highlighted == 0
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        detail = top(app)
        assert isinstance(detail, ContactDetailScreen) and detail.contact_id == newest
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "back on the list")
        await pilot.pause()
        assert screen.option_list.has_focus
        assert "press / to search" in rendered(box) and "type words" not in rendered(box)
        assert "d delete" in rendered(keys_line)
        assert shown_ids(screen) == [newest, older]
