"""The lead signs the directory; a peer's import checks it against the team it joined.

The signature is a minisign file beside the directory file (`FILE.minisig`), over the
file's exact bytes, so `minisign -Vm FILE -P <team signing key>` checks it too. Its
trusted comment (signed as well) carries what must not be rolled back:

    peerdesk-directory sequence 12 date 2026-12-01 team <team key id>

A peer refuses a file with no signature, a bad one, one by another key, or a
sequence older than the highest it imported. A vault that joined no team, and the
lead's own vault (bringing in a list it will vouch for), import an unsigned file
only when asked to, and the preview then says nobody vouches for it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peerdesk import messages
from peerdesk.interchange.reading import DirectoryFileError
from peerdesk.regular_files import NotARegularFile, read_regular
from peerdesk.team import minisign
from peerdesk.vault import team, values
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.transactions import transaction

SUFFIX = ".minisig"
_NUMBER = re.compile(r"[1-9][0-9]{0,17}", re.ASCII)  # ASCII digits, no leading 0, no 10^30
KIND = "peerdesk-directory"


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


@dataclass(frozen=True)
class Vouched:
    """Who vouches for a file: a sequence and a date signed by the team, or nobody."""

    sequence: int | None
    date: str | None
    digest: str | None = None  # SHA-256 of the signed file, stored with its number

    @property
    def signed(self) -> bool:
        return self.sequence is not None

    def sentence(self) -> str:
        if self.sequence is None:
            return messages.DIRECTORY_NOBODY_VOUCHES
        return messages.DIRECTORY_VOUCHED.format(sequence=self.sequence, date=self.date)


def sign_if_lead(conn: Connection, data: bytes, now: datetime | None = None) -> str | None:
    """The signature text for a lead's export (numbering it), or None for other vaults."""
    if not team.is_lead(conn):
        return None
    day = (now or values.utc_now()).date().isoformat()
    keys = team.lead_keys(conn)
    team_id = keys.public().key_id()  # before numbering: SealingUnavailable burns no number
    with transaction(conn) as tx:
        sequence = team.next_directory_sequence(tx)
    comment = f"{KIND} sequence {sequence} date {day} team {team_id}"
    return minisign.sign(
        keys.signing,
        data,
        trusted_comment=comment,
        untrusted_comment=f"peerdesk directory signed by team key {team_id}",
    )


def read_signature(path: Path) -> str | None:
    """The text of FILE.minisig, or None if there is none."""
    sig = signature_path(path)
    try:
        raw = read_regular(sig, minisign.MAX_SIGNATURE_BYTES)
    except FileNotFoundError:
        return None
    except (IsADirectoryError, NotARegularFile):
        raise DirectoryFileError(
            messages.DIRECTORY_SIGNATURE_MALFORMED.format(signature=sig)
        ) from None
    except OSError as exc:
        raise DirectoryFileError(
            messages.DIRECTORY_SIGNATURE_UNREADABLE.format(signature=sig, reason=exc.strerror)
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DirectoryFileError(
            messages.DIRECTORY_SIGNATURE_MALFORMED.format(signature=sig)
        ) from None


def check(
    conn: Connection, path: Path, data: bytes, signature: str | None, *, allow_unsigned: bool
) -> Vouched:
    """Who vouches for `data` (the file's bytes as read once); DirectoryFileError if refused."""
    sig = signature_path(path)
    joined = team.membership(conn) if team.has_team(conn) else None
    if joined is not None and signature is None and team.is_lead(conn) and allow_unsigned:
        return Vouched(None, None)  # the lead brings in a list to vouch for: their call
    if joined is None:
        if signature is not None and not allow_unsigned:
            try:
                key_id = minisign.key_id_text(minisign.parse_signature(signature).key_id)
            except minisign.MalformedSignature:
                key_id = "?"
            raise DirectoryFileError(
                messages.DIRECTORY_SIGNED_NOT_JOINED.format(path=path, key_id=key_id)
            )
        if not allow_unsigned:
            raise DirectoryFileError(messages.DIRECTORY_UNSIGNED_NEEDS_OPTION.format(path=path))
        return Vouched(None, None)
    if signature is None:
        raise DirectoryFileError(
            messages.DIRECTORY_SIGNATURE_MISSING.format(path=path, signature=sig)
        )
    try:
        comment = minisign.verify(joined.team.signing, data, signature)
    except minisign.MalformedSignature:
        raise DirectoryFileError(
            messages.DIRECTORY_SIGNATURE_MALFORMED.format(signature=sig)
        ) from None
    except minisign.OtherKey:
        raise DirectoryFileError(
            messages.DIRECTORY_SIGNATURE_OTHER_KEY.format(path=path, key_id=joined.team.key_id())
        ) from None
    except minisign.BadSignature:
        raise DirectoryFileError(messages.DIRECTORY_SIGNATURE_BAD.format(path=path)) from None
    parts = comment.split(" ")
    if (
        len(parts) != 7
        or parts[0] != KIND
        or parts[1:6:2] != ["sequence", "date", "team"]
        or not _NUMBER.fullmatch(parts[2])
        or parts[6] != joined.team.key_id()
    ):
        raise DirectoryFileError(messages.DIRECTORY_SIGNATURE_NOT_DIRECTORY.format(signature=sig))
    sequence = int(parts[2])
    digest = hashlib.sha256(data).hexdigest()
    if sequence == joined.directory_imported and joined.directory_digest not in (None, digest):
        raise DirectoryFileError(
            messages.DIRECTORY_SAME_NUMBER_OTHER_FILE.format(path=path, sequence=sequence)
        )
    if sequence < joined.directory_imported:
        raise DirectoryFileError(
            messages.DIRECTORY_ROLLBACK.format(
                path=path, sequence=sequence, have=joined.directory_imported
            )
        )
    return Vouched(sequence, parts[4], digest)
