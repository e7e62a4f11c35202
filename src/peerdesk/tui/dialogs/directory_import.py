"""A directory import from the TUI: a path, the file read, a preview, a yes, the write.

Reading the file, checking its signature and the dry run behind the preview, and later
the write itself, run in a worker with a progress bar (tui.dialogs.work), on the
vault's connection lent to it: at ten thousand rows each takes seconds, and the app
keeps drawing and taking its keys meanwhile. A lock or quitting mid-way stops the
worker and rolls the import back (one transaction: all of it or none of it); the
peer hears after the next unlock that nothing of it was written.

Between the worker's two runs, on the screen's thread: the question about a file
nobody vouches for, when the CLI would need --unsigned (a vault with no team, or the
lead's own vault bringing in a file nobody signed), and the preview
(tui.dialogs.directory_files). The file work itself is `peerdesk.interchange`, the
same code as `peerdesk clinicians import`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from textual.screen import Screen

from peerdesk import messages
from peerdesk.interchange import (
    DirectoryFileError,
    ImportPlan,
    ParsedDirectory,
    import_parsed,
    read_directory,
    signing,
)
from peerdesk.interchange.reading import read_file_bytes
from peerdesk.interchange.signing import Vouched
from peerdesk.progress import Progress
from peerdesk.team.sealing import SealingUnavailable
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.directory_files import FileChoice, FilePathScreen, ImportPreviewScreen
from peerdesk.tui.dialogs.work import WorkEnded, WorkScreen
from peerdesk.tui.events import ClinicianChanged
from peerdesk.vault import Vault

T = TypeVar("T")


@dataclass(frozen=True)
class FileRead:
    """A file read, parsed and checked, and what importing it would do."""

    path: Path
    parsed: ParsedDirectory
    vouched: Vouched
    plan: ImportPlan  # the dry run the preview shows
    # None: the file may be imported as it stands; else nobody vouches for it and the
    # peer is asked first (True: it was signed, by a team this vault is not in).
    ask_unsigned: bool | None


def read_and_plan(vault: Vault, path: Path, progress: Progress) -> FileRead | str:
    """Worker thread, on the lent connection: the file read once, parsed, its signature
    checked against the vault's team, then the dry run; a sentence when refused."""
    progress(messages.PROGRESS_IMPORT_READING, 0, 0)
    try:
        data = read_file_bytes(path)
        signature = signing.read_signature(path)
        parsed = read_directory(path, data)
        ask: bool | None = None
        try:
            vouched = signing.check(vault.conn, path, data, signature, allow_unsigned=False)
        except DirectoryFileError:
            # Refused as it stands. The CLI would take it with --unsigned only if this
            # succeeds; anything it refuses is refused here too.
            vouched = signing.check(vault.conn, path, data, signature, allow_unsigned=True)
            ask = signature is not None
    except DirectoryFileError as exc:
        return str(exc)
    except SealingUnavailable:  # a joined vault moved to a machine without age
        return messages.TEAM_UNAVAILABLE
    plan = import_parsed(vault, parsed, dry_run=True, progress=progress)
    return FileRead(path, parsed, vouched, plan, ask)


def start_import(screen: Screen[None], vault: Vault) -> None:
    """Path; the file read and compared (a worker); the question about a file nobody
    vouches for, when the CLI would need --unsigned; the preview; on y the real import,
    with the signed sequence, in one transaction (a worker)."""
    app = screen.app

    def refused(sentence: str) -> None:
        screen.notify(sentence, severity="error", markup=False)

    def worked(ended: WorkEnded[T] | None) -> T | None:
        """The work's value; None after saying the sentence of what ended it."""
        if ended is not None and ended.problem is not None:
            refused(ended.problem)
            return None
        return ended.value if ended is not None else None

    def path_given(choice: FileChoice | None) -> None:
        if choice is None or not vault.is_open:
            return
        path = choice[0]
        work = WorkScreen(
            messages.DIRECTORY_IMPORT_READING_WORKING,
            vault,
            lambda progress: read_and_plan(vault, path, progress),
            what=messages.DIRECTORY_IMPORT_WHAT,
        )
        app.push_screen(work, read)

    def read(ended: WorkEnded[FileRead | str] | None) -> None:
        file = worked(ended)
        screen.post_message(ClinicianChanged())  # as after the write: see `written`
        if isinstance(file, str):
            refused(file)
        elif file is not None and file.ask_unsigned is None:
            preview(file)
        elif file is not None:
            ask_unsigned(file)

    def ask_unsigned(file: FileRead) -> None:
        why = (
            messages.DIRECTORY_UNSIGNED_WHY_NO_TEAM
            if file.ask_unsigned
            else messages.DIRECTORY_UNSIGNED_WHY_NONE
        )
        question = messages.DIRECTORY_UNSIGNED_ASK.format(path=file.path, why=why)

        def answered(yes: bool | None) -> None:
            if yes and vault.is_open:
                preview(file)

        app.push_screen(ConfirmScreen(question, id="directory-unsigned"), answered)

    def preview(file: FileRead) -> None:
        app.push_screen(
            ImportPreviewScreen(file.path, file.plan, file.vouched),
            lambda yes: write(file, yes),
        )

    def write(file: FileRead, yes: bool | None) -> None:
        if not yes or not vault.is_open:
            return

        def job(progress: Progress) -> ImportPlan:
            # A yes to a preview with look-alikes came after the second question.
            return import_parsed(
                vault,
                file.parsed,
                accept_lookalikes=bool(file.plan.lookalikes),
                signed_sequence=file.vouched.sequence,
                signed_digest=file.vouched.digest,
                progress=progress,
            )

        work = WorkScreen(
            messages.DIRECTORY_IMPORT_WORKING, vault, job, what=messages.DIRECTORY_IMPORT_WHAT
        )
        app.push_screen(work, written)

    def written(ended: WorkEnded[ImportPlan] | None) -> None:
        plan = worked(ended)
        # Drawn again whatever happened: a resize under the bar drew no rows meanwhile.
        screen.post_message(ClinicianChanged())
        if plan is None:
            return
        if plan.written:
            screen.notify(
                messages.DIRECTORY_IMPORTED.format(added=len(plan.added), changed=len(plan.changed))
            )
        else:
            screen.notify(messages.DIRECTORY_IMPORT_NOT_WRITTEN, severity="error")

    app.push_screen(FilePathScreen(messages.DIRECTORY_IMPORT_TITLE, with_format=False), path_given)
