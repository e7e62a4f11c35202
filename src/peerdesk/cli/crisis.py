"""`peerdesk crisis`: show the crisis lines, and set the agency's own entries.

Crisis lines are public numbers kept in a plain file (see peerdesk.crisis), so
neither command needs the vault or a passphrase.
"""

from __future__ import annotations

from typing import Annotated

import typer

from peerdesk import messages
from peerdesk.cli.common import fail, input_errors, say
from peerdesk.validation import optional_text, parse_date

crisis_app = typer.Typer(help=messages.HELP_CRISIS)

LIMITS = {"name": 80, "how": 120, "number": 40, "note": 200}


@crisis_app.callback(invoke_without_command=True)
def crisis(ctx: typer.Context) -> None:
    """Print the crisis lines; on a broken file print the defaults too, then exit 1."""
    if ctx.invoked_subcommand is not None:
        return
    from peerdesk.crisis import (
        CrisisLinesInvalid,
        checked_words,
        default_crisis_lines,
        load_crisis_lines,
    )

    problem: str | None = None
    try:
        lines = load_crisis_lines()
    except CrisisLinesInvalid as exc:
        problem = str(exc)
        lines = default_crisis_lines()
    out = [messages.CRISIS_TITLE]
    for line in lines:
        reach = line.how or line.number
        if not reach:
            out.append(f"  {line.name}: {messages.CRISIS_NOT_SET}")
            continue
        checked = checked_words(line)
        out.append(f"  {line.name}: {reach} ({checked})")
        if line.note:
            out.append(f"      {line.note}")
    out.append(messages.CRISIS_EMERGENCY)
    say("\n".join(out))
    if problem is not None:
        fail(messages.CRISIS_SHOWING_DEFAULTS.format(problem=problem))


@crisis_app.command("set", help=messages.HELP_CRISIS_SET)
def set_line(
    line_id: Annotated[str, typer.Argument(metavar="ID", help=messages.HELP_CRISIS_ID)],
    name: Annotated[str | None, typer.Option("--name", help=messages.HELP_CRISIS_NAME)] = None,
    number: Annotated[
        str | None, typer.Option("--number", help=messages.HELP_CRISIS_NUMBER)
    ] = None,
    how: Annotated[str | None, typer.Option("--how", help=messages.HELP_CRISIS_HOW)] = None,
    verified_on: Annotated[
        str | None,
        typer.Option("--verified-on", metavar="YYYY-MM-DD", help=messages.HELP_CRISIS_VERIFIED),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help=messages.HELP_CRISIS_NOTE)] = None,
) -> None:
    """Change one entry (e.g. the agency EAP); an unknown id adds a line."""
    from dataclasses import replace

    from peerdesk.crisis import (
        CrisisLine,
        CrisisLinesInvalid,
        default_path,
        load_crisis_lines,
        save_crisis_lines,
    )

    with input_errors():
        given = {"name": name, "number": number, "how": how, "note": note}
        clean = {
            field: optional_text(value, field, LIMITS[field], allow_newlines=False) or ""
            for field, value in given.items()
            if value is not None
        }
        day = parse_date(verified_on, "verified-on date") if verified_on else None
        try:
            lines = load_crisis_lines()
        except CrisisLinesInvalid as exc:
            fail(f"{exc} {messages.CRISIS_FIX_FILE_FIRST}")
        found = next((line for line in lines if line.id == line_id), None)
        if found is None:
            if not clean.get("name") or not clean.get("number"):
                fail(messages.CRISIS_NEW_NEEDS.format(id=line_id))
            found = CrisisLine(id=line_id, name=clean["name"], how="", number="")
            lines.append(found)
        changed = replace(
            found,
            name=clean.get("name", found.name),
            number=clean.get("number", found.number),
            how=clean.get("how", found.how),
            note=clean.get("note", found.note),
            verified_on=day or found.verified_on,
            # A check against the official source holds for the shipped number only.
            source=found.source if "number" not in clean and not day else "",
        )
        lines = [changed if line.id == line_id else line for line in lines]
        path = save_crisis_lines(default_path(), lines)
    say(messages.CRISIS_SAVED.format(name=changed.name, path=path))
