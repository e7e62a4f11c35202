"""The comparing reader's integer program: whole-number unknowns, rows, extremes. Pure.

peerdesk.reports.comparison writes every publication of a period's months into one of
these and asks it for the lowest and highest value of sums of unknowns; HiGHS solves
them. Apart from the comparison's reading of publications so that each can be read
(and changed) alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from peerdesk.reports.solver import (
    AuditError,
    Row,
    parts,
    program_of,
    tighten,
    twice,
    whole_bound,
    within,
)

if TYPE_CHECKING:
    from highspy._core import _Highs

Expr = tuple[dict[int, int], int]  # coefficients by unknown, and a constant


class WholeProgram:
    """Whole-number unknowns with bounds and rows; extremes of sums of them by HiGHS.

    A publication's "at most one of these hidden cells is N or more" (the rules hide one
    complement per table: peerdesk.reports.disclosure) is one 0/1 column per cell that
    can be N or more, as in peerdesk.reports.audit. Solved as a linear program first and
    again with integrality only when its answer is not whole or breaks that fact. Every
    answer is kept: a value seen in a solution is a value the reader cannot rule out,
    which settles most checks without a solve of their own.
    """

    def __init__(self) -> None:
        self.lows: list[int] = []
        self.highs: list[int] = []
        self.rows: list[Row] = []
        self.large: list[tuple[list[Expr], int]] = []  # at most one of these `big` or more
        self.switches: list[tuple[Expr, int, int]] = []  # (cell, big, factor): on/off columns
        self.switch_sums: list[list[int]] = []
        self.points: list[list[int]] = []
        self._cache: dict[tuple[tuple[tuple[int, int], ...], bool], int] = {}
        self._solver: _Highs | None = None
        self.part: list[int] = []  # each unknown's part (solver.parts), with the program
        self.members: dict[int, list[int]] = {}

    def var(self, low: int, high: int) -> Expr:
        self.lows.append(low)
        self.highs.append(high)
        return {len(self.lows) - 1: 1}, 0

    def add(self, expr: Expr, low: int | None, high: int | None) -> None:
        """low <= expr <= high; a row of known numbers only is a check, not a row."""
        coefs, constant = expr
        if not coefs:
            return
        self.rows.append(
            (
                coefs,
                None if low is None else low - constant,
                None if high is None else high - constant,
            )
        )

    def tighten(self) -> None:
        """Bounds as low as the rows allow: on/off factors small enough to stay exact."""
        tighten(self.lows, self.highs, self.rows)

    def upper(self, expr: Expr) -> int:
        """The most `expr` can be by the unknowns' bounds alone."""
        coefs, constant = expr
        return constant + sum(
            c * (self.highs[i] if c > 0 else self.lows[i]) for i, c in coefs.items()
        )

    def at_most_one_large(self, cells: Sequence[Expr], big: int) -> None:
        """At most one of `cells` is `big` or more; added before the first solve."""
        if self._solver is not None:
            raise AuditError("the comparison's program grew after it was solved")
        may = [cell for cell in cells if self.upper(cell) >= big]
        if len(may) < 2:
            return  # true by the bounds already
        self.large.append((may, big))
        first = len(self.switches)
        self.switches += [(cell, big, self.upper(cell) - (big - 1)) for cell in may]
        self.switch_sums.append(list(range(first, len(self.switches))))

    def adopt(self, named: Mapping[str, Expr], carry: Sequence[Mapping[str, int]]) -> None:
        """Keep each carried solution (values by cell name) that fits this program."""
        names = {
            next(iter(e[0])): n
            for n, e in named.items()
            if e[1] == 0 and e[0] and len(e[0]) == 1 and next(iter(e[0].values())) == 1
        }
        if len(names) < len(self.lows):
            return
        for solution in carry:
            point = [solution.get(names[i], -1) for i in range(len(self.lows))]
            if self._allows(point):
                self.points.append(point)

    def value(self, expr: Expr, point: Sequence[int]) -> int:
        return expr[1] + sum(c * point[i] for i, c in expr[0].items())

    def seen(self, expr: Expr) -> tuple[int, int]:
        values = [self.value(expr, p) for p in self.points]
        return min(values), max(values)

    def extreme(self, expr: Expr, *, low: bool) -> int:
        """The exact lowest (or highest) whole value of `expr`."""
        key = (tuple(sorted(expr[0].items())), low)
        if key not in self._cache:  # cached without the constant: one solve per sum
            point = self.solve(expr[0], minimise=low, bound_only=True)
            if point is None:
                raise AuditError("the comparison's program lost its solutions")
            self._cache[key] = self.value(expr, point) - expr[1]
        return self._cache[key] + expr[1]

    def solve(
        self, objective: Mapping[int, int], *, minimise: bool, bound_only: bool = False
    ) -> list[int] | None:
        """One optimal whole solution (kept among the points), or None if there is none.

        `bound_only`: when the linear program's optimum is not whole, a solution found
        before whose objective reaches the linear bound (rounded) is optimal too, and
        stands in for the integer program's (which a non-whole vertex costs).
        """
        if not self.lows:  # nothing unknown (HiGHS calls such a program empty)
            self.points.append([])
            return []
        values = self._run(objective, minimise, whole=False)
        if values is not None and not self._whole(values):
            if (point := self._whole_part(objective, values)) is not None:
                self.points.append(point)
                return point
            if bound_only and (known := self._reaching(objective, values, minimise)):
                return known  # the relaxation's bound is every whole solution's bound too
            values = self._run(objective, minimise, whole=True)
        if values is None:
            return None
        point = [round(v) for v in values]
        if not self._allows(point):
            raise AuditError("the comparison's solver returned a point outside its program")
        self.points.append(point)
        return point

    def _run(
        self, objective: Mapping[int, int], minimise: bool, *, whole: bool
    ) -> list[float] | None:
        """The optimum (in whole numbers, on/off columns included, if `whole`), or None
        if there is none; tried twice if need be (peerdesk.reports.solver.twice)."""
        from highspy._core import ObjSense

        n = len(self.lows)
        every = list(range(n))
        costs = [float(objective.get(i, 0)) for i in every]
        sense = ObjSense.kMinimize if minimise else ObjSense.kMaximize

        def prepared(fresh: bool) -> _Highs:
            if fresh:
                self._solver = None
            highs = self._program()
            highs.changeColsCost(n, every, costs)
            highs.changeObjectiveSense(sense)
            return highs

        columns = range(n + len(self.switches)) if whole else range(0)
        return twice(prepared, columns, lambda highs: _run(highs, n))

    def _reaching(
        self, objective: Mapping[int, int], values: Sequence[float], minimise: bool
    ) -> list[int] | None:
        """A known whole solution as good as the linear bound: then it is optimal."""
        best = whole_bound(sum(c * values[i] for i, c in objective.items()), minimise=minimise)
        for point in self.points:
            if sum(c * point[i] for i, c in objective.items()) == best:
                return point
        return None

    def _whole_part(
        self, objective: Mapping[int, int], values: Sequence[float]
    ) -> list[int] | None:
        """A whole solution at the relaxation's optimum, if that optimum is whole on the
        objective's parts (solver.parts): those parts as solved, the rest from a solution
        found before; None when there is none to take the rest from, or the point is not
        whole there or breaks a one-large fact."""
        if not self.points:
            return None
        columns = {i for j in objective for i in self.members[self.part[j]]}
        if any(abs(values[i] - round(values[i])) > 1e-6 for i in columns):
            return None
        point = list(self.points[0])
        for i in columns:
            point[i] = round(values[i])
        return point if self._allows(point) else None

    def _whole(self, values: Sequence[float]) -> bool:
        """A whole point that keeps every one-large fact: a reader's solution."""
        if any(abs(v - round(v)) > 1e-6 for v in values):
            return False
        return self._one_large_holds([round(v) for v in values])

    def _one_large_holds(self, point: Sequence[int]) -> bool:
        return all(
            sum(self.value(cell, point) >= big for cell in cells) <= 1 for cells, big in self.large
        )

    def _allows(self, point: Sequence[int]) -> bool:
        return within(point, self.lows, self.highs, self.rows) and self._one_large_holds(point)

    def _program(self) -> _Highs:
        if self._solver is None:
            # cell <= big - 1 unless its switch is on
            switches = [
                (coefs, big - 1 - constant, factor)
                for (coefs, constant), big, factor in self.switches
            ]
            self._solver = program_of(self.lows, self.highs, self.rows, switches, self.switch_sums)
            n = len(self.lows)
            links = [
                *(list(coefs) for coefs, _, _ in self.rows),
                *([*cell[0], n + k] for k, (cell, _, _) in enumerate(self.switches)),
                *([n + k for k in group] for group in self.switch_sums),
            ]
            self.part = parts(n + len(self.switches), links)[:n]
            self.members = {}
            for i, part in enumerate(self.part):
                self.members.setdefault(part, []).append(i)
        return self._solver


def _run(highs: _Highs, n: int) -> list[float] | None:
    from highspy._core import HighsModelStatus

    highs.run()
    status = highs.getModelStatus()
    if status == HighsModelStatus.kInfeasible:
        return None
    if status != HighsModelStatus.kOptimal:
        raise AuditError(f"the comparison's program ended {highs.modelStatusToString(status)}")
    return list(highs.getSolution().col_value)[:n]  # the unknowns, not the on/off columns
