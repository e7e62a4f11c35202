"""The team keys a vault holds: each function is one transaction or one read.

A lead's vault holds the team's secret keys (signing and sealing) and joins its own
team; a peer's vault holds the team's public string it joined, its own signing key,
and the highest directory sequence it imported (so an older copy is refused).
Nothing secret is ever returned as text to print: callers get key objects whose
repr() hides the secret.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from peerdesk import messages
from peerdesk.team import minisign, sealing
from peerdesk.team.card import TeamPublic, parse_team_string
from peerdesk.vault import values
from peerdesk.vault.sqlcipher import Connection


class NoTeam(LookupError):
    """This vault has not joined or made a team."""


class NotLead(LookupError):
    """This vault holds no team's secret keys."""


@dataclass(frozen=True)
class LeadKeys:
    """A lead's current team keys, and every sealing identity it ever had."""

    signing: minisign.SecretKey
    identity: sealing.Identity
    all_identities: tuple[sealing.Identity, ...]  # the current one first, then retired
    all_team_ids: frozenset[str]  # signing key ids, current and retired, as printed
    created_at: str

    def public(self) -> TeamPublic:
        return TeamPublic(self.signing.public(), self.identity.recipient())


@dataclass(frozen=True)
class Membership:
    """The team a vault joined, and its own key."""

    team: TeamPublic
    joined_at: str
    own_key: minisign.SecretKey
    directory_imported: int
    directory_digest: str | None = None


@dataclass(frozen=True)
class PeerSeen:
    key_id: str
    public_key: str
    label: str | None
    first_seen: str
    last_seen: str


def _ensure_state(conn: Connection) -> None:
    """Make the vault's one team_state row, with its random vault id, if it has none."""
    conn.execute(
        "INSERT OR IGNORE INTO team_state (id, vault_id) VALUES (1, ?)", (secrets.token_hex(16),)
    )


def create_lead_keys(conn: Connection, now: datetime | None = None) -> LeadKeys:
    """New team keys; the current ones (if any) are retired, kept to open old months.

    The vault joins its own new team. Runs inside the caller's transaction.
    """
    stamp = values.stamp(now or values.utc_now())
    conn.execute("UPDATE team_lead_keys SET retired_at = ? WHERE retired_at IS NULL", (stamp,))
    signing, identity = minisign.generate(), sealing.new_identity()
    conn.execute(
        "INSERT INTO team_lead_keys (signing_id, signing_seed, age_identity, created_at)"
        " VALUES (?, ?, ?, ?)",
        (signing.key_id, signing.seed, identity.secret, stamp),
    )
    keys = lead_keys(conn)
    join(conn, keys.public(), now)
    return keys


def lead_keys(conn: Connection) -> LeadKeys:
    """The current team keys; NotLead if this vault never made a team."""
    rows = conn.execute(
        "SELECT signing_id, signing_seed, age_identity, created_at, retired_at"
        " FROM team_lead_keys ORDER BY id DESC"
    ).fetchall()
    current = [r for r in rows if r[4] is None]
    if not current:
        raise NotLead
    signing_id, seed, identity, created_at, _ = current[0]
    return LeadKeys(
        minisign.SecretKey(bytes(signing_id), bytes(seed)),
        sealing.Identity(identity),
        tuple(sealing.Identity(r[2]) for r in sorted(rows, key=lambda r: r[4] is not None)),
        frozenset(minisign.key_id_text(bytes(r[0])) for r in rows),
        created_at,
    )


def is_lead(conn: Connection) -> bool:
    row = conn.execute("SELECT 1 FROM team_lead_keys WHERE retired_at IS NULL").fetchone()
    return row is not None


def join(conn: Connection, team: TeamPublic, now: datetime | None = None) -> Membership:
    """Belong to `team`; the vault's own signing key is made at the first join and kept.

    A new team key (a rotation, or a new team) starts the directory sequence again:
    a file signed by the old key is refused as another key's anyway.
    """
    stamp = values.stamp(now or values.utc_now())
    _ensure_state(conn)
    row = conn.execute("SELECT team_string, own_key_id FROM team_state WHERE id = 1").fetchone()
    if row[1] is None:
        own = minisign.generate()
        conn.execute(
            "UPDATE team_state SET own_key_id = ?, own_seed = ? WHERE id = 1",
            (own.key_id, own.seed),
        )
    if row[0] != team.text():
        conn.execute(
            "UPDATE team_state SET team_string = ?, joined_at = ?, directory_imported = 0,"
            " directory_digest = NULL WHERE id = 1",
            (team.text(), stamp),
        )
    return membership(conn)


def membership(conn: Connection) -> Membership:
    """The team this vault joined; NoTeam if none."""
    row = conn.execute(
        "SELECT team_string, joined_at, own_key_id, own_seed, directory_imported,"
        " directory_digest FROM team_state WHERE id = 1"
    ).fetchone()
    if row is None or row[0] is None:
        raise NoTeam
    return Membership(
        parse_team_string(row[0]),
        row[1],
        minisign.SecretKey(bytes(row[2]), bytes(row[3])),
        row[4],
        row[5],
    )


def has_team(conn: Connection) -> bool:
    row = conn.execute("SELECT team_string FROM team_state WHERE id = 1").fetchone()
    return row is not None and row[0] is not None


def next_directory_sequence(conn: Connection) -> int:
    """The sequence number of the directory a lead signs now (one more each time)."""
    _ensure_state(conn)
    conn.execute("UPDATE team_state SET directory_signed = directory_signed + 1 WHERE id = 1")
    return int(conn.execute("SELECT directory_signed FROM team_state WHERE id = 1").fetchone()[0])


def directory_signed(conn: Connection) -> int:
    """The sequence of the last directory this lead signed (0: none yet)."""
    row = conn.execute("SELECT directory_signed FROM team_state WHERE id = 1").fetchone()
    return 0 if row is None else int(row[0])


def record_directory_imported(conn: Connection, sequence: int, digest: str | None = None) -> None:
    """Keep the highest directory number imported, and the digest of that file."""
    conn.execute(
        "UPDATE team_state SET directory_digest = CASE WHEN ? >= directory_imported "
        "THEN ? ELSE directory_digest END, "
        "directory_imported = max(directory_imported, ?) WHERE id = 1",
        (sequence, digest, sequence),
    )


def vault_id(conn: Connection) -> str:
    """The random id plain month files carry: the same for every month, not the peer's.

    Made by the first export (inside its transaction)."""
    _ensure_state(conn)
    return str(conn.execute("SELECT vault_id FROM team_state WHERE id = 1").fetchone()[0])


def next_month_export(conn: Connection) -> int:
    """A number for the month file written now: a later export has a higher one."""
    _ensure_state(conn)
    conn.execute("UPDATE team_state SET month_exports = month_exports + 1 WHERE id = 1")
    return int(conn.execute("SELECT month_exports FROM team_state WHERE id = 1").fetchone()[0])


@dataclass(frozen=True)
class SenderProblem:
    """Why a signed month cannot be counted, in words the merge shows (one per file)."""

    source: str
    sentence: str


def check_senders(
    conn: Connection, signed: list[tuple[str, minisign.PublicKey, str, int]]
) -> list[SenderProblem]:
    """Refuse what the key ids alone cannot prove. `signed` holds (file, signer, month,
    export number) of each sealed month about to be counted.

    A minisign key id is not derived from the key: anyone can make a key that claims a
    peer's id. So a signer whose id this vault knows with another key (the lead's own
    key included, or another file of the same merge) is refused as forged; and a month
    older than the export of that peer and month counted in an earlier merge is
    refused as a replay.
    """
    known = {row[0]: row[1] for row in conn.execute("SELECT key_id, public_key FROM team_peers")}
    if has_team(conn):
        own = membership(conn).own_key.public()
        known[own.key_id_text()] = own.text()
    seen_here: dict[str, str] = {}
    problems: list[SenderProblem] = []
    for source, signer, month, sequence in signed:
        key_id, text = signer.key_id_text(), signer.text()
        claimed = known.get(key_id) or seen_here.get(key_id)
        if claimed is not None and claimed != text:
            problems.append(
                SenderProblem(
                    source, messages.REPORT_SENDER_KEY_FORGED.format(file=source, key_id=key_id)
                )
            )
            continue
        seen_here[key_id] = text
        row = conn.execute(
            "SELECT sequence FROM team_months_merged WHERE key = ? AND month = ?", (text, month)
        ).fetchone()
        if row is not None and int(row[0]) > sequence:
            problems.append(
                SenderProblem(
                    source,
                    messages.REPORT_SENDER_REPLAYED.format(
                        file=source, key_id=key_id, month=month, number=sequence, newer=row[0]
                    ),
                )
            )
    return problems


def record_months_merged(
    conn: Connection, signed: list[tuple[minisign.PublicKey, str, int]]
) -> None:
    """Keep the newest export number merged per peer key and month."""
    for signer, month, sequence in signed:
        conn.execute(
            "INSERT INTO team_months_merged (key, month, sequence) VALUES (?, ?, ?) "
            "ON CONFLICT (key, month) DO UPDATE SET sequence = max(sequence, excluded.sequence)",
            (signer.text(), month, sequence),
        )


def peers(conn: Connection) -> list[PeerSeen]:
    rows = conn.execute(
        "SELECT key_id, public_key, label, first_seen, last_seen FROM team_peers"
        " ORDER BY label IS NULL, label, first_seen"
    ).fetchall()
    return [PeerSeen(*row) for row in rows]


def record_peers_seen(
    conn: Connection, keys: list[minisign.PublicKey], now: datetime | None = None
) -> set[str]:
    """Note each peer key a merge saw; returns the key ids never seen before."""
    stamp = values.stamp(now or values.utc_now())
    new: set[str] = set()
    for key in keys:
        key_id = key.key_id_text()
        updated = conn.execute(
            "UPDATE team_peers SET last_seen = ? WHERE key_id = ?", (stamp, key_id)
        ).rowcount
        if not updated:
            conn.execute(
                "INSERT INTO team_peers (key_id, public_key, first_seen, last_seen)"
                " VALUES (?, ?, ?, ?)",
                (key_id, key.text(), stamp, stamp),
            )
            new.add(key_id)
    return new


def label_peer(conn: Connection, key_id: str, label: str | None) -> bool:
    """Give a seen peer key a label (None removes it); False if no such key was seen."""
    cursor = conn.execute("UPDATE team_peers SET label = ? WHERE key_id = ?", (label, key_id))
    return bool(cursor.rowcount)
