"""Long work on the vault in a worker thread, with a progress bar saying what it does.

A directory import of thousands of rows takes seconds; on the screen's thread it
would freeze the app (no redraw, keys only after it ends, ctrl+l included). Here the
work runs in a thread worker on the vault's own connection, lent to it for the time
(peerdesk.vault.loan: nobody else can use the connection meanwhile), and the dialog
shows the core's step wording and counts (peerdesk.progress), never anything of a
row. The dialog is modal, so the screens under it take no keys; the app's keys still
work: ctrl+l or the idle lock stops the work, waits for its rollback and locks, and
the vault ends with all of the work or none of it.

Short work should not flash a bar: the dialog draws nothing (no box, no dimming)
until the work has run SHOW_AFTER_SECONDS. It dismisses with `WorkEnded`: the job's
value, or the one sentence of the vault error that ended it (a full disk, say).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.progress import Progress
from peerdesk.tui.widgets.work_bar import WorkBar
from peerdesk.vault import Vault, VaultError
from peerdesk.vault.loan import Loan, WorkStopped

T = TypeVar("T")
# Work that ends sooner shows no dialog at all: most small imports end well within it.
SHOW_AFTER_SECONDS = 0.4


@dataclass(frozen=True)
class WorkEnded(Generic[T]):
    """How the work ended: its value, or `problem`, the sentence of what stopped it."""

    value: T | None
    problem: str | None = None


class WorkScreen(ModalScreen[WorkEnded[T]], Generic[T]):
    """Runs `job(progress)` in a worker on the lent connection; dismisses when it ends.

    A lock or quitting meanwhile drops the dialog without dismissing it: the job's
    caller hears nothing, which is right, since nothing of the work was kept. Work
    stopped otherwise (damage found meanwhile) ends with no value and no sentence.
    """

    class Ended(Message):
        """The work ended by itself and the connection is back with the vault."""

        def __init__(self, ended: WorkEnded[object]) -> None:
            super().__init__()
            self.ended = ended

    def __init__(
        self, title: str, vault: Vault, job: Callable[[Progress], T], *, what: str
    ) -> None:
        super().__init__(classes="-quiet")
        self.title_text = title
        self.vault = vault
        self.job = job
        self.what = what  # the work in a sentence: what a lock stopped
        self.loan: Loan | None = None
        self.outcome: WorkEnded[object] | None = None  # how the work ended, once it has

    def compose(self) -> ComposeResult:
        with Vertical(id="work-box", classes="dialog"):
            yield Static(Text(self.title_text), classes="screen-title")
            yield WorkBar(id="work-bar")
            yield Static(Text(messages.WORK_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        try:
            self.loan = self.vault.lend(self.what)
        except VaultError as exc:
            self.dismiss(WorkEnded(None, str(exc)))
            return
        self.set_timer(SHOW_AFTER_SECONDS, self._show, name="work-shown")
        self._run(self.loan)

    def _show(self) -> None:
        self.remove_class("-quiet")

    @work(thread=True, group="vault-work", description="long work on the lent vault")
    def _run(self, loan: Loan) -> None:
        """The job on the lent connection; an unexpected error ends the app with its one
        sentence (tui.crash), after the loan has handed the connection back."""
        value: T | None = None
        problem: str | None = None
        try:
            with loan:
                value = self.job(loan.progress(self._told))
        except VaultError as exc:
            if not (loan.stopped or isinstance(exc, WorkStopped)):
                problem = str(exc)
            # Else stopped: whoever took the connection back says why (a lock after the
            # next unlock, damage found at once), and a dialog a lock dropped hears none.
        self.post_message(self.Ended(WorkEnded(value, problem)))

    def _told(self, doing: str, done: int, total: int) -> None:
        """Worker thread: hand the step to the screen (post_message is thread-safe)."""
        self.post_message(WorkBar.Stepped(doing, done, total))

    @on(WorkBar.Stepped)
    def _stepped(self, message: WorkBar.Stepped) -> None:
        message.stop()
        self.query_one(WorkBar).show(message.doing, message.done, message.total)

    @on(Ended)
    def _ended(self, message: Ended) -> None:
        """Dismiss with the outcome, or keep it until this screen is on top again (the
        crisis lines or help may be open over the bar; only the top screen dismisses)."""
        message.stop()
        self.outcome = message.ended
        if self.app.screen is self:
            self.dismiss(self.outcome)  # type: ignore[arg-type]

    def on_screen_resume(self) -> None:
        if self.outcome is not None:
            self.dismiss(self.outcome)  # type: ignore[arg-type]
