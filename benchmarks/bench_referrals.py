"""Referral handoff at 10,000 clinicians: ranking, and the two screen steps a peer waits on.

1. In process: vault.referral_pick.ranked() for a contact's topics (one, three and
   no topics), medians.
2. In Pilot at 80x24 on a copy of the cached directory vault
   (benchmarks.bench_directory_tui.directory_vault) with contacts added:
   - 'refer?' answered y -> the ranked list's first frame drawn;
   - enter on the first clinician -> the handoff card's first frame with its QR drawn
     (the referral is recorded in between, as in real use).
   A "frame" is App._display composing a screen update (FrameClock). Target for each:
   p95 <= 100 ms (median, p95 and max are printed).

Run: python -m benchmarks.bench_referrals [runs]
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

from textual.widgets import Static

from benchmarks.bench_directory_tui import directory_vault, until
from benchmarks.fixtures import PASSPHRASE, working_copy
from benchmarks.peer import reads_before_typing
from benchmarks.timing import median_ms, report_tail
from peerdesk.models.contacts import ContactFields
from peerdesk.tui import referral_flow
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.referral_pick import ReferralPickScreen
from peerdesk.vault import Vault, logbook
from peerdesk.vault.referral_pick import ranked

COUNT = 10_000
TARGET_MS = 100.0
TOPIC_SETS = {
    "one topic": ("trauma",),
    "three topics": ("critical-incident", "trauma", "sleep"),
    "no topics": (),
}


class ScreenFrames:
    """Wraps App._display to note when each frame was composed, and of which kind of
    screen. The kind, not the screen: holding every screen shown would keep them all
    alive, and the collector's passes over them would slow the very steps measured."""

    def __init__(self, app: PeerdeskApp) -> None:
        self.frames: list[tuple[float, type]] = []
        original: Callable[..., None] = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.frames.append((time.perf_counter(), type(screen)))
            original(screen, renderable)

        setattr(app, "_display", display)  # noqa: B010 - instance override on purpose

    async def first_of(self, kind: type, after: float) -> float:
        """When the first frame of a `kind` screen after `after` was composed."""
        await until(
            lambda: any(t > after and issubclass(s, kind) for t, s in self.frames), "a frame"
        )
        return next(t for t, s in self.frames if t > after and issubclass(s, kind))


def verdict(name: str, samples: list[float]) -> bool:
    return report_tail(name, samples, TARGET_MS)


def in_process(vault: Vault, runs: int) -> None:
    today = date.today()
    print(f"ranked() over {COUNT} clinicians, medians of {runs}:")
    for label, topics in TOPIC_SETS.items():
        ranked(vault.conn, topics, today)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            ranked(vault.conn, topics, today)
            samples.append(time.perf_counter() - start)
        print(f"  {label}: {median_ms(samples):.2f} ms")


async def screens(path: Path, contact_ids: list[int]) -> tuple[list[float], list[float]]:
    to_list: list[float] = []
    to_card: list[float] = []
    app = PeerdeskApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        clock = ScreenFrames(app)
        await until(lambda: app.focused is not None, "the unlock screen")
        await reads_before_typing()
        from textual import events

        assert app.focused is not None
        app.focused.post_message(events.Paste(PASSPHRASE))
        await pilot.pause()
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, HomeScreen), "home")
        for contact_id in contact_ids:
            assert app.vault is not None
            referral_flow.offer_after_contact(app, app.vault, contact_id)
            await until(lambda: isinstance(app.screen, ConfirmScreen), "refer?")
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("y")
            to_list.append(await clock.first_of(ReferralPickScreen, start) - start)
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("enter")
            drawn = await clock.first_of(HandoffCardScreen, start)
            code = app.screen.query_one("#card-qr", Static).content
            assert str(code).strip(), "the card's first frame had no code"
            to_card.append(drawn - start)
            await pilot.press("escape")
            await until(lambda: isinstance(app.screen, HomeScreen), "home")
    return to_list, to_card


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    original = directory_vault(COUNT)
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(original, Path(folder))
        today = date.today()
        with Vault.unlock(path, PASSPHRASE) as vault:
            contact_ids = [
                logbook.save_contact(
                    vault,
                    ContactFields(
                        contact_date=today, topics=TOPIC_SETS["three topics"], outcome="referral"
                    ),
                    today=today,
                )
                for _ in range(runs)
            ]
            in_process(vault, runs)
        to_list, to_card = asyncio.run(screens(path, contact_ids))
    print(f"Pilot at 80x24, {COUNT} clinicians, {runs} runs:")
    ok = verdict("'refer?' y -> ranked list drawn", to_list)
    ok = verdict("choose -> card with QR drawn", to_card) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
