"""What every `peerdesk` command shares: the global state, how errors become one
sentence, and how a command opens the vault (check, lock, ask, unlock).

Like cli.root, it imports neither the vault nor Textual at module level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from peerdesk import messages
from peerdesk.cli.passphrase import CURRENT, PassphraseSource
from peerdesk.cli.stdin import StdinUnusable
from peerdesk.safe_text import columns, json_text, printable, printable_lines
from peerdesk.validation import InvalidInput

if TYPE_CHECKING:
    from peerdesk.vault import InstanceLock, Vault


@dataclass(frozen=True)
class CliState:
    """What the global options decided, handed to every command via ctx.obj."""

    vault_path: Path


# Bounds of number options: SQLite's integers are 64-bit, and no list is longer.
LIMIT_MAX = 1_000_000
ID_MAX = 2**63 - 1

T = TypeVar("T")

LIST_FORMATS = ("table", "json")
OutputFormat = Annotated[
    str, typer.Option("--format", metavar="table|json", help=messages.HELP_FORMAT)
]

PassphraseStdin = Annotated[
    bool, typer.Option("--passphrase-stdin", help=messages.HELP_PASSPHRASE_STDIN)
]
ShowText = Annotated[bool, typer.Option("--show-text", help=messages.HELP_SHOW_TEXT)]


# --- shared helpers ----------------------------------------------------------
def fail(sentence: str) -> NoReturn:
    """Print one sentence to stderr and exit 1.

    A sentence may quote a value someone typed or a file held: its control characters
    are shown as escapes (peerdesk.safe_text), so it cannot act on the terminal.
    """
    say(sentence, err=True)
    raise typer.Exit(1)


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print lines of output; anything but the line breaks is made printable first."""
    typer.echo(printable_lines(text), err=err, nl=nl)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every error a person can cause into its sentence and exit 1, never a traceback.

    SQLite's own errors (a full disk, an I/O error, a busy or damaged file) get a
    sentence chosen by their result code: their message is never printed.
    """
    from peerdesk.vault import VaultError

    try:
        yield
    except (VaultError, StdinUnusable) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(
            messages.CLI_OS_ERROR.format(
                path=printable(str(exc.filename or "a file")),
                reason=exc.strerror or type(exc).__name__,
            )
        )
    except Exception as exc:
        from peerdesk.team.sealing import SealingUnavailable

        if isinstance(exc, SealingUnavailable):  # a joined vault on Windows on Arm
            fail(messages.TEAM_UNAVAILABLE)
        # Only a command that opened the vault can have raised a SQLite error, so
        # SQLCipher is already loaded whenever this import is reached for one.
        from peerdesk.vault.sqlite_errors import is_sqlite_error, sentence_for

        if not is_sqlite_error(exc):
            raise
        fail(sentence_for(exc))


def state_of(ctx: typer.Context) -> CliState:
    state = ctx.find_root().obj
    assert isinstance(state, CliState)
    return state


def require_vault(path: Path) -> None:
    """Refuse a missing vault before taking the lock (which would create its folder).

    Also names leftovers of an interrupted backup or restore: they hold text that
    retention would have wiped, so the peer hears about them on every command.
    """
    from peerdesk.vault import VaultMissing
    from peerdesk.vault.leftovers import find as find_leftovers

    if found := find_leftovers(path):
        names = ", ".join(p.name for p in found)
        say(messages.LEFTOVERS_FOUND.format(count=len(found), names=names), err=True)
    if not path.is_file():
        raise VaultMissing(messages.VAULT_MISSING.format(path=path))


@contextmanager
def locked(path: Path) -> Iterator[InstanceLock]:
    """Hold the vault's instance lock for the whole command (VaultBusy if a TUI has it)."""
    from peerdesk.vault import InstanceLock

    lock = InstanceLock.acquire(path)
    try:
        yield lock
    finally:
        lock.release()


@contextmanager
def unlocked_vault(
    ctx: typer.Context, *, passphrase_stdin: bool, purge_expired: bool = True
) -> Iterator[Vault]:
    """Check, lock, ask, unlock: how every data command opens the vault.

    Runs inside `user_errors()`. Unlocking wipes expired note text unless
    `purge_expired` is False (only `purge --dry-run` wants that). The whole-file
    checks run at most once a day here (doctor and restore run them every time, backup
    only on a vault it found damaged):
    every page a command reads is still refused if its HMAC fails.
    """
    from peerdesk.vault import Vault

    path = state_of(ctx).vault_path
    source = PassphraseSource(from_stdin=passphrase_stdin)
    require_vault(path)
    with (
        locked(path) as lock,
        Vault.unlock(
            path, source.ask(CURRENT), lock=lock, purge_expired=purge_expired, checks="daily"
        ) as vault,
    ):
        if not vault.health.ok:
            typer.echo(messages.VAULT_DAMAGED_READ_ONLY, err=True)
        yield vault


@contextmanager
def input_errors() -> Iterator[None]:
    """Vault errors and bad values alike: one sentence on stderr, exit 1."""
    with user_errors():
        try:
            yield
        except InvalidInput as exc:
            fail(str(exc))


def table(headers: list[str], cells: list[list[str]]) -> str:
    """Plain aligned columns, every cell printable (peerdesk.safe_text.columns)."""
    return columns(headers, cells)


def check_choice(value: str, valid: tuple[str, ...], field: str) -> None:
    """A value from a short fixed list (a format, a QR kind), or the sentence listing them."""
    if value not in valid:
        raise InvalidInput(
            field,
            messages.UNKNOWN_CHOICE.format(field=field, value=value, choices=", ".join(valid)),
        )


def print_listing(
    output: str,
    items: Sequence[T],
    *,
    to_json: Callable[[T], object],
    empty: str,
    headers: list[str],
    to_row: Callable[[T], list[str]],
) -> None:
    """The tail every `list` command shares: a JSON array, or a sentence, or a table.

    JSON is printed even when empty (`[]`, so scripts need no special case); a table
    with no rows is a sentence instead. Either way every value goes out printable.
    """
    if output == "json":
        say(json_text([to_json(item) for item in items]))
    elif not items:
        say(empty)
    else:
        say(table(headers, [to_row(item) for item in items]))
