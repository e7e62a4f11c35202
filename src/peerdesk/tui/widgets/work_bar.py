"""What long work is doing: the step in words (with its counts when known) over a bar.

The words are the core's own step wording (peerdesk.progress), never anything of a
row or a cell. A step without counts (total 0) shows a bar that only says it is busy.
Used by the progress dialog (tui.dialogs.work) and by the team merge screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static

from peerdesk import messages


class WorkBar(Vertical):
    """A step line and a ProgressBar; `show` each step the work tells."""

    class Stepped(Message):
        """A worker told a step (post it from the worker: post_message is thread-safe)."""

        def __init__(self, doing: str, done: int, total: int) -> None:
            super().__init__()
            self.doing = doing
            self.done = done
            self.total = total

    DEFAULT_CSS = """
    WorkBar { height: auto; }
    WorkBar > .work-bar--step { margin: 1 0 0 0; }
    WorkBar > ProgressBar Bar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", classes="work-bar--step")
        yield ProgressBar(total=None, show_eta=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._step: tuple[str, int, int] | None = None  # the latest, drawn once composed

    def on_mount(self) -> None:
        self._draw()

    def show(self, doing: str, done: int, total: int) -> None:
        """The step `doing`, `done` of `total` (no counts when total is 0); told before
        the widget is composed, it is drawn as soon as it is."""
        self._step = (doing, done, total)
        self._draw()

    def _draw(self) -> None:
        bars = self.query(ProgressBar)
        if self._step is None or not bars:
            return
        doing, done, total = self._step
        bar = bars.first()
        step = self.query_one(".work-bar--step", Static)
        if total <= 0:
            bar.update(total=None)
            step.update(Text(doing))
            return
        bar.update(total=total, progress=done)
        step.update(Text(messages.WORK_COUNTS.format(doing=doing, done=done, total=total)))
