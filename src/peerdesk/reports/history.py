"""What a reader keeps of every team report: the publication log's records. Pure.

PRODUCT.md's third reader compares publications: the same month merged again after a
late contact, or a quarter next to its months. Each publication is kept as its
reader has it, and no more: every cell it showed with the value shown, every cell it
hid with the reasons printed for it (never a hidden value), its threshold and how
many month files it counted. That is exactly what the audit of a later publication
must assume the reader holds (peerdesk.reports.comparison), and nothing a reader of
the report did not have. The vault stores them (peerdesk.vault.publications).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from peerdesk.reports.audit import Published
from peerdesk.reports.counts import MonthCounts
from peerdesk.reports.disclosure import published
from peerdesk.reports.periods import Period, of_label

Cell = int | None


def split_key(key: str) -> tuple[str, str, str | None]:
    """("figure", NAME, None) or ("table", NAME, ID) of a cell key."""
    kind, _, rest = key.partition(":")
    if kind == "figure":
        return kind, rest, None
    name, _, cid = rest.partition(":")
    return kind, name, cid


@dataclass(frozen=True)
class Publication:
    """One published team report as its reader has it.

    `cells` holds every cell in report order, None where it was hidden; `reasons` the
    reasons printed for each hidden one. `number` is its row in the log (None before
    it is logged); `published_at` is ISO UTC text.
    """

    period: str
    published_at: str
    min_cell: int
    files: int
    cells: Mapping[str, Cell]
    reasons: Mapping[str, tuple[str, ...]]
    number: int | None = None
    zeros_hidden: bool = False  # it hid its zeros too (see peerdesk.reports.suppression)

    @property
    def months(self) -> tuple[str, ...]:
        return of_label(self.period).months

    @property
    def shown(self) -> dict[str, int]:
        return {k: v for k, v in self.cells.items() if v is not None}

    @property
    def hidden(self) -> list[str]:
        return [k for k, v in self.cells.items() if v is None]

    def as_counts(self) -> MonthCounts:
        """The report's cells as counts, 0 where hidden: its shape, for its reader's view."""
        figures: dict[str, int] = {}
        tables: dict[str, dict[str, int]] = {}
        for key, value in self.cells.items():
            _, name, cid = split_key(key)
            if cid is None:
                figures[name] = value or 0
            else:
                tables.setdefault(name, {})[cid] = value or 0
        return MonthCounts(self.period, figures, tables)

    def view(self) -> Published:
        """What this report told its reader, as the audit's constraints."""
        return published(
            self.as_counts(),
            self.reasons,
            self.min_cell,
            self.files,
            zeros_hidden=self.zeros_hidden,
        )


def publication(
    period: Period,
    *,
    min_cell: int,
    files: int,
    figures: Mapping[str, Cell],
    tables: Mapping[str, Mapping[str, Cell]],
    reasons: Mapping[str, tuple[str, ...]],
    published_at: str = "",
    zeros_hidden: bool = False,
) -> Publication:
    """A report's cells in its own order as a Publication (not yet logged)."""
    cells: dict[str, Cell] = {f"figure:{f}": v for f, v in figures.items()}
    for name, row in tables.items():
        cells.update({f"table:{name}:{cid}": v for cid, v in row.items()})
    return Publication(
        period.label,
        published_at,
        min_cell,
        files,
        cells,
        {k: reasons[k] for k in reasons},
        zeros_hidden=zeros_hidden,
    )


def involved(history: Sequence[Publication], months: Iterable[str]) -> list[Publication]:
    """Every logged publication a reader can link to `months`, in the log's order.

    A publication sharing a month links to them; a quarter brings in its other months,
    and with them their publications, until nothing more is linked.
    """
    reach = set(months)
    chosen: set[int] = set()
    grew = True
    while grew:
        grew = False
        for i, pub in enumerate(history):
            if i not in chosen and reach.intersection(pub.months):
                chosen.add(i)
                reach.update(pub.months)
                grew = True
    return [pub for i, pub in enumerate(history) if i in chosen]


def last_of(history: Sequence[Publication], period: str) -> Publication | None:
    """The latest logged publication of exactly this period."""
    same = [pub for pub in history if pub.period == period]
    return same[-1] if same else None


@dataclass(frozen=True)
class Changes:
    """What a new report changes against the last publication of the same period."""

    since: str  # when that one was published (ISO UTC)
    changed: tuple[tuple[str, int, int], ...]  # shown in both: key, was, now
    newly_hidden: tuple[str, ...]  # shown then, hidden now
    newly_shown: tuple[tuple[str, int], ...]  # hidden then, shown now: key, value

    @property
    def none(self) -> bool:
        return not (self.changed or self.newly_hidden or self.newly_shown)


def changes_since(last: Publication, now: Publication) -> Changes:
    """Cells of `now` against `last`, in `now`'s order (cells only one of them has are
    left out: a newer vocabulary's cells were not there to compare)."""
    changed: list[tuple[str, int, int]] = []
    newly_hidden: list[str] = []
    newly_shown: list[tuple[str, int]] = []
    for key, value in now.cells.items():
        if key not in last.cells:
            continue
        was = last.cells[key]
        if was is not None and value is not None and was != value:
            changed.append((key, was, value))
        elif was is not None and value is None:
            newly_hidden.append(key)
        elif was is None and value is not None:
            newly_shown.append((key, value))
    return Changes(last.published_at, tuple(changed), tuple(newly_hidden), tuple(newly_shown))
