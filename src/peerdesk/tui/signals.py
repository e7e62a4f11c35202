"""The signals that lock the app: SIGTERM, SIGINT and a hang-up (SIGHUP).

The loop handles the lock signals; a hang-up is first seen by a plain handler. A plain
(Python-level) handler runs in the main thread even while that thread is stuck, e.g.
waiting on Textual's output thread, which waits on a terminal that is gone; a loop
handler would then never run. It starts a watchdog, so the process is gone within
HANG_UP_GRACE_SECONDS whatever Textual's shutdown waits for, and then asks the loop
to lock and exit as usual.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from typing import Any

from peerdesk.platform_support import exit_after, hang_up_signal, lock_signals

LOCK_SIGNALS = lock_signals()
# After a hang-up the process is gone within this many seconds, whatever Textual's
# shutdown is waiting for (its output thread can block on a terminal that vanished).
HANG_UP_GRACE_SECONDS = 0.8


class LockSignals:
    """Installs the handlers that call `lock_and_exit(signal)` on the loop, and puts
    back whatever was there before."""

    def __init__(self, lock_and_exit: Callable[[signal.Signals], None]) -> None:
        self._lock_and_exit = lock_and_exit
        self._previous: dict[signal.Signals, Any] = {}

    def install(self, *, headless: bool) -> None:
        """Handlers on the running loop (a plain one for a hang-up, with a terminal)."""
        loop = asyncio.get_running_loop()
        for sig in LOCK_SIGNALS:
            self._previous[sig] = signal.getsignal(sig)
            if sig == hang_up_signal() and not headless:
                signal.signal(sig, lambda signum, _frame: self._hung_up(loop, signum))
            else:
                loop.add_signal_handler(sig, self._lock_and_exit, sig)

    def _hung_up(self, loop: asyncio.AbstractEventLoop, signum: int) -> None:
        exit_after(HANG_UP_GRACE_SECONDS, 128 + signum)
        if not loop.is_closed():
            loop.call_soon_threadsafe(self._lock_and_exit, signal.Signals(signum))

    def remove(self) -> None:
        loop = asyncio.get_running_loop()
        for sig, previous in self._previous.items():
            loop.remove_signal_handler(sig)
            if previous is not None:
                signal.signal(sig, previous)
        self._previous.clear()
