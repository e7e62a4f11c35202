"""The merged report's export: the files `peerdesk report merge --format ... -o FILE` writes.

The lead chooses a format (the printable page for command staff, the long or the wide
CSV, JSON, Markdown) and a file. The report already on screen is written by the CLI's
renderers (peerdesk.reports.outputs), atomically (reports.files.write_new: a temp file
in the same folder, then a rename), so a half-written file never carries its name. An
existing file is replaced only after a question. A full disk, or any failed write,
leaves the dialog open with what was typed and one sentence in its status line.

A file written is a report published: `publish` (the merge screen's) logs it in the
lead's publication log first, as `report merge` does, so a later merge of the same
months is audited against it. If that fails, no file is written.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
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
from peerdesk.reports.files import write_new
from peerdesk.reports.outputs import TEAM_SUFFIXES, team_output
from peerdesk.reports.suppression import TeamReport
from peerdesk.tui import keys
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.export_target import export_target
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.vocab import Choice

FORMATS: tuple[Choice, ...] = tuple(
    Choice(fmt, label) for fmt, label in messages.TEAM_EXPORT_FORMATS.items()
)
PATH_MAX_CHARS = 4096
FULL = (errno.ENOSPC, errno.EDQUOT)


@dataclass(frozen=True)
class TeamExported:
    """What was written: the format and the file."""

    fmt: str
    path: Path


def default_path(folder: Path, month: str, fmt: str) -> Path:
    return folder / f"peerdesk-team-{month}{TEAM_SUFFIXES[fmt]}"


def follow_format(typed: str, fmt: str) -> str:
    """A file still ending in a format's usual suffix ends in `fmt`'s instead.

    Longer suffixes first: "x.wide.csv" is a wide CSV, not a CSV named "x.wide".
    """
    for other in sorted((c.id for c in FORMATS), key=lambda f: -len(TEAM_SUFFIXES[f])):
        suffix = TEAM_SUFFIXES[other]
        if typed.endswith(suffix):
            return typed[: -len(suffix)] + TEAM_SUFFIXES[fmt]
    return typed


class TeamExportScreen(ModalScreen[TeamExported | None]):
    """Format and file; enter writes, escape cancels. Starts on the format (HTML).

    Dismisses with what was written only once the file is on disk.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.bindings(keys.CONCERN_KEYS),
        Binding("enter", "submit", show=False),
    ]

    def __init__(self, report: TeamReport, folder: Path, publish: Callable[[], str | None]) -> None:
        super().__init__()
        self.report = report
        self.folder = folder
        self.publish = publish  # logs the report; a sentence if it could not

    def compose(self) -> ComposeResult:
        first = FORMATS[0].id
        with Vertical(id="team-export-box", classes="dialog"):
            yield Static(
                Text(messages.TEAM_EXPORT_TITLE.format(month=self.report.month)),
                classes="modal-title",
            )
            yield Static(Text(messages.TEAM_EXPORT_INTRO), classes="intro")
            yield Static(Text(messages.TEAM_EXPORT_FORMAT), classes="field-label")
            yield ChoiceField(FORMATS, first, id="team-export-format")
            yield Static(Text(messages.TEAM_EXPORT_PATH), classes="field-label")
            yield PlainInput(
                str(default_path(self.folder, self.report.month, first)),
                id="team-export-path",
                max_length=PATH_MAX_CHARS,
                field="file",
            )
            yield Static("", id="team-export-status", classes="status error")
            yield Static(Text(messages.TEAM_EXPORT_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#team-export-format", ChoiceField).focus()

    @on(ChoiceField.Changed, "#team-export-format")
    def _format_changed(self, event: ChoiceField.Changed) -> None:
        path_input = self.query_one("#team-export-path", Input)
        path_input.value = follow_format(path_input.value, event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._say(message.sentence)

    def _say(self, sentence: str) -> None:
        self.query_one("#team-export-status", Static).update(Text(sentence))

    def action_submit(self) -> None:
        """Check the file; write it, after a question when it exists."""
        path, problem = export_target(self.query_one("#team-export-path", Input).value)
        if path is None:
            self._say(problem or "")
            return
        fmt = self.query_one("#team-export-format", ChoiceField).value
        if not (path.exists() or path.is_symlink()):
            self._write(fmt, path, force=False)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._write(fmt, path, force=True)
            else:
                self._say(messages.TEAM_EXPORT_KEPT.format(path=path))

        self.app.push_screen(
            ConfirmScreen(messages.STATS_EXPORT_REPLACE.format(path=path)), answered
        )

    def _write(self, fmt: str, path: Path, *, force: bool) -> None:
        """Log the report, then write the file; a failure leaves the dialog as it is,
        with a sentence."""
        problem = self.publish()
        if problem is not None:
            self._say(problem)
            return
        try:
            written = write_new(path, team_output(fmt, self.report), force=force)
        except FileExistsError as exc:  # made meanwhile: write_new's sentence names it
            self._say(str(exc))
            return
        except OSError as exc:
            if exc.errno in FULL:
                self._say(messages.TEAM_EXPORT_DISK_FULL)
            else:
                reason = exc.strerror or type(exc).__name__
                self._say(messages.TEAM_EXPORT_FAILED.format(reason=reason))
            return
        self.dismiss(TeamExported(fmt, written))

    def action_cancel(self) -> None:
        self.dismiss(None)
