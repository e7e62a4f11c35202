"""The month file a peer sends the lead, as the CLI and the stats screen both write it.

A vault that joined a team seals its month to the team and signs it
(peerdesk.reports.sealed): only the lead's vault can read it. A vault without a team
writes the plain JSON file. Either way the file carries the vault's random id and
this export's number, so a merge counts the newer of two exports of one month once.
Numbering an export is the only write: one small transaction on the caller's
connection, made before anything is written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.reports.counts import MonthCounts
from peerdesk.reports.files import document, dumps
from peerdesk.reports.sealed import seal_month
from peerdesk.vault import team
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.transactions import transaction


@dataclass(frozen=True, repr=False)
class MonthFile:
    """The bytes to write, and whether they are sealed (and so what the file is called)."""

    data: bytes
    sealed: bool
    sequence: int

    def __repr__(self) -> str:
        return f"MonthFile(sealed={self.sealed}, sequence={self.sequence}, {len(self.data)} bytes)"


def month_file(conn: Connection, counts: MonthCounts, *, label: str | None = None) -> MonthFile:
    """Number this export and make the file: sealed when the vault joined a team."""
    with transaction(conn) as tx:
        sequence = team.next_month_export(tx)
        vault_id = team.vault_id(tx)
        joined = team.membership(tx) if team.has_team(tx) else None
    text = dumps(document(counts, label=label, vault_id=vault_id, sequence=sequence))
    if joined is None:
        return MonthFile(text.encode("utf-8"), False, sequence)
    data = seal_month(
        text, month=counts.month, sequence=sequence, own_key=joined.own_key, team=joined.team
    )
    return MonthFile(data, True, sequence)


def default_name(month: str, *, sealed: bool) -> str:
    return f"peerdesk-month-{month}{'.age' if sealed else '.json'}"
