"""Import and export the directory from the TUI: a path, a preview, a yes.

Import reads and checks the whole file first (touching no vault), shows what it
would do (added, changed, unchanged, and every problem with its line and field) and
writes only after y; a file with any bad row writes nothing. Export asks for a path
and a format and refuses to replace an existing file unless the peer says yes.
The file work itself is `peerdesk.interchange`, the same code as the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from peerdesk import messages, vocab
from peerdesk.interchange import (
    FORMATS,
    DirectoryFileError,
    ImportPlan,
    ParsedDirectory,
    export_directory,
    import_parsed,
    read_directory,
)
from peerdesk.tui import keys
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.events import ClinicianChanged
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import PlainInput
from peerdesk.vault import Vault, VaultError

PATH_MAX_CHARS = 4096
FORMAT_CHOICES = tuple(vocab.Choice(kind, kind) for kind in FORMATS)
PREVIEW_MAX_LINES = 200  # a preview longer than this ends with "..."; the counts say all

FileChoice = tuple[Path, str]


class FilePathScreen(ModalScreen[FileChoice | None]):
    """Asks for a path (and for export, csv or json); None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(self, title: str, *, with_format: bool) -> None:
        super().__init__()
        self.title_text = title
        self.with_format = with_format

    def compose(self) -> ComposeResult:
        with Vertical(id="directory-file-box", classes="dialog"):
            yield Static(Text(self.title_text), classes="screen-title")
            yield Static(Text(messages.DIRECTORY_PATH_LABEL), classes="field-label")
            yield PlainInput(id="directory-path", max_length=PATH_MAX_CHARS, field="path")
            if self.with_format:
                yield Static(Text(messages.DIRECTORY_FORMAT_LABEL), classes="field-label")
                yield ChoiceField(FORMAT_CHOICES, "csv", id="directory-format")
            yield Static("", id="directory-file-status", classes="status error")
            yield Static(Text(messages.DIRECTORY_FILE_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#directory-path").focus()

    @on(Input.Submitted, "#directory-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.query_one("#directory-file-status", Static).update(
                Text(messages.DIRECTORY_PATH_EMPTY)
            )
            return
        kind = "csv"
        if self.with_format:
            kind = self.query_one("#directory-format", ChoiceField).value
        self.dismiss((Path(text).expanduser(), kind))

    def action_cancel(self) -> None:
        self.dismiss(None)


def preview_text(plan: ImportPlan) -> Text:
    """The counts, then each added / changed clinician and each problem, literally."""
    text = Text(
        messages.DIRECTORY_PREVIEW_COUNTS.format(
            added=len(plan.added),
            changed=len(plan.changed),
            unchanged=plan.unchanged,
            left_alone=plan.left_alone,
        )
    )
    lines: list[Text] = []
    for problem in plan.problems:
        lines.append(
            Text(
                messages.DIRECTORY_PREVIEW_PROBLEM.format(
                    location=problem.location, field=problem.field, sentence=problem.sentence
                ),
                style="red",
            )
        )
    for record in plan.added:
        assigned = messages.DIRECTORY_PREVIEW_ASSIGNED if record.id_assigned else ""
        lines.append(
            Text(
                messages.DIRECTORY_PREVIEW_ADDED.format(
                    name=record.name, location=record.location, assigned=assigned
                )
            )
        )
    for record in plan.changed:
        lines.append(
            Text(
                messages.DIRECTORY_PREVIEW_CHANGED.format(
                    name=record.name, location=record.location, fields=", ".join(record.changed)
                )
            )
        )
    for line in lines[:PREVIEW_MAX_LINES]:
        text.append("\n")
        text.append_text(line)
    if len(lines) > PREVIEW_MAX_LINES:
        text.append("\n\u2026")
    return text


class ImportPreviewScreen(ModalScreen[bool]):
    """What the import would do; y imports (only when the file has no problems)."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONFIRM_KEYS)

    def __init__(self, path: Path, plan: ImportPlan) -> None:
        super().__init__()
        self.path = path
        self.plan = plan

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(id="directory-preview-box", classes="modal-box"):
            yield Static(
                Text(messages.DIRECTORY_PREVIEW_TITLE.format(path=self.path)),
                classes="modal-title",
            )
            with VerticalScroll(id="directory-preview-scroll"):
                yield Static(preview_text(plan), id="directory-preview")
            if not plan.ok:
                verdict = messages.DIRECTORY_PREVIEW_PROBLEMS.format(count=len(plan.problems))
            elif not plan.added and not plan.changed:
                verdict = messages.DIRECTORY_PREVIEW_NOTHING
            else:
                verdict = ""
            yield Static(Text(verdict), id="directory-preview-verdict", classes="status error")
            keys_line = (
                messages.DIRECTORY_PREVIEW_OK_KEYS
                if self._can_import()
                else messages.DIRECTORY_PREVIEW_BAD_KEYS
            )
            yield Static(Text(keys_line), classes="keys-line")

    def _can_import(self) -> bool:
        return self.plan.ok and bool(self.plan.added or self.plan.changed)

    def action_yes(self) -> None:
        if self._can_import():
            self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)


def start_import(screen: Screen[None], vault: Vault) -> None:
    """Path, then preview (a dry run), then on y the real import in one transaction."""

    def path_given(choice: FileChoice | None) -> None:
        if choice is None or not vault.is_open:
            return
        path = choice[0]
        try:
            parsed = read_directory(path)
            plan = import_parsed(vault, parsed, dry_run=True)
        except (DirectoryFileError, VaultError) as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        screen.app.push_screen(ImportPreviewScreen(path, plan), lambda yes: answered(parsed, yes))

    def answered(parsed: ParsedDirectory, yes: bool | None) -> None:
        if not yes or not vault.is_open:
            return
        try:
            plan = import_parsed(vault, parsed)
        except VaultError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        if plan.written:
            screen.notify(
                messages.DIRECTORY_IMPORTED.format(added=len(plan.added), changed=len(plan.changed))
            )
        screen.post_message(ClinicianChanged())

    screen.app.push_screen(
        FilePathScreen(messages.DIRECTORY_IMPORT_TITLE, with_format=False), path_given
    )


def start_export(screen: Screen[None], vault: Vault) -> None:
    """Path and format; an existing file is replaced only after y."""

    def write(path: Path, kind: str) -> None:
        if not vault.is_open:
            return
        try:
            count = export_directory(vault.conn, path, kind, overwrite=True)
        except (DirectoryFileError, VaultError, OSError) as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        screen.notify(messages.DIRECTORY_EXPORTED.format(count=count, path=path), markup=False)

    def path_given(choice: FileChoice | None) -> None:
        if choice is None:
            return
        path, kind = choice
        if not path.exists():
            write(path, kind)
            return

        def replace(yes: bool | None) -> None:
            if yes:
                write(path, kind)

        question = messages.DIRECTORY_EXPORT_REPLACE.format(path=path)
        screen.app.push_screen(ConfirmScreen(question), replace)

    screen.app.push_screen(
        FilePathScreen(messages.DIRECTORY_EXPORT_TITLE, with_format=True), path_given
    )
