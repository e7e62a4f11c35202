"""`peerdesk report month` (a peer's exact month), `report merge` (the team's month,
quarter or year) and `report log` (what the lead's vault published).

`month` and `log` need the vault; `merge` reads month files, and uses the vault when
there is one: for its threshold setting when --min-cell is left out, and for the
publication log, which every merge is audited against and added to before it prints
or writes anything. Without a vault a merge logs nothing and says so. Every value and
every plain file is checked before a passphrase is asked for, and a merge prints
nothing but the problems (one sentence each, naming the file) when any file is
refused. Like cli.root, nothing heavy is imported at module level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from peerdesk import messages
from peerdesk.cli.common import (
    LIST_FORMATS,
    OutputFormat,
    PassphraseStdin,
    check_choice,
    fail,
    print_listing,
    say,
    state_of,
    unlocked_vault,
    user_errors,
)
from peerdesk.safe_text import short
from peerdesk.validation import (
    DEFAULT_MIN_CELL,
    HIGHEST_MIN_CELL,
    LOWEST_MIN_CELL,
    REPORT_ZEROS,
    InvalidInput,
)

if TYPE_CHECKING:
    from peerdesk.reports import MonthCounts, TeamReport
    from peerdesk.reports.history import Publication
    from peerdesk.reports.periods import Period
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
    from peerdesk.reports.files import ReportFileError
    from peerdesk.reports.relations import UnknownCell
    from peerdesk.reports.solver import AuditError

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
    quarter: Annotated[
        str | None,
        typer.Option("--quarter", metavar="YYYY-QN", help=messages.HELP_REPORT_QUARTER),
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", metavar="YYYY", help=messages.HELP_REPORT_YEAR)
    ] = None,
    zeros: Annotated[
        str | None,
        typer.Option("--zeros", metavar="shown|hidden", help=messages.HELP_REPORT_ZEROS),
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
    """Check every file, add them up, suppress small cells, log, then print or write."""
    from peerdesk.reports.outputs import TEAM_FORMATS, team_output
    from peerdesk.reports.periods import chosen

    with report_errors():
        _check_format(output_format, TEAM_FORMATS)
        period = chosen(month, quarter, year)
        if min_cell is not None and not LOWEST_MIN_CELL <= min_cell <= HIGHEST_MIN_CELL:
            raise InvalidInput(
                "min-cell",
                messages.REPORT_MIN_CELL_RANGE.format(low=LOWEST_MIN_CELL, high=HIGHEST_MIN_CELL),
            )
        if zeros is not None and zeros not in REPORT_ZEROS:
            raise InvalidInput(
                "zeros",
                messages.UNKNOWN_CHOICE.format(
                    field="--zeros", value=short(zeros), choices=", ".join(REPORT_ZEROS)
                ),
            )
        path = _check_output(output, force)
        merged = _merge(ctx, files, period, min_cell, zeros, passphrase_stdin)
        report = merged.report
        say(
            messages.REPORT_THRESHOLD_LINE.format(
                n=merged.min_cell, source=messages.REPORT_THRESHOLD_SOURCE[merged.source]
            ),
            err=True,
        )
        if merged.logged is None:
            say(messages.REPORT_NOT_LOGGED, err=True)
        else:
            say(
                messages.REPORT_LOGGED.format(
                    number=merged.logged.number, period=merged.logged.period
                ),
                err=True,
            )
        _emit(
            team_output(output_format, report),
            path,
            force,
            messages.REPORT_WHAT_TEAM.format(month=report.month),
        )


@report_app.command("log", help=messages.HELP_REPORT_LOG)
def report_log(
    ctx: typer.Context,
    output_format: OutputFormat = "table",
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """What this vault published, oldest first: never a value, only counts of them."""
    from peerdesk.vault import publications

    with report_errors():
        check_choice(output_format, LIST_FORMATS, "format")
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            logged = publications.listing(vault.conn)
        print_listing(
            output_format,
            logged,
            to_json=lambda p: {
                "number": p.number,
                "period": p.period,
                "published_at": p.published_at,
                "min_cell": p.min_cell,
                "files": p.files,
                "shown": p.shown,
                "hidden": p.hidden,
            },
            empty=messages.REPORT_LOG_EMPTY,
            headers=list(messages.REPORT_LOG_HEADERS),
            to_row=lambda p: p.cells(),
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


@dataclass(frozen=True)
class _Merged:
    report: TeamReport
    min_cell: int
    source: str  # where the threshold came from (REPORT_THRESHOLD_SOURCE)
    logged: Publication | None  # None: no vault, nothing logged


def _merge(
    ctx: typer.Context,
    files: list[Path],
    period: Period | None,
    min_cell: int | None,
    zeros: str | None,
    passphrase_stdin: bool,
) -> _Merged:
    """The exports to count (one per sender and month), the report, and its log entry.

    Plain files are all checked before a passphrase is asked for; with no vault they
    merge with --min-cell or the default, and nothing is logged. Sealed ones need the
    lead's vault to open: it is unlocked first, and it notes each peer key it sees
    (peerdesk.vault.team_merge, the same steps as the team screen's merge). With a
    vault the report is audited against every publication of its months in the log
    and logged before anything is printed or written: what was not logged is never
    published. Which files came from whom, and any export left out, is said on stderr.
    """
    from peerdesk.reports.senders import read_months, sender_lines, team_report_of
    from peerdesk.team.sealing import AGE_HEADER

    sealed = any(_starts_with(f, AGE_HEADER) for f in files)
    chosen: Chosen | None = None
    if not sealed:
        chosen = read_months(files, period=period)
        if not state_of(ctx).vault_path.is_file():
            _say_lines(sender_lines(chosen, {}, set()))
            n, source = (
                (min_cell, "option") if min_cell is not None else (DEFAULT_MIN_CELL, "default")
            )
            hide = zeros == "hidden"
            report = team_report_of(chosen, n, period=period, zeros_hidden=hide)
            return _Merged(report, n, source, None)
    from peerdesk.vault import publications, team, team_merge

    with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if chosen is None:
            if not team.is_lead(vault.conn):
                fail(messages.TEAM_NOT_LEAD)
            opener = team_merge.lead_opener(vault.conn)
            chosen = read_months(files, period=period, opener=opener)
            lines = team_merge.note_senders(vault, chosen).lines(chosen)
        else:
            lines = sender_lines(chosen, {}, set())
        n, source = (min_cell, "option") if min_cell is not None else _vault_threshold(vault)
        hide = (zeros or vault.settings().report_zeros) == "hidden"
        history = publications.history(vault.conn)
        report = team_report_of(chosen, n, period=period, history=history, zeros_hidden=hide)
        logged = _log(vault, report)
    _say_lines(lines)
    return _Merged(report, n, source, logged)


def _log(vault: Vault, report: TeamReport) -> Publication:
    """Record the report before it is shown; if that fails, nothing is published."""
    from peerdesk.vault import publications

    try:
        return publications.publish(vault, report.publication(""))
    except publications.NotLogged as exc:
        fail(str(exc))


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
