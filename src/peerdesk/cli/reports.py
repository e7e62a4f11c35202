"""`peerdesk report month` (a peer's exact month) and `peerdesk report merge` (the team's).

`month` needs the vault; `merge` needs none: it reads month files, and opens a vault
only to read its threshold setting when --min-cell is left out and a vault exists.
Every value and every file is checked before a passphrase is asked for, and a merge
prints nothing but the problems (one sentence each, naming the file) when any file
is refused. Like cli.root, nothing heavy is imported at module level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from peerdesk import messages
from peerdesk.cli.common import PassphraseStdin, fail, say, state_of, unlocked_vault, user_errors
from peerdesk.validation import DEFAULT_MIN_CELL, HIGHEST_MIN_CELL, LOWEST_MIN_CELL, InvalidInput

if TYPE_CHECKING:
    from peerdesk.reports import MonthCounts
    from peerdesk.reports.senders import Chosen
    from peerdesk.vault.month_files import MonthFile
    from peerdesk.vault.sqlcipher import Connection
    from peerdesk.vault.store import Vault

T = TypeVar("T")

report_app = typer.Typer(help=messages.HELP_REPORT, no_args_is_help=True)

Output = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_REPORT_OUTPUT)
]
Force = Annotated[bool, typer.Option("--force", help=messages.HELP_REPORT_FORCE)]


@contextmanager
def report_errors() -> Iterator[None]:
    """Bad values, refused files, vault errors: sentences on stderr, exit 1."""
    from peerdesk.reports.audit import AuditError, UnknownCell
    from peerdesk.reports.files import ReportFileError

    with user_errors():
        try:
            yield
        except (InvalidInput, FileExistsError) as exc:
            fail(str(exc))
        # The audit refuses a cell it has no relations for, or a program it cannot solve:
        # nothing is published then (files.py already refuses unknown ids on reading).
        except (UnknownCell, AuditError) as exc:
            fail(messages.REPORT_AUDIT_FAILED.format(reason=exc))
        except ReportFileError as exc:
            for problem in exc.problems:
                say(problem, err=True)
            fail(messages.REPORT_MERGE_REFUSED.format(count=len(exc.problems)))


def _check_format(value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InvalidInput(
            "format",
            messages.UNKNOWN_CHOICE.format(field="format", value=value, choices=", ".join(allowed)),
        )


def _check_output(output: Path | None, force: bool) -> Path | None:
    """Refuse an existing FILE (or a missing folder) before any work or prompt."""
    if output is None:
        return None
    path = output.expanduser().absolute()
    if not force and (path.exists() or path.is_symlink()):
        raise FileExistsError(messages.REPORT_FILE_EXISTS.format(path=path))
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path.parent))
    return path


def _emit(text: str, output: Path | None, force: bool, what: str) -> None:
    from peerdesk.reports.files import write_new

    if output is None:
        say(text, nl=False)
        return
    written = write_new(output, text, force=force)
    say(messages.REPORT_WRITTEN.format(what=what, path=written), err=True)


@report_app.command("month", help=messages.HELP_REPORT_MONTH)
def report_month(
    ctx: typer.Context,
    month: Annotated[str, typer.Argument(metavar="YYYY-MM", help=messages.HELP_REPORT_MONTH_ARG)],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="table|csv|json",
            help=messages.HELP_REPORT_FORMAT.format(choices="table, csv, json"),
        ),
    ] = "table",
    output: Output = None,
    force: Force = False,
    label: Annotated[str | None, typer.Option("--label", help=messages.HELP_REPORT_LABEL)] = None,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Exact counts of one month from the vault; no suppression (it is the peer's own)."""
    from peerdesk.reports import render
    from peerdesk.reports.files import LABEL_MAX_CHARS
    from peerdesk.validation import optional_text, parse_month

    with report_errors():
        month = parse_month(month)
        _check_format(output_format, render.MONTH_FORMATS)
        label = optional_text(label, "label", LABEL_MAX_CHARS, allow_newlines=False)
        path = _check_output(output, force)
        if output_format == "json":
            _write_month_file(ctx, month, label, path, force, passphrase_stdin)
            return
        counts = _month_from_vault(ctx, month, passphrase_stdin)
        if output_format == "csv":
            text = render.month_csv(counts, label)
        else:
            text = render.month_table(counts, label)
        _emit(text, path, force, messages.REPORT_WHAT_MONTH.format(month=month))


def _write_month_file(
    ctx: typer.Context,
    month: str,
    label: str | None,
    path: Path | None,
    force: bool,
    passphrase_stdin: bool,
) -> None:
    """The file for the lead: sealed when the vault joined a team, plain JSON otherwise."""
    from peerdesk.reports.files import write_new_bytes
    from peerdesk.vault.month_files import default_name, month_file

    def make(conn: Connection) -> MonthFile:
        from peerdesk.vault import monthly, team

        if path is None and team.has_team(conn):
            name = default_name(month, sealed=True)
            fail(messages.REPORT_MONTH_SEALED_NEEDS_FILE.format(name=name))
        return month_file(conn, monthly.month_counts(conn, month), label=label)

    made = _with_counting_vault(ctx, passphrase_stdin, make)
    if path is None:
        say(made.data.decode("utf-8"), nl=False)
        return
    written = write_new_bytes(path, made.data, force=force)
    if made.sealed:
        say(
            messages.REPORT_MONTH_SEALED_WRITTEN.format(
                month=month, path=written, sequence=made.sequence
            ),
            err=True,
        )
    else:
        say(
            messages.REPORT_WRITTEN.format(
                what=messages.REPORT_WHAT_MONTH.format(month=month), path=written
            ),
            err=True,
        )


@report_app.command("merge", help=messages.HELP_REPORT_MERGE)
def report_merge(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help=messages.HELP_REPORT_FILES)
    ],
    min_cell: Annotated[
        int | None,
        typer.Option(
            "--min-cell",
            metavar="N",
            help=messages.HELP_REPORT_MIN_CELL.format(
                lowest=LOWEST_MIN_CELL, default=DEFAULT_MIN_CELL
            ),
        ),
    ] = None,
    month: Annotated[
        str | None,
        typer.Option("--month", metavar="YYYY-MM", help=messages.HELP_REPORT_EXPECT_MONTH),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="table|csv|wide-csv|json|md|html",
            help=messages.HELP_REPORT_FORMAT.format(
                choices="table, csv, wide-csv (a spreadsheet), json, md, html (one printable page)"
            ),
        ),
    ] = "table",
    output: Output = None,
    force: Force = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Check every file, add them up, suppress small cells, print or write the report."""
    from peerdesk.reports import team_report
    from peerdesk.reports.outputs import TEAM_FORMATS, team_output
    from peerdesk.validation import parse_month

    with report_errors():
        _check_format(output_format, TEAM_FORMATS)
        expected = parse_month(month) if month else None
        if min_cell is not None and not LOWEST_MIN_CELL <= min_cell <= HIGHEST_MIN_CELL:
            raise InvalidInput(
                "min-cell",
                messages.REPORT_MIN_CELL_RANGE.format(low=LOWEST_MIN_CELL, high=HIGHEST_MIN_CELL),
            )
        path = _check_output(output, force)
        chosen, n, source = _team_files(ctx, files, expected, min_cell, passphrase_stdin)
        exports = chosen.exports
        report = team_report([e.counts for e in exports], [e.export_id for e in exports], n)
        say(
            messages.REPORT_THRESHOLD_LINE.format(
                n=n, source=messages.REPORT_THRESHOLD_SOURCE[source]
            ),
            err=True,
        )
        _emit(
            team_output(output_format, report),
            path,
            force,
            messages.REPORT_WHAT_TEAM.format(month=report.month),
        )


def _month_from_vault(ctx: typer.Context, month: str, passphrase_stdin: bool) -> MonthCounts:
    from peerdesk.vault import monthly

    return _with_counting_vault(
        ctx, passphrase_stdin, lambda conn: monthly.month_counts(conn, month)
    )


def _with_counting_vault(
    ctx: typer.Context, passphrase_stdin: bool, work: Callable[[Connection], T]
) -> T:
    """Check, lock, ask, open for counting and run `work`; an older schema gets the full
    unlock (which migrates it) instead."""
    from peerdesk.cli.common import locked, require_vault
    from peerdesk.cli.passphrase import CURRENT, PassphraseSource
    from peerdesk.vault import monthly

    path = state_of(ctx).vault_path
    require_vault(path)
    with locked(path) as lock:
        passphrase = PassphraseSource(from_stdin=passphrase_stdin).ask(CURRENT)
        try:
            with monthly.counting_connection(path, passphrase) as conn:
                return work(conn)
        except monthly.NeedsMigration:
            pass
        from peerdesk.vault import Vault

        with Vault.unlock(path, passphrase, lock=lock) as vault:
            return work(vault.conn)


def _team_files(
    ctx: typer.Context,
    files: list[Path],
    month: str | None,
    min_cell: int | None,
    passphrase_stdin: bool,
) -> tuple[Chosen, int, str]:
    """The exports to count (one per sender), the threshold and where it came from.

    Plain files are all checked before a passphrase is asked for. Sealed ones need the
    lead's vault to open: it is unlocked first, and it notes each peer key it sees
    (peerdesk.vault.team_merge, the same steps as the team screen's merge). Which
    files came from whom, and any export left out, is said on stderr.
    """
    from peerdesk.reports.senders import read_months, sender_lines
    from peerdesk.team.sealing import AGE_HEADER

    if not any(_starts_with(f, AGE_HEADER) for f in files):
        chosen = read_months(files, month=month)
        n, source = _threshold(ctx, min_cell, passphrase_stdin)
        _say_lines(sender_lines(chosen, {}, set()))
        return chosen, n, source
    from peerdesk.vault import team, team_merge

    with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if not team.is_lead(vault.conn):
            fail(messages.TEAM_NOT_LEAD)
        opener = team_merge.lead_opener(vault.conn)
        chosen = read_months(files, month=month, opener=opener)
        senders = team_merge.note_senders(vault, chosen)
        n, source = (min_cell, "option") if min_cell is not None else _vault_threshold(vault)
    _say_lines(senders.lines(chosen))
    return chosen, n, source


def _starts_with(path: Path, header: bytes) -> bool:
    """Whether a file starts with `header`; unreadable files are left to read_exports
    (which says why), and only a regular file is opened (a FIFO would block)."""
    from peerdesk.regular_files import read_regular

    try:
        return read_regular(path, len(header))[: len(header)] == header
    except OSError:
        return False


def _say_lines(lines: list[str]) -> None:
    """Exports left out, and who the counted files are from, on stderr."""
    for line in lines:
        say(line, err=True)


def _vault_threshold(vault: Vault) -> tuple[int, str]:
    from peerdesk.vault.team_merge import MinCellTooLow, vault_min_cell

    try:
        return vault_min_cell(vault), "vault"
    except MinCellTooLow as exc:
        fail(str(exc))


def _threshold(ctx: typer.Context, min_cell: int | None, passphrase_stdin: bool) -> tuple[int, str]:
    """--min-cell if given; else the vault's setting if there is a vault; else the default."""

    if min_cell is not None:
        return min_cell, "option"
    if not state_of(ctx).vault_path.is_file():
        return DEFAULT_MIN_CELL, "default"
    with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        return _vault_threshold(vault)
