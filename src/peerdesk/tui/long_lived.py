"""How the app keeps Python's cyclic garbage collector off the keys a peer waits on.

Why: a pass over the collector's oldest generation walks every object it tracks. Such
passes took 30-70 ms (200-350 ms on a loaded machine) and landed on whichever key came
next: they were the screens' p95 outliers (docs/performance.md). Two measures:

- `gc.freeze()` when the app mounts moves the ~40,000 objects start-up imported
  (modules, classes, functions, tables), which live until exit, into a permanent
  generation no pass walks again. It costs microseconds (it splices lists). Until
  then the collector is off altogether (`cli.launch.run_tui`): its passes over those
  same objects while they were imported cost ~15 ms of the start; the freeze turns
  it back on.
- Textual's render caches refill the oldest generation as screens are drawn, so the
  automatic full passes are switched off while the app runs (`hold_full_passes`) and
  one runs instead when the peer has touched nothing for a second (`collect_if_idle`,
  from a timer), or after LONGEST_WAIT_SECONDS without one for a peer who never
  pauses. The young generations are still collected as usual (about 1 ms each).
  The thresholds are put back when the app ends (`release`).

What the freeze must never keep: a frozen object is still freed as soon as nothing
refers to it (reference counting), but one that ends up in a reference cycle is never
collected and stays in memory until the process ends, with whatever it still refers
to. So the freeze runs at the one point where nothing that could ever hold a secret
exists: when the app mounts, before the first (unlock or set-up) screen is made. What
exists then is the imported code, the app object and Textual's blank base screen, which
live until exit anyway. Every widget a passphrase is typed into, every row, note and
handle read from the vault, is made after the freeze and collected as usual (sooner
than before, as the idle passes do not wait for allocations to pile up). As a second
guard it never freezes once a key or a paste has reached the app or the vault was
opened, and only once per process (a second app in the same process, as in the tests,
would otherwise freeze the first one's leftovers for good).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_SECONDS = 1.0  # no key for this long: a full pass now is waited on by nobody
# Python's default asks for a full pass after 10 passes over the middle generation;
# this many means never, until the idle timer runs one.
NO_AUTOMATIC_FULL_PASS = 1_000_000_000
# A peer who never pauses for IDLE_SECONDS still gets a full pass this often, on one
# key: cycles (and whatever typed text they hold) are freed within it, and memory
# stays bounded.
LONGEST_WAIT_SECONDS = 30.0


class LongLived:
    """The collector's settings for one app: the freeze, and full passes while idle."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.typed = False  # a key or a paste reached the app
        self.opened = False  # the vault was opened (or created) in this process
        self.frozen = False
        self._thresholds: tuple[int, int, int] | None = None
        self._clock = clock
        self._last_full = clock()

    def freeze(self) -> bool:
        """Freeze every object the collector tracks now; True if it froze.

        Call it on the app's thread (the one that handles keys) before the first screen
        is made, so no key can arrive between the checks and the freeze. The collector
        is on afterwards, frozen or not: start-up holds it off until here.
        """
        try:
            if self.frozen or self.typed or self.opened or gc.get_freeze_count() > 0:
                return False
            gc.freeze()
            self.frozen = True
            return True
        finally:
            gc.enable()

    def hold_full_passes(self) -> None:
        """Leave the oldest generation to `collect_if_idle` while the app runs."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _oldest = self._thresholds
            gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_PASS)

    def collect_if_idle(self, idle_seconds: float) -> bool:
        """One full pass if one is owed and the peer has been idle long enough, or none
        ran for LONGEST_WAIT_SECONDS; True if it ran. Owed: something reached the oldest
        generation since the last pass."""
        if gc.get_count()[2] == 0:
            return False
        overdue = self._clock() - self._last_full >= LONGEST_WAIT_SECONDS
        if idle_seconds < IDLE_SECONDS and not overdue:
            return False
        gc.collect()
        self._last_full = self._clock()
        return True

    def release(self) -> None:
        """Put the collector's thresholds back as they were (the app is ending)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
