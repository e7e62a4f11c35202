"""A second connection for the reads the app runs in worker threads (counts, month figures).

A count over the whole contacts table grows with the vault (the total: 100-150 ms at a
million contacts), and so does a month's trend (~60 ms there). On the app's own
connection that would freeze the screen the peer is waiting on, and a SQLite
connection must never be used from two threads at once. So such reads run here, on
a read-only connection of their own, one at a time (a mutex), from whichever worker
thread asks.

Like the background check's, the connection is keyed when the vault opens but not
read, so SQLCipher runs its KDF (~150 ms) on the first read, inside the first worker
that uses it, never on the main thread; the passphrase is held by SQLCipher's locked,
wiped memory, never by a Python object that outlives the unlock.

`close` (every lock) interrupts a running read and closes the connection before it
returns, so no handle on the file is left; a read cut short that way, or asked for
after the close, answers None. `interrupt(asker)` cuts short the running read only if
that asker started it (its newer question makes the answer stale; another screen's
read is left alone) and keeps the connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from peerdesk.vault.sqlcipher import Connection, DatabaseError

T = TypeVar("T")
PROGRESS_STEPS = 100_000


class SideReader:
    """Reads on a connection of their own, one at a time, from any worker thread."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._turn = threading.Lock()  # held for a whole read: one read at a time
        self._mutex = threading.Lock()  # guards the flags below, held only briefly
        self._closed = False
        self._running: object | None = None  # who asked for the read that runs now
        self._cut = False  # the running read was interrupted on purpose
        # sqlite3_interrupt stops only a statement already running; one that starts a
        # moment after it would run to its end. SQLite asks this handler every
        # PROGRESS_STEPS virtual-machine steps whether to stop, so a cut or a close
        # also stops a statement that had not started yet (a topic count at a million
        # contacts asks it ~4 times; its cost did not show in the timings).
        conn.set_progress_handler(self._stop_now, PROGRESS_STEPS)

    def read(
        self,
        query: Callable[[Connection], T],
        asker: object = None,
        wanted: Callable[[], bool] = lambda: True,
    ) -> T | None:
        """`query(conn)`'s answer, or None when the reader was closed or the read cut short.

        Blocks while another read runs; `wanted` is asked once it is this read's turn, so
        a question that went stale while it waited is never run (None). Call it from a
        worker thread only, and post the answer after it returns (never from inside
        `query`): a lock waits for the read. A storage error (a damaged page, say) is
        raised as the vault's typed error.
        """
        with self._turn:
            with self._mutex:
                if self._closed or not wanted():
                    return None
                self._running, self._cut = asker if asker is not None else self, False
            try:
                return query(self._conn)
            except DatabaseError:
                with self._mutex:
                    if self._closed or self._cut:
                        return None  # interrupted on purpose: there is no answer
                raise
            finally:
                with self._mutex:
                    self._running = None

    def _stop_now(self) -> bool:
        """SQLite's question, from the reading thread: abandon the statement?"""
        return self._closed or self._cut

    def warm(self) -> None:
        """Make the first read now (it runs the KDF), so the first count need not wait.

        Worker thread. A read that fails here fails again for the first real asker,
        which says so; a warm-up has no one to tell.
        """
        self.read(lambda conn: conn.execute("SELECT count(*) FROM sqlite_master").fetchone())

    def interrupt(self, asker: object) -> None:
        """Cut short the read `asker` started, if it runs now; the next read runs."""
        with self._mutex:
            if self._running is asker and not self._closed:
                self._cut = True
                self._conn.interrupt()

    def close(self) -> None:
        """Stop a running read and close the connection; returns once it is closed.

        SQLite checks for an interrupt between steps, so a running count stops within
        milliseconds; a KDF already started by the first read finishes first (~150 ms).
        Idempotent.
        """
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            if self._running is not None:
                self._conn.interrupt()
        with self._turn:  # the read, if one ran, has returned
            self._conn.close()

    @property
    def closed(self) -> bool:
        return self._closed
