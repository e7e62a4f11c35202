"""Enter on the passphrase to the home screen drawn, against the bare KDF open.

Both in one process, interleaved: the baseline is SQLCipher alone (connect, key,
first read) on the same file; the subject is the real app under Textual's Pilot,
from pressing Enter until the first frame of the home screen reaches the driver
(rendered to terminal bytes, as a real terminal needs).
Target: subject <= baseline + 60 ms, at any size.

Run: python -m benchmarks.bench_unlock [runs] [contacts ...]
  contacts: synthetic contacts in the vault, one or more sizes (default 0: an empty
  vault). With several sizes each round unlocks every size once, in turn, so a busy
  machine slows them alike; each size has its own bare KDF open on its own file.
  Every size is a working copy unlocked once before timing, as a peer's vault is after
  its first session: the text that expired since the cached vault was built is wiped
  then, not in a timed round. The app's whole-file checks run after home is drawn.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from rich.console import RenderableType
from textual._compositor import CompositorUpdate
from textual.screen import Screen

from benchmarks.fixtures import PASSPHRASE, bare_kdf_open, contacts_vault, working_copy
from benchmarks.timing import report_budget
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import Vault


class TimedApp(PeerdeskApp):
    """Notes when the first frame of the home screen reached the driver."""

    home_drawn_at: float | None = None

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # the bytes a terminal would get
        super()._display(screen, renderable)
        if renderable is not None and self.home_drawn_at is None and isinstance(screen, HomeScreen):
            self.home_drawn_at = time.perf_counter()


async def enter_to_home(path: Path) -> float:
    """Seconds from Enter on the unlock screen to the first frame of home drawn."""
    app = TimedApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        while not (isinstance(app.screen, UnlockScreen) and app.screen.query(PassphraseInput)):
            await pilot.pause(0.005)
        app.screen.query_one(PassphraseInput).value = PASSPHRASE
        await pilot.pause(0.3)  # a person takes longer than this to type a passphrase
        start = time.perf_counter()
        await pilot.press("enter")
        while app.home_drawn_at is None:
            await asyncio.sleep(0.001)
        return app.home_drawn_at - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    sizes = [int(arg) for arg in sys.argv[2:]] or [0]
    with tempfile.TemporaryDirectory() as name:
        paths: dict[int, Path] = {}
        for contacts in sizes:
            folder = Path(name) / str(contacts)
            folder.mkdir()
            if contacts:
                paths[contacts] = working_copy(contacts_vault(contacts), folder)
            else:
                paths[contacts] = folder / "vault.peerdesk"
                Vault.create(paths[contacts], PASSPHRASE).close()
            Vault.unlock(paths[contacts], PASSPHRASE, checks="deferred").close()
        subject: dict[int, list[float]] = {n: [] for n in sizes}
        baseline: dict[int, list[float]] = {n: [] for n in sizes}
        asyncio.run(enter_to_home(paths[sizes[0]]))  # warm up imports and the page cache
        for contacts in sizes:
            bare_kdf_open(paths[contacts])
        for round_number in range(runs):
            turn = round_number % len(sizes)
            for contacts in sizes[turn:] + sizes[:turn]:
                time.sleep(0.3)  # let the previous app's threads finish before timing
                baseline[contacts].append(bare_kdf_open(paths[contacts]))
                time.sleep(0.3)
                subject[contacts].append(asyncio.run(enter_to_home(paths[contacts])))
    print(f"{runs} runs each, sizes interleaved round by round:")
    for contacts in sizes:
        report_budget(
            f"{contacts} contacts: enter -> home drawn / bare KDF open",
            subject[contacts],
            baseline[contacts],
            60.0,
        )


if __name__ == "__main__":
    main()
