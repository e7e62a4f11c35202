"""How far long work has got, told to whichever face started it. Pure: no output.

A directory import or a backup of a big vault can take seconds; the person should see
what it is doing rather than a still cursor. The core calls a `Progress` with what it
is doing (a sentence of peerdesk.messages), how much is done and of how much; the CLI
draws it as a bar on a terminal (peerdesk.cli.progress) and the default says nothing.
Never a name, a note or anything of a row: only counts and the step's own wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Progress = Callable[[str, int, int], None]  # (what it is doing, done, of how many)
T = TypeVar("T")
EVERY = 500  # rows between two reports: often enough to move a bar, cheap at 1M rows


def silent(doing: str, done: int, total: int) -> None:
    """The default: work that nobody watches tells nobody."""


def counted(
    items: Iterable[T], total: int, doing: str, progress: Progress, *, every: int = EVERY
) -> Iterator[T]:
    """`items` unchanged, telling `progress` before the first, after each `every` of
    them and after the last."""
    progress(doing, 0, total)
    done = 0
    for item in items:
        yield item
        done += 1
        if done % every == 0 and done != total:
            progress(doing, done, total)
    progress(doing, done, total)
