"""A reader attacking a published team report, written apart from the product's audit.

It reads only what a report publishes (values, x's, the reasons printed per cell) and
what docs/reports.md says the method does, writes its own integer program and solves
it with scipy.optimize.milp: another model, another solver interface, another author's
reading of the rules than peerdesk.reports.audit. With `own`, the reader is one peer who
also knows their own month: the unknowns are then the rest of the team, 0 or more.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from peerdesk.reports import MonthCounts, TeamReport

PARTITIONS = {
    "mode": "contacts",
    "initiated_by": "contacts",
    "for_whom": "contacts",
    "first_or_followup": "contacts",
    "risk": "contacts",
    "outcome": "contacts",
    "critical_incident": "contacts",
    "referral_status": "referrals",
}
# Tables that add up to one cell of another table: every group contact has one kind.
CELL_PARTITIONS = {"group_kind": "table:mode:group"}
MINUTES_PER_CONTACT = 1440
PEOPLE_PER_GROUP = 500
PER_FILE = {"minutes": 1_000_000 * 1440, "group_people": 1_000_000 * 500}

Affine = tuple[dict[int, float], float]  # coefficients over the unknowns, constant


class Reader:
    """The program one reader can write about one report."""

    def __init__(self, report: TeamReport, own: MonthCounts | None = None) -> None:
        self.report = report
        self.n = report.min_cell
        self.value: dict[str, int | None] = {f"figure:{f}": v for f, v in report.figures.items()}
        for name, cells in report.tables.items():
            self.value.update({f"table:{name}:{cid}": v for cid, v in cells.items()})
        self.hidden = [k for k, v in self.value.items() if v is None]
        self.col = {k: i for i, k in enumerate(self.hidden)}
        self.own: dict[str, int] = {} if own is None else truth_of(own)
        files = report.peers - (1 if own is not None else 0)
        self.upper = [
            files * PER_FILE.get(k.split(":")[1], 1_000_000)
            if k.startswith("figure:")
            else files * 1_000_000
            for k in self.hidden
        ]
        self.rows: list[tuple[dict[int, float], float, float]] = []
        self._structure()
        self._what_the_report_says()

    # The unknowns are the rest of the team (team minus own) for every hidden cell.
    def rest(self, key: str) -> Affine:
        if key in self.col:
            return {self.col[key]: 1.0}, 0.0
        return {}, float((self.value.get(key) or 0) - self.own.get(key, 0))

    def team(self, key: str) -> Affine:
        if key in self.col:
            return {self.col[key]: 1.0}, float(self.own.get(key, 0))
        return {}, float(self.value.get(key) or 0)

    def add(self, terms: list[tuple[float, Affine]], low: float, high: float) -> None:
        coefs: dict[int, float] = {}
        constant = 0.0
        for c, (part, const) in terms:
            constant += c * const
            for i, v in part.items():
                coefs[i] = coefs.get(i, 0.0) + c * v
        coefs = {i: v for i, v in coefs.items() if v}
        if coefs:
            self.rows.append((coefs, low - constant, high - constant))

    def _structure(self) -> None:
        """What holds for every month, so for the rest of the team too."""
        inf = np.inf
        tables = self.report.tables
        for name, head in PARTITIONS.items():
            cells = tables.get(name, {})
            if cells:
                terms = [(1.0, self.rest(f"table:{name}:{c}")) for c in cells]
                self.add([*terms, (-1.0, self.rest(f"figure:{head}"))], 0, 0)
        for name, cell in CELL_PARTITIONS.items():
            cells = tables.get(name, {})
            if cells and cell in self.value:
                terms = [(1.0, self.rest(f"table:{name}:{c}")) for c in cells]
                self.add([*terms, (-1.0, self.rest(cell))], 0, 0)
        contacts = self.rest("figure:contacts")
        topics = [self.rest(f"table:topic:{t}") for t in tables.get("topic", {})]
        for topic in topics:
            self.add([(1.0, topic), (-1.0, contacts)], -inf, 0)
        if topics:
            self.add([*((1.0, t) for t in topics), (-1.0, contacts)], 0, inf)
        minutes = self.rest("figure:minutes")
        self.add([(1.0, minutes), (-1.0, contacts)], 0, inf)
        self.add([(1.0, minutes), (-float(MINUTES_PER_CONTACT), contacts)], -inf, 0)
        if "group" in tables.get("mode", {}):
            group, people = self.rest("table:mode:group"), self.rest("figure:group_people")
            self.add([(1.0, people), (-1.0, group)], 0, inf)
            self.add([(1.0, people), (-float(PEOPLE_PER_GROUP), group)], -inf, 0)

    def _what_the_report_says(self) -> None:
        """docs/reports.md, "What a hidden value tells": bounds and sums on team values."""
        n, inf = self.n, np.inf
        self.groups: list[list[str]] = []
        for name, cells in self.report.tables.items():
            keys = [f"table:{name}:{c}" for c in cells]
            hidden = [k for k in keys if k in self.col]
            if not hidden:
                continue
            why = self.report.reasons[hidden[0]]
            head = PARTITIONS.get(name) or ("contacts" if name == "topic" else None)
            head_shown = head is not None and self.value.get(f"figure:{head}") is not None
            if name in CELL_PARTITIONS:  # withheld whenever its cell is hidden
                cell = CELL_PARTITIONS[name]
                head_shown = (
                    self.value.get(cell) is not None and self.value["figure:contacts"] is not None
                )
            if "withheld" in why:
                if head_shown:
                    self.groups.append(hidden)
                continue
            shown = [v for k in keys if (v := self.value[k]) is not None]
            nonzero = [v for v in shown if v > 0]
            top = max(n - 1, min(nonzero)) if nonzero else inf
            more = "linked" in why or "insider" in why
            reached = sum(shown) >= (self.value["figure:contacts"] or 0)
            if name == "topic" and not more and head_shown and reached:
                top = n - 1
            for key in hidden:
                self.add([(1.0, self.team(key))], 1, top)
            if "threshold" in why:
                self.groups.append(hidden)
            if more:
                self.add([(1.0, self.team(k)) for k in hidden], n + len(hidden) - 1, inf)

    def _solve(self, key: str, sign: float) -> int:
        count = len(self.hidden)
        cost = np.zeros(count)
        cost[self.col[key]] = sign
        constraints = []
        if self.rows:
            matrix = np.zeros((len(self.rows), count))
            for r, (coefs, _, _) in enumerate(self.rows):
                for i, v in coefs.items():
                    matrix[r, i] = v
            lows = np.array([low for _, low, _ in self.rows])
            highs = np.array([high for _, _, high in self.rows])
            constraints.append(LinearConstraint(matrix, lows, highs))
        result = milp(
            cost,
            constraints=constraints,
            integrality=np.ones(count),
            bounds=Bounds(np.zeros(count), np.array(self.upper, dtype=float)),
        )
        assert result.status == 0, (key, result.message)
        return round(float(result.x[self.col[key]])) + self.own.get(key, 0)

    def reach(self) -> dict[str, tuple[int, int]]:
        """Each hidden cell's lowest and highest team value this reader can reach."""
        return {k: (self._solve(k, 1.0), self._solve(k, -1.0)) for k in self.hidden}

    def exposed(self, truth: Mapping[str, int] | None = None) -> list[str]:
        """Hidden cells pinned or proved from 1 to N-1 (PRODUCT.md's rule)."""
        reach = self.reach()
        if truth is not None:
            for key, (low, high) in reach.items():
                assert low <= truth[key] <= high, (key, low, truth[key], high)
        n = self.n
        found = [k for k, (lo, hi) in reach.items() if lo == hi or (lo >= 1 and hi <= n - 1)]
        for group in self.groups:
            maybe = [k for k in group if reach[k][0] <= n - 1 and reach[k][1] >= 1]
            if len(maybe) == 1:
                found.append(maybe[0])
        return sorted(set(found))


def truth_of(counts: MonthCounts) -> dict[str, int]:
    values = {f"figure:{f}": v for f, v in counts.figures.items()}
    for name, cells in counts.tables.items():
        values.update({f"table:{name}:{cid}": v for cid, v in cells.items()})
    return values
