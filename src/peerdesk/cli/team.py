"""`peerdesk team`: create, show, join, rotate, and the peers' keys a lead has seen.

The secret keys never leave the vault: no command prints or writes them. The team's
public string is not secret; its fingerprint is what a peer compares with the lead
in person before joining (the join asks, before anything is changed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from peerdesk import messages
from peerdesk.cli.common import (
    PassphraseStdin,
    fail,
    input_errors,
    say,
    table,
    unlocked_vault,
)

if TYPE_CHECKING:
    from peerdesk.team.card import TeamPublic
    from peerdesk.vault.store import Vault

team_app = typer.Typer(help=messages.HELP_TEAM, no_args_is_help=True)

Yes = Annotated[bool, typer.Option("--yes", "-y", help=messages.HELP_TEAM_YES)]
Qr = Annotated[bool, typer.Option("--qr", help=messages.HELP_TEAM_QR)]
LABEL_MAX_CHARS = 40


def _require_available() -> None:
    from peerdesk.team import sealing

    if not sealing.available():
        fail(messages.TEAM_UNAVAILABLE)


@team_app.command("create", help=messages.HELP_TEAM_CREATE)
def team_create(
    ctx: typer.Context, yes: Yes = False, qr: Qr = False, passphrase_stdin: PassphraseStdin = False
) -> None:
    from peerdesk.vault import team

    _require_available()
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if team.is_lead(vault.conn):
            fail(messages.TEAM_ALREADY_LEAD.format(created=team.lead_keys(vault.conn).created_at))
        if team.has_team(vault.conn) and not yes:
            joined = team.membership(vault.conn).team.key_id()
            fail(messages.TEAM_CREATE_LEAVES_TEAM.format(key_id=joined))
        with vault.transaction() as conn:
            team.create_lead_keys(conn)
        _card(vault, qr)
    say(messages.TEAM_CREATED, err=True)


@team_app.command("rotate", help=messages.HELP_TEAM_ROTATE)
def team_rotate(
    ctx: typer.Context, yes: Yes = False, qr: Qr = False, passphrase_stdin: PassphraseStdin = False
) -> None:
    from peerdesk.vault import team

    _require_available()
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if not team.is_lead(vault.conn):
            fail(messages.TEAM_NOT_LEAD)
        if not yes:
            if passphrase_stdin:
                fail(messages.TEAM_JOIN_NO_TTY)
            typer.confirm(messages.HELP_TEAM_ROTATE + "\n", abort=True, err=True)
        with vault.transaction() as conn:
            team.create_lead_keys(conn)
        _card(vault, qr)
    say(messages.TEAM_ROTATED, err=True)


@team_app.command("show", help=messages.HELP_TEAM_SHOW)
def team_show(
    ctx: typer.Context, qr: Qr = False, passphrase_stdin: PassphraseStdin = False
) -> None:
    from peerdesk.vault import team

    _require_available()
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if not team.has_team(vault.conn):
            say(messages.TEAM_NONE)
            return
        _card(vault, qr)


@team_app.command("join", help=messages.HELP_TEAM_JOIN)
def team_join(
    ctx: typer.Context,
    string: Annotated[str, typer.Argument(metavar="STRING", help=messages.HELP_TEAM_JOIN_STRING)],
    yes: Yes = False,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Parse and show the fingerprint first; ask; only then unlock and change anything."""
    from peerdesk.team.card import NotATeamString, parse_team_string
    from peerdesk.vault import team

    _require_available()
    try:
        joining = parse_team_string(string)
    except NotATeamString as exc:
        fail(messages.TEAM_BAD_STRING.format(why=exc))
    say(messages.TEAM_JOIN_COMPARE, err=True)
    say(f"    {joining.fingerprint()}", err=True)
    if not yes:
        from peerdesk.cli.stdin import stdin_is_terminal

        if passphrase_stdin or not stdin_is_terminal():
            fail(messages.TEAM_JOIN_NO_TTY)
        if not typer.confirm(messages.TEAM_JOIN_ASK, default=False, err=True):
            fail(messages.TEAM_JOIN_DECLINED)
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        conn = vault.conn
        if team.is_lead(conn) and team.lead_keys(conn).public() != joining:
            fail(messages.TEAM_JOIN_OWN_LEAD)
        if team.has_team(conn) and team.membership(conn).team == joining:
            say(messages.TEAM_JOINED_SAME)
            return
        with vault.transaction() as tx:
            team.join(tx, joining)
    say(messages.TEAM_JOINED.format(key_id=joining.key_id()))


@team_app.command("peers", help=messages.HELP_TEAM_PEERS)
def team_peers(ctx: typer.Context, passphrase_stdin: PassphraseStdin = False) -> None:
    from peerdesk.safe_text import printable
    from peerdesk.vault import team

    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if not team.is_lead(vault.conn):
            fail(messages.TEAM_NOT_LEAD)
        seen = team.peers(vault.conn)
    if not seen:
        say(messages.TEAM_PEERS_NONE)
        return
    say(messages.TEAM_PEERS_HEADER)
    say(
        table(
            ["key id", "label", "first seen", "last seen"],
            [
                [
                    p.key_id,
                    printable(p.label or messages.TEAM_PEER_NO_LABEL),
                    p.first_seen[:10],
                    p.last_seen[:10],
                ]
                for p in seen
            ],
        )
    )


@team_app.command("label", help=messages.HELP_TEAM_LABEL)
def team_label(
    ctx: typer.Context,
    key_id: Annotated[str, typer.Argument(metavar="KEY_ID", help=messages.HELP_TEAM_LABEL_KEY)],
    label: Annotated[
        str | None, typer.Argument(metavar="[LABEL]", help=messages.HELP_TEAM_LABEL_TEXT)
    ] = None,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    from peerdesk.safe_text import printable
    from peerdesk.vault import team

    key_id = key_id.strip().upper()
    if label is not None:
        label = label.strip()
        if not label or len(label) > LABEL_MAX_CHARS or printable(label) != label:
            fail(messages.TEAM_LABEL_TEXT.format(max=LABEL_MAX_CHARS))
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        if not team.is_lead(vault.conn):
            fail(messages.TEAM_NOT_LEAD)
        with vault.transaction() as conn:
            found = team.label_peer(conn, key_id, label)
    if not found:
        fail(messages.TEAM_LABEL_UNKNOWN.format(key_id=printable(key_id)))
    if label is None:
        say(messages.TEAM_UNLABELLED.format(key_id=key_id))
    else:
        say(messages.TEAM_LABELLED.format(key_id=key_id, label=label))


def _card(vault: Vault, qr: bool) -> None:
    from peerdesk.vault import team

    conn = vault.conn
    joined = team.membership(conn)
    say(messages.TEAM_CARD_TITLE)
    if team.is_lead(conn):
        say(messages.TEAM_CARD_LEAD.format(created=team.lead_keys(conn).created_at))
    else:
        say(messages.TEAM_CARD_MEMBER.format(joined=joined.joined_at))
    _public_lines(joined.team, qr)
    say(messages.TEAM_CARD_OWN_KEY.format(key_id=joined.own_key.public().key_id_text()))


def _public_lines(public: TeamPublic, qr: bool) -> None:
    say(messages.TEAM_CARD_KEY_ID.format(key_id=public.key_id()))
    say(messages.TEAM_CARD_STRING)
    say(f"    {public.text()}")
    say(messages.TEAM_CARD_FINGERPRINT)
    say(f"    {public.fingerprint()}")
    if qr:
        from peerdesk import handoff

        for line in handoff.render_blocks(handoff.qr_matrix(public.text())):
            typer.secho(line, fg="black", bg="white")
