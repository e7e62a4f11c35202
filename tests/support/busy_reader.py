"""Keep the vault's side connection busy, to see what a screen shows while it waits.

The app's counts and month figures are read on the side connection (SideReader), one
read at a time. A test starts an endless read of its own there, through the same
SideReader, looks at the screen, then lets it go: `release` cuts only its own read.
"""

from __future__ import annotations

import threading

from peerdesk.vault.side_reader import SideReader
from peerdesk.vault.sqlcipher import Connection

# Never ends on its own: only an interrupt (or a close) stops it.
ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"


class Busy:
    """An endless read on `reader`, in a thread of its own, until `release` or a lock."""

    def __init__(self, reader: SideReader) -> None:
        self.reader = reader
        self.answer: object = "not yet"
        self.error: BaseException | None = None
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()
        assert self.started.wait(15), "the side connection never became free"

    def _query(self, conn: Connection) -> object:
        self.started.set()
        return conn.execute(ENDLESS).fetchone()

    def _run(self) -> None:
        try:
            self.answer = self.reader.read(self._query, self)
        except BaseException as exc:  # noqa: BLE001 - kept for the test to look at
            self.error = exc

    def release(self) -> None:
        """Cut the endless read short (it answers None) and wait for its thread."""
        self.reader.interrupt(self)
        self.thread.join(15)

    def stopped_cleanly(self) -> bool:
        """Ended without an answer and without an error (released, or locked)."""
        self.thread.join(15)
        return not self.thread.is_alive() and self.answer is None and self.error is None
