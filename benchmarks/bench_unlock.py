"""Enter on the passphrase to the home screen drawn, against the bare KDF open.

Both in one process, interleaved: the baseline is SQLCipher alone (connect, key,
first read) on the same file; the subject is the real app under Textual's Pilot,
from pressing Enter until the first frame of the home screen reaches the driver
(rendered to terminal bytes, as a real terminal needs).
Target: subject <= baseline + 60 ms.

Run: python -m benchmarks.bench_unlock [runs] [contacts]
  contacts: synthetic contacts in the vault (default 0: the foundation's empty vault;
  unlock runs quick_check and cipher_integrity_check, which grow with the file).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rich.console import RenderableType
from textual._compositor import CompositorUpdate
from textual.screen import Screen

from benchmarks.fixtures import PASSPHRASE, bare_kdf_open, contacts_vault
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
    contacts = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "vault.peerdesk"
        if contacts:
            shutil.copyfile(contacts_vault(contacts), path)
        else:
            Vault.create(path, PASSPHRASE).close()
        subject: list[float] = []
        baseline: list[float] = []
        asyncio.run(enter_to_home(path))  # warm up imports and the page cache
        for _ in range(runs):
            time.sleep(0.3)  # let the previous app's threads finish before timing
            baseline.append(bare_kdf_open(path))
            time.sleep(0.3)
            subject.append(asyncio.run(enter_to_home(path)))
    print(f"{runs} runs each, medians, vault with {contacts} contacts:")
    report_budget("enter -> home drawn / bare KDF open", subject, baseline, 60.0)


if __name__ == "__main__":
    main()
