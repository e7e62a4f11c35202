"""Standard input, read one line at a time by one reader for the whole command.

A command may read confidential text (a note, a handle, search words) and then
passphrases from standard input; both go through `read_line`, so the lines are
consumed in the order the command asks for them and no reader buffers ahead of
another. Lines are read as bytes and decoded strictly: bytes that are not UTF-8 are
refused with a sentence instead of a traceback or a silently mangled note.

Confidential text comes from here or from a prompt without echo, never from an
argument: argv is public (the process list, /proc/PID/cmdline, shell history).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TextIO

import typer

from peerdesk import messages


class StdinUnusable(Exception):
    """Standard input ended early or held bytes that are not UTF-8; str() is one sentence."""


def read_line(what: str, stream: TextIO | None = None) -> str:
    """The next line of standard input without its line ending.

    Raises StdinUnusable when input has ended or the line is not UTF-8; `what` names
    the missing value in that sentence, never its content.
    """
    source = stream if stream is not None else sys.stdin
    raw = getattr(source, "buffer", None) if stream is None else None
    if raw is not None:
        data: bytes = raw.readline()
        if not data:
            raise StdinUnusable(messages.STDIN_ENDED.format(what=what))
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError:
            raise StdinUnusable(messages.STDIN_NOT_UTF8.format(what=what)) from None
    else:
        try:
            line = source.readline()
        except UnicodeDecodeError:
            raise StdinUnusable(messages.STDIN_NOT_UTF8.format(what=what)) from None
        if not line:
            raise StdinUnusable(messages.STDIN_ENDED.format(what=what))
    # Only the line ending goes: spaces may be part of a value.
    return line.removesuffix("\n").removesuffix("\r")


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass(frozen=True)
class TextAsk:
    """One confidential value a command reads: its prompt and how to name it."""

    prompt: str
    what: str


NOTE = TextAsk(messages.PROMPT_NOTE, messages.WHAT_NOTE)
HANDLE = TextAsk(messages.PROMPT_HANDLE, messages.WHAT_HANDLE)
SEARCH = TextAsk(messages.PROMPT_SEARCH, messages.WHAT_SEARCH)


def ask_text(ask: TextAsk) -> str:
    """A confidential value: an echo-free prompt on a terminal, else one stdin line."""
    if stdin_is_terminal():
        answer: str = typer.prompt(
            ask.prompt, default="", show_default=False, hide_input=True, err=True
        )
        return answer
    return read_line(ask.what)
