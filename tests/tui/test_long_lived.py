"""Start-up's objects leave the garbage collector's way, and nothing confidential is
frozen with them (tui.long_lived).

Each check runs a real app in a fresh interpreter: the freeze is once per process, and
the test process may have frozen already. The passphrase goes in on stdin, never argv.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE

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
from peerdesk.tui.long_lived import StartupFreeze
typed, opened = StartupFreeze(), StartupFreeze()
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
