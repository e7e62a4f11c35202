"""The whole-file checks, run after unlock on a connection of their own.

`quick_check` and `cipher_integrity_check` decrypt every page (about 7 ms per MB,
1.6 s at a million contacts), and SQLCipher already refuses any page whose HMAC
fails when it is read. So the app draws home first and runs the whole-file checks
here, in a worker thread, on a second read-only connection: SQLite connections must
never be used from two threads at once, and the app's own connection stays free.

The second connection is keyed inside the unlock worker but never read there, so
SQLCipher runs its KDF on the first read, in this worker, after home is drawn; the
passphrase is held by SQLCipher's (locked, wiped) memory until then, never by a
Python object that outlives the unlock. A lock cancels the check: the connection is
interrupted and closed before `cancel` returns, so no handle on the file is left.
"""

from __future__ import annotations

import threading

from peerdesk.progress import Progress, silent
from peerdesk.vault.sqlcipher import Connection, integrity_problems

WAITING, RUNNING, CANCELLED, DONE = "waiting", "running", "cancelled", "done"


class BackgroundCheck:
    """One run of the whole-file checks on its own connection; run once, or cancel."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._mutex = threading.Lock()
        self._state = WAITING
        self._finished = threading.Event()
        self._started = threading.Event()

    def run(self, progress: Progress = silent) -> tuple[str, ...] | None:
        """The problems found (empty: healthy), or None when cancelled. Worker thread;
        `progress` hears the two checks (vault.sqlcipher.integrity_problems)."""
        with self._mutex:
            if self._state != WAITING:
                return None
            self._state = RUNNING
        self._started.set()
        problems: list[str] = []
        try:
            problems = integrity_problems(self._conn, progress)
        finally:
            with self._mutex:
                cancelled = self._state == CANCELLED
                self._state = DONE
                self._conn.close()  # under the mutex: cancel never interrupts a closed one
            self._finished.set()
        return None if cancelled else tuple(problems)

    def cancel(self) -> None:
        """Stop the check (if it runs) and close its connection; returns when it is closed.

        SQLite checks for an interrupt between steps, so a running check stops within
        milliseconds; a KDF already started on the first read finishes first (~150 ms).
        """
        with self._mutex:
            state = self._state
            if state == WAITING:
                self._state = DONE
                self._conn.close()
                self._finished.set()
            elif state == RUNNING:
                self._state = CANCELLED
                self._conn.interrupt()
        if state in (RUNNING, CANCELLED):
            self._finished.wait()

    def wait_started(self) -> None:
        """Block until `run` has begun (for tests that lock during the check)."""
        self._started.wait()

    @property
    def finished(self) -> bool:
        return self._finished.is_set()
