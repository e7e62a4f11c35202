"""One month per sender: the newer of two exports is counted, and the merge says so.

(A quarter's or a year's merge keeps one export per sender and month.)

A sender is the peer's signing key for a sealed month, and the vault's random id for
a plain version 2 or 3 month. Within one sender the export with the highest sequence
number is counted; the same export given twice is counted once. A plain month from
a vault that also sent a sealed one (exported before it joined) is left out: the
sealed one is signed, and a plain file proves nothing (anyone can copy a vault id
into one). Version 1 files carry no sender, and read_exports already refuses one
given twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk import messages
from peerdesk.progress import Progress, silent
from peerdesk.reports.files import MonthExport, ReportFileError, SealedOpener, read_exports
from peerdesk.reports.periods import Period
from peerdesk.safe_text import printable

if TYPE_CHECKING:
    from peerdesk.reports.history import Publication
    from peerdesk.reports.suppression import TeamReport


@dataclass(frozen=True)
class Chosen:
    """The exports to count, and one sentence for each one left out."""

    exports: tuple[MonthExport, ...]
    notes: tuple[str, ...]


def sender_of(export: MonthExport) -> str | None:
    if export.signer is not None:  # the whole key: an id alone can be claimed by anyone
        return "key:" + export.signer.text()
    if export.vault_id is not None:
        return "vault:" + export.vault_id
    return None


def sender_name(export: MonthExport) -> str:
    """How a sentence names the sender: the peer key's id, or part of the vault id."""
    if export.signer is not None:
        return messages.REPORT_SENDER_PEER.format(key=export.signer.key_id_text())
    assert export.vault_id is not None
    return messages.REPORT_SENDER_VAULT.format(vault=export.vault_id[:8])


def choose(exports: Sequence[MonthExport]) -> Chosen:
    """Keep the newest export of each sender and month, in the files' order; say what
    was left out."""
    sealed_by_vault = {(e.vault_id, e.counts.month): e for e in exports if e.signer is not None}
    best: dict[tuple[str, str], MonthExport] = {}
    for export in exports:
        sender = sender_of(export)
        if sender is None:
            continue
        current = best.get((sender, export.counts.month))
        if current is None or (export.sequence or 0) > (current.sequence or 0):
            best[(sender, export.counts.month)] = export
    kept: list[MonthExport] = []
    notes: list[str] = []
    for export in exports:
        sender = sender_of(export)
        if sender is None:
            kept.append(export)
            continue
        if export.signer is None and (export.vault_id, export.counts.month) in sealed_by_vault:
            sealed = sealed_by_vault[(export.vault_id, export.counts.month)]
            notes.append(
                messages.REPORT_PLAIN_AND_SEALED.format(file=export.source, sealed=sealed.source)
            )
            continue
        chosen = best[(sender, export.counts.month)]
        if chosen is export:
            kept.append(export)
        elif chosen.export_id == export.export_id:
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
    paths: Sequence[Path],
    *,
    month: str | None = None,
    opener: SealedOpener | None = None,
    period: Period | None = None,
    progress: Progress = silent,
) -> Chosen:
    """What a merge counts: every file read and checked (ReportFileError lists every
    problem), then one export per sender, with a sentence for each export left out.

    `period` (a quarter or a year): every file must be for one of its months, and
    every one of its months must have a file.
    """
    if period is None or len(period.months) == 1:
        expected = period.label if period is not None else month
        return choose(read_exports(paths, month=expected, opener=opener, progress=progress))
    exports = read_exports(paths, opener=opener, any_month=True, progress=progress)
    problems = [
        messages.REPORT_FILE_OUTSIDE_PERIOD.format(
            file=e.source, month=e.counts.month, period=period.label
        )
        for e in exports
        if e.counts.month not in period.months
    ]
    present = {e.counts.month for e in exports}
    missing = [m for m in period.months if m not in present]
    if missing:
        problems.append(
            messages.REPORT_PERIOD_MONTHS_MISSING.format(
                period=period.label, months=", ".join(missing)
            )
        )
    if problems:
        raise ReportFileError(problems)
    return choose(exports)


def team_report_of(
    chosen: Chosen,
    min_cell: int,
    *,
    period: Period | None = None,
    history: Sequence[Publication] = (),
    zeros_hidden: bool = False,
    progress: Progress = silent,
) -> TeamReport:
    """The team report of what `read_months` chose: the one call both faces make, so a
    month, a quarter or a year merged on screen is the report `report merge` prints.

    Each export is counted with its sender as its owner (a peer's months of a quarter
    are what that peer knows), over `period` (None: the files' month), compared with
    `history` (the publication log). The suppression is imported here, not above: the
    audit it loads is only needed once there is something to merge.
    """
    from peerdesk.reports.suppression import team_report

    exports = chosen.exports
    return team_report(
        [e.counts for e in exports],
        [e.export_id for e in exports],
        min_cell,
        period=period,
        owners=[sender_of(e) for e in exports],
        history=history,
        zeros_hidden=zeros_hidden,
        progress=progress,
    )


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
