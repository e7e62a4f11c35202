"""`peerdesk referrals`: add, list and change the status of referrals.

Like cli.contacts: values are checked before the passphrase is asked for, every
error a person can cause is one sentence on stderr and exit 1, tables are plain
aligned text, and --format json gives the same rows for scripts. An expired or
suspended clinician is refused unless --despite-vetting says the peer knows. Like
every list, `referrals list` prints the contact's handle only with --show-text.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from peerdesk import messages, vocab
from peerdesk.cli.common import (
    ID_MAX,
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
from peerdesk.models.referrals import checked_status
from peerdesk.validation import InvalidInput, parse_date

if TYPE_CHECKING:
    from peerdesk.models.referrals import Referral

referrals_app = typer.Typer(help=messages.HELP_REFERRALS, no_args_is_help=True)


@referrals_app.command("add", help=messages.HELP_REFERRALS_ADD)
def referrals_add(
    ctx: typer.Context,
    contact: Annotated[
        int, typer.Option("--contact", min=1, max=ID_MAX, help=messages.HELP_REFERRAL_CONTACT)
    ],
    clinician: Annotated[str, typer.Option("--clinician", help=messages.HELP_REFERRAL_CLINICIAN)],
    check_back: Annotated[
        str | None,
        typer.Option("--check-back", metavar="YYYY-MM-DD", help=messages.HELP_REFERRAL_CHECK_BACK),
    ] = None,
    despite_vetting: Annotated[
        bool, typer.Option("--despite-vetting", help=messages.HELP_REFERRAL_DESPITE)
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Record an offered referral; the clinician id may be shortened."""
    from peerdesk.cli.clinicians import _one
    from peerdesk.models.ranking import needs_confirmation
    from peerdesk.vault import referrals

    today = date.today()
    with input_errors():
        back_on = parse_date(check_back, "check-back") if check_back else None
        if back_on is not None and back_on < today:
            raise InvalidInput(
                "check-back", messages.REFERRAL_CHECK_BACK_BEFORE.format(date=today.isoformat())
            )
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            found = _one(vault, clinician)
            status = found.vetting_status(today)
            label = messages.REFERRAL_RANK_VETTING.get(status, status)
            if needs_confirmation(status) and not despite_vetting:
                fail(messages.CLI_REFERRAL_NEEDS_DESPITE.format(name=found.name, status=label))
            try:
                referral_id = referrals.make_referral(
                    vault, contact, found.id, today=today, check_back_on=back_on
                )
            except KeyError:
                fail(messages.CLI_REFERRAL_NO_CONTACT.format(id=contact))
            made = referrals.get(vault.conn, referral_id)
    assert made is not None and made.check_back_on is not None
    if needs_confirmation(status):
        say(messages.CLI_REFERRAL_DESPITE_NOTE.format(name=found.name, status=label))
    say(
        messages.CLI_REFERRAL_ADDED.format(
            id=referral_id, contact=contact, name=found.name, date=made.check_back_on.isoformat()
        )
    )


@referrals_app.command("list", help=messages.HELP_REFERRALS_LIST)
def referrals_list(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help=messages.HELP_REFERRAL_OPEN)] = False,
    output: OutputFormat = "table",
    show_text: ShowText = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Open referrals first by check-back date, then the rest newest first."""
    from peerdesk.vault import referrals

    with input_errors():
        check_choice(output, LIST_FORMATS, "format")
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            rows = referrals.listing(vault.conn, open_only=open_only)
    headers = ["ID", "CONTACT", "CLINICIAN", "MADE", "STATUS", "SINCE", "CHECK BACK"]
    print_listing(
        output,
        rows,
        to_json=lambda r: _json(r, show_text),
        empty=messages.CLI_NO_REFERRALS,
        headers=headers + (["HANDLE"] if show_text else []),
        to_row=lambda r: (
            [
                str(r.id),
                "" if r.contact_id is None else str(r.contact_id),
                r.clinician_name,
                r.made_on.isoformat(),
                r.status,
                r.status_on.isoformat(),
                r.check_back_on.isoformat() if r.check_back_on and r.is_open else "",
            ]
            + ([r.handle or ""] if show_text else [])
        ),
    )


def _json(r: Referral, show_text: bool) -> dict[str, object]:
    out: dict[str, object] = {
        "id": r.id,
        "contact_id": r.contact_id,
        "clinician_id": r.clinician_id,
        "clinician_name": r.clinician_name,
        "made_on": r.made_on.isoformat(),
        "status": r.status,
        "status_on": r.status_on.isoformat(),
        "check_back_on": r.check_back_on.isoformat() if r.check_back_on else None,
        "open": r.is_open,
    }
    if show_text:
        out["handle"] = r.handle
    return out


@referrals_app.command("status", help=messages.HELP_REFERRALS_STATUS)
def referrals_status(
    ctx: typer.Context,
    referral_id: Annotated[
        int, typer.Argument(metavar="ID", min=1, max=ID_MAX, help=messages.HELP_REFERRAL_ID)
    ],
    status: Annotated[
        str,
        typer.Argument(
            metavar="STATUS",
            help=messages.HELP_REFERRAL_STATUS_ARG.format(
                ids=", ".join(vocab.ids(vocab.REFERRAL_STATUSES))
            ),
        ),
    ],
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    from peerdesk.vault import referrals

    today = date.today()
    with input_errors():
        clean = checked_status(status)
        with unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
            if not referrals.change_status(vault, referral_id, clean, today=today):
                fail(messages.CLI_NO_REFERRAL.format(id=referral_id))
            found = referrals.get(vault.conn, referral_id)
    assert found is not None
    say(
        messages.CLI_REFERRAL_STATUS_DONE.format(
            id=referral_id, status=found.status, date=found.status_on.isoformat()
        )
    )
