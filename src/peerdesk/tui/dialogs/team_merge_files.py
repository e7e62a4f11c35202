"""Which months the lead merges, and over which period: `report merge FILES [--quarter
Q | --year Y]` as a dialog.

The files are a folder (every .age and .json file in it) or files. The period is the
month of the files (no option), a quarter or a year, typed as on the command line
(2026-Q4, 2026) and read by the same function as `report merge`'s options
(peerdesk.reports.periods.chosen), so a bad one gets the command's sentence; the
dialog stays open with what was typed. The period is checked before the paths, in
the command's order. Only the paths are checked here (each exists; a folder holds a
month file); the files themselves are read and checked by the merge, with a sentence
for each problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.reports import periods
from peerdesk.reports.periods import Period
from peerdesk.tui import keys
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.validation import InvalidInput
from peerdesk.vocab import Choice

PATH_MAX_CHARS = 4096 * 4  # several paths, each as long as a path may be
MONTH_SUFFIXES = (".age", ".json")
SEPARATOR = ";"
PERIOD_MAX_CHARS = 40  # "2026-Q4" is 7; room for spaces and a wrong guess, no more
KINDS: tuple[Choice, ...] = tuple(
    Choice(kind, label) for kind, label in messages.TEAM_MERGE_PERIODS.items()
)


@dataclass(frozen=True)
class MergeAsked:
    """What to merge: the files, and the period (None: the files' own month)."""

    paths: list[Path]
    period: Period | None


def period_of(kind: str, typed: str) -> Period | None:
    """The period asked for, read as `report merge --quarter/--year` reads it;
    InvalidInput with the command's sentence when it is none."""
    if kind == periods.QUARTER:
        return periods.chosen(None, typed, None)
    if kind == periods.YEAR:
        return periods.chosen(None, None, typed)
    return None


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


class MergeFilesScreen(ModalScreen[MergeAsked | None]):
    """The files, then the period; enter closes with what to merge, escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.bindings(keys.CONCERN_KEYS),
        Binding("enter", "submit", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-files-box", classes="dialog"):
            yield Static(Text(messages.TEAM_MERGE_TITLE), classes="screen-title")
            yield Static(Text(messages.TEAM_MERGE_INTRO), classes="intro")
            yield Static(Text(messages.TEAM_MERGE_PATH_LABEL), classes="field-label")
            yield PlainInput(id="merge-paths", max_length=PATH_MAX_CHARS, field="folder or files")
            yield Static(Text(messages.TEAM_MERGE_PERIOD_LABEL), classes="field-label")
            yield ChoiceField(KINDS, periods.MONTH, id="merge-period-kind")
            yield Static(Text(messages.TEAM_MERGE_PERIOD_TEXT_LABEL), classes="field-label")
            yield PlainInput(
                id="merge-period",
                max_length=PERIOD_MAX_CHARS,
                field="period",
                disabled=True,  # until a quarter or a year is chosen
            )
            yield Static("", id="merge-files-status", classes="status error")
            yield Static(Text(messages.TEAM_MERGE_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#merge-paths", Input).focus()

    def _say(self, sentence: str) -> None:
        self.query_one("#merge-files-status", Static).update(Text(sentence))

    @on(ChoiceField.Changed, "#merge-period-kind")
    def _kind_changed(self, event: ChoiceField.Changed) -> None:
        """The period's text is asked for only for a quarter or a year; what was typed
        stays, and the example shows what to type."""
        event.stop()
        field = self.query_one("#merge-period", Input)
        field.disabled = event.value == periods.MONTH
        field.placeholder = messages.TEAM_MERGE_PERIOD_EXAMPLES[event.value]

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._say(message.sentence)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        """Check the period, then the paths; close with both, or say what is wrong."""
        kind = self.query_one("#merge-period-kind", ChoiceField).value
        try:
            period = period_of(kind, self.query_one("#merge-period", Input).value)
        except InvalidInput as exc:
            self._say(str(exc))
            return
        typed = self.query_one("#merge-paths", Input).value
        try:
            paths = month_paths(typed)
        except NoMonths as exc:
            self._say(str(exc))
            return
        except OSError as exc:
            self._say(messages.REPORT_FILE_UNREADABLE.format(file=typed, reason=exc.strerror))
            return
        self.dismiss(MergeAsked(paths, period))

    def action_cancel(self) -> None:
        self.dismiss(None)
