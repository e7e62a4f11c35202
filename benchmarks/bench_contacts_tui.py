"""Contacts at volume on screen, 100,000 contacts, headless Pilot at 80x24.

Three measurements, each from an event to the first frame the app hands its driver
that shows the result (frames are rendered to terminal bytes, as a terminal needs):
- unlock completed (the worker's result delivered) -> home with its follow-ups drawn;
- `c` on home -> the contacts list drawn with its first page;
- each typed letter of a search (typed at a person's pace) -> the frame showing that
  search's rows; a burst of keys closer than SEARCH_DELAY waits for the pause instead.
Targets: home <= 50 ms after unlock; list and each keystroke median <= 50 ms.

Run: python -m benchmarks.bench_contacts_tui [rounds]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.screen import Screen

import peerdesk.tui.screens.unlock as unlock_screen
from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.contacts_list import ContactsListScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.search_list import SEARCH_DELAY
from peerdesk.tui.widgets.passphrase import PassphraseInput

COUNT = 100_000
TYPING_PACE = 0.12
WORDS = ("routine", "overtime", "sleep", "crash")
unlocked_at: list[float] = []
_deliver = unlock_screen.deliver  # type: ignore[attr-defined]


def timed_deliver(*args: object, **kwargs: object) -> None:
    unlocked_at.append(time.perf_counter())
    _deliver(*args, **kwargs)  # type: ignore[arg-type]


unlock_screen.deliver = timed_deliver  # type: ignore[attr-defined]


class TimedApp(PeerdeskApp):
    """Notes when the first frame satisfying `awaited` reached the driver."""

    awaited: Callable[[Screen[object]], bool] | None = None
    drawn_at: float | None = None

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)
        super()._display(screen, renderable)
        if (
            renderable is not None
            and self.drawn_at is None
            and self.awaited is not None
            and self.awaited(screen)
        ):
            self.drawn_at = time.perf_counter()

    def expect(self, condition: Callable[[Screen[object]], bool]) -> None:
        self.awaited, self.drawn_at = condition, None


async def wait_for(condition: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > limit:
            raise TimeoutError(what)
        await asyncio.sleep(0.001)


async def one_round(path: Path) -> tuple[float, float, float, list[float]]:
    app = TimedApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(lambda: bool(app.screen.query(PassphraseInput)), "unlock screen")
        app.screen.query_one(PassphraseInput).post_message(events.Paste(PASSPHRASE))
        await pilot.pause()
        app.expect(lambda screen: isinstance(screen, HomeScreen))
        await pilot.press("enter")
        await wait_for(lambda: app.drawn_at is not None, "home drawn")
        assert app.drawn_at is not None
        home = app.drawn_at - unlocked_at[-1]

        app.expect(lambda screen: isinstance(screen, ContactsListScreen) and bool(screen.rows))
        start = time.perf_counter()
        await pilot.press("c")
        await wait_for(lambda: app.drawn_at is not None, "list drawn")
        assert app.drawn_at is not None
        listed = app.drawn_at - start

        # Back home and in again: Textual has parsed the list's styles by now.
        await pilot.press("escape")
        await wait_for(lambda: isinstance(app.screen, HomeScreen), "home again")
        await pilot.pause(0.2)
        app.expect(lambda screen: isinstance(screen, ContactsListScreen) and bool(screen.rows))
        start = time.perf_counter()
        await pilot.press("c")
        await wait_for(lambda: app.drawn_at is not None, "list drawn again")
        assert app.drawn_at is not None
        reopened = app.drawn_at - start

        keys: list[float] = []
        await pilot.press("slash")
        for word in WORDS:
            for end in range(1, len(word) + 1):
                prefix = word[:end]
                app.expect(
                    lambda screen, p=prefix: (
                        isinstance(screen, ContactsListScreen)  # type: ignore[misc]
                        and screen.filter.search == p
                    )
                )
                await asyncio.sleep(TYPING_PACE)  # a person types a key every ~120 ms or more
                start = time.perf_counter()
                await pilot.press(word[end - 1])
                await wait_for(lambda: app.drawn_at is not None, f"results for {prefix!r}")
                assert app.drawn_at is not None
                keys.append(app.drawn_at - start)
            await pilot.press(*(["backspace"] * len(word)))
            await asyncio.sleep(SEARCH_DELAY * 3)
    return home, listed, reopened, keys


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    original = contacts_vault(COUNT)
    homes: list[float] = []
    lists: list[float] = []
    reopens: list[float] = []
    keys: list[float] = []
    with tempfile.TemporaryDirectory() as name:
        path = working_copy(original, Path(name))
        asyncio.run(one_round(path))  # warm imports and the page cache
        for _ in range(rounds):
            home, listed, reopened, per_key = asyncio.run(one_round(path))
            homes.append(home)
            lists.append(listed)
            reopens.append(reopened)
            keys.extend(per_key)

    def verdict(name: str, samples: list[float], target: float) -> None:
        median = statistics.median(samples) * 1000
        print(
            f"  {name}: {median:.1f} ms (max {max(samples) * 1000:.1f} ms; "
            f"target <= {target:.0f} ms) {'OK' if median <= target else 'MISSED'}"
        )

    print(f"{COUNT} contacts, {rounds} rounds at 80x24, medians:")
    verdict("unlock completed -> home with follow-ups drawn", homes, 50)
    verdict("c -> contacts list drawn, first time in a session", lists, 50)
    verdict("c -> contacts list drawn, again", reopens, 50)
    verdict(
        "typed letter -> search results drawn",
        keys,
        50,
    )


if __name__ == "__main__":
    main()
