"""Team keys for tests: a lead, peers that joined, sealed months and signed directories.

Every step goes through the same core functions the CLI and the app call. Peers are
made with Vault.create, not copied from the template vault: a copy would share the
template's random vault id, and a merge counts one month per vault.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk.reports import MonthCounts
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
