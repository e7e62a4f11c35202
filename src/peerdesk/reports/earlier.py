"""The time rule: a new report may not undo what an earlier publication hid.

Run instead of peerdesk.reports.protection.protect when the publication log holds a
publication of any month the new report covers (peerdesk.reports.history.involved):

1. The report as it would be alone (the rules, then its own audit: protect); then
   every cell the last publication of the same period hid is hidden again: a month
   merged again after a late contact hides at least what it hid before. A table with
   a cell hidden only for that says `earlier` (the reasons stay the same for every
   hidden cell of a table).
2. Then, in turn until both pass: the report's own audit (the rules' audit, alone and
   with each peer's own month: protect), and the comparing reader's audit over the
   new report and every publication of its months (peerdesk.reports.comparison).
   While the comparison finds a cell or a change it narrows too far, the new report
   hides more, reason `earlier`: that cell if the new report shows it; else one more
   of its table (one a publication involved already hid, else the smallest non-zero,
   ties by the tie key); a figure's tables when the figure is hidden already; the
   table, zeros included, when nothing is left; its section when even that is not
   enough. Hiding only ever widens what a reader can reach.
3. The cells that step 1 hid and the rules would show are tried shown again, all at
   once, then (unless that was taken) one at a time, the first RELEASE_TRIALS of them
   in report order: a trial is taken when the whole
   report then passes both audits with fewer cells hidden, and each cell it shows may
   have grown by N or more since the last publication (else its shown value would all
   but give away the hidden one: hidden as 1 to 4, now 5). Step 3 is skipped when the
   report after step 2 is the last publication of the period again (the same files
   merged again give the same report).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk import messages
from peerdesk.progress import Progress, counted, silent
from peerdesk.reports.comparison import Comparison, Finding, Truth
from peerdesk.reports.counts import (
    CONTACTS,
    GROUP_PEOPLE,
    MINUTES,
    MonthCounts,
    ordered_ids,
    section_keys,
    section_of,
    spec_of,
)
from peerdesk.reports.disclosure import EARLIER, REASONS, WITHHELD, values_of
from peerdesk.reports.history import Publication, last_of, publication, split_key
from peerdesk.reports.periods import Period
from peerdesk.reports.protection import protect
from peerdesk.reports.relations import cell_key, figure_key
from peerdesk.reports.solver import AuditError

Reasons = dict[str, tuple[str, ...]]
# Step 3 tries at most this many cells one at a time (each try is a whole audit): a
# report keeps hidden what it cannot afford to try, which is safe.
RELEASE_TRIALS = 12


@dataclass(frozen=True)
class NewReport:
    """What the time rule needs of the report being made."""

    period: Period
    counts: MonthCounts  # the period's exact counts (labelled with the period)
    min_cell: int
    files: int
    truth: Truth
    owners: Sequence[MonthCounts]  # each peer's own counts, in a fixed order
    tie_key: bytes
    zeros_hidden: bool = False


@dataclass(frozen=True)
class Outcome:
    reasons: Reasons
    insiders: int
    earlier_hidden: int  # cells hidden only by this rule


def protect_over_time(
    new: NewReport,
    rules: Reasons,
    history: Sequence[Publication],
    progress: Progress = silent,
) -> Outcome:
    """The rules' `reasons` grown until neither the report's audit nor the comparison
    with `history` (every publication of its months, in the log's order) finds a thing.
    `progress` hears each step and each trial of step 3 (peerdesk.progress)."""
    alone, _ = protect(
        new.counts,
        dict(rules),
        new.min_cell,
        new.owners,
        tie_key=new.tie_key,
        zeros_hidden=new.zeros_hidden,
        progress=progress,
    )
    rules = alone  # the report as it would be alone: the same files give the same report
    kept = _kept_from(new.counts, rules, last_of(history, new.period.label))
    sticky = {key for pub in history for key in pub.hidden}
    old = Comparison(history).exposed_set()
    last = last_of(history, new.period.label)
    state, insiders = _until_safe(new, {**rules, **kept}, history, sticky, old, progress)
    if last is not None and _as_publication(new, state).cells == last.cells:
        return Outcome(state, insiders, sum(1 for k in state if k not in alone))  # no change
    # Step 3: all of step 1's cells shown again at once, then (if that does not hide
    # fewer) one at a time.
    candidates = [k for k in kept if k not in rules and _may_grow(new, k)]
    trials = [candidates] if len(candidates) > 1 else []
    trials += [[key] for key in candidates[:RELEASE_TRIALS]]
    retrying = messages.PROGRESS_MERGE_RETRYING
    for released in counted(trials, len(trials), retrying, progress, every=1):
        if not any(key in kept for key in released):
            continue
        trial = {k: v for k, v in kept.items() if k not in released}
        try:
            tried, tried_insiders = _until_safe(
                new, {**rules, **trial}, history, sticky, old, progress
            )
        except AuditError:
            continue
        shown = [k for k in released if k not in tried]
        if shown and not _grew_enough(new, tried, history, shown):
            continue
        if len(tried) < len(state):
            state, insiders, kept = tried, tried_insiders, trial
            if len(released) > 1:
                break
    return Outcome(state, insiders, sum(1 for k in state if k not in alone))


def _may_grow(new: NewReport, key: str) -> bool:
    """Whether the cell is N or more now: a smaller one is hidden by the rules anyway."""
    return values_of(new.counts).get(key, 0) >= new.min_cell


def _grew_enough(
    new: NewReport, state: Reasons, history: Sequence[Publication], shown: Sequence[str]
) -> bool:
    """Step 3's condition on a cell shown again: its change since the last publication
    may be N or more. A cell hidden then and shown now at a value the reader knows it
    reached by fewer than N late contacts would all but show the earlier one (hidden
    from 1 to 4, now 5: the late contact had it)."""
    comparison = Comparison(history, _as_publication(new, state), new.truth)
    return all(comparison.widest_change(key) >= new.min_cell for key in shown)


def _kept_from(counts: MonthCounts, rules: Reasons, last: Publication | None) -> Reasons:
    """Step 1: the last publication's hidden cells hidden again, their tables `earlier`."""
    if last is None:
        return {}
    values = values_of(counts)
    state = dict(rules)
    for key in last.hidden:
        if key in values and key not in rules:
            state[key] = (EARLIER,)
    _even_out(counts, state)
    return {k: v for k, v in state.items() if rules.get(k) != v}


def _until_safe(
    new: NewReport,
    start: Reasons,
    history: Sequence[Publication],
    sticky: set[str],
    old: set[Finding],
    progress: Progress = silent,
) -> tuple[Reasons, int]:
    """Step 2 from `start`: both audits in turn until neither finds a thing."""
    state = dict(start)
    carry: list[dict[str, int]] = []
    while True:
        state, insiders = protect(
            new.counts,
            state,
            new.min_cell,
            new.owners,
            tie_key=new.tie_key,
            zeros_hidden=new.zeros_hidden,
            progress=progress,
        )
        progress(messages.PROGRESS_MERGE_COMPARING, 0, 0)
        publication = _as_publication(new, state)
        comparison = Comparison(history, publication, new.truth, carry=carry)
        found = comparison.exposed(old=old)
        carry = comparison.solutions()
        if not found:
            return state, insiders
        before = dict(state)
        _hide_for(new, state, found, sticky)
        if state == before:
            raise AuditError(f"nothing more can be hidden to protect {found[0].key}")


def _as_publication(new: NewReport, state: Reasons) -> Publication:
    counts = new.counts
    return publication(
        new.period,
        min_cell=new.min_cell,
        files=new.files,
        figures={f: None if figure_key(f) in state else v for f, v in counts.figures.items()},
        tables={
            t: {c: None if cell_key(t, c) in state else v for c, v in cells.items()}
            for t, cells in counts.tables.items()
        },
        reasons=state,
        zeros_hidden=new.zeros_hidden,
    )


def _hide_for(new: NewReport, state: Reasons, found: Sequence[Finding], sticky: set[str]) -> None:
    """Step 2's one more: every cell found that the report shows, else one more for the first."""
    values = values_of(new.counts)
    shown = [k for k in dict.fromkeys(f.key for f in found) if k in values and k not in state]
    if shown:
        for key in shown:
            state[key] = _merged(state.get(key, ()), EARLIER)
        _even_out(new.counts, state)
        return
    key = found[0].key
    if key not in values:
        return  # a cell the new report does not have: nothing of it to hide
    _, name, cid = split_key(key)
    if cid is not None:
        _one_more_of(new, state, name, sticky)
    else:
        _one_more_for_figure(new, state, name, sticky)
    _even_out(new.counts, state)


def _one_more_of(new: NewReport, state: Reasons, table: str, sticky: set[str]) -> None:
    """One more cell of `table`, or the table, or its section."""
    cells = new.counts.tables[table]
    shown = [c for c in ordered_ids(table, cells) if cell_key(table, c) not in state]
    candidates = [c for c in shown if cells[c] > 0]
    if candidates:
        preferred = [c for c in candidates if cell_key(table, c) in sticky] or candidates
        low = min(cells[c] for c in preferred)
        tied = [c for c in preferred if cells[c] == low]
        digest = hashlib.sha256(new.tie_key + f"{table}:{len(shown)}:earlier".encode()).digest()
        chosen = tied[int.from_bytes(digest[:8], "big") % len(tied)]
        state[cell_key(table, chosen)] = (EARLIER,)
        return
    keys = [cell_key(table, c) for c in cells]
    if any(WITHHELD not in state.get(k, ()) for k in keys):
        state.update(dict.fromkeys(keys, (EARLIER, WITHHELD)))
        return
    section = section_of(table)
    if section is not None:
        state.update(dict.fromkeys(section_keys(new.counts, section), (EARLIER, WITHHELD)))


def _one_more_for_figure(new: NewReport, state: Reasons, figure: str, sticky: set[str]) -> None:
    """A hidden figure still narrowed: what ties it down goes next.

    Minutes go with the contacts, people in groups with the group mode; a figure that
    tables add up to loses a cell of the first such table showing all its cells (a
    whole table shown adds up to the figure), then of the topics; then its section.
    """
    if figure == MINUTES:
        if figure_key(CONTACTS) not in state:
            state[figure_key(CONTACTS)] = (EARLIER,)
            return
        figure = CONTACTS
    if figure == GROUP_PEOPLE:
        if cell_key("mode", "group") not in state and "group" in new.counts.tables.get("mode", {}):
            state[cell_key("mode", "group")] = (EARLIER,)
            return
        figure = CONTACTS
    tables = [t for t in new.counts.tables if section_of(t) == figure and new.counts.tables[t]]
    whole = [
        t
        for t in sorted(tables, key=lambda t: spec_of(t).total is None)
        if not any(cell_key(t, c) in state for c in new.counts.tables[t])
    ]
    for table in whole:
        if any(v > 0 for v in new.counts.tables[table].values()):
            _one_more_of(new, state, table, sticky)
            return
    section = figure if any(section_of(t) == figure for t in new.counts.tables) else None
    if section is not None and any(
        WITHHELD not in state.get(k, ()) for k in section_keys(new.counts, section)
    ):
        state.update(dict.fromkeys(section_keys(new.counts, section), (EARLIER, WITHHELD)))


def _even_out(counts: MonthCounts, state: Reasons) -> None:
    """The same reasons for every hidden cell of a table; people in groups follow the
    group mode when it is hidden."""
    for table, cells in counts.tables.items():
        keys = [cell_key(table, c) for c in cells if cell_key(table, c) in state]
        if not keys:
            continue
        present = {r for k in keys for r in state[k]}
        why = tuple(r for r in REASONS if r in present)
        for key in keys:
            state[key] = why
    group = cell_key("mode", "group")
    if group in state:
        state[figure_key(GROUP_PEOPLE)] = _merged(
            state.get(figure_key(GROUP_PEOPLE), ()), *state[group]
        )


def _merged(why: tuple[str, ...], *more: str) -> tuple[str, ...]:
    present = {*why, *more}
    return tuple(r for r in REASONS if r in present)
