"""The typer app behind `peerdesk`: open the TUI, init, passphrase, backup, restore,
doctor, demo, crisis.

Import discipline (checked by tests): this module imports neither the vault (it pulls
in SQLCipher) nor Textual at module level, so `peerdesk --help` stays light. Each
command imports what it needs, and the TUI is imported only after the vault's
instance lock was taken, so a busy vault is refused before Textual loads.

Every command that needs a vault checks what it can (file present, lock free,
target absent) *before* asking for a passphrase, so nobody types one in vain.
Errors a person can cause print one sentence to stderr and exit 1; bad usage is
typer's exit 2. Passphrases are never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peerdesk import __version__, messages
from peerdesk.cli.common import (
    CliState,
    PassphraseStdin,
    fail,
    locked,
    require_vault,
    say,
    state_of,
    user_errors,
)
from peerdesk.cli.contacts import purge
from peerdesk.cli.crisis import crisis_app
from peerdesk.cli.lazy import LazyGroups
from peerdesk.cli.passphrase import (
    BACKUP_OPEN,
    BACKUP_OWN,
    CHANGE_NEW,
    CURRENT,
    INIT_NEW,
    PassphraseSource,
    tell_strength,
)
from peerdesk.cli.progress import terminal_progress

if TYPE_CHECKING:
    from peerdesk.doctor import DoctorReport
    from peerdesk.vault.salvage import SalvageReport

app = typer.Typer(
    name="peerdesk",
    cls=LazyGroups,  # command groups load only when used (peerdesk.cli.lazy)
    help=messages.CLI_HELP,
    add_completion=False,
    # A Rich traceback could show local variables (passphrases); plain ones never do.
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
)


def _show_version(value: bool) -> None:
    if value:
        say(messages.VERSION_LINE.format(version=__version__))
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    vault: Annotated[
        Path | None, typer.Option("--vault", metavar="PATH", help=messages.HELP_VAULT)
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help=messages.HELP_VERSION
        ),
    ] = False,
) -> None:
    """Resolve the vault path; with no command, open the TUI on it."""
    from peerdesk.paths import default_vault_path

    vault_path = vault.expanduser() if vault is not None else default_vault_path()
    ctx.obj = CliState(vault_path=vault_path)
    if ctx.invoked_subcommand is None:
        with user_errors():
            launch_tui(vault_path)


def launch_tui(vault_path: Path, unlock_hint: str | None = None) -> None:
    """Run the app (lock first, Textual after); exit with its code when it is not 0."""
    from peerdesk.cli.launch import run_tui

    code = run_tui(vault_path, unlock_hint)
    if code:
        raise typer.Exit(code)


# --- commands ------------------------------------------------------------------
@app.command(help=messages.HELP_INIT)
def init(ctx: typer.Context, passphrase_stdin: PassphraseStdin = False) -> None:
    """Create the vault; refuses an existing file before asking for a passphrase.

    The folder is made private (created 0700, or tightened and said so) before the
    passphrase is asked for, and a passphrase below the strength floor is refused.
    """
    from peerdesk.passphrase_strength import refusal
    from peerdesk.vault import InvalidPassphrase, Vault, VaultExists
    from peerdesk.vault.private_files import private_folder

    path = state_of(ctx).vault_path
    source = PassphraseSource(from_stdin=passphrase_stdin)
    with user_errors():
        if path.exists() or path.is_symlink():
            raise VaultExists(messages.VAULT_EXISTS.format(path=path))
        folder_note = private_folder(path)
        if folder_note is not None:
            say(folder_note, err=True)
        with locked(path) as lock:
            say(messages.NO_RECOVERY_WARNING, err=True)
            passphrase = source.ask(INIT_NEW)
            too_weak = refusal(passphrase)
            if too_weak is not None:
                raise InvalidPassphrase(too_weak)
            Vault.create(path, passphrase, lock=lock).close()
    tell_strength(passphrase)
    say(messages.CLI_INIT_DONE.format(path=path))


@app.command(help=messages.HELP_PASSPHRASE)
def passphrase(ctx: typer.Context, passphrase_stdin: PassphraseStdin = False) -> None:
    """Change the passphrase: the current one is proven before the new one is asked for."""
    from peerdesk.passphrase_strength import refusal
    from peerdesk.vault import InvalidPassphrase, Vault
    from peerdesk.vault.sqlcipher import normalise_passphrase

    path = state_of(ctx).vault_path
    source = PassphraseSource(from_stdin=passphrase_stdin)
    with user_errors():
        require_vault(path)
        with locked(path) as lock:
            current = source.ask(CURRENT)
            with Vault.unlock(path, current, lock=lock) as vault:
                new = source.ask(CHANGE_NEW)
                if normalise_passphrase(new) == normalise_passphrase(current):
                    raise InvalidPassphrase(messages.PASSPHRASE_SAME)
                too_weak = refusal(new)
                if too_weak is not None:
                    raise InvalidPassphrase(too_weak)
                vault.change_passphrase(new)
    tell_strength(new)
    say(messages.CLI_PASSPHRASE_CHANGED)


@app.command(help=messages.HELP_BACKUP)
def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_BACKUP_FILE)],
    own_passphrase: Annotated[
        bool, typer.Option("--own-passphrase", help=messages.HELP_OWN_PASSPHRASE)
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Write a verified encrypted backup; refuses an existing FILE before any prompt."""
    from peerdesk.passphrase_strength import refusal
    from peerdesk.vault import BackupError, InvalidPassphrase, Vault
    from peerdesk.vault.backup import backup as write_backup
    from peerdesk.vault.salvage import salvage

    path = state_of(ctx).vault_path
    dest = file.expanduser().absolute()
    source = PassphraseSource(from_stdin=passphrase_stdin)
    with user_errors():
        if dest.exists() or dest.is_symlink():
            raise BackupError(messages.BACKUP_EXISTS.format(path=dest))
        if not dest.parent.is_dir():
            raise BackupError(messages.CLI_BACKUP_NO_FOLDER.format(path=dest.parent))
        require_vault(path)
        with locked(path) as lock:
            vault_passphrase = source.ask(CURRENT)
            # No whole-file check first: the backup reads every table itself, and a
            # damaged page it meets turns the vault read-only (then it is salvaged).
            with Vault.unlock(path, vault_passphrase, lock=lock, checks="none") as vault:
                own = source.ask(BACKUP_OWN) if own_passphrase else None
                if own is not None and (too_weak := refusal(own)) is not None:
                    raise InvalidPassphrase(too_weak)  # the same floor as init/passphrase
                if vault.health.ok:
                    try:
                        with terminal_progress() as progress:
                            written = write_backup(vault, dest, own, progress=progress)
                    except BackupError:
                        if vault.health.ok:
                            raise
                if not vault.health.ok:
                    typer.echo(messages.VAULT_DAMAGED_READ_ONLY, err=True)
                    opens_with = own or vault_passphrase
                    with terminal_progress() as told:
                        report = salvage(vault, vault_passphrase, dest, opens_with, progress=told)
                    tell_salvage(report, own_passphrase=own_passphrase)
                    return
    if own is not None:
        tell_strength(own)
    done = messages.CLI_BACKUP_DONE_OWN if own_passphrase else messages.CLI_BACKUP_DONE
    say(done.format(path=written))


def tell_salvage(report: SalvageReport, *, own_passphrase: bool) -> None:
    """Say where the salvaged copy is and, per kind of row, how many were saved and lost."""
    opens_with = (
        messages.SALVAGE_OPENS_WITH_OWN if own_passphrase else messages.SALVAGE_OPENS_WITH_VAULT
    )
    say(messages.SALVAGE_DONE.format(path=report.path, opens_with=opens_with))
    for table in report.tables:
        lost = messages.SALVAGE_LOST_UNKNOWN if table.lost is None else str(table.lost)
        kind = messages.SALVAGE_KINDS.get(table.table, table.table)
        typer.echo(messages.SALVAGE_LINE.format(kind=kind, saved=table.saved, lost=lost))
    if not report.complete:
        typer.echo(messages.SALVAGE_SOME_LOST, err=True)


@app.command(help=messages.HELP_RESTORE)
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_RESTORE_FILE)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=messages.HELP_YES)] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Swap in a verified backup (vault.restore is atomic); confirm before replacing."""
    from peerdesk.passphrase_strength import refusal
    from peerdesk.vault import RestoreError
    from peerdesk.vault.backup import restore as restore_backup

    path = state_of(ctx).vault_path
    src = file.expanduser().absolute()
    source = PassphraseSource(from_stdin=passphrase_stdin)
    with user_errors():
        if src.is_dir():
            raise RestoreError(messages.BACKUP_IS_FOLDER.format(path=src))
        if not src.is_file():
            raise RestoreError(messages.BACKUP_MISSING.format(path=src))
        with locked(path) as lock:
            if path.exists() and not yes:
                if passphrase_stdin:
                    # The confirmation would eat a line meant as a passphrase.
                    ctx.fail(messages.CLI_RESTORE_NEEDS_YES.format(path=path))
                typer.confirm(
                    messages.CLI_RESTORE_CONFIRM.format(path=path, backup=src),
                    abort=True,
                    err=True,
                )
            backup_passphrase = source.ask(BACKUP_OPEN)
            restore_backup(path, src, backup_passphrase, lock=lock)
    say(messages.CLI_RESTORE_DONE.format(path=path, backup=src))
    if refusal(backup_passphrase) is not None:  # the peer's data is restored all the same
        say(messages.CLI_RESTORE_WEAK_PASSPHRASE, err=True)


@app.command(help=messages.HELP_DOCTOR)
def doctor(
    ctx: typer.Context,
    remove_leftovers: Annotated[
        bool, typer.Option("--remove-leftovers", help=messages.HELP_REMOVE_LEFTOVERS)
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Print the doctor's report; exit 1 if any check failed."""
    from peerdesk.doctor import examine
    from peerdesk.vault import leftovers

    path = state_of(ctx).vault_path
    source = PassphraseSource(from_stdin=passphrase_stdin)
    with user_errors():
        if remove_leftovers and path.parent.is_dir():
            # Under the lock: a restore running right now owns its staged copy.
            with locked(path):
                removed = leftovers.remove(path, leftovers.find(path))
            if removed:
                names = ", ".join(p.name for p in removed)
                say(messages.DOCTOR_LEFTOVERS_REMOVED.format(count=len(removed), names=names))
        require_vault(path)
        with locked(path) as lock:
            report = examine(path, source.ask(CURRENT), lock=lock)
    say(format_report(report))
    if not report.ok:
        fail(messages.DOCTOR_FOUND_PROBLEMS.format(count=len(report.problems), path=path))


def format_report(report: DoctorReport) -> str:
    """The report as plain lines, one per check."""
    lines = [messages.DOCTOR_TITLE.format(version=__version__, path=report.vault_path)]
    for check in report.checks:
        mark = messages.DOCTOR_OK_MARK if check.ok else messages.DOCTOR_PROBLEM_MARK
        lines.append(messages.DOCTOR_LINE.format(mark=mark, label=check.label, detail=check.detail))
    if report.ok:
        lines.append(messages.DOCTOR_ALL_OK)
    return "\n".join(lines)


@app.command(help=messages.HELP_DEMO)
def demo(
    no_tui: Annotated[bool, typer.Option("--no-tui", help=messages.HELP_NO_TUI)] = False,
) -> None:
    """A throwaway vault in a temporary folder; ignores --vault and PEERDESK_VAULT."""
    from peerdesk.synthetic.demo import create_demo

    with user_errors():
        made = create_demo()
        say(messages.CLI_DEMO_CREATED.format(path=made.vault_path, passphrase=made.passphrase))
        if no_tui:
            say(messages.CLI_DEMO_KEPT.format(folder=made.folder))
            return
        try:
            launch_tui(
                made.vault_path,
                unlock_hint=messages.DEMO_UNLOCK_HINT.format(passphrase=made.passphrase),
            )
        finally:
            made.remove()
        say(messages.CLI_DEMO_REMOVED)


app.add_typer(crisis_app, name="crisis")
app.command(help=messages.HELP_PURGE)(purge)
