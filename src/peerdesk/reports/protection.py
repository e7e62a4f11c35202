"""Hide more until the attacker's audit finds nothing: the second half of suppression.

The rules of suppression.py protect each table as their authors foresaw it; the audit
(peerdesk.reports.audit) checks the whole report as a reader would attack it: first
with the report alone, then with each peer's own month known. While it finds a cell
it can pin or prove small, one more cell is hidden: the smallest non-zero count still
shown in that cell's table (equal ones chosen by the tie key), because hiding a zero
adds nothing a reader cannot already subtract, and the smallest cell costs the report
least. When the table has nothing left to hide, the whole table is withheld, zeros
included (its cells are then only known to add up to their figure); when even that is
not enough, the cell's whole section is withheld. Whatever goes with the `group` mode
cell follows it (`follow_group`).

A shown count is hidden too when a peer who subtracts their own month from it learns
that the rest of the team holds 1 to N-1 of it (`subtracted`): the audit proper looks
only at hidden cells, and a report with nothing hidden can still give one peer the
others' small counts. Such a cell need not be the smallest of its table, so a table
marked `insider` promises no upper bound on its hidden cells
(peerdesk.reports.disclosure).

Hiding a cell only ever widens what a reader can reach, so a reader already checked
stays safe; a full pass is still repeated after any change, and a report is returned
only after a pass that changed nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from peerdesk import messages
from peerdesk.progress import Progress, counted, silent
from peerdesk.reports.audit import Auditor
from peerdesk.reports.counts import (
    CONTACTS,
    GROUP_PEOPLE,
    MINUTES,
    SECTION_SUMS,
    SECTIONS,
    SUM_FIGURES,
    TABLES,
    MonthCounts,
    ordered_ids,
    section_keys,
    section_of,
    spec_of,
)
from peerdesk.reports.disclosure import (
    INSIDER,
    LINKED,
    REASONS,
    THRESHOLD,
    WITHHELD,
    claims_small,
    published,
    values_of,
)
from peerdesk.reports.relations import cell_key, figure_key
from peerdesk.reports.solver import AuditError

Reasons = dict[str, tuple[str, ...]]


def protect(
    counts: MonthCounts,
    reasons: Reasons,
    min_cell: int,
    months: Sequence[MonthCounts],
    *,
    tie_key: bytes,
    insiders: bool = True,
    zeros_hidden: bool = False,
    progress: Progress = silent,
) -> tuple[Reasons, int]:
    """`reasons` grown until the audit passes; and how many peers' months were checked.
    `progress` hears how many readers each pass has checked.

    `months` are the peers' own months (in a fixed order: the report must not depend
    on the order of files on the command line). With a single file the only insider
    is the one peer whose month the whole report is, so no insider is checked.
    `insiders=False` leaves every peer out (benchmarks/bench_audit.py measures its cost).
    """
    state = dict(reasons)
    truth = values_of(counts)
    every = [values_of(m) for m in months]
    peers_months: list[dict[str, int]] = []
    if insiders and len(months) > 1:
        for values in every:
            if values not in peers_months:
                peers_months.append(values)
    peers = len(months)
    while True:
        changed = False
        auditor: Auditor | None = None
        readers: list[dict[str, int] | None] = [None, *peers_months]
        auditing = messages.PROGRESS_MERGE_AUDITING
        for mine in counted(readers, len(readers), auditing, progress, every=1):
            while True:
                seen = (
                    [] if mine is None else subtracted(truth, state, mine, min_cell, zeros_hidden)
                )
                if seen:
                    hide_shown(counts, state, seen[0])
                    auditor = None
                    changed = True
                    continue
                if auditor is None:
                    report = published(counts, state, min_cell, peers, zeros_hidden=zeros_hidden)
                    auditor = Auditor(report, truth, every)
                bad = auditor.exposed(min_cell, mine)
                if not bad:
                    break
                before = dict(state)
                hide_more(counts, state, bad[0], LINKED if mine is None else INSIDER, tie_key)
                if state == before:
                    raise AuditError(f"nothing more can be hidden to protect {bad[0]}")
                auditor = None
                changed = True
        if not changed:
            return state, len(peers_months)


def subtracted(
    truth: Mapping[str, int],
    state: Reasons,
    own: Mapping[str, int],
    min_cell: int,
    zeros_hidden: bool = False,
) -> list[str]:
    """Shown counts from which a peer who subtracts their own month learns that the rest
    of the team holds 1 to N-1 (GaussSuppression's singleton problem): a peer with 20
    of 23 contacts learns that the others had 3. Sums (minutes, people in groups) go
    with the counts behind them. With zeros hidden, a count that is all the peer's own
    goes too: it would tell them the others had none."""
    least = 0 if zeros_hidden else 1
    return [
        key
        for key, value in truth.items()
        if key not in state
        and key.partition(":")[2] not in SUM_FIGURES
        and value > 0
        and least <= value - own.get(key, 0) <= min_cell - 1
    ]


def hide_shown(counts: MonthCounts, state: Reasons, key: str) -> None:
    """Hide a shown count for the insider rule: a table's cell with the table's reasons
    and `insider`; a section's count with its section; a figure standing alone whole."""
    kind, _, rest = key.partition(":")
    if kind == "figure":
        if rest in SECTIONS:
            state.update(dict.fromkeys(section_keys(counts, rest), (WITHHELD,)))
        else:
            state[key] = (WITHHELD,)
        return
    table = rest.partition(":")[0]
    keys = [cell_key(table, cid) for cid in counts.tables[table]]
    why: tuple[str, ...] = (INSIDER,)
    for other in keys:
        for reason in state.get(other, ()):
            why = _merged(why, reason)
    state[key] = why
    for other in keys:
        if other in state:
            state[other] = why
    follow_group(counts, state)


def follow_group(counts: MonthCounts, state: Reasons) -> None:
    """What goes with a hidden `group` mode cell: people in group contacts, for the same
    reasons, and every table that adds up to that cell (group kinds), withheld whole.

    Such a table, shown, would give the hidden cell back as the sum of its cells; and
    withheld whenever the cell is hidden, it tells a reader nothing the cell does not.
    """
    for spec in TABLES:
        owner = spec.total_cell
        if owner is not None and cell_key(*owner) in state:
            cells = counts.tables.get(spec.name, {})
            state.update(dict.fromkeys((cell_key(spec.name, cid) for cid in cells), (WITHHELD,)))
    group = cell_key("mode", "group")
    if group in state:
        state[figure_key(GROUP_PEOPLE)] = state[group]


def hide_more(
    counts: MonthCounts, state: Reasons, exposed: str, reason: str, tie_key: bytes
) -> None:
    """Hide one more cell for `exposed` (see the module docstring), or withhold its section."""
    _hide_one(counts, state, exposed, reason, tie_key)
    follow_group(counts, state)


def _hide_one(
    counts: MonthCounts, state: Reasons, exposed: str, reason: str, tie_key: bytes
) -> None:
    group = cell_key("mode", "group")
    if exposed == figure_key(GROUP_PEOPLE) and group in state:
        exposed = group  # people in groups follow the group cell: more of its table first
    kind, _, rest = exposed.partition(":")
    if kind == "table":
        table = rest.partition(":")[0]
        cells = counts.tables[table]
        shown = [cid for cid in ordered_ids(table, cells) if cell_key(table, cid) not in state]
        candidates = [cid for cid in shown if cells[cid] > 0]
        if candidates:
            low = min(cells[cid] for cid in candidates)
            tied = [cid for cid in candidates if cells[cid] == low]
            label = f"{table}:{len(cells) - len(shown)}:{reason}".encode()
            digest = hashlib.sha256(tie_key + label).digest()
            chosen = tied[int.from_bytes(digest[:8], "big") % len(tied)]
            why = _merged(state[exposed], reason)
            state[cell_key(table, chosen)] = why
            for cid in cells:
                if cell_key(table, cid) in state:
                    state[cell_key(table, cid)] = why
            return
        keys = [cell_key(table, cid) for cid in cells]
        if any(claims_small(state.get(k, ())) or WITHHELD not in state.get(k, ()) for k in keys):
            # The table, zeros included, and no longer said to hold a small count: a
            # reader told so, who can rule out every cell but one (a peer whose own
            # month holds N or more of the others), would know which one is small.
            # `earlier` stays said: such a table need not hold a small count either.
            why = _merged(_merged(state[exposed], reason), WITHHELD)
            why = tuple(r for r in why if r != THRESHOLD)
            state.update(dict.fromkeys(keys, why))
            if table == "mode":
                state[figure_key(GROUP_PEOPLE)] = why
            return
        minutes = figure_key(MINUTES)
        if table == "duration" and minutes not in state:
            # The durations are narrowed through the minutes: hiding the minutes costs
            # the report far less than its whole contacts section.
            state[minutes] = _merged(_merged(state[exposed], reason), WITHHELD)
            return
        owner = spec_of(table).total_cell
        if owner is not None and cell_key(*owner) not in state:
            # A table that adds up to a cell (group kinds to the group mode cell): hiding
            # that one cell costs far less than withholding the whole section. Every
            # hidden cell of its table then carries the same reasons, as always.
            owner_table = owner[0]
            keys = [cell_key(owner_table, cid) for cid in counts.tables[owner_table]]
            why = _merged(state[exposed], reason)
            for key in keys:
                for earlier in state.get(key, ()):
                    why = _merged(why, earlier)
            state[cell_key(*owner)] = why
            for key in keys:
                if key in state:
                    state[key] = why
            return
        section = section_of(table)
    else:
        section = rest if rest in SECTIONS else None
        if rest in SECTION_SUMS[CONTACTS]:
            section = CONTACTS
    if section is None:
        return  # a figure standing alone is already withheld whole: nothing more to do
    state.update(dict.fromkeys(section_keys(counts, section), (WITHHELD,)))


def _merged(why: tuple[str, ...], reason: str) -> tuple[str, ...]:
    present = {*why, reason}
    return tuple(r for r in REASONS if r in present)
