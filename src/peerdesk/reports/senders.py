"""One month per sender: the newer of two exports is counted, and the merge says so.

A sender is the vault a month came from: its random id is in every version 2 month,
plain or sealed (inside the signed month, so a sealed month's vault id is the
peer's word). Within one sender a sealed export beats a plain one (a plain file
proves nothing: anyone can copy a vault id into one), then the highest sequence
number wins; the same export given twice is counted once. Version 1 files carry no
sender, and read_exports already refuses one given twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk import messages
from peerdesk.reports.files import MonthExport


@dataclass(frozen=True)
class Chosen:
    """The exports to count, and one sentence for each one left out."""

    exports: tuple[MonthExport, ...]
    notes: tuple[str, ...]


def sender_of(export: MonthExport) -> str | None:
    return export.vault_id


def _rank(export: MonthExport) -> tuple[bool, int]:
    return (export.signer is not None, export.sequence or 0)


def sender_name(export: MonthExport) -> str:
    """How a sentence names the sender: the peer key's id, or part of the vault id."""
    if export.signer is not None:
        return messages.REPORT_SENDER_PEER.format(key=export.signer.key_id_text())
    assert export.vault_id is not None
    return messages.REPORT_SENDER_VAULT.format(vault=export.vault_id[:8])


def choose(exports: Sequence[MonthExport]) -> Chosen:
    """Keep the newest export of each sender, in the files' order; say what was left out."""
    best: dict[str, MonthExport] = {}
    for export in exports:
        sender = sender_of(export)
        if sender is None:
            continue
        current = best.get(sender)
        if current is None or _rank(export) > _rank(current):
            best[sender] = export
    kept: list[MonthExport] = []
    notes: list[str] = []
    for export in exports:
        sender = sender_of(export)
        if sender is None or best[sender] is export:
            kept.append(export)
            continue
        chosen = best[sender]
        if chosen.export_id == export.export_id:
            notes.append(
                messages.REPORT_SAME_EXPORT_TWICE.format(file=export.source, first=chosen.source)
            )
        else:
            notes.append(
                messages.REPORT_NEWER_EXPORT_USED.format(
                    who=sender_name(export),
                    month=export.counts.month,
                    file=chosen.source,
                    number=chosen.sequence,
                    left_out=export.source,
                    old_number=export.sequence,
                )
            )
    return Chosen(tuple(kept), tuple(notes))
