"""Team keys for tests through the core: a lead, joined peers, sealed months, fixed keys.

(tests.support.team does the same through the CLI, with vaults copied from the template.)

Every step goes through the same core functions the CLI and the app call. Peers are
made with Vault.create, not copied from the template vault: a copy would share the
template's random vault id, and a merge counts one month per vault.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from peerdesk.reports import MonthCounts
from peerdesk.team import minisign, sealing
from peerdesk.team.card import TeamPublic
from peerdesk.vault import Vault, monthly, team
from peerdesk.vault.month_files import month_file
from tests.conftest import PASSPHRASE


def make_lead(vault: Vault) -> TeamPublic:
    """Make `vault` the lead's; the team's public string's keys."""
    with vault.transaction() as conn:
        return team.create_lead_keys(conn).public()


def join(vault: Vault, public: TeamPublic) -> None:
    with vault.transaction() as conn:
        team.join(conn, public)


def new_peer(path: Path, public: TeamPublic | None = None) -> Vault:
    """A new vault at `path` (open), joined to `public` if given."""
    vault = Vault.create(path, PASSPHRASE)
    if public is not None:
        join(vault, public)
    return vault


def write_month(vault: Vault, path: Path, month: str, counts: MonthCounts | None = None) -> Path:
    """The month file `peerdesk report month MONTH --format json` writes (sealed when the
    vault joined a team); `counts` defaults to the vault's own month."""
    made = month_file(vault.conn, counts or monthly.month_counts(vault.conn, month))
    path.write_bytes(made.data)
    return path


# --- fixed keys, for snapshots: the same card on every run -----------------------------
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32(hrp: str, data: bytes) -> str:
    """BIP-173 bech32, as age writes its keys (only what a fixed identity needs)."""

    def polymod(values: list[int]) -> int:
        generator = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
        check = 1
        for value in values:
            top = check >> 25
            check = (check & 0x1FFFFFF) << 5 ^ value
            for i in range(5):
                check ^= generator[i] if (top >> i) & 1 else 0
        return check

    words, acc, bits = [], 0, 0
    for byte in data:
        acc, bits = (acc << 8) | byte, bits + 8
        while bits >= 5:
            bits -= 5
            words.append((acc >> bits) & 31)
    if bits:
        words.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = polymod([*expanded, *words, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[w] for w in [*words, *checksum])


def fixed_identity(seed: int) -> sealing.Identity:
    """An age identity made from a fixed byte: it protects nothing, it only never changes."""
    return sealing.Identity(_bech32("age-secret-key-", bytes([seed]) * 32).upper())


def fixed_key(seed: int) -> minisign.SecretKey:
    return minisign.SecretKey(bytes([seed]) * minisign.KEY_ID_BYTES, bytes([seed]) * 32)


def fixed_lead(vault: Vault, monkeypatch: pytest.MonkeyPatch, now: datetime) -> TeamPublic:
    """Make `vault` the lead's with fixed keys (signing 1, sealing 2, own key 3) at `now`.

    Only the random source is replaced; the keys go through create_lead_keys and join.
    """
    keys: Iterator[minisign.SecretKey] = iter((fixed_key(1), fixed_key(3)))
    with monkeypatch.context() as patch:
        patch.setattr(minisign, "generate", lambda: next(keys))
        patch.setattr(sealing, "new_identity", lambda: fixed_identity(2))
        with vault.transaction() as conn:
            return team.create_lead_keys(conn, now).public()
