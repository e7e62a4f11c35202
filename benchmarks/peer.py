"""How a peer meets the unlock screen in the TUI benchmarks: they read it before typing.

A real peer takes a second or more to type a passphrase; by then the app has loaded
the later screens' modules and styles in its warm-up, and frozen start-up's objects out
of the garbage collector's way (peerdesk.tui.long_lived). A benchmark that pasted the
passphrase at once would measure a start nobody has, so it waits as a peer would,
shortened: the warm-up takes 0.1-0.3 s on the 2-core machine.
"""

from __future__ import annotations

import asyncio

READING_S = 0.6


async def reads_before_typing() -> None:
    """Let the app's warm-up run to its end before the passphrase arrives."""
    await asyncio.sleep(READING_S)
