"""The reader who compares publications: all of them in one integer program.

PRODUCT.md's third reader has every publication of the months a new report covers
(peerdesk.reports.history) and lays them side by side. What the program holds:

- every publication of the months involved as its reader had it: shown values, the
  hidden cells' bounds and the facts its reasons tell (peerdesk.reports.disclosure);
  the new report the same way;
- each publication observed its months at its own time. A month's report is that
  month then; a quarter's or a year's cells are the sum of its months then, each
  month a set of unknowns of its own (never published alone at that time) obeying a
  month's relations (peerdesk.reports.relations.structure);
- between two observations of one month the later is the earlier plus late
  contacts: every cell the same or higher, and the change itself obeys a month's
  relations (each topic at most its contacts, minutes at least its contacts...). That
  is how a reader who compares reads two publications, and what makes comparing
  dangerous. Where the shown values prove it wrong for a pair (a shown count went
  down: a contact deleted, a file left out) that pair is linked by nothing more; if
  the assumptions cannot all hold with what was published, they are given up in a
  fixed order until they can (`LEVELS`).

Assuming relations a reader may not know only narrows the program, so every range
found is inside the range of any reader who assumes less: a cell safe here is safe
for them. What must stay wide (`exposed`):

- every hidden cell of every publication: not pinned, not proved from 1 to N-1 (in a
  table marked `earlier` a cell may be pinned at N or more: see `Published.pinned_ok`);
- a month's cell inside a quarter or year at its time: not proved from 1 to N-1, nor
  pinned where a report of that month published before it hid it;
- the change of each cell since every earlier publication sharing a month, per month
  and added up over the months they share, and for a quarter or year added up since
  the latest earlier observation of each of its months: not proved from 1 to N-1 (or
  -1 to -(N-1)): a reader must not learn that a few late contacts had a topic. A sum
  (minutes, people in groups) must not be pinned at a non-zero change unless the
  contacts behind it are proved to be N or more.

Only what the new report makes narrower is the new report's to fix: `Comparison.exposed`
leaves out a finding the log alone already allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from peerdesk.reports.audit import Published
from peerdesk.reports.counts import CONTACTS, GROUP_PEOPLE, MINUTES
from peerdesk.reports.history import Publication, split_key
from peerdesk.reports.relations import Relation, ceiling, structure
from peerdesk.reports.solutions import Expr
from peerdesk.reports.solver import AuditError
from peerdesk.reports.whole_program import WholeProgram

Values = Mapping[str, int]

HIDDEN = "hidden"  # a hidden cell of a publication
LATENT = "latent"  # a month's cell inside a quarter or a year, at its time
CHANGE = "change"  # a cell's change between two publications of its months
ALL_MONTHS = "all"  # a change added up over the months of a quarter or year

# The assumptions given up, in order, while the program has no solution (see above).
LEVELS = ("all", "no change relations", "no growth", "no inequalities in the log")
SUM_HEADS = {
    f"figure:{MINUTES}": f"figure:{CONTACTS}",
    f"figure:{GROUP_PEOPLE}": "table:mode:group",
}


@dataclass(frozen=True)
class Truth:
    """What only the merge knows of the new report: its exact counts.

    Used to keep only the relations its counts and files obey (as the single report's
    audit does) and to bound each month by its number of files; never as a bound.
    """

    period: Values
    months: Mapping[str, Values]
    files: Mapping[str, Sequence[Values]]


@dataclass(frozen=True)
class Finding:
    """A cell or change a comparing reader narrows too far."""

    kind: str  # HIDDEN, LATENT or CHANGE
    key: str  # the cell
    publication: int  # its index among the publications compared (the new one last)
    month: str | None  # the month of a LATENT cell or a CHANGE (ALL_MONTHS: summed)
    since: int | None = None  # a CHANGE: since which publication (None: the latest of each)


@dataclass(frozen=True)
class _Item:
    finding: Finding
    expr: Expr
    n: int
    pinned_matters: bool = True  # whether a pinned value discloses
    head: Expr | None = None  # CHANGE of a sum: the change of the contacts behind it


def _const(expr: Expr) -> int | None:
    return None if expr[0] else expr[1]


def _add(exprs: Iterable[tuple[int, Expr]]) -> Expr:
    coefs: dict[int, int] = {}
    constant = 0
    for c, (part, const) in exprs:
        constant += c * const
        for i, v in part.items():
            coefs[i] = coefs.get(i, 0) + c * v
    return {i: v for i, v in coefs.items() if v}, constant


def _over(relation: Relation, cells: Mapping[str, Expr]) -> Expr:
    return _add((c, cells.get(key, ({}, 0))) for key, c in relation.terms)


def _tables(keys: Iterable[str]) -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {}
    for key in keys:
        _, name, cid = split_key(key)
        if cid is not None:
            tables.setdefault(name, []).append(cid)
    return tables


def _is_equality(relation: Relation) -> bool:
    return relation.low is not None and relation.low == relation.high


class Comparison:
    """The publications of `history` and, if given, the `new` report, read side by side.

    `history` is in the log's order (peerdesk.reports.history.involved); `new` is
    the report about to be published, `truth` its exact counts.
    """

    def __init__(
        self,
        history: Sequence[Publication],
        new: Publication | None = None,
        truth: Truth | None = None,
        *,
        carry: Sequence[Mapping[str, int]] = (),
    ) -> None:
        self.pubs = [*history, *([new] if new is not None else [])]
        self.new = len(history) if new is not None else None
        self.truth = truth
        self.small_groups: list[tuple[int, list[tuple[str, Expr]], int]] = []
        self._sums: dict[tuple[str, int, str | None], dict[int, int]] = {}
        self._named: dict[str, Expr] = {}
        for level in range(len(LEVELS)):
            built = self._build(level, carry)
            if built is not None:
                self.level = level
                self.program, self.items = built
                return
        raise AuditError("the publications compared contradict each other")

    def solutions(self) -> list[dict[str, int]]:
        """Every solution found, by cell name: to start a comparison of the same
        publications with a little more hidden (`carry`), which keeps those that still fit."""
        names = list(self._named)
        table = self.program.evaluate(list(self._named.values()))
        return [dict(zip(names, values, strict=True)) for values in table]

    def exposed(self, *, old: set[Finding] | None = None) -> list[Finding]:
        """What this reader narrows too far: the new report's findings if it has any,
        else the log's that the new report made narrower (`old`: the log's own)."""
        new = self._findings(new=True)
        if new or self.new is None:
            return new
        found = self._findings(new=False)
        if not found:
            return []
        if old is None:
            old = Comparison(self.pubs[: self.new]).exposed_set()
        return [finding for finding in found if finding not in old]

    def widest_change(self, key: str) -> int:
        """The most the new report's `key` can have grown since the earlier publications:
        the least, over each of them, of its highest change since (over its months
        together where they share several)."""
        since: dict[int | None, list[_Item]] = {}
        for item in self.items:
            f = item.finding
            if self._is_new(item) and f.kind == CHANGE and f.key == key and f.since is not None:
                since.setdefault(f.since, []).append(item)
        highest = []
        for items in since.values():
            whole = [item for item in items if item.finding.month == ALL_MONTHS] or items
            highest.append(max(self.program.extreme(item.expr, low=False) for item in whole))
        return min(highest, default=0)

    def exposed_set(self) -> set[Finding]:
        return set(self._findings(new=False))

    def _findings(self, *, new: bool) -> list[Finding]:
        found = [
            item.finding for item in self.items if self._is_new(item) == new and self._bad(item)
        ]
        for i, group, n in self.small_groups:
            if (i == self.new) == new and (one := self._only_small(group, n)) is not None:
                found.append(Finding(HIDDEN, one, i, None))
        return found

    def _only_small(self, group: list[tuple[str, Expr]], n: int) -> str | None:
        """The one cell of a group said to hold a small count that can still be small."""
        program = self.program
        maybe = [
            key
            for key, expr in group
            if any(1 <= program.value(expr, p) <= n - 1 for p in program.points)
            or (program.reaches(expr, n - 1, low=True) and program.reaches(expr, 1, low=False))
        ]
        return maybe[0] if len(maybe) == 1 else None

    def _is_new(self, item: _Item) -> bool:
        return item.finding.publication == self.new

    # --- the program ------------------------------------------------------------------
    def _build(
        self, level: int, carry: Sequence[Mapping[str, int]]
    ) -> tuple[WholeProgram, list[_Item]] | None:
        program = WholeProgram()
        cells: list[dict[str, Expr]] = []
        observed: dict[str, list[tuple[int, dict[str, Expr]]]] = {}
        items: list[_Item] = []
        groups: list[tuple[int, list[tuple[str, Expr]], int]] = []
        large: list[tuple[list[Expr], int]] = []
        for i, pub in enumerate(self.pubs):
            view = pub.view()
            own, parts = self._publication(program, i, pub, view, level)
            large += [([own[k] for k in group], big) for group, big in view.one_large]
            cells.append(own)
            for month, part in parts.items():
                observed.setdefault(month, []).append((i, part))
                if len(pub.months) > 1:
                    self._named.update({f"{i}@{month}|{k}": e for k, e in part.items()})
            self._named.update({f"{i}|{k}": e for k, e in own.items()})
            pinned_ok = view.pinned_ok
            for key in pub.hidden:
                finding = Finding(HIDDEN, key, i, None)
                matters = key not in pinned_ok
                items.append(_Item(finding, own[key], pub.min_cell, pinned_matters=matters))
            groups += [(i, [(k, own[k]) for k in group], pub.min_cell) for group in view.some_small]
        links = self._link(program, observed, level)
        program.tighten()
        for members, big in large:
            program.at_most_one_large(members, big)
        # whether the assumptions can all hold, and a first solution: the least growth
        # steers the linear run, but no optimum is needed
        if program.solve(_add((1, d) for d in links)[0], minimise=True, exact=False) is None:
            return None
        program.adopt(self._named, carry)
        items += self._latent_items(observed)
        items += self._change_items(observed)
        self.small_groups = groups
        self._sums = {}
        for item in items:
            f = item.finding
            if f.kind in (HIDDEN, LATENT):
                total = self._sums.setdefault((f.kind, f.publication, f.month), {})
                for i, c in item.expr[0].items():
                    total[i] = total.get(i, 0) + c
        return program, items

    def _spread(self, finding: Finding) -> bool:
        """Solutions far apart, before a cell's own solves: the lowest and the highest sum
        of the hidden cells of its publication (or of its month inside a period). Most
        cells are then seen at two values, one of them 0 or N or more, and need no solve
        of their own. Linear runs only: an integer search for a point merely to be seen
        costs more than the questions it spares (`WholeProgram.reaches`). False if that
        was done already."""
        total = self._sums.pop((finding.kind, finding.publication, finding.month), None)
        if not total:
            return False
        self.program.solve(total, minimise=True, search=False)
        self.program.solve(total, minimise=False, search=False)
        return True

    def _publication(
        self, program: WholeProgram, i: int, pub: Publication, view: Published, level: int
    ) -> tuple[dict[str, Expr], dict[str, dict[str, Expr]]]:
        """One publication's cells as unknowns and numbers, and its months at its time."""
        is_new = i == self.new
        truth = self.truth if is_new else None
        tables = _tables(pub.cells)
        months = pub.months
        own: dict[str, Expr] = {}
        parts: dict[str, dict[str, Expr]] = {}
        if len(months) == 1:
            for key in pub.cells:
                if key in view.shown:
                    own[key] = ({}, view.shown[key])
                else:
                    low, high = view.hidden[key]
                    top = ceiling(key, pub.files)
                    own[key] = program.var(low, top if high is None else min(high, top))
            parts[months[0]] = own
        else:
            for month in months:
                files = len(truth.files.get(month, ())) if truth else pub.files
                parts[month] = {key: program.var(0, ceiling(key, files)) for key in pub.cells}
            for key in pub.cells:
                own[key] = _add((1, parts[m][key]) for m in months)
                if key in view.shown:
                    program.add(own[key], view.shown[key], view.shown[key])
                else:
                    low, high = view.hidden[key]
                    program.add(own[key], low, high)
            for month in months:
                month_truth = (
                    [truth.months.get(month, {}), *truth.files.get(month, ())] if truth else None
                )
                for relation in structure(tables):
                    if self._keeps(relation, month_truth, level):
                        program.add(_over(relation, parts[month]), relation.low, relation.high)
        period_truth = (
            [truth.period, *(f for fs in truth.files.values() for f in fs)] if truth else None
        )
        for relation in view.relations:
            if self._keeps(relation, period_truth, level):
                program.add(_over(relation, own), relation.low, relation.high)
        for fact in view.facts:
            program.add(_over(fact, own), fact.low, fact.high)
        return own, parts

    @staticmethod
    def _keeps(relation: Relation, truth: Sequence[Values] | None, level: int) -> bool:
        """The new report's relations as its counts obey them; the log's all (but their
        inequalities at the last level)."""
        if truth is not None:
            return all(relation.holds(values) for values in truth)
        return level < 3 or _is_equality(relation)

    @staticmethod
    def _link(
        program: WholeProgram, observed: Mapping[str, list[tuple[int, dict[str, Expr]]]], level: int
    ) -> list[Expr]:
        """Growth between consecutive observations of each month; the changes linked."""
        changes: list[Expr] = []
        if level >= 2:
            return changes
        for seq in observed.values():
            for (_, before), (_, after) in pairwise(seq):
                common = [k for k in after if k in before]
                if any(
                    _const(before[k]) is not None
                    and _const(after[k]) is not None
                    and after[k][1] < before[k][1]
                    for k in common
                ):
                    continue  # a shown count went down: this pair grew by nothing known
                change = {k: _add(((1, after[k]), (-1, before[k]))) for k in common}
                for expr in change.values():
                    program.add(expr, 0, None)
                    changes.append(expr)
                if level == 0:
                    for relation in structure(_tables(common)):
                        if not _is_equality(relation):
                            program.add(_over(relation, change), relation.low, relation.high)
        return changes

    def _latent_items(
        self, observed: Mapping[str, list[tuple[int, dict[str, Expr]]]]
    ) -> list[_Item]:
        """A month's cells inside each quarter or year. Pinned matters for a cell that a
        report of that month alone, published before, hid: a later report of the month
        observes it later, and its own hidden cells are checked as its own."""
        items: list[_Item] = []
        for month, seq in observed.items():
            for i, part in seq:
                pub = self.pubs[i]
                if len(pub.months) == 1:
                    continue
                hid = {
                    k
                    for j, _ in seq
                    if j < i and len(self.pubs[j].months) == 1
                    for k in self.pubs[j].hidden
                }
                for key, expr in part.items():
                    finding = Finding(LATENT, key, i, month)
                    items.append(_Item(finding, expr, pub.min_cell, pinned_matters=key in hid))
        return items

    def _change_items(
        self, observed: Mapping[str, list[tuple[int, dict[str, Expr]]]]
    ) -> list[_Item]:
        """Each publication's change since every earlier one sharing a month: per month
        and added up over the months they share; and for a quarter or a year, added up
        since the latest earlier observation of each of its months."""
        items: list[_Item] = []
        for i, pub in enumerate(self.pubs):
            at: dict[str, dict[str, Expr]] = {}
            before: dict[int, dict[str, dict[str, Expr]]] = {}
            latest: dict[str, tuple[dict[str, Expr], int]] = {}
            for month in pub.months:
                seq = observed.get(month, [])
                here = [pos for pos, (j, _) in enumerate(seq) if j == i]
                if not here:
                    continue
                at[month] = seq[here[0]][1]
                for j, cells in seq[: here[0]]:
                    before.setdefault(j, {})[month] = cells
                    latest[month] = (cells, j)
            for j, months in before.items():
                n = max(pub.min_cell, self.pubs[j].min_cell)
                groups = [(m, [(months[m], at[m])]) for m in months]
                if len(months) > 1:
                    groups.append((ALL_MONTHS, [(months[m], at[m]) for m in months]))
                items += self._changes(i, j, groups, n)
            if len(pub.months) > 1 and len(latest) > 1:
                n = max(pub.min_cell, *(self.pubs[j].min_cell for _, j in latest.values()))
                pairs = [(cells, at[m]) for m, (cells, _) in latest.items()]
                items += self._changes(i, None, [(ALL_MONTHS, pairs)], n)
        return items

    @staticmethod
    def _changes(
        i: int,
        since: int | None,
        groups: Sequence[tuple[str, Sequence[tuple[dict[str, Expr], dict[str, Expr]]]]],
        n: int,
    ) -> list[_Item]:
        items: list[_Item] = []
        for month, pairs in groups:
            common = [k for k in pairs[0][1] if all(k in b and k in a for b, a in pairs)]
            change = {k: _add(e for b, a in pairs for e in ((1, a[k]), (-1, b[k]))) for k in common}
            for key in common:
                head = SUM_HEADS.get(key)
                finding = Finding(CHANGE, key, i, month, since)
                sums = change.get(head, ({}, 0)) if head else None
                items.append(_Item(finding, change[key], n, head=sums))
        return items

    # --- the checks ---------------------------------------------------------------------
    @staticmethod
    def _may_be_bad(item: _Item, low: int, high: int) -> bool:
        """Whether a hidden or latent cell seen from `low` to `high` may be exposed; the
        exact range, which holds the seen one, says no whenever this does. Exposed:
        proved from 1 to N-1, or pinned, where pinning matters, and anywhere below N
        (a value a cell may be known at is N or more: `Published.pinned_ok`). A month's
        cell inside a period pinned at 0 counts too, zeros hidden or not: the safe side,
        since the docs promise less."""
        n = item.n
        if high > low:
            return low >= 1 and high <= n - 1
        return item.pinned_matters or low < n

    def _bad(self, item: _Item) -> bool:
        """Whether a reader narrows the item too far, asked as whole-solution questions
        (`WholeProgram.reaches`: can it be this low, this high), never as exact ranges."""
        program, expr, n = self.program, item.expr, item.n

        def at_most(bound: int) -> bool:
            return program.reaches(expr, bound, low=True)

        def at_least(bound: int) -> bool:
            return program.reaches(expr, bound, low=False)

        low, high = program.seen(expr)
        if item.finding.kind in (HIDDEN, LATENT):
            if not self._may_be_bad(item, low, high) or (
                self._spread(item.finding) and not self._may_be_bad(item, *program.seen(expr))
            ):
                return False
            low, high = program.seen(expr)
            if low < high or 1 <= low <= n - 1:  # bad unless it can be 0 or N
                return not (at_most(0) or at_least(n))
            if low >= n and not item.pinned_matters:
                return False  # N or more, pinned or not
            return not (at_least(low + 1) or at_most(low - 1))  # bad if pinned
        if item.head is None:  # the change of a count: neither 1 to N-1 nor -1 to -(N-1)
            return not ((at_most(0) or at_least(n)) and (at_least(0) or at_most(-n)))
        # the change of a sum: bad if pinned at a non-zero change, unless the contacts
        # behind it are proved to have changed by N or more
        if high > low or low == 0 or at_least(low + 1) or at_most(low - 1):
            return False
        head = item.head
        return program.reaches(head, n - 1, low=True) and program.reaches(head, 1 - n, low=False)
