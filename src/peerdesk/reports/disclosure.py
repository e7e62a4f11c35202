"""What a team report tells a reader about its hidden cells, as the audit's constraints.

The reader knows the method (docs/reports.md says it), so a hidden cell says more than
"x": where it is, why it is hidden and which cells are still shown all narrow it. The
audit (peerdesk.reports.audit) is only as good as this list, so it lives apart from the
code that chooses the cells, and every line below is something the method guarantees:

- Why a cell is hidden is published per cell, but always the same for every hidden
  cell of one table, so it never tells a small count from the counts that hide it:
  `threshold` (the table has a count from 1 to N-1), `linked` (more were hidden so the
  whole report cannot narrow one), `insider` (more were hidden so one peer's own month
  cannot), `withheld` (the whole table or section, zeros included, or a figure below
  N, zero included). The rules withhold a table within a shown section only for a
  small count, so a table marked `withheld` alone holds one. A table the audit
  withholds says why (`linked` or `insider` beside `withheld`) and drops `threshold`:
  it claims no small count, since a reader told that one cell is small who can rule
  out all others (a peer whose own month holds N or more of each) would know which.
  A table that adds up to a cell of another table (group kinds, the `group` mode
  cell) is withheld whenever that cell is
  hidden, and then tells nothing more.
- Outside withheld sections the method hides no zero, so every hidden table cell is 1
  or more; the counts hiding a small one are each the smallest shown non-zero count of
  their table when chosen, so every hidden cell is at most max(N-1, the smallest
  non-zero count still shown in its table), except in a table marked `insider`: a
  count one peer holds all but 1 to N-1 of is hidden whatever its size; a table
  marked `threshold` holds at least one count from 1 to N-1; a table marked `linked`
  or `insider` (not withheld) holds at least one of N or more.
- The rules hide one complement per table: in a table marked `threshold` alone, at
  most one hidden cell is N or more (`one_large`). A table the rules withhold within a
  shown section (`withheld` alone) has every cell from 0 to N-1: all its non-zero
  counts were small (rule 4).
- Topics need no complementary cell when the shown topics already reach the contacts:
  then (unless more were hidden) every hidden topic is from 1 to N-1.
- `earlier` (peerdesk.reports.earlier): cells kept hidden because a publication of the
  same period hid them, or hidden because comparing would narrow a count of another
  publication. Such cells are not the smallest of their table and may be 0, so a
  table marked `earlier` tells only 0 or more of each hidden cell; the rules' facts
  still hold (`threshold`: a count from 1 to N-1 among them; `linked`, `insider`: one
  of N or more), but a table withheld by the time rule need not hold a small count.
  A cell marked `earlier` may be known exactly at N or more (`Published.pinned_ok`).
"""

from __future__ import annotations

from collections.abc import Mapping

from peerdesk.reports.audit import Published
from peerdesk.reports.counts import CONTACTS, MonthCounts, section_of, spec_of
from peerdesk.reports.relations import Relation, cell_key, figure_key, structure

THRESHOLD = "threshold"
LINKED = "linked"
INSIDER = "insider"
WITHHELD = "withheld"
EARLIER = "earlier"  # kept hidden for another publication (peerdesk.reports.earlier)
REASONS: tuple[str, ...] = (THRESHOLD, LINKED, INSIDER, EARLIER, WITHHELD)

Reasons = Mapping[str, tuple[str, ...]]


def claims_small(why: tuple[str, ...]) -> bool:
    """Whether a withheld table's reasons say it holds a count from 1 to N-1."""
    return why == (WITHHELD,) or (WITHHELD in why and THRESHOLD in why)


def values_of(counts: MonthCounts) -> dict[str, int]:
    """Every cell of a month by its key: "figure:NAME" and "table:NAME:ID"."""
    values = {figure_key(f): v for f, v in counts.figures.items()}
    for name, cells in counts.tables.items():
        values.update({cell_key(name, cid): v for cid, v in cells.items()})
    return values


def published(
    counts: MonthCounts,
    reasons: Reasons,
    min_cell: int,
    peers: int,
    *,
    zeros_hidden: bool = False,
) -> Published:
    """The report made of `counts` with `reasons` hidden, as a reader sees it.

    `zeros_hidden`: the report hides zeros too (peerdesk.reports.zeros), so a hidden
    cell is 0 or more, and a table said to hold a count below N may hold only zeros:
    no claim of a small non-zero count is made then.
    """
    n = min_cell
    values = values_of(counts)
    shown = {k: v for k, v in values.items() if k not in reasons}
    hidden: dict[str, tuple[int, int | None]] = {}
    facts: list[Relation] = []
    some_small: list[frozenset[str]] = []
    one_large: list[tuple[frozenset[str], int]] = []
    for name, cells in counts.tables.items():
        keys = [cell_key(name, cid) for cid in cells]
        gone = [k for k in keys if k in reasons]
        if not gone:
            continue
        why = reasons[gone[0]]
        earlier = EARLIER in why
        if WITHHELD in why:
            hidden.update(dict.fromkeys(gone, (0, None)))
            head = section_of(name)
            owner = spec_of(name).total_cell
            if head is None or figure_key(head) not in shown or earlier:
                continue
            if why == (WITHHELD,) and (owner is None or cell_key(*owner) in shown):
                # Rule 4: every non-zero count of the table was small.
                hidden.update(dict.fromkeys(gone, (0, n - 1)))
            claims = claims_small(why) and not zeros_hidden
            if claims and (owner is None or cell_key(*owner) in shown):
                some_small.append(frozenset(gone))  # the rules withhold a table for a small count
            continue
        still = [shown[k] for k in keys if k not in reasons and shown[k] > 0]
        top = max(n - 1, min(still)) if still and INSIDER not in why else None
        more = LINKED in why or INSIDER in why
        contacts = shown.get(figure_key(CONTACTS))
        reached = contacts is not None and sum(shown[k] for k in keys if k in shown) >= contacts
        if name == "topic" and not more and not earlier and reached:
            top = n - 1  # no complementary topic was needed: every hidden one is small
        low = 0 if zeros_hidden else 1
        hidden.update(dict.fromkeys(gone, (0, None) if earlier else (low, top)))
        if THRESHOLD in why and not zeros_hidden:
            some_small.append(frozenset(gone))
        if why == (THRESHOLD,) and len(gone) > 1:
            one_large.append((frozenset(gone), n))  # the rules hide one complement per table
        if more:
            # One of N or more; the others 1 or more each, or 0 or more.
            least = n if earlier or zeros_hidden else n + len(gone) - 1
            facts.append(Relation(tuple((k, 1) for k in gone), least, None))
    for key in reasons:
        if key.startswith("figure:"):
            hidden[key] = (0, None)
    ordered = {k: hidden[k] for k in values if k in hidden}
    return Published(
        shown=shown,
        hidden=ordered,
        relations=structure(counts.tables),
        peers=peers,
        facts=tuple(facts),
        some_small=tuple(some_small),
        pinned_ok=frozenset(k for k, why in reasons.items() if EARLIER in why),
        zeros_hidden=zeros_hidden,
        one_large=tuple(one_large),
    )
