"""First run: choose the passphrase (twice), see its strength, read the no-recovery warning.

The vault is created only when both fields match and the passphrase is above the
strength floor (`passphrase_strength`: the KDF is all that slows a thief who has the
file); creating runs the KDF in a thread worker like unlocking does, then the app
lands on home.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, LoadingIndicator, Static

from peerdesk import messages
from peerdesk.passphrase_strength import Strength, rate, refusal
from peerdesk.tui.opening import UnlockFailed, deliver, open_safely
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import InstanceLock


class SetupScreen(Screen[None]):
    """Create the vault at `vault_path` with a passphrase typed twice."""

    def __init__(self, vault_path: Path, *, instance_lock: InstanceLock | None) -> None:
        super().__init__()
        self.vault_path = vault_path
        self.instance_lock = instance_lock
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="setup-box", classes="box"):
            yield Static(Text(messages.SETUP_TITLE), classes="screen-title")
            yield Static(Text(messages.SETUP_INTRO), classes="intro")
            yield Static(Text(messages.SETUP_WHERE), classes="field-label")
            # The path is shown literally: it may contain "[" and Rich markup.
            yield Static(Text(str(self.vault_path)), id="where", classes="path")
            yield Static(Text(messages.SETUP_PASSPHRASE_LABEL), classes="field-label")
            yield PassphraseInput(id="passphrase")
            yield Static(Text(Strength.EMPTY.sentence), id="strength", classes="strength")
            yield Static(Text(messages.SETUP_REPEAT_LABEL), classes="field-label")
            yield PassphraseInput(id="repeat")
            yield Static(Text(messages.NO_RECOVERY_WARNING), id="no-recovery", classes="warning")
            yield LoadingIndicator(id="spinner")
            yield Static("", id="status", classes="status")
            yield Static(Text(messages.SETUP_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#passphrase", PassphraseInput).focus()

    @on(Input.Changed, "#passphrase")
    def _rate(self, event: Input.Changed) -> None:
        """Live strength feedback; the text itself is not kept anywhere."""
        strength = rate(event.value).strength
        label = self.query_one("#strength", Static)
        label.update(Text(strength.sentence))
        for level in Strength:
            label.set_class(level is strength, f"-{level.value}")

    @on(Input.Submitted, "#passphrase")
    def _first_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self._show_status(messages.PASSPHRASE_EMPTY, error=True)
            return
        too_weak = refusal(event.value)
        if too_weak is not None:  # said now, not after typing it a second time
            self._show_status(too_weak, error=True)
            return
        self._show_status("")
        self.query_one("#repeat", PassphraseInput).focus()

    @on(Input.Submitted, "#repeat")
    def _second_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        first = self.query_one("#passphrase", PassphraseInput).take()
        second = self.query_one("#repeat", PassphraseInput).take()
        self.query_one("#passphrase", PassphraseInput).focus()
        if self.busy:
            return
        if not first or not second:
            self._show_status(messages.PASSPHRASE_EMPTY, error=True)
            return
        if first != second:
            self._show_status(messages.PASSPHRASE_MISMATCH, error=True)
            return
        too_weak = refusal(first)
        if too_weak is not None:
            self._show_status(too_weak, error=True)
            return
        self._set_busy(True)
        self._create(first)

    # description= keeps the passphrase out of the worker's debug description.
    @work(thread=True, exclusive=True, group="open-vault", description="create vault")
    def _create(self, passphrase: str) -> None:
        """Create (KDF included) off the main thread; the result comes back as a message."""
        path, lock = self.vault_path, self.instance_lock
        from peerdesk.vault import Vault  # here, in the worker: SQLCipher loads off-screen

        result = open_safely(lambda: Vault.create(path, passphrase, lock=lock, side_reader=True))
        deliver(self, result, created=True)

    @on(UnlockFailed)
    def _failed(self, message: UnlockFailed) -> None:
        message.stop()
        self._set_busy(False)
        self._show_status(message.refused.sentence, error=True)
        self.query_one("#passphrase", PassphraseInput).focus()

    def forget_typing(self) -> None:
        """Clear both fields (the app calls this when ctrl+l is pressed here)."""
        for field in self.query(PassphraseInput):
            field.clear()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for field in self.query(PassphraseInput):
            field.disabled = busy
        self.query_one("#spinner").display = busy  # one widget, not a restyle of all
        self._show_status(messages.SETUP_WORKING if busy else "")

    def _show_status(self, sentence: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(sentence))
        status.set_class(error, "error")
