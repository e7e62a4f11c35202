"""The comparing reader's integer program: whole-number unknowns, rows, extremes. Pure.

peerdesk.reports.comparison writes every publication of a period's months into one of
these and asks it for the lowest and highest value of sums of unknowns; HiGHS solves
them. Apart from the comparison's reading of publications so that each can be read
(and changed) alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from peerdesk.reports.solutions import Expr, Solutions
from peerdesk.reports.solver import (
    AuditError,
    Row,
    RowCheck,
    parts,
    program_of,
    tighten,
    twice,
    whole_bound,
)

if TYPE_CHECKING:
    import numpy as np
    from highspy._core import _Highs
    from numpy.typing import NDArray

# HiGHS's simplex_strategy: the dual simplex is its default, and the primal simplex
# ends "Unknown" on a few of these programs when it starts from scratch.
DUAL_SIMPLEX = 1
PRIMAL_SIMPLEX = 4
_Question = tuple[tuple[tuple[int, int], ...], bool]  # a sum's terms, and low or high


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
        self.points = Solutions()  # every whole solution found, in order
        self._row_check: RowCheck | None = None
        self._columns_of: dict[frozenset[int], list[int]] = {}  # the columns of parts
        self._cache: dict[_Question, int] = {}  # exact extremes, without the constant
        self._reached: dict[tuple[_Question, int], bool] = {}  # answers, by bound
        self._solvers: dict[bool, _Highs] = {}  # by `whole`: see `_program`
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
        if self.members:
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
        if len(names) < len(self.lows) or not carry:
            return
        import numpy as np

        n = len(self.lows)
        candidates = np.array(
            [[solution.get(names[i], -1) for i in range(n)] for solution in carry]
        )
        for point, fits in zip(candidates.tolist(), self._fits(candidates), strict=True):
            if fits and self._one_large_holds(point):
                self.points.append(point)

    def value(self, expr: Expr, point: Sequence[int]) -> int:
        return expr[1] + sum(c * point[i] for i, c in expr[0].items())

    def seen(self, expr: Expr) -> tuple[int, int]:
        """The lowest and highest value of `expr` over the solutions found."""
        return self.points.seen(expr, len(self.lows))

    def evaluate(self, exprs: Sequence[Expr]) -> list[list[int]]:
        """Each of `exprs` at each solution found: one list per solution."""
        return self.points.evaluate(exprs, len(self.lows))

    def extreme(self, expr: Expr, *, low: bool) -> int:
        """The exact lowest (or highest) whole value of `expr`."""
        key = (tuple(sorted(expr[0].items())), low)
        if key not in self._cache:  # cached without the constant: one solve per sum
            point = self.solve(expr[0], minimise=low, bound_only=True)
            if point is None:
                raise AuditError("the comparison's program lost its solutions")
            self._cache[key] = self.value(expr, point) - expr[1]
        return self._cache[key] + expr[1]

    def reaches(self, expr: Expr, bound: int, *, low: bool) -> bool:
        """Whether some whole solution has `expr` <= `bound` (`low`) or >= `bound`.

        A check asks this, not for the exact extreme: a solution seen, the exact extreme
        if known, or the linear bound often answers at once, and otherwise one integer
        run with the question as a row and nothing to optimise stops at the first whole
        solution it meets, where the extreme's must prove that none is better.
        """
        coefs, constant = expr
        if not coefs:
            return constant <= bound if low else constant >= bound
        least, most = self.seen(expr)
        if (least <= bound) if low else (most >= bound):
            return True
        key = (tuple(sorted(coefs.items())), low)
        if key not in self._cache and (key, bound - constant) not in self._reached:
            self._reached[(key, bound - constant)] = self._reaches(coefs, bound - constant, low)
        if key in self._cache:
            best = self._cache[key] + constant
            return best <= bound if low else best >= bound
        return self._reached[(key, bound - constant)]

    def _reaches(self, coefs: dict[int, int], bound: int, low: bool) -> bool:
        values = self._run(coefs, low, whole=False)
        if values is None:
            raise AuditError("the comparison's program lost its solutions")
        optimum = sum(c * values[i] for i, c in coefs.items())
        if (optimum >= bound + 1) if low else (optimum <= bound - 1):
            # not even the linear program gets there, by a whole count at least: a
            # floating optimum a hair past the bound is left to the integer run, whose
            # answer a solution proves (a wrong no could let a change be read)
            return False
        point = [round(v) for v in values] if self._whole(values) else None
        if point is None and (point := self._whole_part(coefs, values)) is None:
            point = self._reaching(coefs, values, low)  # one of self.points already
        elif self._allows(point):
            self.points.append(point)
        else:
            raise AuditError("the comparison's solver returned a point outside its program")
        if point is not None:  # the optimum is whole: the extreme, and it gets there
            self._cache[(tuple(sorted(coefs.items())), low)] = self.value((coefs, 0), point)
            return True
        found = self._feasible(coefs, bound, low)
        if found is None:
            return False
        point = [round(v) for v in found]
        value = self.value((coefs, 0), point)
        if not self._allows(point) or ((value > bound) if low else (value < bound)):
            raise AuditError("the comparison's solver returned a point outside its program")
        self.points.append(point)
        return True

    def _feasible(self, coefs: Mapping[int, int], bound: int, low: bool) -> list[float] | None:
        """A whole solution with the row `coefs` <= `bound` (`low`) or >= it, or None."""
        from highspy._core import kHighsInf

        touched: list[_Highs] = []

        def prepared(fresh: bool) -> _Highs:
            highs = self._program(whole=True, fresh=fresh)
            self._cost(highs, {})
            edge = float(bound)
            highs.addRow(
                -kHighsInf if low else edge,
                edge if low else kHighsInf,
                len(coefs),
                list(coefs),
                [float(c) for c in coefs.values()],
            )
            touched.append(highs)
            return highs

        try:
            return twice(prepared, self._whole_columns(True), lambda h: _run(h, len(self.lows)))
        finally:
            for highs in touched:
                highs.deleteRows(1, [highs.getNumRow() - 1])

    def solve(
        self,
        objective: Mapping[int, int],
        *,
        minimise: bool,
        bound_only: bool = False,
        search: bool = True,
        exact: bool = True,
    ) -> list[int] | None:
        """One optimal whole solution (kept among the points), or None if there is none.

        `bound_only`: when the linear program's optimum is not whole, a solution found
        before whose objective reaches the linear bound (rounded) is optimal too, and
        stands in for the integer program's (which a non-whole vertex costs).
        `search` False: no integer search at all, None unless the linear optimum is
        whole (on the objective's parts); for solutions wanted only to be seen.
        `exact` False: when an integer search is needed, any whole solution will do
        (it stops at the first): the objective only steers the linear run. Proving an
        optimum nobody reads once took 55 s of a merge, on one order of its rows.
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
            if not search:
                return None
            values = self._run(objective if exact else {}, minimise, whole=True)
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

        sense = ObjSense.kMinimize if minimise else ObjSense.kMaximize

        def prepared(fresh: bool) -> _Highs:
            highs = self._program(whole=whole, fresh=fresh)
            if not whole:  # warm (see `_program`), or from scratch on the second try
                highs.setOptionValue("presolve", "choose" if fresh else "off")
                highs.setOptionValue("simplex_strategy", DUAL_SIMPLEX if fresh else PRIMAL_SIMPLEX)
            self._cost(highs, objective)
            highs.changeObjectiveSense(sense)
            return highs

        n = len(self.lows)
        return twice(prepared, self._whole_columns(whole), lambda highs: _run(highs, n))

    def _cost(self, highs: _Highs, objective: Mapping[int, int]) -> None:
        n = len(self.lows)
        every = list(range(n))
        highs.changeColsCost(n, every, [float(objective.get(i, 0)) for i in every])

    def _whole_columns(self, whole: bool) -> range:
        return range(len(self.lows) + len(self.switches)) if whole else range(0)

    def _reaching(
        self, objective: Mapping[int, int], values: Sequence[float], minimise: bool
    ) -> list[int] | None:
        """A known whole solution as good as the linear bound: then it is optimal."""
        best = whole_bound(sum(c * values[i] for i, c in objective.items()), minimise=minimise)
        if not self.points:
            return None
        hits = (self.points.at(objective, len(self.lows)) == best).nonzero()[0]
        return self.points[int(hits[0])] if len(hits) else None

    def _whole_part(
        self, objective: Mapping[int, int], values: Sequence[float]
    ) -> list[int] | None:
        """A whole solution at the relaxation's optimum, if that optimum is whole on the
        objective's parts (solver.parts): those parts as solved, the rest from a solution
        found before; None when there is none to take the rest from, or the point is not
        whole there or breaks a one-large fact."""
        if not self.points:
            return None
        touched = frozenset(self.part[j] for j in objective)
        if touched not in self._columns_of:
            self._columns_of[touched] = [i for p in touched for i in self.members[p]]
        columns = self._columns_of[touched]
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
        import numpy as np

        row = np.array([point], np.int64).reshape(1, len(self.lows))
        return bool(self._fits(row)[0]) and self._one_large_holds(point)

    def _fits(self, points: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Bounds and rows kept, point by point (the program no longer changes)."""
        if self._row_check is None:
            self._row_check = RowCheck(self.lows, self.highs, self.rows)
        return self._row_check.holds(points)

    def _program(self, *, whole: bool, fresh: bool = False) -> _Highs:
        """The HiGHS instance for linear (`whole` False) or integer runs: two, because
        between linear runs only the costs change, so the last optimal basis is still
        feasible and the primal simplex goes on from it without presolve (2.5 ms
        against 18 ms a run on a year's program of 2,010 unknowns, 2026-12-01), while an
        integer run leaves the instance it ran on without that basis. A second try
        (`fresh`) starts from scratch with HiGHS's defaults."""
        if not self.members:
            self._find_parts()
        if fresh or whole not in self._solvers:
            # cell <= big - 1 unless its switch is on
            switches = [
                (coefs, big - 1 - constant, factor)
                for (coefs, constant), big, factor in self.switches
            ]
            self._solvers[whole] = program_of(
                self.lows, self.highs, self.rows, switches, self.switch_sums
            )
        return self._solvers[whole]

    def _find_parts(self) -> None:
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


def _run(highs: _Highs, n: int) -> list[float] | None:
    from highspy._core import HighsModelStatus

    highs.run()
    status = highs.getModelStatus()
    if status == HighsModelStatus.kInfeasible:
        return None
    if status != HighsModelStatus.kOptimal:
        raise AuditError(f"the comparison's program ended {highs.modelStatusToString(status)}")
    return list(highs.getSolution().col_value)[:n]  # the unknowns, not the on/off columns
