"""The attacker's audit: how far a reader can narrow each hidden cell of a team report.

Separate from the suppression on purpose. suppression.py chooses what to hide by rules;
this module checks the outcome the way statistical offices do (tau-ARGUS's audit,
sdcTable's attack(), GaussSuppression's ComputeIntervals()): everything a reader knows
is written down as linear constraints over whole numbers, and for every hidden cell
the lowest and the highest value those constraints allow are found by solving an
integer program twice (minimise, maximise). A rule can miss a shape of table nobody
foresaw; the program cannot, as long as it is told everything the reader knows.

What the reader knows, and so what the program holds:
- every shown value;
- `structure()` (peerdesk.reports.relations): relations true of every month and of
  every sum of months. Tables that partition a figure add up to it, and a table that
  partitions a cell of another table (group kinds, the `group` mode cell) adds up to
  that cell; each topic is at most the
  contacts and all topics together at least the contacts (a contact has one topic or
  more); a contact lasts 1 to MINUTES_MAX minutes, and within its duration bin, so the
  minutes lie between the bins' first and last minutes times their counts; a group contact has 1 to
  HEAD_COUNT_MAX people; counts are whole, 0 or more, and no more than the month files
  allow;
- what the report itself tells about its hidden cells (`Published.hidden` bounds,
  `Published.facts`, `Published.some_small`), as the suppression declares it;
- with an insider, one peer's own month: the team's value is that month plus the rest
  of the team, the rest is a sum of months, so it obeys the same relations (rest >= 0).

A relation that the true counts break (a hand-made file with fewer minutes than
contacts) is left out: a reader who assumed it would find no solution, not the truth.

HiGHS is driven through peerdesk.reports.solver (loaded on the first solve, never at
import, so the report commands start as fast as before).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerdesk.reports.relations import Relation, Values, ceiling
from peerdesk.reports.solver import (
    AuditError,
    Row,
    parts,
    program_of,
    run_program,
    tighten,
    twice,
    whole_bound,
    within,
)

if TYPE_CHECKING:
    from highspy._core import _Highs


@dataclass(frozen=True)
class Reach:
    """The lowest and highest value a reader can prove possible for one hidden cell."""

    low: int
    high: int


@dataclass(frozen=True)
class Published:
    """What a report gives a reader: shown values and what it says of the hidden cells.

    `hidden`: each hidden cell with the bounds the report tells of it (high None: none).
    `facts`: sums the report tells, true of the team's values only (not of a month).
    `some_small`: groups of hidden cells of which, the report tells, at least one is
    from 1 to N-1; a reader who can rule out all but one knows that one is small.
    `one_large`: groups of hidden cells of which at most one is `big` or more: the rules
    hide one complement per table, so in a table they alone hid only one cell can be N
    or more, and a reader who knows which (a peer holding N or more of it) knows the
    others are small.
    `zeros_hidden`: zeros are hidden too, so a hidden cell may be 0 and pinning one at 0
    (a peer learning that the others hold none) discloses it.
    `pinned_ok`: hidden cells that may be pinned at N or more: the time rule hides
    cells the report alone would show (peerdesk.reports.earlier), and knowing such a
    value tells no more than showing it; a small count is never pinned or proved small.
    """

    shown: Values
    hidden: Mapping[str, tuple[int, int | None]]
    relations: Sequence[Relation]
    peers: int
    facts: Sequence[Relation] = ()
    some_small: Sequence[frozenset[str]] = ()
    pinned_ok: frozenset[str] = frozenset()
    zeros_hidden: bool = False  # the lead's choice: a zero is hidden like a small count
    one_large: Sequence[tuple[frozenset[str], int]] = ()


def exposed(reach: Reach, min_cell: int, *, width: int = 1) -> bool:
    """Pinned (fewer than `width` values apart; 1: one value) or proved from 1 to N-1."""
    return reach.high - reach.low < width or (reach.low >= 1 and reach.high <= min_cell - 1)


class Auditor:
    """One report's audit: reaches of its hidden cells, and which of them are exposed.

    `truth` is the team's exact counts (all cells) and `months` every peer's month. They
    decide which relations hold (see the module docstring) and give every reader's
    program one solution to start from (the truth fits whatever any reader knows); they
    are never a bound.
    """

    def __init__(self, published: Published, truth: Values, months: Sequence[Values]) -> None:
        self.published = published
        self.truth = truth
        self.order = list(published.hidden)
        self.kept = [
            r for r in published.relations if r.holds(truth) and all(r.holds(m) for m in months)
        ]
        for fact in published.facts:
            if not fact.holds(truth):
                raise AuditError("the report states a sum its own counts break")
        for group, big in published.one_large:
            if sum(truth[k] >= big for k in group) > 1:
                raise AuditError("the report states one large count where there are more")
        self._points: list[dict[str, int]] = [{k: truth[k] for k in self.order}]

    def reach(self, own: Values | None = None) -> dict[str, Reach]:
        """Each hidden cell's exact lowest and highest value for this reader.

        None: a reader with the report (the method, N and the files' bounds); `own`: a
        peer who also knows their own month exactly.
        """
        model = self._model(own)
        return {
            key: Reach(model.extreme(key, low=True), model.extreme(key, low=False))
            for key in self.order
        }

    def exposed(self, min_cell: int, own: Values | None = None, *, width: int = 1) -> list[str]:
        """Hidden cells this reader can pin or prove from 1 to N-1, in report order.

        With `own`, what is proved small is the rest of the team (the cell minus the
        peer's own count): a peer who holds 1 of a hidden 1 to 4 learns only that the
        others hold 0 to 3, but one who holds 3 of a hidden 4 to 7 learns that the
        others hold 1 to 4. Pinning the cell pins the rest, so pinned is pinned; except
        at 0: a peer who learns that the others hold none of a cell learns what a shown
        zero tells everyone (the method shows zeros).

        Solves only what the solutions found so far cannot settle: a cell seen at two
        values, one of them 0 or N or more (beyond the peer's own), is safe without its
        own extremes.
        """
        model = self._model(own)
        mine = own or {}
        n = min_cell
        found: list[str] = []
        for key in self.order:
            o = mine.get(key, 0)
            low, high = model.seen(key)
            if high - o < n:
                high = model.extreme(key, low=False)
            if low - o > 0 and high - o < n:
                low = model.extreme(key, low=True)
            if high - low < width:
                low = model.extreme(key, low=True)
                high = model.extreme(key, low=False)
            pinned_ok = key in self.published.pinned_ok and low >= n
            # The others hold 0 of it: what a shown zero tells, unless zeros are hidden.
            none_of_theirs = own is not None and high == o and not self.published.zeros_hidden
            pinned = high - low < width and not pinned_ok and not none_of_theirs
            if pinned or (low - o >= 1 and high - o <= n - 1):
                found.append(key)
        for group in self.published.some_small:
            # A reader told one of these is from 1 to N-1 who can rule out all but one
            # knows that one is small. (Each cell's values form one run of whole numbers.)
            maybe = [k for k in group if any(1 <= p[k] <= n - 1 for p in model.points)]
            if len(maybe) < 2:
                maybe = [
                    k
                    for k in group
                    if model.extreme(k, low=True) <= n - 1 and model.extreme(k, low=False) >= 1
                ]
            if len(maybe) == 1:
                key = maybe[0]
                o = mine.get(key, 0)
                # The rest of the team, now that the cell is known to be from 1 to N-1.
                low = max(model.extreme(key, low=True), 1) - o
                high = min(model.extreme(key, low=False), n - 1) - o
                if low >= 1 or (high - low < width and (high > 0 or self.published.zeros_hidden)):
                    found.append(key)
        return [k for k in self.order if k in found]

    def _model(self, own: Values | None) -> _Model:
        model = _Model(self, own)
        for point in self._points:
            if model.allows(point):
                model.points.append(point)
        if not model.points:
            raise AuditError("the true counts break what the report says of them")
        if own is None:
            self._points = model.points  # shared: every insider's points are an outsider's
        return model


class _Model:
    """One reader's integer program: the hidden cells as variables, the rest as numbers.

    Solved as a linear program first; its optimum is a vertex, and when that vertex is
    whole (it nearly always is: each table's sum is a row of ones) it is the integer
    optimum too. Otherwise the same program is solved again with integrality.
    """

    def __init__(self, auditor: Auditor, own: Values | None) -> None:
        published = auditor.published
        self.keys = list(published.hidden)
        self.index = {k: i for i, k in enumerate(self.keys)}
        self.points: list[dict[str, int]] = []
        self._found: dict[tuple[str, bool], int] = {}
        self._highs: _Highs | None = None
        mine = own or {}
        self.lows: list[int] = []
        self.highs: list[int] = []
        for key in self.keys:
            low, high = published.hidden[key]
            top = mine.get(key, 0) + ceiling(key, published.peers - (1 if own else 0))
            self.lows.append(max(low, mine.get(key, 0)))  # the rest of the team holds 0+
            self.highs.append(top if high is None else min(high, top))
        self.rows: list[Row] = []
        for relation in auditor.kept:
            self._add(relation, published.shown, mine)
        for fact in published.facts:
            self._add(fact, published.shown, {})
        tighten(self.lows, self.highs, self.rows)
        # At most one large cell per group: one on/off column per cell that may be large.
        self.groups = [
            ([self.index[k] for k in group if k in self.index], big)
            for group, big in published.one_large
        ]
        self.switches: list[tuple[int, int, int]] = []  # (cell column, switch column, big)
        self.switch_sums: list[list[int]] = []
        for columns, big in self.groups:
            mine_switches = []
            for i in columns:
                if self.highs[i] >= big:
                    switch = len(self.keys) + len(self.switches)
                    self.switches.append((i, switch, big))
                    mine_switches.append(switch)
            if len(mine_switches) > 1:
                self.switch_sums.append(mine_switches)
        links = [
            *(list(coefs) for coefs, _, _ in self.rows),
            *([i, switch] for i, switch, _ in self.switches),
            *self.switch_sums,
        ]
        self.part = parts(len(self.keys) + len(self.switches), links)[: len(self.keys)]
        self.members: dict[int, list[int]] = {}
        for i, part in enumerate(self.part):
            self.members.setdefault(part, []).append(i)

    def _add(self, relation: Relation, shown: Values, own: Values) -> None:
        """The relation on the rest of the team (team minus `own`), over the hidden cells."""
        coefs: dict[int, int] = {}
        constant = -relation.value(own)
        for key, c in relation.terms:
            if key in self.index:
                coefs[self.index[key]] = coefs.get(self.index[key], 0) + c
            else:
                constant += c * shown.get(key, 0)
        coefs = {i: c for i, c in coefs.items() if c}
        if not coefs:
            return  # nothing hidden in it: a check of shown numbers only
        low = None if relation.low is None else relation.low - constant
        high = None if relation.high is None else relation.high - constant
        self.rows.append((coefs, low, high))

    def allows(self, point: Mapping[str, int]) -> bool:
        """Whether an assignment of every hidden cell fits this reader's constraints."""
        values = [point[k] for k in self.keys]
        return within(values, self.lows, self.highs, self.rows) and self._one_large_holds(values)

    def _one_large_holds(self, values: Sequence[int]) -> bool:
        return all(sum(values[i] >= big for i in columns) <= 1 for columns, big in self.groups)

    def seen(self, key: str) -> tuple[int, int]:
        """The lowest and highest value of `key` among the solutions found so far."""
        values = [p[key] for p in self.points]
        return min(values), max(values)

    def extreme(self, key: str, *, low: bool) -> int:
        """The exact lowest (or highest) whole value `key` can take."""
        if (key, low) not in self._found:
            self._found[(key, low)] = self._solve(key, low)
        return self._found[(key, low)]

    def _solve(self, key: str, low: bool) -> int:
        values = self._run(key, low, whole=False)
        point = self._whole_part(key, values)
        if point is None:
            # The relaxation's optimum is no reader's. A solution already found that
            # reaches its bound is optimal; else solve in whole numbers, with the on/off
            # columns on or off.
            best = whole_bound(values[self.index[key]], minimise=low)
            if any(p[key] == best for p in self.points):
                return best
            values = self._run(key, low, whole=True)
            point = {k: round(v) for k, v in zip(self.keys, values, strict=True)}
        if not self.allows(point):
            raise AuditError("the audit's solver returned a point outside its program")
        self.points.append(point)
        return point[key]

    def _whole_part(self, key: str, values: Sequence[float]) -> dict[str, int] | None:
        """A reader's solution at the relaxation's optimum, if the optimum is whole on
        `key`'s part (solver.parts): that part as solved, the rest from a solution
        found before; None when it is not whole there or breaks a one-large fact."""
        columns = self.members[self.part[self.index[key]]]
        if any(abs(values[i] - round(values[i])) > 1e-6 for i in columns):
            return None
        point = dict(self.points[0])
        for i in columns:
            point[self.keys[i]] = round(values[i])
        return point if self.allows(point) else None

    def _run(self, key: str, low: bool, *, whole: bool) -> list[float]:
        """The extreme of `key` (in whole numbers, on/off columns included, if `whole`)."""
        from highspy._core import ObjSense

        n = len(self.keys)
        every = list(range(n))
        target = self.index[key]

        def prepared(fresh: bool) -> _Highs:
            if fresh:
                self._highs = None
            highs = self._program()
            highs.changeColsCost(n, every, [1.0 if i == target else 0.0 for i in every])
            highs.changeObjectiveSense(ObjSense.kMinimize if low else ObjSense.kMaximize)
            return highs

        columns = range(n + len(self.switches)) if whole else range(0)
        return twice(prepared, columns, lambda highs: run_program(highs)[:n])

    def _program(self) -> _Highs:
        if self._highs is None:
            n = len(self.keys)
            # cell <= big - 1 unless its switch is on
            switches = [({c: 1}, big - 1, self.highs[c] - (big - 1)) for c, _, big in self.switches]
            groups = [[column - n for column in columns] for columns in self.switch_sums]
            self._highs = program_of(self.lows, self.highs, self.rows, switches, groups)
        return self._highs
