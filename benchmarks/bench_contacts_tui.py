"""Contacts at volume on screen (100,000 contacts unless told), headless Pilot at 80x24.

Each measurement runs from an event to the first frame the app hands its driver that
shows the result (frames are rendered to terminal bytes, as a terminal needs), and
for the list's steps twice: to the frame with the rows, and to the frame with the
count (counted in a worker on the side connection, after the rows):
- unlock completed (the worker's result delivered) -> home with its follow-ups drawn;
- `c` on home -> the contacts list's first page, then its total;
- a topic letter in the topic picker (`t`, then the letter) -> that topic's rows,
  then "N of M match"; `0` back to all topics;
- `[` (one month back) -> the month's rows, then its count; `]` back;
- each typed letter of a search (typed at a person's pace) -> the frame showing that
  search's rows, then its count; a burst of keys closer than SEARCH_DELAY waits for
  the pause instead.
Targets (p95): home <= 50 ms after unlock; rows <= 50 ms for each step. The count
is printed against the same 50 ms for reference: it comes a frame or two after the
rows even when it is instant; the total is one row SQLite keeps (migration 0010), read
in the worker like every count (docs/performance.md).

Run: python -m benchmarks.bench_contacts_tui [rounds] [contacts]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.screen import Screen

import peerdesk.tui.screens.unlock as unlock_screen
from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from benchmarks.peer import reads_before_typing
from benchmarks.timing import report_tail
from peerdesk import vocab
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.topic_pick import TopicPickScreen
from peerdesk.tui.screens.contacts_list import ContactsListScreen, step_month
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.search_list import SEARCH_DELAY
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault.contacts import ContactFilter

COUNT = 100_000
TYPING_PACE = 0.12
WORDS = ("routine", "overtime", "sleep", "crash")
TOPIC_KEYS = ("z", "a", "w")  # sleep, alcohol, work-stress
unlocked_at: list[float] = []
_deliver = unlock_screen.deliver  # type: ignore[attr-defined]


def timed_deliver(*args: object, **kwargs: object) -> None:
    unlocked_at.append(time.perf_counter())
    _deliver(*args, **kwargs)  # type: ignore[arg-type]


unlock_screen.deliver = timed_deliver  # type: ignore[attr-defined]

Condition = Callable[[Screen[object]], bool]


class TimedApp(PeerdeskApp):
    """Notes when the first frame satisfying each awaited condition reached the driver."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.awaited: tuple[Condition, ...] = ()
        self.drawn_at: list[float | None] = []

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)
        super()._display(screen, renderable)
        if renderable is None:
            return
        for index, condition in enumerate(self.awaited):
            if self.drawn_at[index] is None and condition(screen):
                self.drawn_at[index] = time.perf_counter()

    def expect(self, *conditions: Condition) -> None:
        self.awaited, self.drawn_at = conditions, [None] * len(conditions)

    def drawn(self) -> bool:
        return all(t is not None for t in self.drawn_at)


def listed(flt: ContactFilter) -> Condition:
    """The list showing the rows of exactly this filter (set with the filter, at once),
    after its first page was read (before that a new list has no rows at all)."""
    return lambda screen: (
        isinstance(screen, ContactsListScreen)
        and screen.filter == flt
        # count_requests: this version; rows: an older one, to compare against it.
        and (getattr(screen, "count_requests", 0) > 0 or bool(screen.rows))
    )


def counted(flt: ContactFilter) -> Condition:
    """The list showing this filter's count (not "counting...")."""
    return lambda screen: (
        isinstance(screen, ContactsListScreen)
        and screen.filter == flt
        and screen.total is not None
        and screen.matching is not None
    )


async def wait_for(condition: Callable[[], bool], what: str, limit: float = 60.0) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > limit:
            raise TimeoutError(what)
        await asyncio.sleep(0.001)


class Samples:
    """Seconds per step: to the rows drawn and to the count drawn."""

    def __init__(self) -> None:
        self.home: list[float] = []
        self.steps: dict[str, tuple[list[float], list[float]]] = {}

    def add(self, step: str, rows: float, count: float) -> None:
        to_rows, to_count = self.steps.setdefault(step, ([], []))
        to_rows.append(rows)
        to_count.append(count)


async def timed_press(
    app: TimedApp, pilot: object, key: str, flt: ContactFilter, what: str
) -> tuple[float, float]:
    """Press `key`; seconds until the rows of `flt`, and its count, were drawn."""
    app.expect(listed(flt), counted(flt))
    start = time.perf_counter()
    await pilot.press(key)  # type: ignore[attr-defined]
    await wait_for(app.drawn, what)
    rows, count = app.drawn_at
    assert rows is not None and count is not None
    return rows - start, count - start


async def one_round(path: Path, samples: Samples | None) -> None:
    app = TimedApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(lambda: bool(app.screen.query(PassphraseInput)), "unlock screen")
        await reads_before_typing()
        app.screen.query_one(PassphraseInput).post_message(events.Paste(PASSPHRASE))
        await pilot.pause()
        app.expect(lambda screen: isinstance(screen, HomeScreen))
        await pilot.press("enter")
        await wait_for(app.drawn, "home drawn")
        home_at = app.drawn_at[0]
        assert home_at is not None
        home = home_at - unlocked_at[-1]
        await pilot.pause(0.3)  # the side connection's KDF runs in a worker after home

        every = ContactFilter()
        first = await timed_press(app, pilot, "c", every, "list drawn")
        # Back home and in again: Textual has parsed the list's styles by now.
        await pilot.press("escape")
        await wait_for(lambda: isinstance(app.screen, HomeScreen), "home again")
        await pilot.pause(0.2)
        again = await timed_press(app, pilot, "c", every, "list drawn again")
        screen = app.screen
        assert isinstance(screen, ContactsListScreen)

        topics: list[tuple[float, float]] = []
        for letter in TOPIC_KEYS:
            await pilot.press("t")
            await wait_for(lambda: isinstance(app.screen, TopicPickScreen), "topic picker")
            await pilot.pause(0.1)
            picked = {c.key: c.id for c in vocab.TOPICS}[letter]
            topics.append(await timed_press(app, pilot, letter, ContactFilter(topic=picked), "t"))
            await pilot.pause(0.1)
            await pilot.press("t")
            await wait_for(lambda: isinstance(app.screen, TopicPickScreen), "topic picker")
            await pilot.pause(0.1)
            await timed_press(app, pilot, "0", every, "all topics")
            await pilot.pause(0.1)

        months: list[tuple[float, float]] = []
        month = date.today().strftime("%Y-%m")
        for _ in range(3):
            flt = ContactFilter(month=month)
            months.append(await timed_press(app, pilot, "left_square_bracket", flt, "["))
            month = step_month(month, -1, date.today().strftime("%Y-%m")) or month
            await pilot.pause(0.1)
        await pilot.press(*(["right_square_bracket"] * 3))
        await wait_for(lambda: screen.filter == every, "all months again")
        await pilot.pause(0.2)

        keys: list[tuple[float, float]] = []
        await pilot.press("slash")
        for word in WORDS:
            for end in range(1, len(word) + 1):
                await asyncio.sleep(TYPING_PACE)  # a person types a key every ~120 ms or more
                flt = ContactFilter(search=word[:end])
                keys.append(await timed_press(app, pilot, word[end - 1], flt, repr(word[:end])))
            await pilot.press(*(["backspace"] * len(word)))
            await asyncio.sleep(SEARCH_DELAY * 3)
            await wait_for(lambda: screen.filter == every, "search cleared")
    if samples is None:
        return
    samples.home.append(home)
    samples.add("c -> contacts list, first time in a session", *first)
    samples.add("c -> contacts list, again", *again)
    for rows, count in topics:
        samples.add("topic letter -> that topic's list", rows, count)
    for rows, count in months:
        samples.add("[ -> that month's list", rows, count)
    for rows, count in keys:
        samples.add("typed letter -> search results", rows, count)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    count = int(sys.argv[2]) if len(sys.argv) > 2 else COUNT
    original = contacts_vault(count)
    samples = Samples()
    with tempfile.TemporaryDirectory() as name:
        path = working_copy(original, Path(name))
        asyncio.run(one_round(path, None))  # warm imports and the page cache
        for _ in range(rounds):
            asyncio.run(one_round(path, samples))
    print(f"{count} contacts, {rounds} rounds at 80x24:")
    report_tail("unlock completed -> home with follow-ups drawn", samples.home, 50)
    for step, (to_rows, to_count) in samples.steps.items():
        report_tail(f"{step}: rows drawn", to_rows, 50)
        report_tail(f"{step}: count drawn", to_count, 50)


if __name__ == "__main__":
    main()
