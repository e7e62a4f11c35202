"""A progress bar on the terminal for long commands; nothing at all when not on one.

Rich's progress, drawn on stderr and only when stderr is a terminal, so a script that
reads stdout, or a log that takes stderr, gets exactly what it got before. The bar
is transient: gone when the work ends, leaving the command's own sentences. What it
shows is the core's step wording and counts (peerdesk.progress), never a row.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from peerdesk.progress import Progress, silent


@contextmanager
def terminal_progress() -> Iterator[Progress]:
    """A Progress that draws a bar while the block runs, if stderr is a terminal."""
    if not sys.stderr.isatty():
        yield silent
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("", total=None)
    shown = [""]

    def update(doing: str, done: int, total: int) -> None:
        bar.update(task, description=doing, completed=done, total=total)
        if doing != shown[0]:  # a new step is drawn at once, not at the next tick
            shown[0] = doing
            bar.refresh()

    with bar:
        yield update
