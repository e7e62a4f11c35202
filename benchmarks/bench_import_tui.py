"""A 10,000-row directory import in the app: how long it takes and how long the screen
stalls meanwhile, in a worker with its progress bar against the old main-thread write.

Runs the real app headless in Pilot at 80x24 on a copy of a cached vault of 1,000
synthetic clinicians, opens the directory, imports a file of ROWS new clinicians up to
the preview, then measures from "y" to the sentence saying it was imported:
- subject: the write in its worker (tui.dialogs.work, progress bar and all);
- baseline, interleaved in the same run: the same write called on the screen's thread
  (import_parsed, as the app did before), from the same preview.
For each, a 10 ms interval timer on the app notes when it ran: the longest gap between
two runs is the longest the screen could not draw or take a key ("stall").
Median, p95 and max are printed, and the ratio against the baseline; the bare KDF open
of the day too, so days compare.

Run: python -m benchmarks.bench_import_tui [rounds]
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from benchmarks.bench_directory_tui import directory_vault, open_directory, until
from benchmarks.fixtures import bare_kdf_open, working_copy
from benchmarks.timing import median_ms, report_tail
from peerdesk import messages
from peerdesk.interchange import import_parsed, read_directory
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.directory_files import ImportPreviewScreen

ROWS = 10_000
TICK = 0.01
SIZE = (80, 24)


def directory_file(path: Path) -> Path:
    lines = ["id,name,phones,email,specialties,telehealth,region"]
    lines += [
        f",Bench Clinician {i},+1 202 555 {i % 10000:04d},,trauma,yes,Downtown" for i in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Ticks:
    """When the app's 10 ms timer ran: the gaps are what the screen waited."""

    def __init__(self, app: PeerdeskApp) -> None:
        self.times: list[float] = []
        app.set_interval(TICK, lambda: self.times.append(time.perf_counter()))

    def longest_gap(self, start: float, end: float) -> float:
        inside = [start] + [t for t in self.times if start < t < end] + [end]
        return max(b - a for a, b in itertools.pairwise(inside))


async def to_preview(app: PeerdeskApp, pilot: Pilot[None], source: Path) -> None:
    await pilot.press("down", "m")
    assert app.focused is not None
    app.focused.post_message(events.Paste(str(source)))
    await pilot.pause()
    await pilot.press("enter")
    await until(lambda: isinstance(app.screen, ConfirmScreen), "the unsigned question")
    await pilot.press("y")
    await until(lambda: isinstance(app.screen, ImportPreviewScreen), "the preview")


async def one_import(original: Path, source: Path, *, in_worker: bool) -> tuple[float, float]:
    """(seconds from y to the imported sentence, longest stall of the screen)."""
    with tempfile.TemporaryDirectory() as folder:
        app = PeerdeskApp(working_copy(original, Path(folder)))
        async with app.run_test(size=SIZE) as pilot:
            await open_directory(app, pilot)
            await to_preview(app, pilot, source)
            ticks = Ticks(app)
            await pilot.pause(0.05)
            done = messages.DIRECTORY_IMPORTED.format(added=ROWS, changed=0)
            said: Callable[[], bool] = lambda: any(  # noqa: E731
                n.message == done for n in app._notifications
            )
            start = time.perf_counter()
            if in_worker:
                await pilot.press("y")
                await until(said, "the import's sentence")
            else:
                preview = app.screen
                assert isinstance(preview, ImportPreviewScreen) and app.vault is not None
                parsed = read_directory(source)
                app.pop_screen()
                import_parsed(app.vault, parsed, accept_lookalikes=bool(preview.plan.lookalikes))
                app.notify(done)
            end = time.perf_counter()
            await pilot.pause(0.05)
            return end - start, ticks.longest_gap(start, end)


async def measure(rounds: int) -> None:
    original = directory_vault(1000)
    with tempfile.TemporaryDirectory() as folder:
        source = directory_file(Path(folder) / "directory.csv")
        kdf = [bare_kdf_open(original) for _ in range(5)]
        print(f"bare KDF open today: median {statistics.median(kdf) * 1000:.0f} ms")
        await one_import(original, source, in_worker=True)  # warm caches and imports
        worker: list[float] = []
        worker_stall: list[float] = []
        main: list[float] = []
        main_stall: list[float] = []
        for _ in range(rounds):
            took, stall = await one_import(original, source, in_worker=False)
            main.append(took)
            main_stall.append(stall)
            took, stall = await one_import(original, source, in_worker=True)
            worker.append(took)
            worker_stall.append(stall)
    print(f"{ROWS:,}-row import from y to the imported sentence ({rounds} rounds):")
    report_tail("write in the worker, with its bar", worker, baseline=main)
    report_tail("write on the screen's thread (baseline)", main)
    print("longest stall of the screen meanwhile:")
    report_tail("worker", worker_stall, baseline=main_stall)
    report_tail("screen's thread (baseline)", main_stall)
    print(f"stall, worker: {median_ms(worker_stall):.0f} ms median")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    asyncio.run(measure(rounds))


if __name__ == "__main__":
    main()
