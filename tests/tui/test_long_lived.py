"""The garbage collector stays off the keys a peer waits on (tui.long_lived): start-up's
objects are frozen and nothing confidential with them; full passes wait for idle time.

The freeze checks run a real app in a fresh interpreter: the freeze is once per process,
and the test process may have frozen already. The passphrase goes in on stdin, never
argv.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.idle import FakeClock, IdleWatch
from peerdesk.tui.long_lived import (
    IDLE_SECONDS,
    LONGEST_WAIT_SECONDS,
    NO_AUTOMATIC_FULL_PASS,
    LongLived,
)
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, wait_until

CHILD = r"""
import asyncio, gc, json, sys
from pathlib import Path
from textual import events
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput

vault, passphrase = Path(sys.argv[1]), sys.stdin.read()

def collectable(obj):
    # gc.get_objects() lists what the collector walks; frozen objects are not listed.
    return any(o is obj for o in gc.get_objects())

async def main():
    out = {}
    app = PeerdeskApp(vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        out["frozen"] = gc.get_freeze_count()
        field = app.screen.query_one(PassphraseInput)
        out["unlock_screen_collectable"] = collectable(app.screen) and collectable(field)
        field.post_message(events.Paste(passphrase))
        await pilot.pause()
        await pilot.press("enter")
        while not isinstance(app.screen, HomeScreen):
            await pilot.pause(0.05)
        out["frozen_after_unlock"] = gc.get_freeze_count()
        out["home_and_vault_collectable"] = collectable(app.screen) and collectable(app.vault)
    second = PeerdeskApp(vault)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        out["frozen_after_second_app"] = gc.get_freeze_count()
    print(json.dumps(out))

asyncio.run(main())
"""

GUARD = r"""
import gc, json
from peerdesk.tui.long_lived import LongLived
typed, opened = LongLived(), LongLived()
typed.typed = True
opened.opened = True
print(json.dumps([typed.freeze(), opened.freeze(), gc.get_freeze_count()]))
"""


def run_child(code: str, *args: str, stdin: str = "") -> object:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_start_up_is_frozen_and_what_follows_is_not(closed_vault: Path) -> None:
    out = run_child(CHILD, str(closed_vault), stdin=PASSPHRASE)
    assert isinstance(out, dict)
    assert out["frozen"] > 10_000  # the imports: modules, classes, functions
    # Made after the freeze: the screen a passphrase is typed into, home and the vault.
    assert out["unlock_screen_collectable"] is True
    assert out["home_and_vault_collectable"] is True
    # Never more (frozen objects still go when their last reference does: fewer is fine).
    assert out["frozen_after_unlock"] <= out["frozen"]
    assert out["frozen_after_second_app"] <= out["frozen"]  # once per process


def test_no_freeze_after_a_key_or_once_the_vault_was_opened() -> None:
    assert run_child(GUARD) == [False, False, 0]


async def test_the_full_pass_waits_for_the_peer_to_be_idle(closed_vault: Path) -> None:
    """While the app runs, the oldest generation is collected only after a second with
    no key; the collector's thresholds are back as they were once the app has ended."""
    before = gc.get_threshold()
    wall, monotonic = FakeClock(), FakeClock()
    idle = IdleWatch(5, wall=wall, monotonic=monotonic)
    passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            passes.append(1)

    gc.callbacks.append(seen)
    try:
        app = PeerdeskApp(closed_vault, idle_watch=idle)
        async with app.run_test(size=SIZE) as pilot:
            assert gc.get_threshold()[2] == NO_AUTOMATIC_FULL_PASS
            # A full pass before the app held them (while it was being built) is the
            # ordinary collector's; only the ones from here on are the app's.
            passes.clear()
            for _ in range(3):
                gc.collect(1)  # objects reach the oldest generation: a full pass is owed
            await pilot.pause(IDLE_SECONDS * 1.5)  # the timer ran; the peer was not idle
            assert passes == []
            wall.advance(2 * IDLE_SECONDS)
            monotonic.advance(2 * IDLE_SECONDS)
            await wait_until(pilot, lambda: bool(passes), "a full pass while idle")
            assert gc.get_count()[2] == 0
        assert gc.get_threshold() == before
    finally:
        gc.callbacks.remove(seen)


def test_a_peer_who_never_pauses_still_gets_a_full_pass_now_and_then() -> None:
    """Keys without a one-second pause hold the full pass back, but not for longer than
    LONGEST_WAIT_SECONDS: cycles holding typed text are freed, memory stays bounded."""
    clock = FakeClock()
    held = LongLived(clock)
    held.hold_full_passes()
    try:
        gc.collect(1)  # something reached the oldest generation: a pass is owed
        clock.advance(LONGEST_WAIT_SECONDS - 1)
        assert not held.collect_if_idle(0.0)  # typing, and not overdue yet
        clock.advance(1)
        assert held.collect_if_idle(0.0)  # typing, but overdue
        gc.collect(1)
        assert not held.collect_if_idle(0.0)  # the wait starts again
        assert held.collect_if_idle(IDLE_SECONDS)  # idle: at once, as before
    finally:
        held.release()
