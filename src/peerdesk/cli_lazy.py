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
    "contacts": ("peerdesk.cli_contacts", "contacts_app"),
    "followups": ("peerdesk.cli_contacts", "followups_app"),
    "clinicians": ("peerdesk.cli_clinicians", "clinicians_app"),
    "referrals": ("peerdesk.cli_referrals", "referrals_app"),
    "report": ("peerdesk.cli_reports", "report_app"),
    "settings": ("peerdesk.cli_settings", "settings_app"),
}


class LazyGroups(TyperGroup):
    """The root `peerdesk` group: eager commands as usual, the groups above on demand."""

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
