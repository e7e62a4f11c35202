"""Small-cell suppression for a team's merged month. Pure functions.

The reader we protect against knows the threshold N, this method, every number the
report shows, and how many cells were suppressed for each reason (the report says
so). They must not be able to work out any suppressed count. See docs/reports.md.

The method, per table (one dimension, so a "row" is the whole table):

1. Primary: every count from 1 to N-1 is suppressed ("small"). Zeros are shown:
   a zero says nobody, which discloses no one (so a suppressed cell is never 0).
2. Complementary: in a table whose cells add up to a shown figure (mode, initiator,
   risk, outcome and critical incident add up to `contacts`; referral statuses to
   `referrals`), a table with any small cell also hides exactly one more: the
   smallest non-zero cell that is shown. With one small and one complementary cell,
   "total minus what is shown" gives only their sum, and swapping the two values is
   as consistent with everything shown as the truth, so neither is determined. It is
   always one extra cell, whatever the small values are, so the choice itself says
   nothing about them. Equal candidates are chosen by a hash of the merged files'
   export ids: the same files give the same report, a reader cannot predict it.
3. Topics add up to *at least* `contacts` (every contact has a topic). When the shown
   topics add up to less, the hidden ones must hold the rest, which can pin a small
   cell at N-1; then one complementary topic is hidden as in 2.
4. When no shown cell is left to hide (every non-zero cell is already small) the
   table is still safe if each small cell can take two values: k small cells adding
   up to s need k + 1 <= s <= k(N-1) - 1. If not, the whole section is withheld.
5. A section is a figure and the tables tied to it (contacts: mode, initiator, topic,
   risk, outcome, critical incident, minutes, group people; referrals: statuses).
   A figure from 1 to N-1 withholds its whole section, zeros included, because a
   section's cells are all below N then and the zeros would tell how many are not.
6. Sums are not counts: minutes are shown when `contacts` is; people in group
   contacts when the `group` mode cell is. Follow-ups completed stands alone: only
   rule 1 applies.

N must be at least 3: with N = 2 a suppressed cell could only be 1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from peerdesk.reports.counts import (
    CONTACTS,
    FIGURES,
    GROUP_PEOPLE,
    MINUTES,
    TABLES,
    MonthCounts,
    add_up,
    ordered_ids,
    spec_of,
)
from peerdesk.validation import DEFAULT_MIN_CELL as DEFAULT_MIN_CELL
from peerdesk.validation import HIGHEST_MIN_CELL as HIGHEST_MIN_CELL
from peerdesk.validation import LOWEST_MIN_CELL as LOWEST_MIN_CELL

SMALL = "small"
COMPLEMENTARY = "complementary"
SECTIONS: tuple[str, ...] = (CONTACTS, "referrals")
SECTION_SUMS: dict[str, tuple[str, ...]] = {CONTACTS: (MINUTES, GROUP_PEOPLE)}

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
    k, s = len(primary), sum(cells[cid] for cid in primary)
    if total is not None:
        safe = k >= 2 and k + 1 <= s <= k * (n - 1) - 1
    else:
        safe = at_least is not None and at_least <= k * (n - 1) - 1
    return [primary] if safe else []


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
class TeamReport:
    """A merged month after suppression: None marks a suppressed value.

    `reasons` maps "figure:NAME" / "table:NAME:ID" to why it is hidden. It exists for
    checks and tests: outputs show only how many cells were hidden for each reason,
    never which reason applies to which cell (that would narrow the values).
    """

    month: str
    min_cell: int
    peers: int
    figures: dict[str, int | None]
    tables: dict[str, dict[str, int | None]]
    reasons: dict[str, str]

    @property
    def small(self) -> int:
        return sum(1 for r in self.reasons.values() if r == SMALL)

    @property
    def complementary(self) -> int:
        return sum(1 for r in self.reasons.values() if r == COMPLEMENTARY)

    @property
    def suppressed(self) -> int:
        return len(self.reasons)


def _section_of(table: str) -> str | None:
    spec = spec_of(table)
    return spec.total or spec.at_least


def suppress(counts: MonthCounts, min_cell: int, *, peers: int, tie_key: bytes) -> TeamReport:
    """Apply the method in this module's docstring to a merged month."""
    if min_cell < LOWEST_MIN_CELL:
        raise ValueError(f"min_cell must be at least {LOWEST_MIN_CELL}")
    n = min_cell
    reasons: dict[str, str] = {}
    names = ordered_tables(counts.tables)
    withheld: dict[str, str] = {}
    for section in SECTIONS:
        members = [t for t in names if _section_of(t) == section]
        total = counts.figures.get(section, 0)
        if 0 < total < n:
            withheld[section] = SMALL
            continue
        chosen: dict[str, Cut] = {}
        for table in sorted(members, key=lambda t: spec_of(t).total is None):
            spec = spec_of(table)
            cuts = table_cuts(
                counts.tables[table],
                n,
                total=total if spec.total else None,
                at_least=total if spec.at_least else None,
            )
            if not cuts:
                withheld[section] = COMPLEMENTARY
                break
            chosen[table] = pick(cuts, tie_key, table)
        else:
            for table, cut in chosen.items():
                reasons.update({f"table:{table}:{cid}": why for cid, why in cut.items()})
    for section, why in withheld.items():
        reasons[f"figure:{section}"] = why
        for figure in SECTION_SUMS.get(section, ()):
            reasons[f"figure:{figure}"] = why
        for table in names:
            if _section_of(table) == section:
                reasons.update({f"table:{table}:{cid}": why for cid in counts.tables[table]})
    for table in names:  # tables tied to no figure (only from a newer peerdesk)
        if _section_of(table) is None:
            if CONTACTS in withheld:  # it may well be about contacts: do not guess
                why = withheld[CONTACTS]
                reasons.update({f"table:{table}:{cid}": why for cid in counts.tables[table]})
            else:
                (cut,) = table_cuts(counts.tables[table], n)
                reasons.update({f"table:{table}:{cid}": why for cid, why in cut.items()})
    if "table:mode:group" in reasons and f"figure:{GROUP_PEOPLE}" not in reasons:
        reasons[f"figure:{GROUP_PEOPLE}"] = COMPLEMENTARY
    for figure, value in counts.figures.items():
        key = f"figure:{figure}"
        if key not in reasons and figure not in (MINUTES, GROUP_PEOPLE) and 0 < value < n:
            reasons[key] = SMALL
    return TeamReport(
        month=counts.month,
        min_cell=n,
        peers=peers,
        figures={
            f: None if f"figure:{f}" in reasons else counts.figures[f]
            for f in ordered_figures(counts.figures)
        },
        tables={
            t: {
                cid: None if f"table:{t}:{cid}" in reasons else counts.tables[t][cid]
                for cid in ordered_ids(t, counts.tables[t])
            }
            for t in names
        },
        reasons=reasons,
    )


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
    months: Sequence[MonthCounts], export_ids: Sequence[str], min_cell: int
) -> TeamReport:
    """Add up peers' months (already checked: one month, no export twice) and suppress."""
    return suppress(add_up(months), min_cell, peers=len(months), tie_key=tie_key_of(export_ids))
