"""The stats screen at volume: `[` (previous month) to the frame drawn, 100,000 contacts.

The app runs headless under Pilot at 80x24 on a copy of the cached ten-year vault
(benchmarks.fixtures). A subclass notes the time of every frame the app hands to its
driver (and renders it to terminal bytes, as a real terminal would need); one sample
is from just before `[` is pressed to the first frame showing the new month. The
target in docs/performance.md: p95 <= 100 ms (median, p95 and max are printed). For
scale it also prints what the two queries (month_counts + trend) take alone.

Run: python -m benchmarks.bench_stats_tui [months] [contacts]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.screen import Screen

from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from benchmarks.peer import reads_before_typing
from benchmarks.timing import report_tail
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.stats import StatsScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import Vault, monthly

TARGET_MS = 100.0
COUNT = 100_000


class TimedApp(PeerdeskApp):
    """Notes when a frame showing `awaited_month` on the stats screen was drawn."""

    awaited_month: str | None = None
    drawn_at: float | None = None

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # the bytes a terminal would get
        super()._display(screen, renderable)
        if (
            renderable is not None
            and self.drawn_at is None
            and isinstance(screen, StatsScreen)
            and screen.month == self.awaited_month
        ):
            self.drawn_at = time.perf_counter()


async def wait_for(condition: Callable[[], bool], what: str, limit: float = 30.0) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > limit:
            raise TimeoutError(what)
        await asyncio.sleep(0.001)


async def measure(vault_path: Path, months: int) -> list[float]:
    app = TimedApp(vault_path)
    samples: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await reads_before_typing()
        app.screen.query_one(PassphraseInput).post_message(events.Paste(PASSPHRASE))
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("m")
        await wait_for(lambda: isinstance(app.screen, StatsScreen), "stats")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        for _ in range(months):
            app.awaited_month = monthly.add_months(screen.month, -1)
            app.drawn_at = None
            start = time.perf_counter()
            await pilot.press("left_square_bracket")
            await wait_for(lambda: app.drawn_at is not None, "the new month drawn")
            assert app.drawn_at is not None
            samples.append(app.drawn_at - start)
    return samples


def query_only(vault_path: Path, months: int) -> list[float]:
    samples = []
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        month = time.strftime("%Y-%m")
        for _ in range(months):
            month = monthly.add_months(month, -1)
            start = time.perf_counter()
            monthly.month_counts(vault.conn, month)
            monthly.trend(vault.conn, month)
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    months = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    count = int(sys.argv[2]) if len(sys.argv) > 2 else COUNT
    original = contacts_vault(count)
    with tempfile.TemporaryDirectory() as name:
        path = working_copy(original, Path(name))
        queries = query_only(path, months)
        frames = asyncio.run(measure(path, months))
    print(f"{count} contacts over ten years, {months} month changes at 80x24:")
    report_tail("month_counts + 12-month trend alone", queries)
    report_tail("[ pressed -> new month's frame drawn", frames, TARGET_MS)


if __name__ == "__main__":
    main()
