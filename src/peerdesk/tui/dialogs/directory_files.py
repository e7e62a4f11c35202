"""Import and export the directory from the TUI: a path, a preview, a yes.

Import reads and checks the whole file first (touching no vault), shows what it
would do and writes only after y; a file with any bad row writes nothing. The preview
is the command line's (interchange.preview): every problem, every look-alike name,
every changed field of every changed clinician old -> new, with a vetting status change
first; it scrolls, and only the lines in view are drawn, so none is left out. A file
with look-alike names asks a second question before it writes. Export asks for a path
and a format and refuses to replace an existing file unless the peer says yes.

Before the preview the file's signature (FILE.minisig) is checked over the bytes read,
against the team the vault joined, exactly as `peerdesk clinicians import` does: a
refused file gets one sentence. Where the CLI would need --unsigned (a vault with no
team, or the lead's own vault bringing in a file nobody signed), a separate question
says nobody vouches for the file, and only y goes on; the preview then says first who
vouches for it. A lead's export is signed, and says so. The file work itself is
`peerdesk.interchange`, the same code as the CLI. The import's steps, run in a worker
with a progress bar, are tui.dialogs.directory_import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from peerdesk import messages, vocab
from peerdesk.interchange import (
    FORMATS,
    DirectoryFileError,
    ImportPlan,
    attention,
    export_directory,
    preview_lines,
    signing,
)
from peerdesk.interchange.signing import Vouched
from peerdesk.team.sealing import SealingUnavailable
from peerdesk.tui import keys
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.line_view import Line, LineView
from peerdesk.tui.widgets.text_fields import PlainInput
from peerdesk.vault import Vault, VaultError, team

PATH_MAX_CHARS = 4096
FORMAT_CHOICES = tuple(vocab.Choice(kind, kind) for kind in FORMATS)
# The preview's width inside the 76-column box (border, padding, scroll bar); the lines
# are wrapped again to the real width once it is known.
PREVIEW_WIDTH = 68

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


def preview_for(plan: ImportPlan) -> Callable[[int], list[Line]]:
    """The plan's preview lines for a width, as the LineView asks for them."""

    def lines_for(width: int) -> list[Line]:
        return [(line.kind, line.text) for line in preview_lines(plan, width=width)]

    return lines_for


class ImportPreviewScreen(ModalScreen[bool]):
    """What the import would do; y imports (only when the file has no problems).

    With look-alike names, y asks again (a ConfirmScreen over the preview) and only a
    second yes dismisses with True: the caller then imports accepting them.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONFIRM_KEYS)

    def __init__(self, path: Path, plan: ImportPlan, vouched: Vouched | None = None) -> None:
        super().__init__()
        self.path = path
        self.plan = plan
        self.vouched = vouched  # who vouches for the file, said first (None: not asked)

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(id="directory-preview-box", classes="modal-box"):
            yield Static(
                Text(messages.DIRECTORY_PREVIEW_TITLE.format(path=self.path)),
                classes="modal-title",
            )
            if self.vouched is not None:
                yield Static(
                    Text(self.vouched.sentence()),
                    id="directory-preview-vouch",
                    classes="-signed" if self.vouched.signed else "-unsigned",
                )
            yield Static(
                Text(
                    messages.DIRECTORY_PREVIEW_COUNTS.format(
                        added=len(plan.added),
                        changed=len(plan.changed),
                        unchanged=plan.unchanged,
                        left_alone=plan.left_alone,
                    )
                ),
                id="directory-preview-counts",
            )
            warnings = attention(plan)
            if warnings:
                yield Static(
                    Text("\n".join(warnings)), id="directory-preview-attention", classes="status"
                )
            yield LineView(preview_for(plan), width=PREVIEW_WIDTH, id="directory-preview")
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

    def on_mount(self) -> None:
        self.query_one(LineView).focus()

    def _can_import(self) -> bool:
        return self.plan.ok and bool(self.plan.added or self.plan.changed)

    def action_yes(self) -> None:
        if not self._can_import():
            return
        if not self.plan.lookalikes:
            self.dismiss(True)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(True)

        question = messages.DIRECTORY_LOOKALIKE_CONFIRM.format(count=len(self.plan.lookalikes))
        self.app.push_screen(ConfirmScreen(question, id="directory-lookalike-confirm"), answered)

    def action_no(self) -> None:
        self.dismiss(False)


def start_export(screen: Screen[None], vault: Vault) -> None:
    """Path and format; an existing file is replaced only after y. A lead's vault signs
    the file (FILE.minisig beside it, numbered) and says so."""

    def write(path: Path, kind: str) -> None:
        if not vault.is_open:
            return
        try:
            count = export_directory(vault.conn, path, kind, overwrite=True)
            signed = _signed_as(vault)
        except (DirectoryFileError, VaultError, OSError) as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        except SealingUnavailable:  # a lead's vault moved to a machine without age
            screen.notify(messages.TEAM_UNAVAILABLE, severity="error", markup=False)
            return
        screen.notify(messages.DIRECTORY_EXPORTED.format(count=count, path=path), markup=False)
        if signed is not None:
            sequence, key_id = signed
            sentence = messages.DIRECTORY_SIGNED_WRITTEN.format(
                sequence=sequence, key_id=key_id, path=signing.signature_path(path)
            )
            screen.notify(sentence, markup=False)

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


def _signed_as(vault: Vault) -> tuple[int, str] | None:
    """(sequence, team key id) of the directory a lead's vault just signed; else None."""
    if not team.is_lead(vault.conn):
        return None
    return team.directory_signed(vault.conn), team.lead_keys(vault.conn).public().key_id()
