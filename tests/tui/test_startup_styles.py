"""Start-up draws the unlock screen from only what it needs (docs/performance.md).

The first frame parses only `locked.tcss` and imports neither the set-up screen nor the
crisis lines' editable fields; everything else (app.tcss, later screens) arrives right
after that frame, and before any screen that needs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from textual.message import Message

from peerdesk.tui import styles
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.crisis import CrisisScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from tests.tui.helpers import SIZE, unlock, wait_until

# Modules the unlock screen never uses: the set-up screen (first run only), the crisis
# screen and the TextArea its editable fields bring, and what the vault's own rules need.
NOT_BEFORE_FIRST_FRAME = (
    "peerdesk.tui.screens.setup",
    "peerdesk.tui.screens.crisis",
    "peerdesk.tui.widgets.text_fields",
    "textual.widgets._text_area",
    "peerdesk.passphrase_strength",
    "peerdesk.crisis",
)

# Loaded on first use, not before the unlock screen's first frame: the settings' checks
# (the app arms its idle watch from `vault.defaults`), and json (safe_text imports it
# where it writes JSON). Each cost ~1-2 ms of the measured start-up.
LAZY_AT_FIRST_FRAME = (
    "peerdesk.vault.settings",
    "peerdesk.validation",
    "peerdesk.vocab",
    "json",
)

# The real app on a real (closed) vault, in a fresh interpreter: the modules loaded when
# the unlock screen is first on the stack, before the after-first-frame warm-up starts.
FIRST_FRAME_CHILD = r"""
import asyncio, sys
from pathlib import Path
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.unlock import UnlockScreen

seen = []

def hook(_message):
    if not seen and app.screen_stack and isinstance(app.screen_stack[-1], UnlockScreen):
        seen.append(sorted(sys.modules))

async def main():
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()

app = PeerdeskApp(Path(sys.argv[1]))
asyncio.run(main())
import json  # only now: json is one of the modules checked
print(json.dumps(seen[0] if seen else None))
"""

CHILD = r"""
import json, sys
import peerdesk.cli, peerdesk.cli.launch, peerdesk.vault.instance_lock, peerdesk.tui.app
print(json.dumps(sorted(sys.modules)))
"""


def test_the_app_module_loads_only_what_the_unlock_screen_draws() -> None:
    """What `peerdesk` imports before the app runs, in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert "peerdesk.tui.screens.unlock" in loaded
    assert sorted(loaded.intersection(NOT_BEFORE_FIRST_FRAME)) == []


def test_the_unlock_screen_is_drawn_without_what_loads_on_use(closed_vault: Path) -> None:
    """Neither the settings' checks nor json are loaded when the unlock screen appears."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_CHILD, str(closed_vault)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded is not None, "the unlock screen never mounted"
    assert sorted(set(loaded).intersection(LAZY_AT_FIRST_FRAME + NOT_BEFORE_FIRST_FRAME)) == []


async def test_later_styles_arrive_after_the_first_frame(closed_vault: Path) -> None:
    """When the unlock screen is pushed, the stylesheet holds locked.tcss and not app.tcss;
    once the app is idle it holds both, and home is drawn with them."""
    at_mount: list[set[str]] = []

    def seen(_message: Message) -> None:
        """The sources as the first message reaches a stack topped by the unlock screen."""
        if not at_mount and app.screen_stack and isinstance(app.screen_stack[-1], UnlockScreen):
            at_mount.append({path for path, _ in app.stylesheet.source})

    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE, message_hook=seen) as pilot:
        await pilot.pause()
        assert at_mount, "the unlock screen never mounted"
        assert str(styles.LOCKED) in at_mount[0]
        assert str(styles.LATER) not in at_mount[0]
        assert app.stylesheet.has_source(str(styles.LATER))
        await unlock(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")


async def test_crisis_lines_before_the_later_styles_are_styled(closed_vault: Path) -> None:
    """ctrl+g pressed before the first frame's follow-up ran still gets the crisis
    screen's styles (its box is narrower than the screen, as app.tcss says)."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: app.stylesheet.has_source(str(styles.LATER)), "the later styles"
        )
        # As if the key came first: the later styles are not in the stylesheet yet.
        del app.stylesheet.source[(str(styles.LATER), "")]
        app.stylesheet.reparse()
        app.action_crisis()
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert app.stylesheet.has_source(str(styles.LATER))
        box = app.screen.query_one(".modal-box")
        assert box.styles.width is not None
        assert box.size.width < SIZE[0]
