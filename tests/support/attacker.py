"""A reader attacking a published team report, written apart from the product's audit.

It reads only what a report publishes (values, x's, the reasons printed per cell) and
what docs/reports.md says the method does, writes its own integer program and solves
it with scipy.optimize.milp: another model, another solver interface, another author's
reading of the rules than peerdesk.reports.audit. With `own`, the reader is one peer who
also knows their own month: the unknowns are then the rest of the team, 0 or more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from itertools import pairwise
from typing import Any

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
    "duration": "contacts",
    "referral_status": "referrals",
}
# docs/reports.md: each duration bin's first and last minute.
DURATION_MINUTES = {
    "under-15": (1, 14),
    "15-29": (15, 29),
    "30-59": (30, 59),
    "60-119": (60, 119),
    "120-plus": (120, 1440),
}
# Tables that add up to one cell of another table: every group contact has one kind.
CELL_PARTITIONS = {"group_kind": "table:mode:group"}
MINUTES_PER_CONTACT = 1440
PEOPLE_PER_GROUP = 500
PER_FILE = {"minutes": 1_000_000 * 1440, "group_people": 1_000_000 * 500}

Affine = tuple[dict[int, float], float]  # coefficients over the unknowns, constant


Split = Callable[[Any], list[LinearConstraint] | None]


def whole_optimum(
    cost: np.ndarray,
    constraints: list[LinearConstraint],
    bounds: Bounds,
    fits: Any = None,
    split: Split | None = None,
) -> Any:
    """The optimum in whole numbers: the linear program's when it is whole, else milp's.

    milp's MIP presolve (HiGHS as bundled with scipy) was seen to answer 41,760 for the
    least contact count of a report whose true least is 29 (contacts and minutes hidden,
    bounds in the billions); the plain linear program, and milp without presolve, say
    29. So: the linear program first; whole-number search without presolve if needed.

    `split`: for an answer that breaks "at most one large count" (milp takes an on/off
    unknown within 1e-6 of 0 as off, which a factor of millions turns into counts), the
    alternatives every allowed answer meets (one of the large cells at most N-1); the
    best of their optima is the optimum. None if the program has no solution.
    """
    x = _whole_answer(cost, constraints, bounds, fits)
    pieces = None if x is None or split is None else split(x)
    if pieces is None:
        return x
    answers = [whole_optimum(cost, [*constraints, piece], bounds, fits, split) for piece in pieces]
    found = [a for a in answers if a is not None]
    return min(found, key=lambda a: float(cost @ a), default=None)


def _whole_answer(
    cost: np.ndarray, constraints: list[LinearConstraint], bounds: Bounds, fits: Any
) -> Any:
    relaxed = milp(cost, constraints=constraints, bounds=bounds)
    if relaxed.status == 2:  # infeasible: a branch of `split` that no answer meets
        return None
    assert relaxed.status == 0, relaxed.message
    if fits is not None and fits(relaxed.x):
        return relaxed.x  # a whole point every reader's rule allows: the optimum
    if fits is None and np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-6):
        return relaxed.x
    result = milp(
        cost,
        constraints=constraints,
        integrality=np.ones(len(cost)),
        bounds=bounds,
        options={"presolve": False, "mip_rel_gap": 0},
    )
    if result.status == 2:
        return None
    assert result.status == 0, result.message
    return result.x


def add_row(
    rows: list[tuple[dict[int, float], float, float]],
    terms: list[tuple[float, Affine]],
    low: float,
    high: float,
) -> None:
    """low <= sum(c * term) <= high over the unknowns; a row of numbers only is dropped."""
    coefs: dict[int, float] = {}
    constant = 0.0
    for c, (part, const) in terms:
        constant += c * const
        for i, v in part.items():
            coefs[i] = coefs.get(i, 0.0) + c * v
    coefs = {i: v for i, v in coefs.items() if v}
    if coefs:
        rows.append((coefs, low - constant, high - constant))


def duration_rows(
    minutes: Affine, bins: list[tuple[Affine, str]]
) -> list[tuple[list[tuple[float, Affine]], float, float]]:
    """docs/reports.md: the minutes lie between the bins' first and last minutes times
    their counts."""
    if not bins:
        return []
    low = [(-float(DURATION_MINUTES[b][0]), cell) for cell, b in bins]
    high = [(-float(DURATION_MINUTES[b][1]), cell) for cell, b in bins]
    return [([(1.0, minutes), *low], 0, np.inf), ([(1.0, minutes), *high], -np.inf, 0)]


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
        self.large_groups: list[list[str]] = []
        self.switch_of: dict[int, str] = {}  # each 0/1 unknown's cell
        self.points: list[dict[str, int]] = []  # whole solutions found: team values
        self._exact: dict[tuple[str, float], int] = {}
        self._constraints: list[LinearConstraint] | None = None
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
        add_row(self.rows, terms, low, high)

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
        bins = [(self.rest(f"table:duration:{b}"), b) for b in tables.get("duration", {})]
        for terms, low, high in duration_rows(minutes, bins):
            self.add(terms, low, high)
        if "group" in tables.get("mode", {}):
            group, people = self.rest("table:mode:group"), self.rest("figure:group_people")
            self.add([(1.0, people), (-1.0, group)], 0, inf)
            self.add([(1.0, people), (-float(PEOPLE_PER_GROUP), group)], -inf, 0)

    def _what_the_report_says(self) -> None:
        """docs/reports.md, "What a hidden value tells": bounds and sums on team values."""
        n, inf = self.n, np.inf
        self.groups: list[list[str]] = []
        zeros = self.report.zeros_hidden
        for name, cells in self.report.tables.items():
            keys = [f"table:{name}:{c}" for c in cells]
            hidden = [k for k in keys if k in self.col]
            if not hidden:
                continue
            why = self.report.reasons[hidden[0]]
            earlier = "earlier" in why  # docs: 0 or more each, no smallest-count bound
            head = PARTITIONS.get(name) or ("contacts" if name == "topic" else None)
            head_shown = head is not None and self.value.get(f"figure:{head}") is not None
            if name in CELL_PARTITIONS:  # withheld whenever its cell is hidden
                cell = CELL_PARTITIONS[name]
                head_shown = (
                    self.value.get(cell) is not None and self.value["figure:contacts"] is not None
                )
            if "withheld" in why:
                claims = why == ("withheld",) or "threshold" in why  # docs: the rules' only
                if head_shown and not earlier and why == ("withheld",):
                    for key in hidden:  # docs, rule 4: all its counts were small
                        self.add([(1.0, self.team(key))], 0, n - 1)
                if head_shown and not earlier and claims and not zeros:
                    self.groups.append(hidden)
                continue
            shown = [v for k in keys if (v := self.value[k]) is not None]
            nonzero = [v for v in shown if v > 0]
            top = max(n - 1, min(nonzero)) if nonzero and "insider" not in why else inf
            more = "linked" in why or "insider" in why
            reached = sum(shown) >= (self.value["figure:contacts"] or 0)
            if name == "topic" and not more and not earlier and head_shown and reached:
                top = n - 1
            least_each = 0 if earlier or zeros else 1  # docs: with zeros hidden, 0 or more
            for key in hidden:
                self.add([(1.0, self.team(key))], least_each, inf if earlier else top)
            if "threshold" in why and not zeros:
                self.groups.append(hidden)
            if why == ("threshold",) and len(hidden) > 1:
                cap = self.value.get(f"figure:{head}") if head_shown and head else None
                if name in CELL_PARTITIONS and head_shown:  # group kinds: the group cell
                    cap = self.value.get(CELL_PARTITIONS[name])
                self._at_most_one_large(hidden, cap)
            if more:
                least = n if earlier or zeros else n + len(hidden) - 1
                self.add([(1.0, self.team(k)) for k in hidden], least, inf)

    def _at_most_one_large(self, hidden: list[str], cap: int | None) -> None:
        """docs/reports.md: the rules hide one complement per table, so in a table marked
        `threshold` alone at most one hidden cell is N or more. One 0/1 unknown per cell;
        `cap`, the table's shown total, keeps the factor small enough to be exact."""
        self.large_groups.append(hidden)
        switches = []
        for key in hidden:
            switch = len(self.upper)
            self.upper.append(1)
            switches.append(switch)
            self.switch_of[switch] = key
            big = cap if cap is not None else self.upper[self.col[key]] + self.own.get(key, 0)
            self.add([(1.0, self.team(key)), (-big, ({switch: 1.0}, 0.0))], -np.inf, self.n - 1)
        self.add([(1.0, ({s: 1.0}, 0.0)) for s in switches], -np.inf, 1)

    def _solve(self, cost: dict[str, float]) -> dict[str, int]:
        """One whole optimum of `cost` over the hidden cells, kept among the points."""
        count = len(self.upper)  # the hidden cells, then any 0/1 unknowns
        vector = np.zeros(count)
        for key, c in cost.items():
            vector[self.col[key]] = c
        x = whole_optimum(
            vector,
            self._matrix(),
            Bounds(np.zeros(count), np.array(self.upper, dtype=float)),
            self._fits if self.large_groups else None,
            self._split if self.large_groups else None,
        )
        assert x is not None, "this reader's program has no solution"
        point = {k: round(float(x[i])) + self.own.get(k, 0) for k, i in self.col.items()}
        self.points.append(point)
        return point

    def _matrix(self) -> list[LinearConstraint]:
        if self._constraints is None:
            self._constraints = []
            if self.rows:
                matrix = np.zeros((len(self.rows), len(self.upper)))
                for r, (coefs, _, _) in enumerate(self.rows):
                    for i, v in coefs.items():
                        matrix[r, i] = v
                lows = np.array([low for _, low, _ in self.rows])
                highs = np.array([high for _, _, high in self.rows])
                self._constraints.append(LinearConstraint(matrix, lows, highs))
        return self._constraints

    def extreme(self, key: str, sign: float) -> int:
        """The exact lowest (sign 1) or highest (sign -1) team value of `key`."""
        if (key, sign) not in self._exact:
            self._exact[(key, sign)] = self._solve({key: sign})[key]
        return self._exact[(key, sign)]

    def admit(self, truth: Mapping[str, int]) -> None:
        """The true counts as the first solution: they must fit this reader's program
        (else the program says something false of the report), and every range found
        then holds them."""
        x = np.zeros(len(self.upper))
        for key, i in self.col.items():
            x[i] = truth[key] - self.own.get(key, 0)
        for switch, key in self.switch_of.items():
            x[switch] = float(truth[key] >= self.n)
        assert (x >= 0).all() and (x <= np.array(self.upper)).all(), "truth outside bounds"
        for coefs, low, high in self.rows:
            total = sum(v * x[i] for i, v in coefs.items())
            assert low - 1e-9 <= total <= high + 1e-9, ("truth breaks a row", coefs, low, high)
        assert not self.large_groups or self._fits(x), "truth breaks a one-large fact"
        self.points.append({k: truth[k] for k in self.hidden})

    def _split(self, x: Any) -> list[LinearConstraint] | None:
        """None if `x` keeps every one-large fact; else, for the first group it breaks,
        one alternative per large cell: that cell (the team's) at most N-1."""
        team = {k: round(float(x[i])) + self.own.get(k, 0) for k, i in self.col.items()}
        for group in self.large_groups:
            large = [k for k in group if team[k] >= self.n]
            if len(large) > 1:
                pieces = []
                for key in large:
                    row = np.zeros((1, len(self.upper)))
                    row[0, self.col[key]] = 1.0
                    pieces.append(LinearConstraint(row, -np.inf, self.n - 1 - self.own.get(key, 0)))
                return pieces
        return None

    def _fits(self, x: Any) -> bool:
        """Whole hidden cells with at most one large per one-large table (0/1 aside)."""
        cells = x[: len(self.hidden)]
        if not np.allclose(cells, np.round(cells), atol=1e-6):
            return False
        team = {k: round(float(cells[i])) + self.own.get(k, 0) for k, i in self.col.items()}
        return all(sum(team[k] >= self.n for k in group) <= 1 for group in self.large_groups)

    def reach(self) -> dict[str, tuple[int, int]]:
        """Each hidden cell's lowest and highest team value this reader can reach."""
        return {k: (self.extreme(k, 1.0), self.extreme(k, -1.0)) for k in self.hidden}

    def _decided(self, grouped: set[str]) -> dict[str, tuple[int, int]]:
        """Each hidden cell's range, exact where the solutions found cannot decide it.

        Seen at two values, one of them the reader's own or less or N more than it, a
        cell is neither pinned nor proved small whatever its exact range, and a cell
        of a group said to hold a small count that was seen from 1 to N-1 or across it
        may be the small one: its seen range decides the same as its exact one. Two
        spread solutions (the least and the most of all hidden cells) come first."""
        if not self.hidden:
            return {}
        self._solve(dict.fromkeys(self.hidden, 1.0))
        self._solve(dict.fromkeys(self.hidden, -1.0))
        n, ranges = self.n, {}
        for key in self.hidden:
            low, high = min(p[key] for p in self.points), max(p[key] for p in self.points)
            mine = self.own.get(key, 0)
            decided = high > low and (low - mine <= 0 or high - mine >= n)
            if decided and (key not in grouped or (low <= n - 1 and high >= 1)):
                ranges[key] = (low, high)
            else:
                ranges[key] = (self.extreme(key, 1.0), self.extreme(key, -1.0))
        return ranges

    def _may_be_known(self, key: str, value: int) -> bool:
        """docs/reports.md: a value marked `earlier` may be known exactly at N or more."""
        return "earlier" in self.report.reasons.get(key, ()) and value >= self.n

    def exposed(self, truth: Mapping[str, int] | None = None) -> list[str]:
        """Hidden cells pinned or proved from 1 to N-1 (PRODUCT.md's rule); for a peer,
        what is proved small is the rest of the team, the cell minus their own count."""
        if truth is not None:
            self.admit(truth)
        reach = self._decided({k for group in self.groups for k in group})
        n = self.n
        # What is small or not is the rest of the team: the cell minus the reader's own.
        # Pinned at the reader's own count (the others hold 0) is what a shown zero tells.
        found = [
            k
            for k, (lo, hi) in reach.items()
            if (
                lo == hi
                and not self._may_be_known(k, lo)
                and not (self.own and hi == self.own.get(k, 0) and not self.report.zeros_hidden)
            )
            or (lo - self.own.get(k, 0) >= 1 and hi - self.own.get(k, 0) <= n - 1)
        ]
        if self.own:  # a shown count minus the reader's own: the rest of the team's
            sums = ("figure:minutes", "figure:group_people")
            for key, value in self.value.items():
                least = 0 if self.report.zeros_hidden else 1  # docs: with zeros hidden, none too
                if value and key not in sums and least <= value - self.own.get(key, 0) < n:
                    found.append(key)
        for group in self.groups:
            maybe = [k for k in group if reach[k][0] <= n - 1 and reach[k][1] >= 1]
            if len(maybe) == 1:
                key, mine = maybe[0], self.own.get(maybe[0], 0)
                exact = self.extreme(key, 1.0), self.extreme(key, -1.0)
                lo, hi = max(exact[0], 1) - mine, min(exact[1], n - 1) - mine
                pinned = lo == hi and (hi > 0 or self.report.zeros_hidden)
                if lo >= 1 or pinned:  # the one small cell: the rest small or pinned
                    found.append(key)
        return sorted(set(found))


def truth_of(counts: MonthCounts) -> dict[str, int]:
    values = {f"figure:{f}": v for f, v in counts.figures.items()}
    for name, cells in counts.tables.items():
        values.update({f"table:{name}:{cid}": v for cid, v in cells.items()})
    return values


# --- a reader who compares publications ---------------------------------------------------
CHANGE_LIMITS = 1_000_000  # bounds of a latent month's cell per file (docs: at most)


class Comparer:
    """A reader holding several publications, oldest first, each with the months it covers.

    Written from docs/reports.md ("Publishing again"): each publication observed its
    months at its own time; a quarter's cells are the sums of its months then, each an
    unknown month of its own; between two observations of a month every cell grew or
    stayed, and the growth is a month's worth of contacts. It reads only the reports.
    """

    def __init__(self, reports: list[tuple[TeamReport, tuple[str, ...]]]) -> None:
        self.reports = reports
        self.names: list[str] = []
        self.upper: list[float] = []
        self.lower: list[float] = []
        self.rows: list[tuple[dict[int, float], float, float]] = []
        self.cells: list[dict[str, Affine]] = []
        self.observed: dict[str, list[tuple[int, dict[str, Affine]]]] = {}
        self.groups: list[tuple[int, list[str]]] = []
        self.large: list[tuple[list[Affine], int]] = []  # at most one of these N or more
        self.caps: list[int | None] = []  # each one-large table's shown total, if shown
        self.points: list[Any] = []  # whole solutions found
        for index, (report, months) in enumerate(reports):
            self._report(index, report, months)
        self._growth()
        self._switches()

    def _var(self, name: str, low: float, high: float) -> Affine:
        self.names.append(name)
        self.lower.append(low)
        self.upper.append(high)
        return {len(self.names) - 1: 1.0}, 0.0

    def add(self, terms: list[tuple[float, Affine]], low: float, high: float) -> None:
        add_row(self.rows, terms, low, high)

    def _month_relations(self, cells: dict[str, Affine], tables: dict[str, list[str]]) -> None:
        """A month's relations over `cells` (or over a sum of months: the same)."""
        for name, head in PARTITIONS.items():
            if tables.get(name):
                terms = [(1.0, cells[f"table:{name}:{c}"]) for c in tables[name]]
                self.add([*terms, (-1.0, cells[f"figure:{head}"])], 0, 0)
        self._inequalities(cells, tables)

    def _inequalities(self, cells: dict[str, Affine], tables: dict[str, list[str]]) -> None:
        inf = np.inf
        contacts = cells["figure:contacts"]
        topics = [cells[f"table:topic:{t}"] for t in tables.get("topic", [])]
        for topic in topics:
            self.add([(1.0, topic), (-1.0, contacts)], -inf, 0)
        if topics:
            self.add([*((1.0, t) for t in topics), (-1.0, contacts)], 0, inf)
        minutes = cells["figure:minutes"]
        self.add([(1.0, minutes), (-1.0, contacts)], 0, inf)
        self.add([(1.0, minutes), (-float(MINUTES_PER_CONTACT), contacts)], -inf, 0)
        bins = [(cells[f"table:duration:{b}"], b) for b in tables.get("duration", [])]
        for terms, low, high in duration_rows(minutes, bins):
            self.add(terms, low, high)
        if "group" in tables.get("mode", []):
            group, people = cells["table:mode:group"], cells["figure:group_people"]
            self.add([(1.0, people), (-1.0, group)], 0, inf)
            self.add([(1.0, people), (-float(PEOPLE_PER_GROUP), group)], -inf, 0)

    def _report(self, index: int, report: TeamReport, months: tuple[str, ...]) -> None:
        value: dict[str, int | None] = {f"figure:{f}": v for f, v in report.figures.items()}
        tables = {name: list(row) for name, row in report.tables.items()}
        for name, row in report.tables.items():
            value.update({f"table:{name}:{cid}": v for cid, v in row.items()})

        def top(key: str) -> float:
            return report.peers * PER_FILE.get(key.split(":")[1], CHANGE_LIMITS)

        cells: dict[str, Affine] = {}
        if len(months) == 1:
            for key, v in value.items():
                known = v is not None
                cells[key] = ({}, float(v or 0)) if known else self._var(key, 0, top(key))
            self.observed.setdefault(months[0], []).append((index, cells))
        else:
            parts = {m: {k: self._var(f"{m}|{k}", 0, top(k)) for k in value} for m in months}
            for key, v in value.items():
                cells[key] = {next(iter(parts[m][key][0])): 1.0 for m in months}, 0.0
                if v is not None:
                    self.add([(1.0, cells[key])], v, v)
            for month in months:
                self._month_relations(parts[month], tables)
                self.observed.setdefault(month, []).append((index, parts[month]))
        self._month_relations(cells, tables)
        self.cells.append(cells)
        self._says(index, report, value, cells)

    def _says(
        self, index: int, report: TeamReport, value: dict[str, int | None], cells: dict[str, Affine]
    ) -> None:
        """docs/reports.md: what a hidden value tells, `earlier` included."""
        n, inf = report.min_cell, np.inf
        for name, row in report.tables.items():
            keys = [f"table:{name}:{c}" for c in row]
            hidden = [k for k in keys if value[k] is None]
            if not hidden:
                continue
            why = report.reasons[hidden[0]]
            earlier = "earlier" in why
            head = PARTITIONS.get(name) or ("contacts" if name == "topic" else None)
            head_shown = head is not None and value.get(f"figure:{head}") is not None
            if "withheld" in why:
                claims = why == ("withheld",) or "threshold" in why
                if head_shown and not earlier and why == ("withheld",):
                    for key in hidden:  # docs, rule 4: all its counts were small
                        self.add([(1.0, cells[key])], 0, n - 1)
                if head_shown and not earlier and claims and not report.zeros_hidden:
                    self.groups.append((index, hidden))
                continue
            shown = [v for k in keys if (v := value[k]) is not None]
            nonzero = [v for v in shown if v > 0]
            top = max(n - 1, min(nonzero)) if nonzero and "insider" not in why else inf
            more = "linked" in why or "insider" in why
            reached = sum(shown) >= (value["figure:contacts"] or 0)
            if name == "topic" and not more and not earlier and head_shown and reached:
                top = n - 1
            zeros = report.zeros_hidden
            for key in hidden:
                if earlier:
                    self.add([(1.0, cells[key])], 0, inf)
                else:
                    self.add([(1.0, cells[key])], 0 if zeros else 1, top)
            if "threshold" in why and not zeros:
                self.groups.append((index, hidden))
            if why == ("threshold",) and len(hidden) > 1:
                cap = value.get(f"figure:{head}") if head_shown and head else None
                self._at_most_one_large([cells[k] for k in hidden], n, cap)
            if more:
                least = n if earlier or zeros else n + len(hidden) - 1
                self.add([(1.0, cells[k]) for k in hidden], least, inf)

    def _at_most_one_large(self, hidden: list[Affine], n: int, cap: int | None) -> None:
        """docs/reports.md: in a table marked `threshold` alone at most one hidden cell is
        N or more. Written once every row is in (`_switches`)."""
        self.large.append((hidden, n))
        self.caps.append(cap)

    def _switches(self) -> None:
        """One 0/1 unknown per one-large cell, its factor the table's shown total or else
        the most the linear program lets the cell be: a factor of millions would let
        milp's 1e-6 tolerance on an on/off unknown leave counts of slack."""
        for (hidden, n), cap in zip(self.large, self.caps, strict=True):
            switches = []
            for cell in hidden:
                big = cap if cap is not None else self._most(cell)
                switch = self._var("switch", 0, 1)
                switches.append(switch)
                self.add([(1.0, cell), (-float(big), switch)], -np.inf, n - 1)
            self.add([(1.0, s) for s in switches], -np.inf, 1)

    def _most(self, cell: Affine) -> float:
        """The linear program's highest value of `cell` (no switch yet): a bound on it."""
        cost = np.zeros(len(self.names))
        for i, v in cell[0].items():
            cost[i] = -v
        matrix = np.zeros((len(self.rows), len(self.names)))
        for r, (coefs, _, _) in enumerate(self.rows):
            for i, v in coefs.items():
                matrix[r, i] = v
        rows = LinearConstraint(
            matrix, [low for _, low, _ in self.rows], [high for _, _, high in self.rows]
        )
        result = milp(cost, constraints=[rows], bounds=Bounds(self.lower, self.upper))
        assert result.status == 0, result.message
        return float(np.ceil(-result.fun + cell[1] - 1e-9))

    def _split(self, x: Any) -> list[LinearConstraint] | None:
        """None if `x` keeps every one-large fact; else, for the first table it breaks,
        one alternative per large cell: that cell at most N-1."""
        for cells, n in self.large:
            large = [cell for cell in cells if self._value(cell, x) >= n]
            if len(large) > 1:
                pieces = []
                for coefs, constant in large:
                    row = np.zeros((1, len(self.names)))
                    for i, v in coefs.items():
                        row[0, i] = v
                    pieces.append(LinearConstraint(row, -np.inf, n - 1 - constant))
                return pieces
        return None

    def _fits(self, x: Any) -> bool:
        """Whole unknowns with at most one large cell per one-large table (0/1 aside)."""
        cells = [x[i] for i, name in enumerate(self.names) if name != "switch"]
        if not np.allclose(cells, np.round(cells), atol=1e-6):
            return False
        return all(
            sum(round(sum(v * x[i] for i, v in cell[0].items()) + cell[1]) >= n for cell in cells)
            <= 1
            for cells, n in self.large
        )

    def _growth(self) -> None:
        for seq in self.observed.values():
            for (_, before), (_, after) in pairwise(seq):
                common = [k for k in after if k in before]
                went_down = any(
                    not before[k][0] and not after[k][0] and after[k][1] < before[k][1]
                    for k in common
                )
                if went_down:
                    continue
                change = {k: _minus(after[k], before[k]) for k in common}
                for k in common:
                    self.add([(1.0, change[k])], 0, np.inf)
                tables: dict[str, list[str]] = {}
                for k in common:
                    if k.startswith("table:"):
                        _, name, cid = k.split(":")
                        tables.setdefault(name, []).append(cid)
                self._inequalities(change, tables)

    def _solve(
        self, expr: Affine, sign: float, extra: list[LinearConstraint] | None = None
    ) -> float:
        """The whole optimum of `expr` (sign 1: lowest, -1: highest), kept among the points."""
        count = len(self.names)
        cost = np.zeros(count)
        for i, v in expr[0].items():
            cost[i] = sign * v
        if not hasattr(self, "_constraint"):
            matrix = np.zeros((len(self.rows), count))
            for r, (coefs, _, _) in enumerate(self.rows):
                for i, v in coefs.items():
                    matrix[r, i] = v
            self._constraint = LinearConstraint(
                matrix,
                np.array([low for _, low, _ in self.rows]),
                np.array([high for _, _, high in self.rows]),
            )
        x = whole_optimum(
            cost,
            [self._constraint, *(extra or [])],
            Bounds(np.array(self.lower), np.array(self.upper)),
            self._fits if self.large else None,
            self._split if self.large else None,
        )
        assert x is not None, "this reader's program has no solution"
        self.points.append(x)
        return self._value(expr, x)

    @staticmethod
    def _value(expr: Affine, x: Any) -> float:
        return float(round(sum(v * x[i] for i, v in expr[0].items()) + expr[1]))

    def _range(self, expr: Affine) -> tuple[float, float]:
        if not expr[0]:
            return expr[1], expr[1]
        return self._solve(expr, 1.0), self._solve(expr, -1.0)

    def _seen(self, expr: Affine) -> tuple[float, float]:
        """The least and most of `expr` among the solutions found: inside its range."""
        values = [self._value(expr, x) for x in self.points]
        return min(values), max(values)

    def _admit(self, truths: Sequence[Mapping[str, int]]) -> None:
        """Every report's exact counts at once must fit this reader's program; the
        solution that shows it is the first point."""
        rows: list[tuple[dict[int, float], float, float]] = []
        for index, truth in enumerate(truths):
            for key, expr in self.cells[index].items():
                if not expr[0]:
                    assert expr[1] == truth[key], (index, key, "shown, but not its count")
                add_row(rows, [(1.0, expr)], truth[key], truth[key])
        matrix = np.zeros((len(rows), len(self.names)))
        for r, (coefs, _, _) in enumerate(rows):
            for i, v in coefs.items():
                matrix[r, i] = v
        bounds = np.array([low for _, low, _ in rows])
        extra = [LinearConstraint(matrix, bounds, bounds)] if rows else []
        self._solve(({}, 0.0), 1.0, extra)

    def _spread(self) -> None:
        """Solutions far apart before any cell's own: the least and the most of every
        report's hidden cells together. Most cells are then seen at two values, one
        of them 0 or N or more, and need no solve of their own."""
        for index, (report, _) in enumerate(self.reports):
            cells = [self.cells[index][k] for k in report.reasons if k in self.cells[index]]
            coefs: dict[int, float] = {}
            for part, _ in cells:
                for i, v in part.items():
                    coefs[i] = coefs.get(i, 0.0) + v
            if coefs:
                self._solve((coefs, 0.0), 1.0)
                self._solve((coefs, 0.0), -1.0)

    def exposed(
        self, *, first: bool = False, truths: Sequence[Mapping[str, int]] | None = None
    ) -> list[str]:
        """What this reader narrows too far (docs/reports.md's list), as readable names.

        `first`: stop at the first one found (a report expected to be exposed); `truths`:
        each report's exact counts, which must fit the program all at once. A range the
        solutions found already settle is not solved for (see `_decide`).
        """
        found: list[str] = []
        reach: dict[tuple[int, str], tuple[float, float]] = {}
        if truths is not None:
            self._admit(truths)
        self._spread()
        grouped = {(index, k) for index, hidden in self.groups for k in hidden}
        for index, (report, _) in enumerate(self.reports):
            n = report.min_cell
            for key, expr in self.cells[index].items():
                if key not in report.reasons:
                    continue
                settles = partial(_settled, n=n, grouped=(index, key) in grouped)
                low, high = reach[(index, key)] = self._decide(expr, settles)
                known_ok = "earlier" in report.reasons[key] and low >= n  # docs: may be known
                if (low == high and not known_ok) or (low >= 1 and high <= n - 1):
                    found.append(f"{report.month} {key} in {low:.0f}..{high:.0f}")
                    if first:
                        return found
        for index, hidden in self.groups:
            n = self.reports[index][0].min_cell
            maybe = [
                k for k in hidden if reach[(index, k)][0] <= n - 1 and reach[(index, k)][1] >= 1
            ]
            if len(maybe) == 1:
                found.append(f"{self.reports[index][0].month} {maybe[0]} the small one")
        found += self._inside(first=first and not found)
        if first and found:
            return found[:1]
        return found + self._changes(first=first)

    def _decide(self, expr: Affine, settles: Callable[[float, float], bool]) -> tuple[float, float]:
        """The range seen among the solutions found when `settles` says it decides the
        check as the exact range would (the seen range is inside it), else the exact."""
        if not expr[0]:
            return expr[1], expr[1]
        low, high = self._seen(expr)
        if settles(low, high):
            return low, high
        return self._range(expr)

    def change_range(self, index: int, key: str) -> tuple[float, float]:
        """How far one cell of a month's report can have changed since the report before."""
        (month,) = self.reports[index][1]
        seq = self.observed[month]
        at = next(p for p, (i, _) in enumerate(seq) if i == index)
        return self._range(_minus(seq[at][1][key], seq[at - 1][1][key]))

    def _inside(self, *, first: bool) -> list[str]:
        """A month's cells inside a quarter or year at its time."""
        found: list[str] = []
        for month, seq in self.observed.items():
            for i, cells in seq:
                if len(self.reports[i][1]) == 1:
                    continue
                hidden_here = {  # docs: hidden by a report of the month alone, before it
                    k
                    for j, _ in seq
                    if j < i and len(self.reports[j][1]) == 1
                    for k in self.reports[j][0].reasons
                }
                n = self.reports[i][0].min_cell
                for key, expr in cells.items():
                    settles = partial(_settled, n=n, pinned_matters=key in hidden_here)
                    low, high = self._decide(expr, settles)
                    if (low >= 1 and high <= n - 1) or (low == high and key in hidden_here):
                        found.append(f"{month} inside {self.reports[i][0].month} {key}")
                        if first:
                            return found
        return found

    def _changes(self, *, first: bool) -> list[str]:
        """docs/reports.md: every report's change since each earlier report sharing a
        month (per month, and over the months they share), and a quarter's since the
        latest earlier report of each of its months."""
        found: list[str] = []
        for index, (report, months) in enumerate(self.reports):
            now: dict[str, dict[str, Affine]] = {}
            earlier: dict[int, dict[str, dict[str, Affine]]] = {}
            latest: dict[str, tuple[dict[str, Affine], int]] = {}
            for month in months:
                seq = self.observed[month]
                at = next(p for p, (i, _) in enumerate(seq) if i == index)
                now[month] = seq[at][1]
                for i, cells in seq[:at]:
                    earlier.setdefault(i, {})[month] = cells
                    latest[month] = (cells, i)
            groups: list[tuple[list[tuple[dict[str, Affine], dict[str, Affine]]], int]] = []
            for i, shared in earlier.items():
                n = max(report.min_cell, self.reports[i][0].min_cell)
                pairs = [(shared[m], now[m]) for m in shared]
                groups += [([pair], n) for pair in pairs]
                if len(pairs) > 1:
                    groups.append((pairs, n))
            if len(months) > 1 and len(latest) > 1:
                n = max(
                    [report.min_cell, *(self.reports[i][0].min_cell for _, i in latest.values())]
                )
                groups.append(([(cells, now[m]) for m, (cells, _) in latest.items()], n))
            for group, n in groups:
                found += self._changed_too_little(report, group, n)
                if first and found:
                    return found
        return found

    def _changed_too_little(
        self,
        report: TeamReport,
        group: list[tuple[dict[str, Affine], dict[str, Affine]]],
        n: int,
    ) -> list[str]:
        found: list[str] = []
        keys = [k for k in group[0][1] if all(k in b and k in a for b, a in group)]
        change = {k: _sum_changes(group, k) for k in keys}
        for key in keys:
            if key in ("figure:minutes", "figure:group_people"):
                low, high = self._decide(change[key], lambda low, high: high > low)
                if low == high != 0:
                    head = "figure:contacts" if key == "figure:minutes" else "table:mode:group"
                    h_low, h_high = self._range(change.get(head, ({}, 0.0)))
                    if not (h_low >= n or h_high <= -n):
                        found.append(f"{report.month} change of {key} pinned at {low:.0f}")
                continue
            low, high = self._decide(change[key], partial(_change_settled, n=n))
            if (low >= 1 and high <= n - 1) or (-(n - 1) <= low and high <= -1):
                found.append(f"{report.month} change of {key} in {low:.0f}..{high:.0f}")
        return found


def _settled(
    low: float, high: float, *, n: int, pinned_matters: bool = True, grouped: bool = False
) -> bool:
    """A cell seen from `low` to `high` is neither proved small nor pinned (where that
    matters), nor, in a group said to hold a small count, ruled out of being the one."""
    unpinned = high > low or not pinned_matters
    return (low <= 0 or high >= n) and unpinned and (not grouped or (low <= n - 1 and high >= 1))


def _change_settled(low: float, high: float, *, n: int) -> bool:
    """A change seen from `low` to `high` is proved neither from 1 to N-1 nor from -1
    to -(N-1)."""
    return (low <= 0 or high >= n) and (high >= 0 or low <= -n)


def _minus(a: Affine, b: Affine) -> Affine:
    coefs = dict(a[0])
    for i, v in b[0].items():
        coefs[i] = coefs.get(i, 0.0) - v
    return {i: v for i, v in coefs.items() if v}, a[1] - b[1]


def _sum_changes(group: list[tuple[dict[str, Affine], dict[str, Affine]]], key: str) -> Affine:
    coefs: dict[int, float] = {}
    constant = 0.0
    for before, after in group:
        part, const = _minus(after[key], before[key])
        constant += const
        for i, v in part.items():
            coefs[i] = coefs.get(i, 0.0) + v
    return {i: v for i, v in coefs.items() if v}, constant
