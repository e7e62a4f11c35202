"""Search-as-you-type pacing shared by the contacts list and the directory.

The first key after a quiet spell searches straight away, so results follow a key in
query time rather than query time plus a delay; keys closer together than `delay`
restart a timer, so a fast burst runs one query, and only the latest text is searched.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class SearchPacer:
    """Call `changed()` on every edit of the search box; `run` does the search."""

    def __init__(self, owner: MessagePump, run: Callable[[], None], delay: float) -> None:
        self._owner = owner
        self._run = run
        self.delay = delay
        self._timer: Timer | None = None
        self._last_edit = float("-inf")

    def changed(self) -> None:
        now = time.monotonic()
        quiet = now - self._last_edit >= self.delay
        self._last_edit = now
        if self._timer is None and quiet:
            self._run()
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(self.delay, self._fire, name="search")

    def _fire(self) -> None:
        self._timer = None
        self._run()

    @property
    def pending(self) -> bool:
        """True while a search waits for the typing to pause."""
        return self._timer is not None
