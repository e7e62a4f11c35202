"""Start-up's long-lived objects kept out of Python's cyclic garbage collector.

Why: a pass over the collector's oldest generation walks every object it tracks, and
tens of thousands of them are what start-up imported (modules, classes, functions,
Textual's and peerdesk's tables), which live as long as the process. Such passes took
30-70 ms (more on a loaded machine) and landed on whichever key the peer was waiting
on: the screens' p95 outliers (docs/performance.md). `gc.freeze()` moves every object
tracked so far into a permanent generation no pass walks again; it costs microseconds
(it splices lists), so it can run before the first frame.

What it must never keep: a frozen object is still freed as soon as nothing refers to
it (reference counting), but one that ends up in a reference cycle is never collected
and stays in memory until the process ends, with whatever it still refers to. So the
freeze runs at the one point where nothing that could ever hold a secret exists: when
the app mounts, before the first (unlock or set-up) screen is made. What exists then is
the imported code, the app object and Textual's blank base screen, which live until
exit anyway. Every widget a passphrase is typed into, every row, note and handle read
from the vault, is made after the freeze and collected as usual. As a second guard it
never freezes once a key or a paste has reached the app or the vault was opened, and
only once per process (a second app in the same process, as in the tests, would
otherwise freeze the first one's leftovers for good).
"""

from __future__ import annotations

import gc


class StartupFreeze:
    """Freezes start-up's objects once, and only while the process holds no secret."""

    def __init__(self) -> None:
        self.typed = False  # a key or a paste reached the app
        self.opened = False  # the vault was opened (or created) in this process
        self.frozen = False

    def freeze(self) -> bool:
        """Freeze every object the collector tracks now; True if it froze.

        Call it on the app's thread (the one that handles keys) before the first screen
        is made, so no key can arrive between the checks and the freeze.
        """
        if self.frozen or self.typed or self.opened or gc.get_freeze_count() > 0:
            return False
        gc.freeze()
        self.frozen = True
        return True
