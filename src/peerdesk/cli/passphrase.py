"""Where a command's passphrases come from, and the one rule: never show them.

Three sources, first match wins for the whole command:

1. `--passphrase-stdin`: one passphrase per line of standard input, in the order the
   command asks for them (see `PASSPHRASE_ORDER`); no confirmation line for new ones.
   A command that reads confidential text from standard input (`contacts add
   --ask-note`, ...) reads those lines first, then the passphrase lines
   (peerdesk.cli.stdin is the one reader of both).
2. Environment: PEERDESK_PASSPHRASE for the passphrase that opens something (and for
   `init`'s new vault), PEERDESK_NEW_PASSPHRASE for a new one (`passphrase`, and a
   backup's own passphrase). An empty variable counts as unset.
3. A prompt without echo; new passphrases are typed twice.

The order per command (also in each command's --help):

    init        1. the new vault's passphrase              (PEERDESK_PASSPHRASE)
    passphrase  1. the current passphrase                  (PEERDESK_PASSPHRASE)
                2. the new passphrase                      (PEERDESK_NEW_PASSPHRASE)
    backup      1. the vault's passphrase                  (PEERDESK_PASSPHRASE)
                2. with --own-passphrase only: the backup's own (PEERDESK_NEW_PASSPHRASE)
    restore     1. the backup's passphrase                 (PEERDESK_PASSPHRASE)
    doctor      1. the vault's passphrase                  (PEERDESK_PASSPHRASE)
    demo        none (it generates and prints a throwaway one)

Passphrases never appear in output or in error messages: errors name what was
missing, never what was typed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

import typer

from peerdesk import messages
from peerdesk.cli.stdin import StdinUnusable, read_line

PASSPHRASE_ENV = "PEERDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PEERDESK_NEW_PASSPHRASE"


class PassphraseUnavailable(StdinUnusable):
    """A passphrase the command needs cannot be had (standard input ended, or it or the
    environment variable is not UTF-8 text); str() is one sentence."""


@dataclass(frozen=True)
class Ask:
    """One passphrase a command needs: how to prompt for it and where else it may come from."""

    prompt: str
    env: str
    what: str  # names the passphrase in the "standard input ended" sentence
    new: bool = False  # new passphrases are typed twice at the prompt


CURRENT = Ask(messages.PROMPT_PASSPHRASE, PASSPHRASE_ENV, messages.WHAT_PASSPHRASE)
INIT_NEW = Ask(messages.PROMPT_NEW_PASSPHRASE, PASSPHRASE_ENV, messages.WHAT_NEW, new=True)
CHANGE_NEW = Ask(messages.PROMPT_NEW_PASSPHRASE, NEW_PASSPHRASE_ENV, messages.WHAT_NEW, new=True)
BACKUP_OWN = Ask(
    messages.PROMPT_BACKUP_PASSPHRASE, NEW_PASSPHRASE_ENV, messages.WHAT_BACKUP_OWN, new=True
)
BACKUP_OPEN = Ask(messages.PROMPT_BACKUP_OPEN_PASSPHRASE, PASSPHRASE_ENV, messages.WHAT_BACKUP_OPEN)


class PassphraseSource:
    """Hands out a command's passphrases one at a time, in the order it asks."""

    def __init__(
        self,
        *,
        from_stdin: bool,
        environ: Mapping[str, str] | None = None,
        stdin: TextIO | None = None,
    ) -> None:
        self._from_stdin = from_stdin
        self._environ = os.environ if environ is None else environ
        self._stdin = stdin

    def ask(self, ask: Ask) -> str:
        """The next passphrase. Raises PassphraseUnavailable if stdin ran out."""
        if self._from_stdin:
            return self._read_line(ask)
        from_env = self._environ.get(ask.env)
        if from_env:
            try:
                # Undecodable bytes in the environment arrive as lone surrogates.
                from_env.encode("utf-8")
            except UnicodeEncodeError:
                raise PassphraseUnavailable(messages.ENV_NOT_UTF8.format(name=ask.env)) from None
            return from_env
        answer: str = typer.prompt(
            ask.prompt,
            hide_input=True,
            confirmation_prompt=messages.PROMPT_REPEAT if ask.new else False,
            err=True,
        )
        return answer

    def _read_line(self, ask: Ask) -> str:
        # The one shared reader: text lines a command read before stay consumed.
        try:
            return read_line(ask.what, self._stdin)
        except StdinUnusable as exc:
            raise PassphraseUnavailable(str(exc)) from None


def tell_strength(passphrase: str) -> None:
    """After a new passphrase was accepted, say how strong it is (never what it is).

    The TUI shows this while typing; a prompt cannot, so the CLI says it afterwards.
    """
    from peerdesk.passphrase_strength import rate

    typer.echo(rate(passphrase).strength.sentence, err=True)
