"""The growing wait after wrong passphrases at the unlock prompt.

It only slows guessing at this prompt: anyone holding a copy of the file attacks
the KDF directly and never sees this delay (docs say so plainly). The first few
mistakes are free, because tired people mistype.
"""

from __future__ import annotations

import math
import time

from peerdesk.tui.idle import Clock

FREE_TRIES = 3
FIRST_DELAY = 1.0  # seconds after the third wrong try
MAX_DELAY = 30.0


class RetryDelay:
    """Counts wrong passphrases and says how long the next try must wait.

    `scale` shrinks the real wait (tests use a small one) while the numbers shown
    to the peer stay the nominal seconds.
    """

    def __init__(
        self,
        *,
        free_tries: int = FREE_TRIES,
        first: float = FIRST_DELAY,
        cap: float = MAX_DELAY,
        scale: float = 1.0,
        monotonic: Clock = time.monotonic,
    ) -> None:
        self.free_tries = free_tries
        self.first = first
        self.cap = cap
        self.scale = scale
        self._monotonic = monotonic
        self.failures = 0
        self.last_delay = 0.0  # nominal seconds of the wait now running (or last run)
        self._ready_at = monotonic()

    def delay_for(self, failures: int) -> float:
        """Nominal seconds to wait after `failures` wrong tries: 0, 0, 1, 2, 4, ... cap."""
        if failures < self.free_tries:
            return 0.0
        return min(self.first * 2.0 ** (failures - self.free_tries), self.cap)

    def failed(self) -> float:
        """Record one wrong try; return the nominal wait it starts."""
        self.failures += 1
        self.last_delay = self.delay_for(self.failures)
        self._ready_at = self._monotonic() + self.last_delay * self.scale
        return self.last_delay

    def succeeded(self) -> None:
        """The right passphrase: forget the count."""
        self.failures = 0
        self.last_delay = 0.0
        self._ready_at = self._monotonic()

    def remaining(self) -> float:
        """Real seconds until the next try is accepted (0 when it may go ahead)."""
        return max(0.0, self._ready_at - self._monotonic())

    def remaining_shown(self) -> int:
        """Whole nominal seconds left, for the countdown the peer sees."""
        if self.scale <= 0:
            return 0
        return math.ceil(self.remaining() / self.scale - 1e-6)
