"""The key derivation of an unlock or a set-up runs in a worker, and the screen keeps
drawing while it runs.

peerdesk now runs PBKDF2 itself (hashlib, which lets other threads run meanwhile)
where SQLCipher used to run it on a connection's first read. The real function does
the work; each call is held at its start until the test has seen the main thread
draw the busy screen, so "responsive" is proven by events, not by a clock. A call on
the main thread is recorded and never held (it would freeze the test with the app).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.home import HomeScreen
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, paste, screen_text, wait_until


@dataclass
class HeldDerivations:
    """Every PBKDF2 call: the thread it ran on; worker calls wait for `release`."""

    on_main_thread: int = 0
    in_workers: int = 0
    started: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldDerivations]:
    real: Callable[..., bytes] = hashlib.pbkdf2_hmac
    calls = HeldDerivations()

    def watched(*args: Any) -> bytes:
        if threading.current_thread() is threading.main_thread():
            calls.on_main_thread += 1
        else:
            calls.in_workers += 1
            calls.started.set()
            calls.release.wait()
        return real(*args)

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", watched)
    try:
        yield calls
    finally:
        calls.release.set()  # a failed test must not leave a worker waiting


async def _while_deriving(pilot: Pilot[None], app: PeerdeskApp, held: HeldDerivations) -> None:
    """The main thread draws the busy screen while a derivation waits, then lets it go."""
    await wait_until(pilot, held.started.is_set, "a derivation in a worker")
    await pilot.pause()
    assert messages.UNLOCK_WORKING in screen_text(app)
    held.started.clear()
    held.release.set()
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
    held.release.clear()


async def test_unlocking_twice_derives_only_in_workers_while_the_screen_draws(
    closed_vault: Path, held: HeldDerivations
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await paste(pilot, PASSPHRASE)
            await pilot.press("enter")
            await _while_deriving(pilot, app, held)
            vault = app.vault
            assert vault is not None and vault.side_reader is not None
            assert vault.side_reader.read(lambda c: c.execute("SELECT 1").fetchone()) == (1,)
            await pilot.press("ctrl+l")
            await wait_until(pilot, lambda: app.vault is None, "the lock")
    assert held.on_main_thread == 0
    assert held.in_workers == 2  # one per unlock, the background check and reader included


async def test_setting_up_derives_only_in_a_worker(vault_path: Path, held: HeldDerivations) -> None:
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await wait_until(pilot, held.started.is_set, "a derivation in a worker")
        held.release.set()
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")
    assert held.on_main_thread == 0
    assert held.in_workers == 1
