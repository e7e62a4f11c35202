"""How long since the peer last touched the keyboard or mouse, counting sleep.

`time.monotonic` stops while the laptop is suspended, so a lid closed for an hour
would look like a second of idleness. The wall clock keeps running through suspend,
but can be moved by hand or NTP. Taking the larger of the two elapsed times means
suspend always counts, and a clock moved backwards never postpones the lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


class IdleWatch:
    """Remembers the last activity; tests inject both clocks to move time forward."""

    def __init__(
        self,
        minutes: float,
        *,
        wall: Clock = time.time,
        monotonic: Clock = time.monotonic,
    ) -> None:
        self.minutes = minutes
        self._wall = wall
        self._monotonic = monotonic
        self._wall_start = wall()
        self._mono_start = monotonic()

    def touch(self) -> None:
        """Activity now: start counting again."""
        self._wall_start = self._wall()
        self._mono_start = self._monotonic()

    def elapsed(self) -> float:
        """Seconds since the last touch: the larger of wall-clock and monotonic time."""
        return max(self._wall() - self._wall_start, self._monotonic() - self._mono_start)

    def expired(self) -> bool:
        """True once the idle time has reached the configured minutes."""
        return self.elapsed() >= self.minutes * 60


class FakeClock:
    """A clock that only moves when told to; for tests and benchmarks."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
