"""The relations between a month's figures and its tables, by cell key: what every
reader of a report knows (a table sums to its total, minutes lie within the duration
bins, ...), and the most a cell can hold. Shared by the single report's audit
(peerdesk.reports.audit), the suppression that hides cells and the comparing reader.
Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from peerdesk.reports.counts import CONTACTS, GROUP_PEOPLE, MINUTES, SPECS, duration_bins
from peerdesk.reports.files import FIGURE_MAX, MAX_COUNT
from peerdesk.validation import HEAD_COUNT_MAX, MINUTES_MAX

Values = Mapping[str, int]


def figure_key(name: str) -> str:
    return f"figure:{name}"


def cell_key(table: str, cid: str) -> str:
    return f"table:{table}:{cid}"


class UnknownCell(ValueError):
    """A figure, table or id the audit has no relations for: it must never be published."""


@dataclass(frozen=True)
class Relation:
    """low <= sum(coefficient * cell) <= high (None: no bound on that side)."""

    terms: tuple[tuple[str, int], ...]
    low: int | None
    high: int | None

    def value(self, values: Values) -> int:
        return sum(c * values.get(key, 0) for key, c in self.terms)

    def holds(self, values: Values) -> bool:
        v = self.value(values)
        return (self.low is None or v >= self.low) and (self.high is None or v <= self.high)


def _at_most_zero(*terms: tuple[str, int]) -> Relation:
    return Relation(terms, None, 0)


def structure(tables: Mapping[str, Iterable[str]]) -> list[Relation]:
    """The relations of counts.py between a month's figures and its tables.

    `tables`: each table's ids as the merged month has them. An unknown table or id
    raises UnknownCell: nothing the audit cannot reason about reaches a report.
    """
    relations: list[Relation] = []
    c, m, g = figure_key(CONTACTS), figure_key(MINUTES), figure_key(GROUP_PEOPLE)
    for name, ids in tables.items():
        spec = SPECS.get(name)
        if spec is None:
            raise UnknownCell(f"table {name!r}")
        cells = list(ids)
        known = {choice.id for choice in spec.choices}
        for cid in cells:
            if cid not in known:
                raise UnknownCell(f"id {cid!r} of table {name!r}")
        keys = [cell_key(name, cid) for cid in cells]
        if spec.total and keys:
            terms = (*((k, 1) for k in keys), (figure_key(spec.total), -1))
            relations.append(Relation(terms, 0, 0))
        if spec.total_cell and keys:
            terms = (*((k, 1) for k in keys), (cell_key(*spec.total_cell), -1))
            relations.append(Relation(terms, 0, 0))
        if spec.at_least and keys:
            head = figure_key(spec.at_least)
            relations += [_at_most_zero((k, 1), (head, -1)) for k in keys]
            relations.append(_at_most_zero((head, 1), *((k, -1) for k in keys)))
    relations.append(_at_most_zero((c, 1), (m, -1)))
    relations.append(_at_most_zero((m, 1), (c, -MINUTES_MAX)))
    durations = set(tables.get("duration", ()))
    if durations:
        # Each contact's minutes are within its bin, so the minutes are within the bins'.
        bins = [(cell_key("duration", cid), first, last) for cid, first, last in duration_bins()]
        held = [b for b in bins if b[0].rpartition(":")[2] in durations]
        relations.append(_at_most_zero(*((k, first) for k, first, _ in held), (m, -1)))
        relations.append(_at_most_zero((m, 1), *((k, -last) for k, _, last in held)))
    if "group" in tables.get("mode", ()):
        group = cell_key("mode", "group")
        relations.append(_at_most_zero((group, 1), (g, -1)))
        relations.append(_at_most_zero((g, 1), (group, -HEAD_COUNT_MAX)))
    return relations


def ceiling(key: str, files: int) -> int:
    """The most a cell can hold over `files` month files (the file format's bounds)."""
    kind, _, rest = key.partition(":")
    per_file = FIGURE_MAX.get(rest, MAX_COUNT) if kind == "figure" else MAX_COUNT
    return max(files, 0) * per_file
