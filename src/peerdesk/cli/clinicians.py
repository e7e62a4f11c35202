"""`peerdesk clinicians`: list, show, import, export, suspend and reactivate.

Like cli.contacts: values and files are checked before the passphrase is asked for,
every error a person can cause is one sentence on stderr and exit 1, tables are plain
aligned text, and --format json gives the same rows for scripts. A clinician's name
and phones are public professional details, so lists print them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peerdesk import messages, vocab
from peerdesk.cli.common import (
    LIMIT_MAX,
    LIST_FORMATS,
    OutputFormat,
    PassphraseStdin,
    check_choice,
    fail,
    input_errors,
    print_listing,
    say,
    unlocked_vault,
)
from peerdesk.cli.progress import terminal_progress
from peerdesk.models.clinicians import VETTING_STATUSES
from peerdesk.safe_text import json_text, short
from peerdesk.validation import choice

if TYPE_CHECKING:
    from peerdesk.interchange import ImportPlan, RowProblem
    from peerdesk.models.clinicians import Clinician, ClinicianRow
    from peerdesk.vault.store import Vault

clinicians_app = typer.Typer(help=messages.HELP_CLINICIANS, no_args_is_help=True)

ClinicianId = Annotated[str, typer.Argument(metavar="ID", help=messages.HELP_CLINICIAN_ID)]


@contextmanager
def file_errors() -> Iterator[None]:
    """input_errors, plus a directory file that cannot be read at all."""
    from peerdesk.interchange import DirectoryFileError

    with input_errors():
        try:
            yield
        except DirectoryFileError as exc:
            fail(str(exc))


def _ids(choices: tuple[vocab.Choice, ...]) -> str:
    return ", ".join(vocab.ids(choices))


@clinicians_app.command("list", help=messages.HELP_CLINICIANS_LIST)
def clinicians_list(
    ctx: typer.Context,
    search: Annotated[
        str | None, typer.Option("--search", help=messages.HELP_CLINICIAN_SEARCH)
    ] = None,
    specialty: Annotated[
        list[str] | None,
        typer.Option("--specialty", help=messages.HELP_SPECIALTY.format(ids=_ids(vocab.TOPICS))),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status", help=messages.HELP_VETTING_STATUS.format(ids=_ids(VETTING_STATUSES))
        ),
    ] = None,
    region: Annotated[str | None, typer.Option("--region", help=messages.HELP_REGION)] = None,
    language: Annotated[str | None, typer.Option("--language", help=messages.HELP_LANGUAGE)] = None,
    insurance: Annotated[
        str | None, typer.Option("--insurance", help=messages.HELP_INSURANCE)
    ] = None,
    telehealth: Annotated[
        bool, typer.Option("--telehealth", help=messages.HELP_TELEHEALTH_FILTER)
    ] = False,
    accepting: Annotated[
        bool, typer.Option("--accepting", help=messages.HELP_ACCEPTING_FILTER)
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=LIMIT_MAX, help=messages.HELP_LIMIT)
    ] = 100,
    output: OutputFormat = "table",
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Name order; each row with its vetting status as of today."""
    from peerdesk.vault import clinicians

    today = date.today()
    with input_errors():
        check_choice(output, LIST_FORMATS, "format")
        for topic in specialty or ():
            choice(vocab.TOPICS, topic, "specialty")
        if status is not None:
            choice(VETTING_STATUSES, status, "status")
        flt = clinicians.DirectoryFilter(
            search=search,
            specialties=tuple(specialty or ()),
            telehealth=True if telehealth else None,
            accepting_new_clients=True if accepting else None,
            insurance=insurance,
            language=language,
            region=region,
            status=status,
        )
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            rows = clinicians.page(vault.conn, flt, today=today, limit=limit)
            found = clinicians.count(vault.conn, flt, today=today)
    print_listing(
        output,
        rows,
        to_json=_row_json,
        empty=messages.CLI_NO_CLINICIANS,
        headers=["ID", "NAME", "STATUS", "PHONE", "REGION", "TELE", "NEW", "SPECIALTIES"],
        to_row=lambda r: [
            r.id[:8],
            r.name,
            r.status,
            r.phone or "",
            r.region or "",
            "yes" if r.telehealth else "",
            "yes" if r.accepting_new_clients else "",
            ",".join(r.specialties),
        ],
    )
    if found > len(rows):
        say(messages.CLI_CLINICIANS_MORE.format(shown=len(rows), total=found), err=True)


def _row_json(row: ClinicianRow) -> dict[str, object]:
    return {
        "id": row.id,
        "name": row.name,
        "credentials": row.credentials,
        "practice": row.practice,
        "phone": row.phone,
        "region": row.region,
        "telehealth": row.telehealth,
        "accepting_new_clients": row.accepting_new_clients,
        "specialties": list(row.specialties),
        "languages": list(row.languages),
        "status": row.status,
    }


@clinicians_app.command("show", help=messages.HELP_CLINICIANS_SHOW)
def clinicians_show(
    ctx: typer.Context,
    clinician_id: ClinicianId,
    output: OutputFormat = "table",
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Every field of one clinician (the id may be shortened to its first characters)."""
    from peerdesk.interchange.cells import to_json_object

    today = date.today()
    with input_errors():
        check_choice(output, LIST_FORMATS, "format")
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            found = _one(vault, clinician_id)
    if output == "json":
        obj = to_json_object(found) | {"status": found.vetting_status(today)}
        say(json_text(obj))
        return
    say(_detail(found, today))


@clinicians_app.command("card", help=messages.HELP_CLINICIANS_CARD)
def clinicians_card(
    ctx: typer.Context,
    clinician_id: ClinicianId,
    qr: Annotated[
        str, typer.Option("--qr", metavar="vcard|tel", help=messages.HELP_CARD_QR)
    ] = "vcard",
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """The handoff card and its QR code in block characters (see peerdesk.handoff)."""
    from peerdesk import handoff

    today = date.today()
    with input_errors():
        check_choice(qr, handoff.QR_KINDS, "qr")
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            found = _one(vault, clinician_id)
        try:
            matrix = handoff.qr_matrix(handoff.payload(found.fields, qr))
        except handoff.NoPhone as exc:
            fail(str(exc))
    say(handoff.card_text(found, today, qr))
    # Black on white when printing to a terminal (the right way round on a dark one);
    # the characters alone carry the code, so a plain copy keeps it.
    for line in handoff.render_blocks(matrix):
        typer.secho(line, fg="black", bg="white")
    say(messages.CLI_CARD_QR_NOTE)


def _one(vault: Vault, clinician_id: str) -> Clinician:
    from peerdesk.vault import clinicians

    matches = clinicians.find(vault.conn, clinician_id)
    if len(matches) != 1:
        template = messages.CLI_CLINICIAN_AMBIGUOUS if matches else messages.CLI_NO_CLINICIAN
        fail(template.format(id=short(clinician_id)))
    return matches[0]


def _detail(c: Clinician, today: date) -> str:
    """Label: value lines in the order of the import format; lists joined by '; '."""
    from peerdesk.interchange.cells import to_json_object

    obj = to_json_object(c)
    status = vocab.label_of(VETTING_STATUSES, c.vetting_status(today))
    lines = [f"{messages.CLINICIAN_LABELS['status']}: {status}"]
    for key, value in obj.items():
        if isinstance(value, bool):
            text = "yes" if value else "no"
        elif isinstance(value, list):
            text = "; ".join(value)
        else:
            text = "" if value is None else str(value)
        if "\n" in text:
            text = "\n  " + text.replace("\n", "\n  ")
        lines.append(f"{messages.CLINICIAN_LABELS[key]}: {text}")
    return "\n".join(lines)


@clinicians_app.command("import", help=messages.HELP_CLINICIANS_IMPORT)
def clinicians_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_IMPORT_FILE)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=messages.HELP_IMPORT_DRY_RUN)] = False,
    unsigned: Annotated[
        bool, typer.Option("--unsigned", help=messages.HELP_IMPORT_UNSIGNED)
    ] = False,
    accept_lookalikes: Annotated[
        bool, typer.Option("--accept-lookalikes", help=messages.HELP_IMPORT_ACCEPT_LOOKALIKES)
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Read and check the whole file first: bad rows are reported before any passphrase.

    The file is read once; its signature (FILE.minisig) is checked over those bytes
    against the team the vault joined, before anything is planned or written. The
    preview (every changed field, old -> new) is printed whether or not it was
    written; a new clinician named like another one stops the write (exit 1) unless
    --accept-lookalikes says the person checked them.
    """
    from peerdesk.interchange import import_parsed, read_directory, signing
    from peerdesk.interchange.reading import read_file_bytes

    path = file.expanduser()
    with file_errors():
        data = read_file_bytes(path)
        signature = signing.read_signature(path)
        parsed = read_directory(path, data)
        if parsed.problems:
            _report_problems(parsed.problems)
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            vouched = signing.check(vault.conn, path, data, signature, allow_unsigned=unsigned)
            with terminal_progress() as progress:
                plan = import_parsed(
                    vault,
                    parsed,
                    dry_run=dry_run,
                    accept_lookalikes=accept_lookalikes,
                    signed_sequence=vouched.sequence,
                    signed_digest=vouched.digest,
                    progress=progress,
                )
    say(vouched.sentence())
    say(_preview(plan, dry_run))
    if not plan.written and not dry_run:
        if plan.lookalikes:
            fail(messages.CLI_IMPORT_LOOKALIKES_REFUSED.format(count=len(plan.lookalikes)))
        fail(messages.CLI_IMPORT_READ_ONLY)  # a damaged vault opens read-only


def _report_problems(problems: tuple[RowProblem, ...]) -> None:
    for p in problems:
        say(
            messages.CLI_IMPORT_PROBLEM.format(where=p.location, field=p.field, why=p.sentence),
            err=True,
        )
    rows = len({p.location for p in problems})
    fail(messages.CLI_IMPORT_REFUSED.format(problems=len(problems), rows=rows))


def _preview(plan: ImportPlan, dry_run: bool) -> str:
    """The shared preview lines at 80 columns, what needs attention, then the counts."""
    from peerdesk.interchange import attention, preview_lines, wrapped

    lines = [line.text for line in preview_lines(plan)]
    closing: list[str] = []
    if plan.written or dry_run:
        template = messages.CLI_IMPORT_DONE if plan.written else messages.CLI_IMPORT_DRY_RUN
        closing.append(
            template.format(
                added=len(plan.added),
                changed=len(plan.changed),
                unchanged=plan.unchanged,
                left_alone=plan.left_alone,
            )
        )
    closing += attention(plan)
    if dry_run and plan.lookalikes:
        closing.append(messages.CLI_IMPORT_LOOKALIKES_DRY_RUN.format(count=len(plan.lookalikes)))
    for sentence in closing:
        lines += wrapped(sentence, hang=0)
    return "\n".join(lines)


@clinicians_app.command("export", help=messages.HELP_CLINICIANS_EXPORT)
def clinicians_export(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_EXPORT_FILE)],
    output: Annotated[
        str | None, typer.Option("--format", metavar="csv|json", help=messages.HELP_EXPORT_FORMAT)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=messages.HELP_EXPORT_FORCE)] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Only the directory leaves; the target is checked before the passphrase is asked for."""
    from peerdesk.interchange import FORMATS, DirectoryFileError, detect_format, export_directory

    dest = file.expanduser().absolute()
    with file_errors():
        kind = output if output is not None else detect_format(dest)
        check_choice(kind, FORMATS, "format")
        if dest.exists() and not force:
            raise DirectoryFileError(messages.DIRECTORY_EXPORT_EXISTS.format(path=dest))
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            written = export_directory(vault.conn, dest, kind, overwrite=force)
            signed = _signed_as(vault)
    say(messages.CLI_EXPORT_DONE.format(count=written, path=dest, kind=kind))
    if signed is not None:
        from peerdesk.interchange.signing import signature_path

        sequence, key_id = signed
        say(
            messages.DIRECTORY_SIGNED_WRITTEN.format(
                sequence=sequence, key_id=key_id, path=signature_path(dest)
            )
        )


def _signed_as(vault: Vault) -> tuple[int, str] | None:
    """(sequence, team key id) of the directory a lead's vault just signed; else None."""
    from peerdesk.vault import team

    if not team.is_lead(vault.conn):
        return None
    return team.directory_signed(vault.conn), team.lead_keys(vault.conn).public().key_id()


@clinicians_app.command("suspend", help=messages.HELP_CLINICIANS_SUSPEND)
def clinicians_suspend(
    ctx: typer.Context, clinician_id: ClinicianId, passphrase_stdin: PassphraseStdin = False
) -> None:
    _set_suspended(ctx, clinician_id, True, passphrase_stdin)


@clinicians_app.command("reactivate", help=messages.HELP_CLINICIANS_REACTIVATE)
def clinicians_reactivate(
    ctx: typer.Context, clinician_id: ClinicianId, passphrase_stdin: PassphraseStdin = False
) -> None:
    _set_suspended(ctx, clinician_id, False, passphrase_stdin)


def _set_suspended(
    ctx: typer.Context, clinician_id: str, suspended: bool, passphrase_stdin: bool
) -> None:
    from peerdesk.vault import directory

    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        found = _one(vault, clinician_id)
        directory.set_suspended(vault, found.id, suspended)
    done = messages.CLI_CLINICIAN_SUSPENDED if suspended else messages.CLI_CLINICIAN_REACTIVATED
    say(done.format(name=found.name, id=found.id))
