"""Which months the lead merges: a folder (every .age and .json file in it) or files.

Only the paths are checked here (each exists; a folder holds a month file); the files
themselves are read and checked by the merge, with a sentence for each problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.tui import keys
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput

PATH_MAX_CHARS = 4096 * 4  # several paths, each as long as a path may be
MONTH_SUFFIXES = (".age", ".json")
SEPARATOR = ";"


class NoMonths(ValueError):
    """The typed paths name no month file; str() is the sentence."""


def month_paths(typed: str) -> list[Path]:
    """The files a typed line names: folders give their .age and .json files, sorted."""
    parts = [part.strip() for part in typed.split(SEPARATOR) if part.strip()]
    if not parts:
        raise NoMonths(messages.TEAM_MERGE_EMPTY)
    found: list[Path] = []
    for part in parts:
        path = Path(part).expanduser().absolute()
        if path.is_dir():
            months = sorted(
                p for p in path.iterdir() if p.suffix.lower() in MONTH_SUFFIXES and p.is_file()
            )
            if not months:
                raise NoMonths(messages.TEAM_MERGE_NO_FILES.format(folder=path))
            found += months
        elif path.exists():
            found.append(path)
        else:
            raise NoMonths(messages.TEAM_MERGE_MISSING.format(path=path))
    return found


class MergeFilesScreen(ModalScreen[list[Path] | None]):
    """One field; enter closes with the files to merge, escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-files-box", classes="dialog"):
            yield Static(Text(messages.TEAM_MERGE_TITLE), classes="screen-title")
            yield Static(Text(messages.TEAM_MERGE_INTRO), classes="intro")
            yield Static(Text(messages.TEAM_MERGE_PATH_LABEL), classes="field-label")
            yield PlainInput(id="merge-paths", max_length=PATH_MAX_CHARS, field="folder or files")
            yield Static("", id="merge-files-status", classes="status error")
            yield Static(Text(messages.TEAM_MERGE_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#merge-paths", Input).focus()

    def _say(self, sentence: str) -> None:
        self.query_one("#merge-files-status", Static).update(Text(sentence))

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._say(message.sentence)

    @on(Input.Submitted, "#merge-paths")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            paths = month_paths(event.value)
        except NoMonths as exc:
            self._say(str(exc))
            return
        except OSError as exc:
            self._say(messages.REPORT_FILE_UNREADABLE.format(file=event.value, reason=exc.strerror))
            return
        self.dismiss(paths)

    def action_cancel(self) -> None:
        self.dismiss(None)
