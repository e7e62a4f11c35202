"""The stats screen's dialogs: export the month to a file, and go to a typed month.

The export writes exactly what `peerdesk report month MONTH --format json|csv` writes:
for the lead, the month file of peerdesk.vault.month_files (sealed to the team and
signed when the vault joined one, plain JSON otherwise); for the peer's own
spreadsheet, reports.render.month_csv. Counts only, no note, handle, name or day; only
the export id and number differ from the CLI's file. The dialog checks what the peer
typed, asks before replacing an existing file and writes the file itself before it
closes: numbering a month file is a small transaction, and a full disk (or any failed
write) leaves the dialog open with what was typed and a sentence in its status line.
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
from peerdesk.reports.files import write_new, write_new_bytes
from peerdesk.reports.render import month_csv
from peerdesk.team import sealing
from peerdesk.team.sealing import SealingUnavailable
from peerdesk.tui import keys, save_problems
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.export_target import export_target
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.validation import InvalidInput, optional_text, parse_month
from peerdesk.vault import Vault, VaultError, monthly, team
from peerdesk.vault.month_files import default_name, month_file
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vocab import Choice

FORMATS: tuple[Choice, ...] = tuple(
    Choice(fmt, label) for fmt, label in messages.STATS_EXPORT_FORMATS.items()
)
FORMATS_SEALED: tuple[Choice, ...] = tuple(
    Choice(fmt, label) for fmt, label in messages.STATS_EXPORT_FORMATS_SEALED.items()
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


@dataclass(frozen=True)
class Exported:
    """What was written: the file, and for a month file whether it is sealed and its number."""

    month: str
    path: Path
    sealed: bool = False
    sequence: int | None = None  # None for the CSV, which is no month file


def write_month(conn: Connection, request: ExportRequest, *, force: bool) -> Exported:
    """Read the month again (it may have changed since it was drawn) and write the file,
    made by the same functions as `peerdesk report month`."""
    counts = monthly.month_counts(conn, request.month)
    if request.fmt == "csv":
        written = write_new(request.path, month_csv(counts, request.label), force=force)
        return Exported(request.month, written)
    made = month_file(conn, counts, label=request.label)
    written = write_new_bytes(request.path, made.data, force=force)
    return Exported(request.month, written, made.sealed, made.sequence)


def default_path(folder: Path, month: str, fmt: str, *, sealed: bool = False) -> Path:
    if sealed and fmt == "json":
        return folder / default_name(month, sealed=True)
    return folder / f"peerdesk-{month}.{fmt}"


def suffix_of(fmt: str, *, sealed: bool) -> str:
    return ".age" if sealed and fmt == "json" else f".{fmt}"


class ExportScreen(ModalScreen[Exported | None]):
    """Format, file and label; enter exports, escape cancels. Starts on the format.

    Dismisses with what was written only once the file is on disk.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.bindings(keys.CONCERN_KEYS),
        Binding("enter", "submit", show=False),
    ]

    def __init__(self, vault: Vault, month: str, folder: Path) -> None:
        super().__init__()
        self.vault = vault
        self.month = month
        self.folder = folder
        self.sealed = team.has_team(vault.conn)  # a joined vault's month is sealed to the lead
        # Without an age library the team string cannot be read; writing then says so.
        readable = self.sealed and sealing.available()
        self.team_id = team.membership(vault.conn).team.key_id() if readable else ""

    def compose(self) -> ComposeResult:
        intro = (
            messages.STATS_EXPORT_INTRO_SEALED.format(key_id=self.team_id)
            if self.sealed
            else messages.STATS_EXPORT_INTRO
        )
        with Vertical(id="export-box", classes="dialog"):
            yield Static(
                Text(messages.STATS_EXPORT_TITLE.format(month=self.month)), classes="modal-title"
            )
            yield Static(Text(intro), classes="intro")
            yield Static(Text(messages.STATS_EXPORT_FORMAT), classes="field-label")
            yield ChoiceField(
                FORMATS_SEALED if self.sealed else FORMATS, "json", id="export-format"
            )
            yield Static(Text(messages.STATS_EXPORT_PATH), classes="field-label")
            yield PlainInput(
                str(default_path(self.folder, self.month, "json", sealed=self.sealed)),
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
        wanted = suffix_of(event.value, sealed=self.sealed)
        for choice in FORMATS:
            suffix = suffix_of(choice.id, sealed=self.sealed)
            if choice.id != event.value and path_input.value.endswith(suffix):
                path_input.value = path_input.value[: -len(suffix)] + wanted

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
        path, problem = export_target(self.query_one("#export-path", Input).value)
        if path is None:
            self._say(problem or "")
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
        request = ExportRequest(self.month, fmt, path, label)
        if not (path.exists() or path.is_symlink()):
            self._write(request, force=False)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._write(request, force=True)
            else:
                self.dismiss(None)  # nothing written; the stats screen again

        question = messages.STATS_EXPORT_REPLACE.format(path=path)
        self.app.push_screen(ConfirmScreen(question), answered)

    def _write(self, request: ExportRequest, *, force: bool) -> None:
        """Write the file; a failure leaves the dialog as it is, with a sentence."""
        if not self.vault.is_open:
            return  # locked meanwhile: the lock takes this dialog away
        try:
            exported = write_month(self.vault.conn, request, force=force)
        except VaultError as exc:
            self._say(save_problems.sentence(exc, dialog=True))
            return
        except SealingUnavailable:
            self._say(messages.TEAM_UNAVAILABLE)
            return
        except FileExistsError as exc:
            self._say(str(exc))
            return
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            self._say(messages.STATS_EXPORT_FAILED.format(reason=reason))
            return
        self.dismiss(exported)

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
