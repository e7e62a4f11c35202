"""The team's public string and its fingerprint: what a peer types in and reads aloud.

The public string joins the two standard public keys, so other tools can use each
part as it is:

    peerdesk-team1:<minisign public key, "RW...">:<age recipient, "age1...">

The fingerprint is what two people compare in person before a peer trusts a team
key: 24 decimal digits in six groups of four (about 80 bits of SHA-256 over the
string), read aloud as numbers. Someone who wanted another string with the same
fingerprint would have to try about 2^80 keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from peerdesk.team import minisign, sealing

PREFIX = "peerdesk-team1"
FINGERPRINT_DIGITS = 24
GROUP = 4
MAX_STRING = 400  # about 135 characters; anything far longer is not a team string


class NotATeamString(ValueError):
    """The text is not a team public string (str() is a short reason)."""


@dataclass(frozen=True)
class TeamPublic:
    """A team's two public keys: the one that signs directories, the one months seal to."""

    signing: minisign.PublicKey
    recipient: str

    def text(self) -> str:
        return f"{PREFIX}:{self.signing.text()}:{self.recipient}"

    def fingerprint(self) -> str:
        """Six groups of four digits, e.g. "0412 9931 7750 2816 4093 1187"."""
        digest = hashlib.sha256(b"peerdesk team fingerprint\x00" + self.text().encode()).digest()
        number = int.from_bytes(digest[:16], "big") % 10**FINGERPRINT_DIGITS
        digits = f"{number:0{FINGERPRINT_DIGITS}d}"
        return " ".join(digits[i : i + GROUP] for i in range(0, FINGERPRINT_DIGITS, GROUP))

    def key_id(self) -> str:
        """The team's short id: its signing key id, as minisign prints it."""
        return self.signing.key_id_text()


def parse_team_string(text: str) -> TeamPublic:
    """A team from its public string (spaces and line breaks a copy added are ignored)."""
    if len(text) > MAX_STRING:
        raise NotATeamString("too long")
    compact = "".join(text.split())
    parts = compact.split(":")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise NotATeamString("does not start with peerdesk-team1")
    try:
        signing = minisign.parse_public_key(parts[1])
        recipient = sealing.check_recipient(parts[2])
    except ValueError:
        raise NotATeamString("a key in it is damaged") from None
    return TeamPublic(signing, recipient)
