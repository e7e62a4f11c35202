"""A lead's merge of sealed months: the steps `peerdesk report merge` and the team screen share.

Split so that a face can run the slow step (opening and checking every file) away
from its UI thread while only one thread ever uses the vault's connection:

1. `lead_opener(conn)`: the lead's keys, current and retired, as the opener of sealed
   months (one read of the vault);
2. `peerdesk.reports.senders.read_months(paths, opener=...)`: read, open and check every
   file and keep one export per sender (files only: no vault, so a merge of plain
   files never loads SQLCipher);
3. `note_senders(vault, chosen)`: note the peer keys seen (one transaction, none on a
   read-only vault) and name each: key id, the lead's label, new keys flagged.

`Senders.lines` is what both faces then say about the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from peerdesk import messages
from peerdesk.reports.files import ReportFileError
from peerdesk.reports.sealed import LeadOpener
from peerdesk.reports.senders import Chosen, sender_lines
from peerdesk.validation import LOWEST_MIN_CELL
from peerdesk.vault import team
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.store import Vault


class MinCellTooLow(ValueError):
    """The vault's threshold is below what a team report allows; str() is the sentence."""


@dataclass(frozen=True)
class Senders:
    """Whom the counted files are from, as the lead's vault knows them."""

    labels: Mapping[str, str | None]  # key id -> the lead's label (this vault's own key too)
    new: frozenset[str]  # key ids this merge saw for the first time

    def lines(self, chosen: Chosen, *, new_key: str = messages.REPORT_FROM_NEW_KEY) -> list[str]:
        return sender_lines(chosen, self.labels, self.new, new_key=new_key)


def lead_opener(conn: Connection) -> LeadOpener:
    """What opens months sealed to this lead's keys, old ones included; team.NotLead if none."""
    keys = team.lead_keys(conn)
    return LeadOpener(keys.all_identities, keys.all_team_ids)


def note_senders(vault: Vault, chosen: Chosen) -> Senders:
    """Note each peer key the counted files carry, and name them with the lead's labels.

    This vault's own key (the lead's own month) is named as such and never called new.
    A key that claims a known key's id, or a month older than one merged before, is
    refused (ReportFileError, one sentence per file) before anything is noted.
    """
    signed = [e for e in chosen.exports if e.signer is not None]
    problems = team.check_senders(
        vault.conn,
        [(e.source, e.signer, e.counts.month, e.sequence or 0) for e in signed if e.signer],
    )
    if problems:
        raise ReportFileError([p.sentence for p in problems])
    signers = [e.signer for e in signed if e.signer is not None]
    new: set[str] = set()
    if not vault.read_only:
        with vault.transaction() as conn:
            new = team.record_peers_seen(conn, signers)
            team.record_months_merged(
                conn, [(e.signer, e.counts.month, e.sequence or 0) for e in signed if e.signer]
            )
    labels: dict[str, str | None] = {p.key_id: p.label for p in team.peers(vault.conn)}
    own = team.membership(vault.conn).own_key.public().key_id_text()
    labels[own] = messages.REPORT_FROM_THIS_VAULT
    new.discard(own)
    return Senders(labels, frozenset(new))


def vault_min_cell(vault: Vault) -> int:
    """The vault's small-cell threshold; MinCellTooLow if a team report may not use it."""
    setting = vault.settings().min_cell
    if setting < LOWEST_MIN_CELL:
        raise MinCellTooLow(
            messages.REPORT_VAULT_MIN_CELL_LOW.format(n=setting, low=LOWEST_MIN_CELL)
        )
    return setting
