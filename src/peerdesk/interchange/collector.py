"""Python's cyclic garbage collector paused while an import builds its records.

Reading and planning 10,000 rows makes some 100,000 container objects (records, their
fields, tuples of values) that all stay alive until the import ends. Every
collection of the oldest generation on the way walks each of them again, and none of
them is garbage: with the collector paused, building the records costs half as much,
and read and check ~30 % less (docs/performance.md). Reference counting still frees
everything the moment it is dropped; only cycles wait, and the collector resumes
(if it was running) however the import ends, an exception or a lock included.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, back on after it if it was on before it (a
    nested or concurrent pause never turns it on under another one's feet for long:
    the worst is a collection during the other's import)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
