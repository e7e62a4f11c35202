"""Command groups that load only when used.

Typer builds a click command for every command of every group it knows, and each
group's module has its own imports: together about 65 ms on every start, which
`peerdesk report month` cannot afford (docs/performance.md). The root group here
knows the groups by name and imports a group's module only when that group is
invoked (`peerdesk --help` still loads them all, to show each one-line help).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import typer
from typer.core import TyperGroup

# name -> (module, attribute of its typer app)
LAZY_GROUPS: dict[str, tuple[str, str]] = {
    "contacts": ("peerdesk.cli.contacts", "contacts_app"),
    "followups": ("peerdesk.cli.contacts", "followups_app"),
    "clinicians": ("peerdesk.cli.clinicians", "clinicians_app"),
    "referrals": ("peerdesk.cli.referrals", "referrals_app"),
    "report": ("peerdesk.cli.reports", "report_app"),
    "settings": ("peerdesk.cli.settings", "settings_app"),
    "team": ("peerdesk.cli.team", "team_app"),
}


class LazyGroups(TyperGroup):
    """The root `peerdesk` group: eager commands as usual, the groups above on demand.

    It also runs the two guards of peerdesk.cli.guard for every command, in a real
    process and under typer's CliRunner alike: confidential text given as an argument
    is refused before anything else, and an unexpected exception becomes a fixed
    sentence instead of a traceback.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from peerdesk.cli.guard import refused_argument

        sentence = refused_argument(args)
        if sentence is not None:
            typer.echo(sentence, err=True)
            raise typer.Exit(2)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        from typer.exceptions import TyperException  # click's usage errors among them

        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit, typer.Abort, EOFError, BrokenPipeError):
            raise
        except Exception as exc:  # noqa: BLE001 - a fixed sentence, never a traceback
            from peerdesk.cli.common import CliState
            from peerdesk.cli.guard import unexpected_sentence

            state = ctx.obj
            path = state.vault_path if isinstance(state, CliState) else None
            typer.echo(unexpected_sentence(exc, path), err=True)
            raise typer.Exit(1) from None

    # ctx is typer's own (vendored) click Context; typed loosely to stay off its internals.
    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *LAZY_GROUPS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in LAZY_GROUPS:
            return super().get_command(ctx, cmd_name)
        module, attribute = LAZY_GROUPS[cmd_name]
        sub_app: typer.Typer = getattr(import_module(module), attribute)
        group = typer.main.get_group(sub_app)
        group.name = cmd_name
        return group
