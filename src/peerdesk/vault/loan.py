"""The vault's own connection lent to one worker thread for one piece of long work.

A directory import of ten thousand rows takes seconds; run on the screen's thread it
freezes the screen, and a SQLite connection must never be used by two threads at
once. A second connection cannot write it (the passphrase is gone once the vault is
open), so the app lends its connection instead: while a `Loan` is out, `Vault.conn`
answers only the worker that holds it, and any other thread gets one sentence
(VAULT_WORKING) rather than a connection someone else is writing on.

A lock, an idle lock or quitting never waits for the work, and never closes the
connection under it: `stop` asks the worker to stop (its next progress report raises
WorkStopped, and a statement running then is interrupted), waits until the worker
has rolled back and handed the connection back, and says whether the work was
stopped or had finished. The work is one transaction, so the vault ends either with
all of it or none of it. Everything here is called from the vault's owner and one
worker; a mutex guards the hand-over.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from peerdesk import messages
from peerdesk.progress import Progress, silent
from peerdesk.vault.errors import VaultError
from peerdesk.vault.sqlcipher import Connection

WAITING, HELD, RETURNED = "waiting", "held", "returned"
# SQLite asks the handler every this many virtual-machine steps whether to stop, so a
# statement that began just after `stop` is cut short too (as in side_reader).
STOP_CHECK_STEPS = 100_000


class WorkStopped(VaultError):
    """The work was stopped (a lock, quitting) before it finished; nothing was written."""


class Loan:
    """The connection lent to the worker that enters it; `stop` takes it back."""

    def __init__(self, conn: Connection, what: str, on_return: Callable[[Loan], None]) -> None:
        self._conn = conn
        self.what = what
        self._on_return = on_return
        self._mutex = threading.Lock()
        self._state = WAITING
        self._thread: int | None = None
        self._stopping = False
        self._stop_fired = False  # one stop, one error: the rollback itself runs freely
        self._returned = threading.Event()
        self.stopped = False  # set once returned: the work ended by stop, not by itself
        self.watch: Progress = silent  # hears every step first (Vault.work_watch)

    def holds(self) -> bool:
        """Whether the calling thread is the worker holding the connection."""
        return self._state == HELD and threading.get_ident() == self._thread

    def __enter__(self) -> Loan:
        with self._mutex:
            if self._state != WAITING or self._stopping:
                self._state = RETURNED
                self.stopped = True
                self._returned.set()
                self._on_return(self)
                raise WorkStopped(messages.WORK_STOPPED)
            self._thread = threading.get_ident()
            self._state = HELD
        self._conn.set_progress_handler(self._stop_now, STOP_CHECK_STEPS)
        return self

    def __exit__(self, _kind: object, exc: BaseException | None, _trace: object) -> None:
        self._conn.set_progress_handler(None, 0)
        with self._mutex:
            # An error after a stop was asked for is the stop's (an interrupted statement
            # raises SQLite's own error); the transaction rolled back either way.
            self.stopped = exc is not None and self._stopping
            self._state = RETURNED
            self._thread = None
        self._on_return(self)
        self._returned.set()
        if self.stopped and isinstance(exc, Exception) and not isinstance(exc, WorkStopped):
            # The interrupted statement's own error (sqlcipher3's "interrupted", not a
            # vault error) would reach the worker's caller as a crash: it is the stop's.
            raise WorkStopped(messages.WORK_STOPPED) from None

    def progress(self, shown: Progress) -> Progress:
        """`shown`, told every step after `watch`; raises WorkStopped once stop was asked."""

        def report(doing: str, done: int, total: int) -> None:
            self.watch(doing, done, total)
            if self._take_stop():
                raise WorkStopped(messages.WORK_STOPPED)
            shown(doing, done, total)

        return report

    def stop(self) -> bool:
        """Stop the work and wait until the connection is back; True if it was stopped
        before it finished (then nothing of it was written). Owner's thread."""
        with self._mutex:
            self._stopping = True
            state = self._state
            if state == HELD:
                self._conn.interrupt()
        if state == WAITING:
            return True  # never entered: the worker's enter refuses it
        self._returned.wait()
        return self.stopped

    def _take_stop(self) -> bool:
        with self._mutex:
            if not self._stopping or self._stop_fired:
                return False
            self._stop_fired = True
            return True

    def _stop_now(self) -> int:
        """SQLite's progress handler: non-zero interrupts the running statement."""
        return 1 if self._take_stop() else 0
