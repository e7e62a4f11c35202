"""The contacts list's counts: drawn after the rows, from a worker, and always current.

The counts run on the vault's side connection in a worker thread. To see the order
on screen, a test keeps that connection busy with a read of its own (through the
same SideReader the app uses) and lets it go when it has looked: the rows are there,
the count line says "counting...", then the right figure replaces it. A filter that
changes meanwhile wins over the older question, and a lock during a count leaves
nothing behind.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerState

from peerdesk import messages, vocab
from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.topic_pick import TopicPickScreen
from peerdesk.tui.screens.contacts_list import PAGE_SIZE, ContactsListScreen
from peerdesk.vault import Vault, contacts
from peerdesk.vault.contacts import ContactFilter
from tests.conftest import PASSPHRASE
from tests.support.busy_reader import Busy
from tests.tui.contacts_list_helpers import shown_ids
from tests.tui.helpers import SIZE, assert_locked, screen_text, unlock, wait_until

COUNT = 600
TOPIC_OF = {choice.key: choice.id for choice in vocab.TOPICS}


def fill(vault_path: Path) -> dict[str, int]:
    """COUNT synthetic contacts; returns how many each topic letter would show."""
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        synthetic_contacts.fill(vault, count=COUNT, months=6, today=date.today())
        return {
            choice.key: contacts.count(vault.conn, ContactFilter(topic=choice.id))
            for choice in vocab.TOPICS
        }


def big_topics(per_letter: dict[str, int]) -> list[str]:
    """Topic letters with more matches than a page: their count needs the worker."""
    letters = [key for key, n in per_letter.items() if n > PAGE_SIZE]
    assert len(letters) >= 3, per_letter
    return letters


async def open_list_with_busy_counts(
    pilot: Pilot[None], app: PeerdeskApp
) -> tuple[Busy, ContactsListScreen]:
    """Unlock, make the side connection busy, then press c and wait for the rows."""
    await unlock(pilot, app)
    assert app.vault is not None and app.vault.side_reader is not None
    busy = Busy(app.vault.side_reader)
    await pilot.press("c")
    await wait_until(
        pilot,
        lambda: isinstance(app.screen, ContactsListScreen) and bool(app.screen.rows),
        "the list's rows",
    )
    screen = app.screen
    assert isinstance(screen, ContactsListScreen)
    return busy, screen


async def pick_topic(pilot: Pilot[None], app: PeerdeskApp, letter: str) -> None:
    await pilot.press("t")
    await wait_until(pilot, lambda: isinstance(app.screen, TopicPickScreen), "the topics")
    await pilot.press(letter)


async def test_the_count_is_drawn_after_the_rows_and_is_right(closed_vault: Path) -> None:
    fill(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        busy, screen = await open_list_with_busy_counts(pilot, app)
        await pilot.pause()
        assert len(shown_ids(screen)) == PAGE_SIZE  # the rows are on screen already
        text = screen_text(app)
        assert messages.CONTACTS_COUNTING in text
        assert messages.CONTACTS_COUNT_ALL.format(count=COUNT) not in text
        busy.release()
        assert busy.stopped_cleanly()
        expected = messages.CONTACTS_COUNT_ALL.format(count=COUNT)
        await wait_until(pilot, lambda: expected in screen_text(app), "the total")
        assert messages.CONTACTS_COUNTING not in screen_text(app)


async def test_the_count_follows_the_filter(closed_vault: Path) -> None:
    per_letter = fill(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("c")
        total = messages.CONTACTS_COUNT_ALL.format(count=COUNT)
        await wait_until(pilot, lambda: total in screen_text(app), "the total")
        for letter in big_topics(per_letter)[:3]:
            await pick_topic(pilot, app, letter)
            match = messages.CONTACTS_COUNT_MATCH.format(count=per_letter[letter], total=COUNT)
            await wait_until(pilot, lambda m=match: m in screen_text(app), f"topic {letter}")  # type: ignore[misc]
        await pick_topic(pilot, app, "0")
        await wait_until(pilot, lambda: total in screen_text(app), "all topics again")


async def test_a_count_for_an_older_filter_is_dropped(closed_vault: Path) -> None:
    per_letter = fill(closed_vault)
    first, second, last = big_topics(per_letter)[:3]
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        busy, screen = await open_list_with_busy_counts(pilot, app)
        # Three topics in quick succession while the counts wait: only the last counts.
        for letter in (first, second, last):
            await pick_topic(pilot, app, letter)
        assert screen.filter.topic == TOPIC_OF[last]
        assert messages.CONTACTS_COUNTING in screen_text(app)
        busy.release()
        match = messages.CONTACTS_COUNT_MATCH.format(count=per_letter[last], total=COUNT)
        await wait_until(pilot, lambda: match in screen_text(app), "the last topic's count")
        # An answer to an older question that arrives late changes nothing.
        screen.post_message(screen.Counted(screen.count_requests - 1, 7, 3))
        await pilot.pause()
        assert match in screen_text(app)
        assert screen.matching == per_letter[last] and screen.total == COUNT
        # Quickly, without waiting for any count: t, letter, t, letter, t, letter.
        await pilot.press("t", first, "t", second, "t", last)
        await wait_until(pilot, lambda: screen.filter.topic is not None, "the filter")
        await wait_until(pilot, lambda: match in screen_text(app), "the same count again")


async def test_locking_while_a_count_runs_leaves_nothing(closed_vault: Path) -> None:
    fill(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        busy, _ = await open_list_with_busy_counts(pilot, app)
        counting = [w for w in app.workers if w.group == "contacts-count"]
        assert counting  # a count is waiting for the side connection
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert busy.stopped_cleanly()  # stopped by the lock, not failed
        await wait_until(
            pilot, lambda: all(w.is_finished for w in counting), "the count worker to end"
        )
        assert all(w.state is not WorkerState.ERROR for w in counting)
        assert "counting" not in screen_text(app) and str(COUNT) not in screen_text(app)
        await unlock(pilot, app)  # and the next session counts afresh
        await pilot.press("c")
        total = messages.CONTACTS_COUNT_ALL.format(count=COUNT)
        await wait_until(pilot, lambda: total in screen_text(app), "the total after unlock")


async def test_the_total_is_counted_again_only_after_a_write(closed_vault: Path) -> None:
    fill(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("c")
        total = messages.CONTACTS_COUNT_ALL.format(count=COUNT)
        await wait_until(pilot, lambda: total in screen_text(app), "the total")
        screen = app.screen
        assert isinstance(screen, ContactsListScreen)
        asked = screen.count_requests
        await pilot.press("t", "escape")  # the topic picker, left without a choice
        await pilot.press("enter")  # a contact, only read
        await wait_until(pilot, lambda: app.screen is not screen, "the contact")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the list again")
        await pilot.pause()
        assert screen.count_requests == asked and total in screen_text(app)
        await pilot.press("d", "y")  # a deletion is a write: counted again
        fewer = messages.CONTACTS_COUNT_ALL.format(count=COUNT - 1)
        await wait_until(pilot, lambda: fewer in screen_text(app), "the total less one")
        assert screen.count_requests > asked
