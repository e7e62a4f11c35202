"""A joined peer's month, sealed to the team and signed by the peer.

The file is an age file (https://age-encryption.org/v1) sealed to the team's
recipient. Inside is a small JSON document:

    {"format": "peerdesk-sealed-month", "version": 1,
     "peer_key": "<the peer's minisign public key, RW...>",
     "month_file": "<the month file's text, exactly as signed>",
     "signature": "<a minisign signature of month_file, with a trusted comment>"}

The trusted comment, `peerdesk-month 2026-03 export 7 team <team key id>`, is signed
with the month: so a month signed for another team, or a month relabelled or
renumbered after signing, is refused. age proves nobody changed the file; the
signature proves which peer made it (age alone cannot: anyone may seal to the team).
Anyone holding the lead's identity can check both with the reference tools:
`age -d -i KEY FILE`, then `minisign -V` on the two inner parts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from peerdesk import messages
from peerdesk.reports.files import MAX_BYTES, ReportFileError
from peerdesk.safe_text import printable, short
from peerdesk.strict_json import DuplicateKey, unique_keys
from peerdesk.team import minisign, sealing
from peerdesk.team.card import TeamPublic

FORMAT = "peerdesk-sealed-month"
VERSION = 1
KEYS = frozenset({"format", "version", "peer_key", "month_file", "signature"})
SUFFIX = ".age"
_NUMBER = re.compile(r"[1-9][0-9]{0,17}", re.ASCII)  # ASCII digits, no leading 0, no 10^30


def trusted_comment(month: str, sequence: int, team_id: str) -> str:
    return f"peerdesk-month {month} export {sequence} team {team_id}"


def seal_month(
    month_text: str, *, month: str, sequence: int, own_key: minisign.SecretKey, team: TeamPublic
) -> bytes:
    """The sealed file's bytes for a month file's text (a month of version 2 or later)."""
    peer = own_key.public()
    signature = minisign.sign(
        own_key,
        month_text.encode("utf-8"),
        trusted_comment=trusted_comment(month, sequence, team.key_id()),
        untrusted_comment=f"peerdesk month signed by peer key {peer.key_id_text()}",
    )
    inner = {
        "format": FORMAT,
        "version": VERSION,
        "peer_key": peer.text(),
        "month_file": month_text,
        "signature": signature,
    }
    return sealing.seal(json.dumps(inner, ensure_ascii=True).encode("ascii"), team.recipient)


@dataclass(frozen=True, repr=False)
class LeadOpener:
    """Opens sealed months with a lead's identities (current and retired)."""

    identities: tuple[sealing.Identity, ...]
    team_ids: frozenset[str]

    def __repr__(self) -> str:
        return f"LeadOpener(team_ids={sorted(self.team_ids)})"

    def __call__(self, data: bytes, source: str) -> tuple[str, minisign.PublicKey]:
        def refuse(sentence: str) -> ReportFileError:
            return ReportFileError([sentence])

        try:
            inner = sealing.open_sealed(data, list(self.identities))
        except sealing.NotForThisTeam:
            raise refuse(messages.REPORT_SEALED_OTHER_TEAM.format(file=source)) from None
        except sealing.DamagedSealed:
            raise refuse(messages.REPORT_SEALED_DAMAGED.format(file=source)) from None
        if len(inner) > MAX_BYTES:
            raise refuse(messages.REPORT_FILE_TOO_LARGE.format(file=source))
        try:
            doc = json.loads(inner.decode("utf-8"), object_pairs_hook=unique_keys)
        except (UnicodeDecodeError, ValueError, DuplicateKey, RecursionError):
            raise refuse(messages.REPORT_SEALED_INNER.format(file=source)) from None
        if (
            not isinstance(doc, dict)
            or set(doc) != KEYS
            or doc["format"] != FORMAT
            or doc["version"] != VERSION
            or not all(isinstance(doc[k], str) for k in ("peer_key", "month_file", "signature"))
        ):
            raise refuse(messages.REPORT_SEALED_INNER.format(file=source))
        try:
            peer = minisign.parse_public_key(doc["peer_key"])
        except ValueError:
            raise refuse(messages.REPORT_SEALED_INNER.format(file=source)) from None
        month_text: str = doc["month_file"]
        try:
            signed_bytes = month_text.encode("utf-8")
        except UnicodeEncodeError:  # "\ud800" in the JSON: no month file holds one
            raise refuse(messages.REPORT_SEALED_INNER.format(file=source)) from None
        try:
            comment = minisign.verify(peer, signed_bytes, doc["signature"])
        except minisign.SignatureError:
            raise refuse(messages.REPORT_SEALED_BAD_SIGNATURE.format(file=source)) from None
        parts = comment.split(" ")
        if (
            len(parts) != 6
            or parts[0] != "peerdesk-month"
            or parts[2:5:2] != ["export", "team"]
            or not _NUMBER.fullmatch(parts[3])
        ):
            raise refuse(messages.REPORT_SEALED_BAD_SIGNATURE.format(file=source))
        if parts[5] not in self.team_ids:
            raise refuse(
                messages.REPORT_SEALED_SIGNED_FOR_OTHER_TEAM.format(
                    file=source, team=short(printable(parts[5]))
                )
            )
        try:
            signed = json.loads(month_text, object_pairs_hook=unique_keys)
        except (ValueError, DuplicateKey, RecursionError):
            signed = None
        if (
            not isinstance(signed, dict)
            or signed.get("month") != parts[1]
            or str(signed.get("sequence")) != parts[3]
        ):
            raise refuse(messages.REPORT_SEALED_BAD_SIGNATURE.format(file=source))
        return month_text, peer
