"""`peerdesk settings`: read and change the vault's own settings.

The settings live inside the encrypted vault (see vault/settings.py), so both
commands unlock it. Names on the command line use dashes (`idle-lock-minutes`).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from peerdesk import messages
from peerdesk.cli.common import (
    OutputFormat,
    PassphraseStdin,
    fail,
    input_errors,
    say,
    unlocked_vault,
)
from peerdesk.safe_text import json_text, short

settings_app = typer.Typer(help=messages.HELP_SETTINGS, no_args_is_help=True)

# Command-line name -> Settings field; whole numbers are converted, text is taken as is.
NAMES = {
    "idle-lock-minutes": "idle_lock_minutes",
    "retention-days": "retention_days",
    "min-cell": "min_cell",
    "theme": "theme",
    "report-zeros": "report_zeros",
    "escalation-checklist": "escalation_checklist",
}
WHOLE_NUMBERS = {"idle_lock_minutes", "retention_days", "min_cell"}


@settings_app.command("show", help=messages.HELP_SETTINGS_SHOW)
def show(
    ctx: typer.Context,
    output: OutputFormat = "table",
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    if output not in ("table", "json"):
        fail(messages.UNKNOWN_CHOICE.format(field="format", value=output, choices="table, json"))
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        current = vault.settings()
    by_cli_name = {cli: asdict(current)[field] for cli, field in NAMES.items()}
    if output == "json":
        say(json_text(by_cli_name))
        return
    for cli, value in by_cli_name.items():
        if isinstance(value, str) and "\n" in value:
            say(f"{cli}:")
            for line in value.splitlines():
                say(f"    {line}")
        else:
            say(f"{cli}: {value}")


@settings_app.command("set", help=messages.HELP_SETTINGS_SET)
def set_value(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help=messages.HELP_SETTING_NAME)],
    value: Annotated[
        str | None, typer.Argument(metavar="VALUE", help=messages.HELP_SETTING_VALUE)
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option("--from-file", metavar="FILE", help=messages.HELP_SETTING_FROM_FILE),
    ] = None,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Check the value before asking for the passphrase; save in one transaction."""
    field = NAMES.get(name)
    if field is None:
        fail(messages.UNKNOWN_CHOICE.format(field="setting", value=name, choices=", ".join(NAMES)))
    if (value is None) == (from_file is None):
        fail(messages.SETTING_VALUE_OR_FILE)
    if from_file is not None:
        try:
            value = from_file.read_text(encoding="utf-8").rstrip("\n")
        except (OSError, UnicodeDecodeError) as exc:
            fail(
                messages.SETTING_FILE_UNREADABLE.format(path=from_file, reason=short(str(exc), 80))
            )
    assert value is not None
    parsed: Any = value
    if field in WHOLE_NUMBERS:
        try:
            parsed = int(value)
        except ValueError:
            fail(messages.SETTING_NOT_A_NUMBER.format(name=name, value=short(value)))
    with input_errors(), unlocked_vault(ctx, passphrase_stdin=passphrase_stdin) as vault:
        before = vault.settings()
        after = replace(before, **{field: parsed})
        vault.save_settings(after)
    say(messages.SETTING_SAVED.format(name=name))
    if field == "retention_days" and after.retention_days < before.retention_days:
        say(messages.SETTING_RETENTION_LOWERED.format(days=after.retention_days))
