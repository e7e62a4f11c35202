"""A rough, honest strength rating for a new passphrase: weak, fair or strong.

It is feedback while typing, not a guarantee: it rewards length most (a few unrelated
words beat a short clever password), counts character classes a little, and takes
credit away for common words, repeats and keyboard runs. Pure and free of Textual so
the CLI's `init` can use it too.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from peerdesk import messages

# Words people reach for first (and the ones an attacker tries first). Lower case.
COMMON_WORDS = (
    "password",
    "passwort",
    "passphrase",
    "letmein",
    "welcome",
    "qwerty",
    "azerty",
    "asdf",
    "admin",
    "login",
    "secret",
    "iloveyou",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "master",
    "shadow",
    "sunshine",
    "princess",
    "summer",
    "winter",
    "spring",
    "autumn",
    "police",
    "officer",
    "sheriff",
    "trooper",
    "badge",
    "cruiser",
    "patrol",
    "peer",
    "support",
    "peerdesk",
    "blue",
    "backtheblue",
    "123456",
    "abc",
)
RUNS = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_REPEATS = re.compile(r"(.)\1{2,}")
WEAK_BELOW = 12  # effective characters
STRONG_FROM = 20


class Strength(enum.Enum):
    """The three levels shown to the peer."""

    EMPTY = "empty"
    WEAK = "weak"
    FAIR = "fair"
    STRONG = "strong"

    @property
    def sentence(self) -> str:
        """The line shown under the passphrase field."""
        return {
            Strength.EMPTY: messages.STRENGTH_EMPTY,
            Strength.WEAK: messages.STRENGTH_WEAK,
            Strength.FAIR: messages.STRENGTH_FAIR,
            Strength.STRONG: messages.STRENGTH_STRONG,
        }[self]


@dataclass(frozen=True)
class Rating:
    """The level plus the numbers behind it, so tests and the UI can explain it."""

    strength: Strength
    effective_length: int
    classes: int


def rate(passphrase: str) -> Rating:
    """Rate a passphrase. Never stores or logs it."""
    if not passphrase:
        return Rating(Strength.EMPTY, 0, 0)
    effective = _effective_length(passphrase)
    classes = _classes(passphrase)
    # Each extra class (spaces between words, digits, symbols) earns a little credit.
    score = effective + (classes - 1)
    if score < WEAK_BELOW:
        strength = Strength.WEAK
    elif score < STRONG_FROM:
        strength = Strength.FAIR
    else:
        strength = Strength.STRONG
    return Rating(strength, effective, classes)


def _effective_length(passphrase: str) -> int:
    """Length after common words, repeats and runs count as one character each."""
    text = passphrase.lower()
    text = _REPEATS.sub(r"\1", text)
    for word in sorted(COMMON_WORDS, key=len, reverse=True):
        text = text.replace(word, "\x01")
    for run in RUNS:
        for size in range(len(run), 3, -1):
            for start in range(len(run) - size + 1):
                piece = run[start : start + size]
                text = text.replace(piece, "\x02").replace(piece[::-1], "\x02")
    return len(text)


def _classes(passphrase: str) -> int:
    """How many of: lower case, upper case, digits, spaces, other symbols."""
    checks = (str.islower, str.isupper, str.isdigit, str.isspace)
    found = sum(1 for check in checks if any(check(ch) for ch in passphrase))
    other = any(not (ch.isalnum() or ch.isspace()) for ch in passphrase)
    return found + int(other)
