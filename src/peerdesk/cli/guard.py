"""Two guards around every `peerdesk` command, run by the root group (cli.lazy).

1. Confidential text is refused as an argument before anything else happens: argv
   is readable by every local user (`ps`, /proc/PID/cmdline) while the key is
   derived, and shells write it to a history file. `contacts add --note TEXT` and
   its like get one sentence saying why and what to give instead, exit 2, before
   the vault is touched or a passphrase asked for. (Those options do not exist, so
   this only replaces click's "No such option" with the reason.)
2. An unexpected exception ends in a fixed sentence, never a traceback: a traceback
   quotes exception messages and could quote values (a note, a handle).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from peerdesk import messages

# (group, command) -> {refused option: (what it would carry, the flag to use instead)}
_NOTE = ("a note", "--ask-note")
_HANDLE = ("a handle", "--ask-handle")
_SEARCH = ("search words", "--ask-search")
REFUSED: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("contacts", "add"): {"--note": _NOTE, "--handle": _HANDLE},
    ("followups", "add"): {"--note": _NOTE, "--handle": _HANDLE},
    ("contacts", "list"): {"--search": _SEARCH},
}
_ROOT_OPTIONS_WITH_VALUE = ("--vault",)


def _command_path(args: Sequence[str]) -> tuple[tuple[str, str], int] | None:
    """(group, command) and where the command's own arguments start, if any."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] in _ROOT_OPTIONS_WITH_VALUE else 1
    if i + 1 >= len(args):
        return None
    return (args[i], args[i + 1]), i + 2


def refused_argument(args: Sequence[str]) -> str | None:
    """The sentence refusing confidential text given as an argument, or None."""
    found = _command_path(args)
    if found is None or found[0] not in REFUSED:
        return None
    path, start = found
    options = REFUSED[path]
    for arg in args[start:]:
        name = arg.split("=", 1)[0]
        if name in options:
            what, flag = options[name]
            return messages.CLI_TEXT_NOT_AS_ARGUMENT.format(what=what, option=name, flag=flag)
    return None


def unexpected_sentence(exc: BaseException, vault_path: Path | None) -> str:
    """The fixed sentence for an exception nobody expected: its kind, never its message."""
    if vault_path is None:
        from peerdesk.paths import default_vault_path

        vault_path = default_vault_path()
    from peerdesk.safe_text import printable

    return messages.CLI_UNEXPECTED.format(kind=type(exc).__name__, path=printable(str(vault_path)))
