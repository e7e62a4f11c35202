"""`peerdesk contacts`, `peerdesk followups` and `peerdesk purge`.

Vocabulary options are plain strings checked by peerdesk.validation, so an unknown
id gets the same sentence (listing the valid ids) as in the TUI. Note and handle
text is printed only with --show-text: a list piped into a file must not carry it.

Note, handle and search words are never arguments (argv is public: the process list,
shell history; peerdesk.cli.guard refuses them). --ask-note, --ask-handle and
--ask-search read them from a prompt without echo, or from standard input lines
(peerdesk.cli.stdin) that come before any passphrase line.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from peerdesk import messages, vocab
from peerdesk.cli.common import (
    ID_MAX,
    LIMIT_MAX,
    LIST_FORMATS,
    OutputFormat,
    PassphraseStdin,
    ShowText,
    check_choice,
    fail,
    input_errors,
    print_listing,
    say,
    unlocked_vault,
)
from peerdesk.cli.stdin import HANDLE, NOTE, SEARCH, ask_text
from peerdesk.validation import (
    HANDLE_MAX_CHARS,
    optional_text,
    parse_date,
    parse_month,
)

if TYPE_CHECKING:
    from peerdesk.models.contacts import ContactRow, FollowUp

contacts_app = typer.Typer(help=messages.HELP_CONTACTS, no_args_is_help=True)
followups_app = typer.Typer(help=messages.HELP_FOLLOWUPS, no_args_is_help=True)

AskHandle = Annotated[bool, typer.Option("--ask-handle", help=messages.HELP_ASK_HANDLE)]


def _ids(choices: tuple[vocab.Choice, ...]) -> str:
    return ", ".join(vocab.ids(choices))


@contacts_app.command("add", help=messages.HELP_CONTACTS_ADD)
def contacts_add(
    ctx: typer.Context,
    topic: Annotated[
        list[str], typer.Option("--topic", help=messages.HELP_TOPIC.format(ids=_ids(vocab.TOPICS)))
    ],
    mode: Annotated[
        str, typer.Option("--mode", help=messages.HELP_MODE.format(ids=_ids(vocab.MODES)))
    ] = vocab.DEFAULT_MODE,
    minutes: Annotated[int, typer.Option("--minutes", help=messages.HELP_MINUTES)] = (
        vocab.DEFAULT_MINUTES
    ),
    initiated_by: Annotated[
        str,
        typer.Option(
            "--initiated-by", help=messages.HELP_INITIATED_BY.format(ids=_ids(vocab.INITIATED_BY))
        ),
    ] = vocab.DEFAULT_INITIATED_BY,
    risk: Annotated[
        str, typer.Option("--risk", help=messages.HELP_RISK.format(ids=_ids(vocab.RISKS)))
    ] = vocab.DEFAULT_RISK,
    outcome: Annotated[
        str, typer.Option("--outcome", help=messages.HELP_OUTCOME.format(ids=_ids(vocab.OUTCOMES)))
    ] = vocab.DEFAULT_OUTCOME,
    head_count: Annotated[int, typer.Option("--head-count", help=messages.HELP_HEAD_COUNT)] = 1,
    for_whom: Annotated[
        str,
        typer.Option("--for-whom", help=messages.HELP_FOR_WHOM.format(ids=_ids(vocab.FOR_WHOM))),
    ] = vocab.DEFAULT_FOR_WHOM,
    group_kind: Annotated[
        str,
        typer.Option(
            "--group-kind", help=messages.HELP_GROUP_KIND.format(ids=_ids(vocab.GROUP_KINDS))
        ),
    ] = vocab.DEFAULT_GROUP_KIND,
    first_or_follow_up: Annotated[
        str,
        typer.Option(
            "--first-or-follow-up",
            help=messages.HELP_FIRST_OR_FOLLOW_UP.format(ids=_ids(vocab.FIRST_OR_FOLLOWUP)),
        ),
    ] = vocab.DEFAULT_FIRST_OR_FOLLOWUP,
    critical_incident: Annotated[
        bool, typer.Option("--critical-incident", help=messages.HELP_CRITICAL_INCIDENT)
    ] = False,
    ask_note: Annotated[bool, typer.Option("--ask-note", help=messages.HELP_ASK_NOTE)] = False,
    ask_handle: AskHandle = False,
    follow_up: Annotated[
        str | None, typer.Option("--follow-up", metavar="YYYY-MM-DD", help=messages.HELP_FOLLOW_UP)
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help=messages.HELP_DATE)
    ] = None,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Log a contact; every value is checked before the passphrase is asked for.

    The note's line, then the handle's, come before the passphrase lines on stdin.
    """
    from peerdesk.models.contacts import ContactFields
    from peerdesk.vault import logbook

    today = date.today()
    with input_errors():
        note = ask_text(NOTE) if ask_note else None
        handle = optional_text(
            ask_text(HANDLE) if ask_handle else None,
            "handle",
            HANDLE_MAX_CHARS,
            allow_newlines=False,
        )
        fields = ContactFields(
            contact_date=parse_date(on) if on else today,
            topics=tuple(topic),
            mode=mode,
            initiated_by=initiated_by,
            minutes=minutes,
            head_count=head_count,
            risk=risk,
            outcome=outcome,
            critical_incident=critical_incident,
            note=note,
            handle=handle,
            for_whom=for_whom,
            group_kind=group_kind,
            first_or_followup=first_or_follow_up,
        ).validated(today)
        follow_up_on = parse_date(follow_up, "follow-up date") if follow_up else None
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            contact_id = logbook.save_contact(vault, fields, today=today, follow_up_on=follow_up_on)
            notices = _saved_notices(fields, vault.settings().retention_days)
    for notice in notices:
        say(notice, err=True)
    say(str(contact_id))


def _saved_notices(fields: object, retention_days: int) -> list[str]:
    from peerdesk.models.contacts import ContactFields
    from peerdesk.note_check import check_note

    assert isinstance(fields, ContactFields)
    notices: list[str] = []
    if fields.note:
        kinds = [messages.NOTE_WARNINGS[w.kind] for w in check_note(fields.note)]
        if kinds:
            notices.append(messages.NOTE_WARNING_LEAD.format(what=", ".join(kinds)))
        if retention_days == 0:
            notices.append(messages.CLI_NOTE_NOT_KEPT)
    if fields.risk == "imminent":
        notices.append(messages.CLI_IMMINENT_REMINDER)
    return notices


@contacts_app.command("list", help=messages.HELP_CONTACTS_LIST)
def contacts_list(
    ctx: typer.Context,
    month: Annotated[
        str | None, typer.Option("--month", metavar="YYYY-MM", help=messages.HELP_MONTH)
    ] = None,
    topic: Annotated[str | None, typer.Option("--topic", help=messages.HELP_TOPIC_FILTER)] = None,
    ask_search: Annotated[
        bool, typer.Option("--ask-search", help=messages.HELP_ASK_SEARCH)
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=LIMIT_MAX, help=messages.HELP_LIMIT)
    ] = 100,
    output: OutputFormat = "table",
    show_text: ShowText = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Newest first; note and handle text only with --show-text."""
    from peerdesk.validation import choice
    from peerdesk.vault import contacts

    with input_errors():
        check_choice(output, LIST_FORMATS, "format")
        if month:
            parse_month(month)
        if topic:
            choice(vocab.TOPICS, topic, "topic")
        search = ask_text(SEARCH) if ask_search else None
        flt = contacts.ContactFilter(month=month, topic=topic, search=search)
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            rows = contacts.page(vault.conn, flt, limit=limit)
            notes = (
                {r.id: contacts.get(vault.conn, r.id) for r in rows if r.has_note}
                if show_text
                else {}
            )
    texts = {cid: c.fields.note for cid, c in notes.items() if c is not None}
    headers = ["ID", "DATE", "MODE", "MIN", "RISK", "OUTCOME", "TOPICS", "NOTE"]
    headers += ["HANDLE"] if show_text else []

    def row(r: ContactRow) -> list[str]:
        line = [
            str(r.id),
            r.contact_date.isoformat(),
            r.mode,
            str(r.minutes),
            r.risk,
            r.outcome,
            ",".join(r.topics),
            _one_line(texts.get(r.id)) if show_text else ("yes" if r.has_note else ""),
        ]
        return line + ([_one_line(r.handle)] if show_text else [])

    print_listing(
        output,
        rows,
        to_json=lambda r: _contact_json(r, show_text, texts),
        empty=messages.CLI_NO_CONTACTS,
        headers=headers,
        to_row=row,
    )


def _one_line(text: str | None, width: int = 40) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _contact_json(
    row: ContactRow, show_text: bool, texts: dict[int, str | None]
) -> dict[str, object]:
    out: dict[str, object] = {
        "id": row.id,
        "date": row.contact_date.isoformat(),
        "mode": row.mode,
        "minutes": row.minutes,
        "risk": row.risk,
        "outcome": row.outcome,
        "topics": list(row.topics),
        "has_note": row.has_note,
    }
    if show_text:
        out["note"] = texts.get(row.id)
        out["handle"] = row.handle
    return out


@followups_app.command("list", help=messages.HELP_FOLLOWUPS_LIST)
def followups_list(
    ctx: typer.Context,
    output: OutputFormat = "table",
    show_text: ShowText = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Open follow-ups, soonest due first, with whether each is overdue."""
    from peerdesk.vault import followups

    today = date.today()
    with input_errors():
        check_choice(output, LIST_FORMATS, "format")
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            items = followups.open_followups(vault.conn)
    print_listing(
        output,
        items,
        to_json=lambda f: _followup_json(f, today, show_text),
        empty=messages.CLI_NO_FOLLOWUPS,
        headers=["ID", "DUE", "STATE", "KIND", "CONTACT"] + (["HANDLE"] if show_text else []),
        to_row=lambda f: (
            [
                str(f.id),
                f.due_on.isoformat(),
                _due_state(f, today),
                f.kind,
                str(f.contact_id or ""),
            ]
            + ([_one_line(f.handle)] if show_text else [])
        ),
    )


def _due_state(item: FollowUp, today: date) -> str:
    if item.due_on < today:
        return "overdue"
    return "today" if item.due_on == today else "upcoming"


def _followup_json(item: FollowUp, today: date, show_text: bool) -> dict[str, object]:
    out: dict[str, object] = {
        "id": item.id,
        "due": item.due_on.isoformat(),
        "state": _due_state(item, today),
        "kind": item.kind,
        "contact_id": item.contact_id,
    }
    if show_text:
        out["handle"] = item.handle
    return out


@followups_app.command("add", help=messages.HELP_FOLLOWUPS_ADD)
def followups_add(
    ctx: typer.Context,
    due: Annotated[str, typer.Option("--due", metavar="YYYY-MM-DD", help=messages.HELP_DUE)],
    ask_handle: AskHandle = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """A colleague's concern: someone to check on, no contact yet."""
    from peerdesk.vault import logbook

    with input_errors():
        due_on = parse_date(due, "due date")
        handle = optional_text(
            ask_text(HANDLE) if ask_handle else None,
            "handle",
            HANDLE_MAX_CHARS,
            allow_newlines=False,
        )
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            followup_id = logbook.add_concern(vault, due_on, handle)
    say(str(followup_id))


@followups_app.command("done", help=messages.HELP_FOLLOWUPS_DONE)
def followups_done(
    ctx: typer.Context,
    followup_id: Annotated[int, typer.Argument(metavar="ID", min=1, max=ID_MAX)],
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    from peerdesk.vault import logbook

    with input_errors():
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            closed = logbook.close_followup(vault, followup_id, today=date.today())
        if not closed:
            fail(messages.CLI_NO_OPEN_FOLLOWUP.format(id=followup_id))
    say(messages.CLI_FOLLOWUP_DONE.format(id=followup_id))


def purge(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=messages.HELP_DRY_RUN)] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Wipe expired note text and handles now, or say what would go (unlock does it too)."""
    from peerdesk.vault import logbook

    with (
        input_errors(),
        unlocked_vault(ctx, passphrase_stdin=passphrase_stdin, purge_expired=False) as vault,
    ):
        report = logbook.purge(vault, dry_run=dry_run)
        days = vault.settings().retention_days
    template = messages.CLI_PURGE_DRY_RUN if dry_run else messages.CLI_PURGE_DONE
    say(
        template.format(
            notes=report.contact_notes,
            handles=report.contact_handles + report.followup_handles,
            days=days,
        )
    )
