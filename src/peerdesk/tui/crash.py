"""An App whose unexpected errors end in one fixed sentence, never a traceback.

Textual's own crash report is a Rich traceback with show_locals=True: the frames'
local variables (a form's note and handle) would go to the terminal and stay in its
scrollback. This base replaces it at the depth every handler, timer, worker and
screen reports to (`_handle_exception`), and keeps Textual's log file, devtools and
debug output off, since any of them could hold values. What the sentence says (and
what is kept first) is the subclass's `_crash_sentence`. See
docs/privacy-and-security.md.
"""

from __future__ import annotations

from rich.text import Text
from textual import constants as textual_constants
from textual.app import App


class QuietCrashApp(App[None]):
    """Ends on any unexpected error with `_crash_sentence()` and return code 1."""

    def __init__(self) -> None:
        super().__init__()
        self._crashed = False
        self._silence_textual_logs()

    def _crash_sentence(self) -> str:
        """The fixed sentence to end with; the subclass also keeps what it can first."""
        raise NotImplementedError

    def _silence_textual_logs(self) -> None:
        """No log file (TEXTUAL_LOG), devtools or debug output: any could hold values."""
        vars(textual_constants)["LOG_FILE"] = None
        vars(textual_constants)["DEBUG"] = False
        self.features = frozenset(f for f in self.features if f not in {"devtools", "debug"})
        self.devtools = None
        self._devtools_redirector = None

    def _handle_exception(self, error: Exception) -> None:
        """End the app with a fixed sentence: no traceback, no exception text.

        `_crash_sentence` runs first (PeerdeskApp keeps the open form as a draft and
        closes the vault there), so a bug costs neither what was typed nor an open
        file. Under `run_test` the error is still
        raised again afterwards (Textual's `_exception`), so a test never misses a bug.
        """
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        if not self._crashed:
            self._crashed = True
            self._exit_renderables.clear()
            self._exit_renderables.append(Text(self._crash_sentence(), no_wrap=False))
        self._close_messages_no_wait()

    def _fatal_error(self) -> None:
        """Textual's traceback printer, replaced: the same fixed sentence."""
        self._handle_exception(RuntimeError("unexpected error"))
