"""One month per sender: the newer of two exports is counted, and the merge says so.

A sender is the vault a month came from: its random id is in every version 2 month,
plain or sealed (inside the signed month, so a sealed month's vault id is the
peer's word). Within one sender a sealed export beats a plain one (a plain file
proves nothing: anyone can copy a vault id into one), then the highest sequence
number wins; the same export given twice is counted once. Version 1 files carry no
sender, and read_exports already refuses one given twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path

from peerdesk import messages
from peerdesk.reports.files import MonthExport, SealedOpener, read_exports
from peerdesk.safe_text import printable


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


def read_months(
    paths: Sequence[Path], *, month: str | None = None, opener: SealedOpener | None = None
) -> Chosen:
    """What a merge counts: every file read and checked (ReportFileError lists every
    problem), then one export per sender, with a sentence for each export left out."""
    return choose(read_exports(paths, month=month, opener=opener))


def sender_lines(
    chosen: Chosen,
    labels: Mapping[str, str | None],
    new: Set[str],
    *,
    new_key: str = messages.REPORT_FROM_NEW_KEY,
) -> list[str]:
    """What a merge says about its files, the same on the command line and on screen.

    Every export left out first; then, when any file was sealed, who each counted file
    is from: the peer key's id with the lead's label, a key never seen before flagged
    (the lead should ask the peer before trusting it), a plain file as vouched for by
    nobody. `labels` maps key ids to the lead's labels; `new` holds the new key ids;
    `new_key` is the sentence for one, naming how this face labels a key.
    """
    lines = list(chosen.notes)
    if not any(e.signer is not None for e in chosen.exports):
        return lines
    lines.append(messages.REPORT_FROM_PEERS.format(count=len(chosen.exports)))
    for export in chosen.exports:
        if export.signer is None:
            lines.append(messages.REPORT_FROM_PLAIN.format(file=export.source))
            continue
        key_id = export.signer.key_id_text()
        if key_id in new:
            lines.append(new_key.format(key_id=key_id))
            continue
        label = labels.get(key_id)
        lines.append(
            messages.REPORT_FROM_SEALED.format(
                key_id=key_id,
                label=printable(label) if label else messages.TEAM_PEER_NO_LABEL,
            )
        )
    return lines
