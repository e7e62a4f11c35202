"""Sealing a file to the team with the age format (https://age-encryption.org/v1).

A sealed file can be opened only with the team's X25519 identity, which lives in the
lead's vault; anyone can open it there with the reference `age -d`. age authenticates
the content (a flipped byte anywhere fails to open) but not the sender: anyone who
has the team's public string can seal. So what is sealed is always signed by the
sender first (peerdesk.team.months).

pyrage (the Python binding of rage, a Rust age) publishes no Windows-on-Arm build; on
such a machine `available()` is False and team keys say so in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

AGE_HEADER = b"age-encryption.org/v1\n"
# A peerdesk month has one X25519 stanza (rage adds one "grease" stanza of a few dozen
# bytes). Opening cost grows with the square of the stanzas, so a header made of
# thousands of them would stall a merge for minutes: anything far beyond what peerdesk
# writes is refused before age reads it.
MAX_HEADER_BYTES = 2048
MAX_STANZAS = 4


class SealingUnavailable(RuntimeError):
    """This machine has no age library (Windows on Arm)."""


class NotForThisTeam(ValueError):
    """Sealed to a key this vault does not hold."""


class DamagedSealed(ValueError):
    """Sealed, but changed or cut since: age's authentication fails."""


def _pyrage() -> Any:
    try:
        import pyrage
    except ImportError:
        raise SealingUnavailable("no age library on this machine") from None
    return pyrage


def available() -> bool:
    try:
        _pyrage()
    except SealingUnavailable:
        return False
    return True


@dataclass(frozen=True, repr=False)
class Identity:
    """An age X25519 identity ("AGE-SECRET-KEY-1..."); repr() never shows it."""

    secret: str

    def __repr__(self) -> str:
        return "Identity(...)"

    def recipient(self) -> str:
        """The public "age1..." string others seal to."""
        pyrage = _pyrage()
        return str(pyrage.x25519.Identity.from_str(self.secret).to_public())


def new_identity() -> Identity:
    return Identity(str(_pyrage().x25519.Identity.generate()))


def check_recipient(text: str) -> str:
    """The recipient string, or ValueError if it is not an age X25519 recipient."""
    pyrage = _pyrage()
    try:
        return str(pyrage.x25519.Recipient.from_str(text))
    except pyrage.RecipientError:
        raise ValueError("not an age recipient") from None


def is_sealed(data: bytes) -> bool:
    return data.startswith(AGE_HEADER)


def seal(data: bytes, recipient: str) -> bytes:
    pyrage = _pyrage()
    return bytes(pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)]))


def open_sealed(data: bytes, identities: list[Identity]) -> bytes:
    """The sealed content; NotForThisTeam or DamagedSealed if it cannot be opened."""
    end = data.find(b"\n--- ", 0, MAX_HEADER_BYTES)
    if end < 0 or data.count(b"\n-> ", 0, end) > MAX_STANZAS:
        raise DamagedSealed("not a header peerdesk writes")
    pyrage = _pyrage()
    keys = [pyrage.x25519.Identity.from_str(i.secret) for i in identities]
    if not keys:
        raise NotForThisTeam("no team identity in this vault")
    try:
        return bytes(pyrage.decrypt(data, keys))
    except pyrage.DecryptError as exc:
        # rage says "No matching keys found" when no stanza opens with our identities
        # (another team's file, or a header changed in its recipient lines); anything
        # else is a failed authentication of the header or the payload.
        if "no matching keys" in str(exc).lower():
            raise NotForThisTeam("sealed to another key") from None
        raise DamagedSealed("sealed file changed") from None
