"""Small-cell suppression for a team's merged month, then the audit until it passes.

The reader we protect against knows the threshold N, this method, every number the
report shows and why each hidden cell is hidden (the report says so, the same reasons
for every hidden cell of a table). PRODUCT.md's rule: no reader, with the report, or
also knowing their own month, may pin a hidden count or prove it is from 1 to N-1.
See docs/reports.md.

First the rules, per table (one dimension, so a "row" is the whole table):

1. Primary: every count from 1 to N-1 is hidden ("small"). Zeros are shown: a zero
   says nobody, which discloses no one (outside a withheld section no hidden count is
   0, and the audit knows that the reader knows it).
2. Complementary: in a table whose cells add up to a shown figure (mode, initiator,
   risk, outcome and critical incident add up to `contacts`; referral statuses to
   `referrals`), a table with any small cell also hides one more: the smallest
   non-zero cell that is shown. Equal candidates are chosen by a hash of the merged
   files' export ids: the same files give the same report, a reader cannot predict it.
3. Topics add up to *at least* `contacts` (every contact has a topic). When the shown
   topics add up to less, one complementary topic is hidden as in 2.
4. When a complement is needed and no shown cell is left to hide (every non-zero
   cell is already small) the whole table is withheld, zeros included. (Keeping it
   when its small cells could protect each other, k of them adding up to s with
   k + 1 <= s <= k(N-1) - 1, told a reader that a withheld table's counts were all 1
   or all N-1.)
5. A section is a figure and the tables tied to it (counts.SECTIONS). A section whose
   figure is below N, zero included, is withheld whole: its figure would otherwise be
   known to be from 1 to N-1. Follow-ups completed stands alone and is hidden below
   N, zero included, for the same reason.
6. Sums are not counts: minutes go with `contacts`; people in group contacts with the
   `group` mode cell (hidden with it, for the same reasons).
7. A table that adds up to a cell of another table (group kinds add up to the `group`
   mode cell) follows rule 2 with that cell as its total while the cell is shown. When
   the cell is hidden, the table is withheld whole, zeros included: shown, its cells
   would add up to the hidden one.

Then the audit (peerdesk.reports.protection.protect): the attacker's linear program of
peerdesk.reports.audit, from the report alone and with each peer's own month known,
hides more until no hidden cell can be narrowed, or withholds the section. With a
publication log, the time rule (peerdesk.reports.earlier) then compares the report
with every earlier publication of its months and hides more, reason `earlier`.

N must be at least 3: with N = 2 a suppressed cell could only be 1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from peerdesk import messages
from peerdesk.progress import Progress, silent
from peerdesk.reports.comparison import Truth
from peerdesk.reports.counts import (
    FIGURES,
    FOLLOWUPS_COMPLETED,
    SECTIONS,
    TABLES,
    MonthCounts,
    add_up,
    ordered_ids,
    section_keys,
    section_of,
    spec_of,
    total_of,
)
from peerdesk.reports.disclosure import THRESHOLD, WITHHELD, values_of
from peerdesk.reports.earlier import NewReport, protect_over_time
from peerdesk.reports.history import Changes, Publication, changes_since, involved, last_of
from peerdesk.reports.history import publication as publication_of
from peerdesk.reports.periods import Period, of_label, of_month
from peerdesk.reports.protection import follow_group, protect
from peerdesk.reports.relations import UnknownCell, cell_key, figure_key, structure
from peerdesk.validation import DEFAULT_MIN_CELL as DEFAULT_MIN_CELL
from peerdesk.validation import HIGHEST_MIN_CELL as HIGHEST_MIN_CELL
from peerdesk.validation import LOWEST_MIN_CELL as LOWEST_MIN_CELL

SMALL = "small"
COMPLEMENTARY = "complementary"

Cut = dict[str, str]  # category id -> reason it is suppressed


def table_cuts(
    cells: Mapping[str, int], n: int, *, total: int | None = None, at_least: int | None = None
) -> list[Cut]:
    """Every way the method may suppress one table: one cut per tie, [] if it cannot.

    `total`: the shown figure the cells add up to exactly; `at_least`: the shown figure
    they add up to at least (topics); neither: a table tied to nothing.
    """
    primary: Cut = {cid: SMALL for cid, v in cells.items() if 0 < v < n}
    if not primary:
        return [{}]
    others = {cid: v for cid, v in cells.items() if cid not in primary}
    if total is not None:
        needed = True
    elif at_least is not None:
        needed = at_least - sum(others.values()) > 0
    else:
        needed = False
    if not needed:
        return [primary]
    candidates = {cid: v for cid, v in others.items() if v > 0}
    if candidates:
        low = min(candidates.values())
        return [{**primary, cid: COMPLEMENTARY} for cid, v in candidates.items() if v == low]
    # Every non-zero count is small and none is left to hide: the table goes, zeros
    # included, whatever its counts. Keeping it when its small counts happen to protect
    # each other would tell a reader which withheld tables could not (all 1s, or all
    # N-1s), and so pin them.
    return []


def pick(cuts: list[Cut], tie_key: bytes, table: str) -> Cut:
    """One of the tied cuts, chosen by the tie key (stable for the same files)."""
    if len(cuts) == 1:
        return cuts[0]
    digest = hashlib.sha256(tie_key + table.encode()).digest()
    return cuts[int.from_bytes(digest[:8], "big") % len(cuts)]


def tie_key_of(export_ids: Iterable[str]) -> bytes:
    """Secret to the reader (export ids are never in the report), fixed for the same files."""
    return hashlib.sha256(json.dumps(sorted(export_ids)).encode()).digest()


@dataclass(frozen=True)
class AuditSummary:
    """What the attacker's audit checked (peerdesk.reports.audit): every report has one."""

    hidden: int  # cells hidden, figures included
    insiders: int  # peers whose own month was taken as known (0 for a single file)
    compared: int = 0  # earlier publications of its months it was compared with
    earlier: int = 0  # cells hidden only for them (the time rule)


@dataclass(frozen=True)
class TeamReport:
    """A merged month after suppression: None marks a hidden value.

    `reasons` maps "figure:NAME" / "table:NAME:ID" to why it is hidden (ids of
    peerdesk.reports.disclosure). Every hidden cell of one table has the same reasons,
    so they never tell a small count from the counts that hide it; outputs show them.
    """

    month: str
    min_cell: int
    peers: int
    figures: dict[str, int | None]
    tables: dict[str, dict[str, int | None]]
    reasons: dict[str, tuple[str, ...]]
    audit: AuditSummary | None = None
    changes: Changes | None = None  # against the last publication of the same period
    zeros_hidden: bool = False  # zeros hidden like small counts (the lead's setting)

    @property
    def period(self) -> Period:
        """What it covers: `month` holds a month's, a quarter's or a year's label."""
        return of_label(self.month)

    @property
    def suppressed(self) -> int:
        return len(self.reasons)

    def publication(self, published_at: str) -> Publication:
        """This report as its reader has it, for the publication log."""
        return publication_of(
            self.period,
            min_cell=self.min_cell,
            files=self.peers,
            figures=self.figures,
            tables=self.tables,
            reasons=self.reasons,
            published_at=published_at,
            zeros_hidden=self.zeros_hidden,
        )

    def count(self, reason: str) -> int:
        """How many hidden cells carry `reason`."""
        return sum(1 for why in self.reasons.values() if reason in why)


def suppress(
    counts: MonthCounts,
    min_cell: int,
    *,
    peers: int,
    tie_key: bytes,
    zeros_hidden: bool = False,
) -> TeamReport:
    """Apply the rules in this module's docstring to a merged month (no audit yet).

    `zeros_hidden`: every zero of a table in a shown section is hidden too, with its
    table's reasons (`threshold` then means a count below N, zero included), so a
    published "0 contacts about suicidal thoughts" says nothing in a small team.
    """
    if min_cell < LOWEST_MIN_CELL:
        raise ValueError(f"min_cell must be at least {LOWEST_MIN_CELL}")
    structure(counts.tables)  # refuses a table or id the audit would not know
    unknown = set(counts.figures) - set(FIGURES)
    if unknown:
        raise UnknownCell(f"figure {sorted(unknown)[0]!r}")
    n = min_cell
    reasons: dict[str, tuple[str, ...]] = {}
    names = ordered_tables(counts.tables)
    withheld: list[str] = []
    for section in SECTIONS:
        members = [t for t in names if section_of(t) == section]
        total = counts.figures.get(section, 0)
        if total == 0 and not any(counts.tables.get(t) for t in members):
            continue  # not recorded by any peer's version: nothing to hide
        if total < n:
            withheld.append(section)
            continue
        chosen: dict[str, Cut] = {}
        for table in sorted(members, key=lambda t: spec_of(t).total is None):
            spec = spec_of(table)
            cuts = table_cuts(
                counts.tables[table],
                n,
                total=total_of(counts, table),
                at_least=total if spec.at_least else None,
            )
            if cuts:
                chosen[table] = pick(cuts, tie_key, table)
            else:  # nothing left to hide: the table goes, zeros included
                chosen[table] = dict.fromkeys(counts.tables[table], WITHHELD)
        for table, cut in chosen.items():
            reasons.update(
                {
                    cell_key(table, cid): (WITHHELD if why == WITHHELD else THRESHOLD,)
                    for cid, why in cut.items()
                }
            )
    for section in withheld:
        reasons.update(dict.fromkeys(section_keys(counts, section), (WITHHELD,)))
    if zeros_hidden:
        _hide_zeros(counts, reasons)
    follow_group(counts, reasons)
    if counts.figures.get(FOLLOWUPS_COMPLETED, 0) < n:
        reasons[figure_key(FOLLOWUPS_COMPLETED)] = (WITHHELD,)
    return _report(counts, n, peers, reasons, zeros_hidden=zeros_hidden)


def _hide_zeros(counts: MonthCounts, reasons: dict[str, tuple[str, ...]]) -> None:
    """Every zero still shown in a table, hidden with the table's reasons (threshold if
    it had none): the audit then hides more wherever a zero could be pinned."""
    for table, cells in counts.tables.items():
        keys = [cell_key(table, cid) for cid in cells]
        zeros = [k for k, v in zip(keys, cells.values(), strict=True) if v == 0]
        if not zeros or all(k in reasons for k in zeros):
            continue
        held = [reasons[k] for k in keys if k in reasons]
        why = held[0] if held else (THRESHOLD,)
        for key in zeros:
            reasons.setdefault(key, why)


def _report(
    counts: MonthCounts,
    n: int,
    peers: int,
    reasons: dict[str, tuple[str, ...]],
    audit: AuditSummary | None = None,
    last: Publication | None = None,
    *,
    zeros_hidden: bool = False,
) -> TeamReport:
    report = TeamReport(
        month=counts.month,
        min_cell=n,
        peers=peers,
        figures={
            f: None if figure_key(f) in reasons else counts.figures[f]
            for f in ordered_figures(counts.figures)
        },
        tables={
            t: {
                cid: None if cell_key(t, cid) in reasons else counts.tables[t][cid]
                for cid in ordered_ids(t, counts.tables[t])
            }
            for t in ordered_tables(counts.tables)
        },
        reasons=reasons,
        audit=audit,
        zeros_hidden=zeros_hidden,
    )
    if last is None:
        return report
    return replace(report, changes=changes_since(last, report.publication("")))


def ordered_figures(figures: Iterable[str]) -> list[str]:
    """Known figures in their fixed order, unknown ones (newer peerdesk) after, sorted."""
    present = set(figures)
    return [f for f in FIGURES if f in present] + sorted(present - set(FIGURES))


def ordered_tables(tables: Iterable[str]) -> list[str]:
    """Known tables in their fixed order, unknown ones (newer peerdesk) after, sorted."""
    present = set(tables)
    known = [spec.name for spec in TABLES]
    return [t for t in known if t in present] + sorted(present - set(known))


def team_report(
    months: Sequence[MonthCounts],
    export_ids: Sequence[str],
    min_cell: int,
    *,
    period: Period | None = None,
    owners: Sequence[str | None] | None = None,
    history: Sequence[Publication] = (),
    zeros_hidden: bool = False,
    progress: Progress = silent,
) -> TeamReport:
    """Add up peers' months (no export twice), suppress, then audit until safe;
    `progress` hears each step (peerdesk.progress), never a cell.

    `months[i]` is the file whose export id is `export_ids[i]`; `owners[i]` names its
    sender (peerdesk.reports.senders), so that a peer's months of a quarter are taken
    together as what that peer knows (None, or no `owners`: the file alone). `period`
    is what the report covers (default: the one month of the files). `history` is
    the publication log: every earlier publication of the report's months is compared
    with it (peerdesk.reports.earlier), and the report says what changed since the
    last publication of the same period. `zeros_hidden`: see `suppress`.
    """
    progress(messages.PROGRESS_MERGE_SUPPRESSING, 0, 0)
    period = period or of_month(months[0].month)
    counts = replace(add_up(months), month=period.label)
    key = tie_key_of(export_ids)
    zeros = zeros_hidden
    first = suppress(counts, min_cell, peers=len(months), tie_key=key, zeros_hidden=zeros)
    owned = _owned(months, export_ids, owners)
    linked = involved(history, period.months)
    if not linked:
        reasons, insiders = protect(
            counts,
            dict(first.reasons),
            min_cell,
            owned,
            tie_key=key,
            zeros_hidden=zeros,
            progress=progress,
        )
        summary = AuditSummary(len(reasons), insiders)
        return _report(counts, min_cell, len(months), reasons, summary, zeros_hidden=zeros)
    truth = _truth(counts, months)
    new = NewReport(period, counts, min_cell, len(months), truth, owned, key, zeros)
    outcome = protect_over_time(new, dict(first.reasons), linked, progress)
    reasons = outcome.reasons
    summary = AuditSummary(len(reasons), outcome.insiders, len(linked), outcome.earlier_hidden)
    last = last_of(linked, period.label)
    return _report(counts, min_cell, len(months), reasons, summary, last, zeros_hidden=zeros)


def _owned(
    months: Sequence[MonthCounts],
    export_ids: Sequence[str],
    owners: Sequence[str | None] | None,
) -> list[MonthCounts]:
    """Each peer's own counts (their months added up), in an order the files' order on
    the command line cannot change (by their lowest export id)."""
    groups: dict[str, list[tuple[str, MonthCounts]]] = {}
    for i, (export_id, counts) in enumerate(zip(export_ids, months, strict=True)):
        owner = owners[i] if owners is not None else None
        groups.setdefault(owner or "export:" + export_id, []).append((export_id, counts))
    ordered = sorted(groups.values(), key=lambda group: min(e for e, _ in group))
    return [add_up([c for _, c in group]) for group in ordered]


def _truth(counts: MonthCounts, months: Sequence[MonthCounts]) -> Truth:
    by_month: dict[str, list[MonthCounts]] = {}
    for m in months:
        by_month.setdefault(m.month, []).append(m)
    return Truth(
        period=values_of(counts),
        months={m: values_of(add_up(files)) for m, files in by_month.items()},
        files={m: [values_of(f) for f in files] for m, files in by_month.items()},
    )
