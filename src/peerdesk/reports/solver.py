"""The solver's side of the audits: HiGHS instances, their bounds and rows, and checks
of its answers. Shared by the single report's audit (peerdesk.reports.audit) and the
comparing reader (peerdesk.reports.whole_program). Pure.

HiGHS (highspy) is loaded on the first solve, never at import, so the report commands
start as fast as before. It is used through its base class, `highspy._core._Highs`:
the public `highspy.Highs` registers Python callbacks in its constructor, and that
prints HiGHS's banner to the terminal before any option can switch output off.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import numpy as np
    from highspy._core import HighsVarType, _Highs
    from numpy.typing import NDArray

T = TypeVar("T")
Row = tuple[dict[int, int], int | None, int | None]  # low <= sum(c * column) <= high
Switch = tuple[dict[int, int], int, int]  # sum(c * column) <= limit, + factor if on
FAR_LOW, FAR_HIGH = -(2**62), 2**62  # a row's missing side, as a whole number


class AuditError(RuntimeError):
    """The solver could not answer; a report is never published on a guess."""


def within(
    point: Sequence[int], lows: Sequence[int], highs: Sequence[int], rows: Sequence[Row]
) -> bool:
    """Whether `point` keeps every column's bounds and every row: a solver's answer is
    checked before it is believed."""
    if any(not lo <= v <= hi for v, lo, hi in zip(point, lows, highs, strict=True)):
        return False
    for coefs, low, high in rows:
        total = sum(c * point[i] for i, c in coefs.items())
        if (low is not None and total < low) or (high is not None and total > high):
            return False
    return True


def whole_bound(bound: float, *, minimise: bool) -> int:
    """The best whole objective a linear program's optimum `bound` leaves possible (a
    relaxation's optimum bounds every whole solution's). A known whole solution that
    reaches it is optimal, and spares the integer search a non-whole vertex costs."""
    return math.ceil(bound - 1e-6) if minimise else math.floor(bound + 1e-6)


def parts(size: int, links: Iterable[Iterable[int]]) -> list[int]:
    """Each column's part, by number: columns joined by a row (or an on/off column's row,
    or a group's) share one. Nothing joins two parts, so a column's extremes are its own
    part's, and a part whose linear optimum is whole needs no integer search, however
    fractional the rest (the minutes rows' duration bands make fractional vertices)."""
    root = list(range(size))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for link in links:
        first = None
        for column in link:
            if first is None:
                first = find(column)
            else:
                root[find(column)] = first
    return [find(i) for i in range(size)]


def tighten(lows: Sequence[int], highs: list[int], rows: Sequence[Row], passes: int = 4) -> None:
    """Each column's upper bound as low as the rows allow (bound propagation: a table's
    cell at most its total, the contacts at most the minutes...): the same program,
    with bounds small enough for on/off columns' factors to stay exact."""
    sides: list[tuple[dict[int, int], int]] = []
    for coefs, low, high in rows:
        if high is not None:
            sides.append((coefs, high))
        if low is not None:
            sides.append(({i: -c for i, c in coefs.items()}, -low))
    for _ in range(passes):
        changed = False
        for coefs, high in sides:
            least = 0  # the row's smallest value, every term at its own best
            for j, c in coefs.items():
                least += c * (lows[j] if c > 0 else highs[j])
            for i, c in coefs.items():
                if c <= 0:
                    continue
                bound = (high - least + c * lows[i]) // c
                if bound < highs[i]:
                    highs[i] = max(lows[i], bound)
                    changed = True
        if not changed:
            return


def program_of(
    lows: Sequence[int],
    highs: Sequence[int],
    rows: Sequence[Row],
    switches: Sequence[Switch] = (),
    groups: Sequence[Sequence[int]] = (),
) -> _Highs:
    """A silent HiGHS instance of these columns and rows, all continuous; then one 0/1
    column per switch, numbered after the columns (whole only when solved so), each
    with its row, and at most one switch on in each group (of switch numbers)."""
    from highspy._core import kHighsInf

    program = silent_highs()
    program.addVars(len(lows), [float(v) for v in lows], [float(v) for v in highs])
    for coefs, low, high in rows:
        program.addRow(
            -kHighsInf if low is None else float(low),
            kHighsInf if high is None else float(high),
            len(coefs),
            list(coefs),
            [float(c) for c in coefs.values()],
        )
    if switches:
        # A switch within 1e-6 (HiGHS's default) of 0 would let a cell of a million-count
        # bound reach past N-1 by a whole count; bounds are tightened first (`tighten`),
        # so 1e-9 keeps the slack under a count. (1e-10, HiGHS's least, was seen to end
        # an integer search "Solve error".)
        program.setOptionValue("mip_feasibility_tolerance", 1e-9)
        n, extra = len(lows), len(switches)
        program.addVars(extra, [0.0] * extra, [1.0] * extra)
        for k, (coefs, limit, factor) in enumerate(switches):
            columns = [*coefs, n + k]
            weights = [*(float(c) for c in coefs.values()), -float(factor)]
            program.addRow(-kHighsInf, float(limit), len(columns), columns, weights)
        for group in groups:
            columns = [n + k for k in group]
            program.addRow(-kHighsInf, 1.0, len(columns), columns, [1.0] * len(columns))
    return program


def twice(
    prepared: Callable[[bool], _Highs], whole: Sequence[int], run: Callable[[_Highs], T]
) -> T:
    """`run` on the instance `prepared(fresh=False)` gives, with the `whole` columns in
    whole numbers for the run only; if HiGHS ends it neither optimal nor infeasible
    (AuditError), once more on `prepared(fresh=True)`: a warm-started instance was seen
    to end "Unknown", and an integer search "Solve error", on programs a fresh one
    solves at once."""
    from highspy._core import HighsVarType

    for fresh in (False, True):
        highs = prepared(fresh)
        _integrality(highs, whole, HighsVarType.kInteger)
        try:
            return run(highs)
        except AuditError:
            if fresh:
                raise
        finally:
            _integrality(highs, whole, HighsVarType.kContinuous)
    raise AssertionError("unreachable: the second try returns or raises")


def _integrality(highs: _Highs, columns: Sequence[int], kind: HighsVarType) -> None:
    import numpy as np

    if columns:
        indices = np.fromiter(columns, np.int32, len(columns))
        highs.changeColsIntegrality(
            len(columns), indices, np.full(len(columns), int(kind), np.uint8)
        )


def run_program(highs: _Highs) -> list[float]:
    from highspy._core import HighsModelStatus

    highs.run()
    status = highs.getModelStatus()
    if status != HighsModelStatus.kOptimal:
        raise AuditError(f"the audit's program ended {highs.modelStatusToString(status)}")
    return list(highs.getSolution().col_value)


def silent_highs() -> _Highs:
    """A silent HiGHS instance (see the module docstring for why the base class)."""
    from highspy._core import _Highs

    highs = _Highs()
    highs.setOptionValue("output_flag", False)
    # HiGHS stops an integer search within 0.01% of the optimum by default: at a cell's
    # range in the tens of thousands (minutes over a year) that is a count or more off,
    # and a range said narrower than it is hides more than needed, or cannot be fixed.
    # Exact means a gap of 0.
    highs.setOptionValue("mip_rel_gap", 0.0)
    return highs


class Sums:
    """Many sums of columns (a program's rows, the cells a reader names) taken at many
    whole points at once, with numpy (loaded with HiGHS, which needs it).

    The comparing reader checks hundreds of solutions against thousands of rows and
    reads thousands of cells off each; in Python loops that was a third of a year's
    report. Every sum has at least one column; values stay far inside int64 (a
    cell's bound times a minutes coefficient).
    """

    def __init__(self, sums: Sequence[Mapping[int, int]]) -> None:
        import numpy as np

        if any(not coefs for coefs in sums):
            raise AuditError("a sum of no columns was asked for")
        lengths = [len(coefs) for coefs in sums]
        self.count = len(sums)
        self._starts = np.cumsum([0, *lengths[:-1]], dtype=np.intp)
        total = sum(lengths)
        self._columns = np.fromiter((i for c in sums for i in c), np.intp, total)
        self._weights = np.fromiter((w for c in sums for w in c.values()), np.int64, total)

    def at(self, points: NDArray[np.int64]) -> NDArray[np.int64]:
        """Each sum at each point: one row per point, one column per sum."""
        import numpy as np

        if not self.count:
            return np.zeros((len(points), 0), np.int64)
        products = points[:, self._columns] * self._weights
        return np.add.reduceat(products, self._starts, axis=1)


class RowCheck:
    """Whether whole points keep bounds and rows (`within`, for many points at once)."""

    def __init__(self, lows: Sequence[int], highs: Sequence[int], rows: Sequence[Row]) -> None:
        import numpy as np

        self._lows = np.array(lows, np.int64)
        self._highs = np.array(highs, np.int64)
        self._sums = Sums([coefs for coefs, _, _ in rows])
        self._row_lows = np.array([FAR_LOW if lo is None else lo for _, lo, _ in rows], np.int64)
        self._row_highs = np.array([FAR_HIGH if hi is None else hi for _, _, hi in rows], np.int64)

    def holds(self, points: NDArray[np.int64]) -> NDArray[np.bool_]:
        """One answer per point (a row of `points`)."""
        import numpy as np

        totals = self._sums.at(points)
        kept = np.concatenate(
            (
                (points >= self._lows) & (points <= self._highs),
                (totals >= self._row_lows) & (totals <= self._row_highs),
            ),
            axis=1,
        )
        return np.logical_and.reduce(kept, axis=1)  # type: ignore[no-any-return]
