"""The lock screen: one masked field, and nothing about what is inside the vault.

It is also what every lock lands on, so it shows no path, no counts, no names.

It is the first frame of every start, and Textual's cost for a frame grows with its
widgets (each is styled on mount and again when the screen is shown) and with each
widget class's default styles, parsed before the frame. So the text above the field
(title, screen title, hint, label) is one `Static`, the status and the keys line
below it another, with the colours as theme-variable styles on their lines; they sit
on the screen with no container around them; and the spinner is mounted only when the
KDF first runs (docs/performance.md, "Start-up").
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, LoadingIndicator, Static

from peerdesk import messages
from peerdesk.tui.lockout import RetryDelay
from peerdesk.tui.opening import UnlockFailed, deliver, open_safely
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import InstanceLock

# The lines' styles, as locked.tcss's `.app-title`, `.screen-title`, `.hint` and
# `.status.error` (which the set-up screen still uses). The label and the keys line take
# their widget's colour, `$text-muted` in locked.tcss: as a line style that colour
# (`auto 60%`) would not be blended with the background and would read brighter.
APP_TITLE_STYLE = "bold $accent"
SCREEN_TITLE_STYLE = "bold $foreground"
HINT_STYLE = "$warning"
STATUS_STYLE = "$foreground"
ERROR_STYLE = "$error"
# A blank line between two blocks: the margin the separate widgets had.
GAP = "\n\n"


class UnlockScreen(Screen[None]):
    """Ask for the passphrase; the KDF runs in a thread, wrong tries slow down."""

    def __init__(
        self,
        vault_path: Path,
        *,
        instance_lock: InstanceLock | None,
        retry: RetryDelay,
        hint: str | None = None,
    ) -> None:
        super().__init__()
        self.vault_path = vault_path
        self.instance_lock = instance_lock
        self.retry = retry
        self.hint = hint
        self.busy = False
        self._wait_timer: Timer | None = None
        self._error = ""
        self._typing_kept = False  # Enter during the wait: the countdown says it is kept
        self._spinner: LoadingIndicator | None = None

    def compose(self) -> ComposeResult:
        # No box around them: the screen's own padding and their width put them where
        # locked.tcss's `.box` would (a container cost the first frame a few ms).
        yield Static(self._heading(), classes="unlock-part unlock-heading")
        yield PassphraseInput(id="passphrase", classes="unlock-part")
        yield Static(self._status_and_keys(""), id="status", classes="unlock-part status-and-keys")

    def _heading(self) -> Content:
        """The app's title, the screen's, the hint if any and the field's label."""
        hint: list[str | tuple[str, str]] = [(self.hint, HINT_STYLE), GAP] if self.hint else []
        return Content.assemble(
            (messages.APP_TITLE, APP_TITLE_STYLE),
            GAP,
            (messages.UNLOCK_TITLE, SCREEN_TITLE_STYLE),
            GAP,
            *hint,
            messages.UNLOCK_PROMPT,
        )

    @staticmethod
    def _status_and_keys(sentence: str, *, error: bool = False) -> Content:
        """The status (one blank line when there is none), a blank line, the keys."""
        return Content.assemble(
            (sentence, ERROR_STYLE if error else STATUS_STYLE),
            GAP,
            messages.UNLOCK_KEYS,
        )

    def on_mount(self) -> None:
        if self.retry.remaining() > 0:
            self._start_wait()
        else:
            self.query_one(PassphraseInput).focus()

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy:
            return
        if self.retry.remaining() > 0:
            # The typed passphrase stays in the field (never silently cleared): it is
            # tried when the peer presses Enter again once the wait is over.
            self._typing_kept = True
            self._show_wait()
            return
        passphrase = self.query_one(PassphraseInput).take()
        if not passphrase:
            self._show_status(messages.PASSPHRASE_EMPTY, error=True)
            return
        # Start the KDF first: restyling the screen for "busy" costs the main thread
        # a few frames' worth of CSS work, and the worker need not wait for it.
        self._unlock(passphrase)
        self._set_busy(True)

    # description= keeps the passphrase out of the worker's debug description.
    @work(thread=True, exclusive=True, group="open-vault", description="unlock vault")
    def _unlock(self, passphrase: str) -> None:
        """Run the KDF off the main thread; the result comes back as a message."""
        path, lock = self.vault_path, self.instance_lock
        from peerdesk.vault import Vault  # here, in the worker: SQLCipher loads off-screen

        # The whole-file checks run after home is drawn (PeerdeskApp._check_in_background).
        result = open_safely(
            lambda: Vault.unlock(path, passphrase, lock=lock, checks="deferred", side_reader=True)
        )
        deliver(self, result, created=False)

    @on(UnlockFailed)
    def _failed(self, message: UnlockFailed) -> None:
        message.stop()
        self._set_busy(False)
        if message.refused.wrong_passphrase:
            self.retry.failed()
        self._error = message.refused.sentence
        self._show_status(self._error, error=True)
        if self.retry.remaining() > 0:
            self._start_wait()
        else:
            self.query_one(PassphraseInput).focus()

    def forget_typing(self) -> None:
        """Clear the field (the app calls this when ctrl+l is pressed here)."""
        self.query_one(PassphraseInput).clear()

    # --- the growing wait ---------------------------------------------------
    def _start_wait(self) -> None:
        """Refuse tries until the wait is over; a timer counts down (never a sleep).

        The field stays open: the peer may type the next passphrase meanwhile, and
        Enter during the wait says so instead of taking (and losing) it."""
        field = self.query_one(PassphraseInput)
        field.disabled = False
        field.focus()
        self._typing_kept = False
        self._show_wait()
        if self._wait_timer is not None:
            self._wait_timer.stop()
        interval = max(0.25 * self.retry.scale, 0.005)
        self._wait_timer = self.set_interval(interval, self._tick, name="retry-wait")

    def _tick(self) -> None:
        if self.retry.remaining() > 0:
            self._show_wait()
            return
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        field = self.query_one(PassphraseInput)
        field.disabled = False
        field.focus()
        done = messages.UNLOCK_WAIT_OVER
        self._show_status(
            f"{self._error}\n{done}" if self._error else done, error=bool(self._error)
        )

    def _show_wait(self) -> None:
        """The countdown; once the peer pressed Enter during it, every tick says the
        typing is kept (a tick must not take that sentence back)."""
        sentence = messages.UNLOCK_WAIT_KEPT if self._typing_kept else messages.UNLOCK_WAIT
        wait = sentence.format(seconds=self.retry.remaining_shown())
        self._show_status(f"{self._error}\n{wait}" if self._error else wait, error=True)

    @property
    def waiting(self) -> bool:
        """True while a wrong-passphrase wait refuses input."""
        return self._wait_timer is not None

    # --- small helpers ------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.query_one(PassphraseInput).disabled = busy
        # Only the spinner changes: a class on the screen would restyle every widget on
        # it (tens of milliseconds, paid between Enter and the KDF starting).
        self._show_spinner(busy)
        self._show_status(messages.UNLOCK_WORKING if busy else "")

    def _show_spinner(self, shown: bool) -> None:
        """Show or hide the spinner, mounting it the first time it is shown.

        Mounted at the first Enter (the KDF already started), not composed: its class's
        default styles and one more widget would otherwise cost the first frame."""
        if self._spinner is None:
            if not shown:
                return
            self._spinner = LoadingIndicator(id="spinner")
            self._spinner.display = True  # locked.tcss hides #spinner until a screen shows it
            self.mount(self._spinner, before="#status")
            return
        self._spinner.display = shown

    def _show_status(self, sentence: str, *, error: bool = False) -> None:
        self.query_one("#status", Static).update(self._status_and_keys(sentence, error=error))
