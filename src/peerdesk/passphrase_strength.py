"""How strong a new passphrase is, and the floor below which peerdesk refuses it.

Why a floor at all: whoever takes the laptop (or a backup) can try passphrases
against the file itself, on their own hardware, as fast as they like. The retry
delay at the unlock prompt does not apply there; only SQLCipher's key derivation
(PBKDF2-HMAC-SHA512, 256,000 rounds) slows each guess, to some thousands of guesses
a second on one high-end graphics card. So the passphrase must need a great many
guesses: `FLOOR_GUESSES_LOG10` = 12, about a trillion, which is years of such a card,
while a word plus digits ("Summer2024!") falls in minutes.

The estimate comes from zxcvbn (Dropbox's model of how people choose passwords:
dictionaries, names, keyboard runs, dates, l33t), which knows far more than any hand
list. zxcvbn rates at most 72 characters; a longer passphrase is rated by its first
72, which only ever underestimates it. zxcvbn loads on first use (about 20 ms), never
on the unlock path. Pure and free of Textual, so the CLI uses it too. Never stores or
logs what it rates.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from peerdesk import messages

FLOOR_GUESSES_LOG10 = 12.0  # below this a new passphrase is refused
STRONG_GUESSES_LOG10 = 16.0  # from here on it is called strong
ZXCVBN_MAX_CHARS = 72  # zxcvbn raises on longer input


class Strength(enum.Enum):
    """The levels shown to the peer; WEAK is below the floor and refused."""

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
    """The level plus the estimate behind it (log10 of the guesses needed)."""

    strength: Strength
    guesses_log10: float

    @property
    def acceptable(self) -> bool:
        """True if the passphrase is at or above the floor."""
        return self.guesses_log10 >= FLOOR_GUESSES_LOG10


def rate(passphrase: str) -> Rating:
    """Rate a passphrase (its first 72 characters)."""
    if not passphrase:
        return Rating(Strength.EMPTY, 0.0)
    from zxcvbn import zxcvbn

    guesses_log10 = float(zxcvbn(passphrase[:ZXCVBN_MAX_CHARS])["guesses_log10"])
    if guesses_log10 < FLOOR_GUESSES_LOG10:
        strength = Strength.WEAK
    elif guesses_log10 < STRONG_GUESSES_LOG10:
        strength = Strength.FAIR
    else:
        strength = Strength.STRONG
    return Rating(strength, guesses_log10)


def refusal(passphrase: str) -> str | None:
    """The sentence refusing a new passphrase below the floor; None if it passes."""
    if not passphrase:
        return messages.PASSPHRASE_EMPTY
    if rate(passphrase).acceptable:
        return None
    return messages.PASSPHRASE_TOO_WEAK
