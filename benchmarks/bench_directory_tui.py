"""The directory screen at volume: key pressed -> results frame drawn, 10,000 clinicians.

Runs the real app headless in Pilot at 80x24 on a cached vault of synthetic
clinicians (peerdesk.synthetic.clinicians), opens the directory and types words into
its search box one key at a time. For each key it measures, from posting the key:
- to the frame that shows the new results (the search waits SEARCH_DELAY for a pause
  in typing, then pages and counts, then the rows repaint): the real latency;
- the same minus SEARCH_DELAY, and from the search firing to that frame (the work).
A "frame" is the app composing a screen update (App._display; headless mode then
skips only the terminal write). The baseline, in the same run: a bare Textual app's
Input echoing a key (key posted -> frame with the new character).
Target: key -> results frame <= 50 ms at p95 (median, p95 and max are printed).

Run: python -m benchmarks.bench_directory_tui [clinicians]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from benchmarks.fixtures import CACHE, PASSPHRASE, working_copy
from benchmarks.peer import reads_before_typing
from benchmarks.timing import median_ms, report_tail
from peerdesk.synthetic import clinicians as synthetic_clinicians
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.search_list import SEARCH_DELAY
from peerdesk.vault import Vault
from peerdesk.vault.migrate import latest_version

WORDS = ("trauma", "garcia", "spanish", "harbor", "emdr", "north", "josé", "couns")
TARGET_MS = 50.0
PACE = 0.12  # seconds between keys: a fast typist (about 100 words a minute)
BURST_GAP = 0.005  # seconds between keys of a burst (a paste-like flurry)
SIZE = (80, 24)
LIMIT_S = 10.0


def directory_vault(count: int) -> Path:
    """A cached vault holding `count` synthetic clinicians (built once, then copied)."""
    path = CACHE / f"clinicians-{count}-s{latest_version()}.peerdesk"
    if not path.exists():
        CACHE.mkdir(mode=0o700, exist_ok=True)
        building = path.with_suffix(".building")
        for leftover in CACHE.glob(building.name + "*"):
            leftover.unlink()
        with Vault.create(building, PASSPHRASE) as vault:
            synthetic_clinicians.fill(vault, count=count, today=date.today())
        building.rename(path)
        building.with_name(building.name + ".lock").unlink(missing_ok=True)
    return path


class FrameClock:
    """Wraps App._display to note when each frame was composed."""

    def __init__(self, app: App[Any]) -> None:
        self.frames: list[float] = []
        original: Callable[..., None] = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.frames.append(time.perf_counter())
            original(screen, renderable)

        setattr(app, "_display", display)  # noqa: B010 - instance override on purpose

    async def first_after(self, moment: float) -> float:
        """The time of the first frame composed after `moment` (waits for it)."""
        waited = time.perf_counter()
        while True:
            later = [stamp for stamp in self.frames if stamp > moment]
            if later:
                return later[0]  # frames are noted in order
            if time.perf_counter() - waited > LIMIT_S:
                raise TimeoutError("no frame was drawn")
            await asyncio.sleep(0.0005)


async def until(condition: Callable[[], bool], what: str) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > LIMIT_S:
            raise TimeoutError(f"gave up waiting for {what}")
        await asyncio.sleep(0.001)


def key_event(char: str) -> events.Key:
    return events.Key("space" if char == " " else char, char)


async def open_directory(app: PeerdeskApp, pilot: Pilot[None]) -> DirectoryScreen:
    await until(lambda: app.focused is not None, "the unlock screen")
    await reads_before_typing()
    assert app.focused is not None
    app.focused.post_message(events.Paste(PASSPHRASE))
    await pilot.pause()
    await pilot.press("enter")
    await until(lambda: isinstance(app.screen, HomeScreen), "home")
    await pilot.press("d")
    await until(lambda: isinstance(app.screen, DirectoryScreen), "the directory")
    screen = app.screen
    assert isinstance(screen, DirectoryScreen)
    return screen


class Timings:
    """Per measured key, in seconds (medians are printed)."""

    def __init__(self) -> None:
        self.paced: list[float] = []  # key -> results frame, typing at PACE
        self.work: list[float] = []  # search started -> results frame
        self.queries: list[float] = []  # the search itself: page + count
        self.burst: list[float] = []  # last key of a burst -> results frame


async def measure_directory(vault_path: Path) -> Timings:
    app = PeerdeskApp(vault_path)
    timings = Timings()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_directory(app, pilot)
        clock = FrameClock(app)
        applied: list[float] = []
        fired: list[float] = []
        run_search = screen._run_search

        def timed_search() -> None:
            fired.append(time.perf_counter())
            run_search()
            applied.append(time.perf_counter())

        screen.pacer._run = timed_search  # the pacer calls this when a search runs

        async def clear() -> None:
            screen.search_box.value = ""
            await until(lambda: screen.filter.search is None, "the cleared search")
            await pilot.pause(PACE)

        async def results_for(typed: str, before: int) -> float:
            await until(
                lambda: screen.filter.search == typed and len(applied) > before,
                f"the search for {typed!r}",
            )
            return await clock.first_after(applied[-1])

        for word in WORDS:
            await clear()
            for index, char in enumerate(word):
                before = len(applied)
                start = time.perf_counter()
                app.post_message(key_event(char))
                frame = await results_for(word[: index + 1], before)
                timings.paced.append(frame - start)
                timings.work.append(frame - fired[-1])
                timings.queries.append(applied[-1] - fired[-1])
                await asyncio.sleep(max(PACE - (time.perf_counter() - start), 0))
        for word in WORDS:
            await clear()
            before = len(applied)
            for char in word:
                start = time.perf_counter()
                app.post_message(key_event(char))
                await asyncio.sleep(BURST_GAP)
            frame = await results_for(word, before)
            timings.burst.append(frame - start)
    return timings


class BareInput(App[None]):
    """The baseline: one Input, nothing else."""

    def compose(self) -> ComposeResult:
        yield Input(id="field")


async def measure_baseline() -> list[float]:
    app = BareInput()
    echoes: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        clock = FrameClock(app)
        for word in WORDS:
            field.value = ""
            await pilot.pause(0.05)
            for index, char in enumerate(word):
                typed = word[: index + 1]
                start = time.perf_counter()
                app.post_message(key_event(char))
                await until(lambda: field.value == typed, "the echo")  # noqa: B023
                echoes.append(await clock.first_after(start) - start)
                await pilot.pause(0.02)
    return echoes


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    original = directory_vault(count)
    with tempfile.TemporaryDirectory() as name:
        vault_path = working_copy(original, Path(name))
        timings = asyncio.run(measure_directory(vault_path))
    echoes = asyncio.run(measure_baseline())
    debounce = SEARCH_DELAY * 1000.0
    print(f"{count:,} clinicians, 80x24, headless:")
    print(f"  typing a key every {PACE * 1000:.0f} ms:")
    report_tail("  key -> results frame", timings.paced, TARGET_MS, baseline=echoes)
    report_tail("  search started -> results frame", timings.work)
    report_tail("  of which the search (page + count, main thread)", timings.queries)
    print(f"  a burst, keys {BURST_GAP * 1000:.0f} ms apart:")
    report_tail(f"  last key -> results frame, {debounce:.0f} ms debounce included", timings.burst)
    print(f"    same minus the debounce: median {median_ms(timings.burst) - debounce:.1f} ms")
    report_tail("baseline, bare Textual Input echoing a key", echoes)


if __name__ == "__main__":
    main()
