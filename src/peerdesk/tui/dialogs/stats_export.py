"""The stats screen's dialogs: export the month to a file, and go to a typed month.

The export writes exactly what `peerdesk report month MONTH --format json|csv` writes
(reports.files.document for JSON, reports.render.month_csv for CSV): counts only, no
note, handle, name or day; only the export id (random per export) differs. The
dialog checks what the peer typed and says what is wrong in its status line; the
stats screen asks before replacing an existing file and does the writing.
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
from peerdesk.reports.counts import MonthCounts
from peerdesk.tui import keys
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.validation import InvalidInput, optional_text, parse_month
from peerdesk.vocab import Choice

FORMATS: tuple[Choice, ...] = tuple(
    Choice(fmt, label) for fmt, label in messages.STATS_EXPORT_FORMATS.items()
)
LABEL_MAX_CHARS = 40  # the same limit as `peerdesk report month --label`
# The earliest month the stats screen goes to. Year 0000 is no date at all, and the
# 12-month trend of a month reaches a year back, so a floor far from both keeps every
# month the screen computes a real one.
FIRST_MONTH = "1900-01"
PATH_MAX_CHARS = 4096


@dataclass(frozen=True)
class ExportRequest:
    """What the peer asked for: the month, "json" or "csv", the file, the optional label."""

    month: str
    fmt: str
    path: Path
    label: str | None


def export_text(counts: MonthCounts, request: ExportRequest) -> str:
    """The file's text, made by the same functions as `peerdesk report month`."""
    if request.fmt == "csv":
        from peerdesk.reports.render import month_csv

        return month_csv(counts, request.label)
    from peerdesk.reports.files import document, dumps

    return dumps(document(counts, label=request.label))


def default_path(folder: Path, month: str, fmt: str) -> Path:
    return folder / f"peerdesk-{month}.{fmt}"


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Format, file and label; enter exports, escape cancels. Starts on the format."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.bindings(keys.CONCERN_KEYS),
        Binding("enter", "submit", show=False),
    ]

    def __init__(self, month: str, folder: Path) -> None:
        super().__init__()
        self.month = month
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(
                Text(messages.STATS_EXPORT_TITLE.format(month=self.month)), classes="modal-title"
            )
            yield Static(Text(messages.STATS_EXPORT_INTRO), classes="intro")
            yield Static(Text(messages.STATS_EXPORT_FORMAT), classes="field-label")
            yield ChoiceField(FORMATS, "json", id="export-format")
            yield Static(Text(messages.STATS_EXPORT_PATH), classes="field-label")
            yield PlainInput(
                str(default_path(self.folder, self.month, "json")),
                id="export-path",
                max_length=PATH_MAX_CHARS,
                field="file",
            )
            yield Static(Text(messages.STATS_EXPORT_LABEL), classes="field-label")
            yield PlainInput(id="export-label", max_length=LABEL_MAX_CHARS, field="label")
            yield Static(Text(messages.STATS_EXPORT_LABEL_HINT), classes="intro")
            yield Static("", id="export-status", classes="status error")
            yield Static(Text(messages.STATS_EXPORT_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#export-format", ChoiceField).focus()

    @on(ChoiceField.Changed, "#export-format")
    def _format_changed(self, event: ChoiceField.Changed) -> None:
        """A file still ending in the other format's suffix follows the format."""
        path_input = self.query_one("#export-path", Input)
        for choice in FORMATS:
            suffix = f".{choice.id}"
            if choice.id != event.value and path_input.value.endswith(suffix):
                path_input.value = path_input.value[: -len(suffix)] + f".{event.value}"

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._say(message.sentence)

    def _say(self, sentence: str) -> None:
        self.query_one("#export-status", Static).update(Text(sentence))

    def action_submit(self) -> None:
        """Check the file and the label; close with the request when both are usable."""
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self._say(messages.STATS_EXPORT_NO_PATH)
            return
        path = Path(typed).expanduser().absolute()
        if path.is_dir():
            self._say(messages.STATS_EXPORT_IS_FOLDER.format(path=path))
            return
        if not path.parent.is_dir():
            self._say(messages.STATS_EXPORT_NO_FOLDER.format(folder=path.parent))
            return
        try:
            label = optional_text(
                self.query_one("#export-label", Input).value,
                "label",
                LABEL_MAX_CHARS,
                allow_newlines=False,
            )
        except InvalidInput as exc:
            self._say(str(exc))
            return
        fmt = self.query_one("#export-format", ChoiceField).value
        self.dismiss(ExportRequest(self.month, fmt, path, label))

    def action_cancel(self) -> None:
        self.dismiss(None)


class MonthPickScreen(ModalScreen[str | None]):
    """One field for a month as YYYY-MM, up to this month; enter goes, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(self, month: str, latest: str) -> None:
        super().__init__()
        self.month = month
        self.latest = latest

    def compose(self) -> ComposeResult:
        with Vertical(id="month-pick-box", classes="dialog"):
            yield Static(Text(messages.STATS_MONTH_TITLE), classes="modal-title")
            yield Static(
                Text(messages.STATS_MONTH_LABEL.format(month=self.latest)), classes="field-label"
            )
            yield PlainInput(self.month, id="month-typed", max_length=7, field="month")
            yield Static("", id="month-status", classes="status error")
            yield Static(Text(messages.STATS_MONTH_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#month-typed", Input).focus()

    @on(Input.Submitted, "#month-typed")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        status = self.query_one("#month-status", Static)
        try:
            month = parse_month(event.value, bounded=False)
        except InvalidInput as exc:
            status.update(Text(str(exc)))
            return
        if month > self.latest:
            status.update(Text(messages.STATS_MONTH_FUTURE.format(month=month, latest=self.latest)))
            return
        if month < FIRST_MONTH:
            status.update(
                Text(messages.STATS_MONTH_TOO_EARLY.format(month=month, first=FIRST_MONTH))
            )
            return
        self.dismiss(month)

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self.query_one("#month-status", Static).update(Text(message.sentence))

    def action_cancel(self) -> None:
        self.dismiss(None)
