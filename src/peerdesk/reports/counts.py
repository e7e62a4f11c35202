"""What a month's counts are, and how they are made and added up. Pure: no vault, no I/O.

A month is a few *figures* (contacts, minutes, people in group contacts, follow-ups
completed, referrals made) and one-dimensional *tables* of counts by category id. A
table either partitions a figure (every contact has exactly one mode, initiator, risk,
outcome, critical-incident flag, person it was for and duration bin, and is a first
contact or a follow-up, so those tables add up to `contacts`; referral statuses add up to
`referrals`), or partitions a *cell* of another table (every group contact has one
kind of intervention, so group kinds add up to the `group` mode cell), or does not
(a contact may have several topics, so topic counts add up to at least `contacts`,
usually more). Suppression (peerdesk.reports.suppression) and its audit rely on
exactly these relations, so they live here.

Nothing here is per contact: no text, no handle, no day, no id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerdesk import vocab
from peerdesk.validation import MINUTES_MAX

if TYPE_CHECKING:
    from peerdesk.models.contacts import ContactFields

CONTACTS = "contacts"
MINUTES = "minutes"
GROUP_PEOPLE = "group_people"
FOLLOWUPS_COMPLETED = "followups_completed"
REFERRALS = "referrals"

# Figure order in every output. minutes and group_people are sums, not head counts of
# contacts; suppression treats them by their own rule (see suppression.py).
FIGURES: tuple[str, ...] = (CONTACTS, MINUTES, GROUP_PEOPLE, FOLLOWUPS_COMPLETED, REFERRALS)
SUM_FIGURES = frozenset({MINUTES, GROUP_PEOPLE})

CRITICAL_INCIDENT_CHOICES: tuple[vocab.Choice, ...] = (
    vocab.Choice("yes", "After a critical incident"),
    vocab.Choice("no", "Not after a critical incident"),
)


@dataclass(frozen=True)
class TableSpec:
    """One table of a month: its name in files, its vocabulary, and what it adds up to."""

    name: str
    choices: tuple[vocab.Choice, ...]
    total: str | None  # the figure the cells add up to exactly, or None
    at_least: str | None = None  # the figure the cells add up to at least (topics)
    total_cell: tuple[str, str] | None = None  # (table, id) of the cell they add up to exactly


TABLES: tuple[TableSpec, ...] = (
    TableSpec("mode", vocab.MODES, CONTACTS),
    TableSpec("group_kind", vocab.GROUP_KINDS, None, total_cell=("mode", "group")),
    TableSpec("initiated_by", vocab.INITIATED_BY, CONTACTS),
    TableSpec("for_whom", vocab.FOR_WHOM, CONTACTS),
    TableSpec("first_or_followup", vocab.FIRST_OR_FOLLOWUP, CONTACTS),
    TableSpec("duration", vocab.DURATIONS, CONTACTS),
    TableSpec("topic", vocab.TOPICS, None, at_least=CONTACTS),
    TableSpec("risk", vocab.RISKS, CONTACTS),
    TableSpec("outcome", vocab.OUTCOMES, CONTACTS),
    TableSpec("critical_incident", CRITICAL_INCIDENT_CHOICES, CONTACTS),
    TableSpec("referral_status", vocab.REFERRAL_STATUSES, REFERRALS),
)
SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}
# Referral counts are recorded only once the referrals table exists (migration 0004); until
# then the table is empty ({}), which outputs show as "not recorded", not as zeros.
OPTIONAL_TABLES = frozenset({"referral_status"})
# A figure known only with its table: a vault without referral tracking records neither.
RECORDED_WITH: dict[str, str] = {REFERRALS: "referral_status"}


# A section is a figure, the sums that go with it and the tables tied to it: what is
# withheld together when the figure cannot be shown.
SECTIONS: tuple[str, ...] = (CONTACTS, REFERRALS)
SECTION_SUMS: dict[str, tuple[str, ...]] = {CONTACTS: (MINUTES, GROUP_PEOPLE)}


def section_of(table: str) -> str | None:
    """The figure a table is tied to (exactly, at least, or through the cell it adds up
    to), None for none."""
    spec = spec_of(table)
    if spec.total_cell is not None:
        return section_of(spec.total_cell[0])
    return spec.total or spec.at_least


def total_of(counts: MonthCounts, table: str) -> int | None:
    """What a table's cells add up to exactly in `counts` (a figure, or the cell of
    another table), None when it adds up to nothing exactly."""
    spec = spec_of(table)
    if spec.total_cell is not None:
        owner, cid = spec.total_cell
        return counts.tables.get(owner, {}).get(cid, 0)
    return None if spec.total is None else counts.figures.get(spec.total, 0)


def unrecorded_figures(tables: Mapping[str, Mapping[str, object]]) -> set[str]:
    """Figures not recorded, because the table they are known with is empty."""
    return {f for f, table in RECORDED_WITH.items() if table in tables and not tables[table]}


def section_keys(counts: MonthCounts, section: str) -> list[str]:
    """Every cell of a section by key ("figure:NAME", "table:NAME:ID"), in output order."""
    keys = [f"figure:{section}", *(f"figure:{f}" for f in SECTION_SUMS.get(section, ()))]
    for table in (spec.name for spec in TABLES if spec.name in counts.tables):
        if section_of(table) == section:
            keys += [f"table:{table}:{cid}" for cid in ordered_ids(table, counts.tables[table])]
    return keys


def duration_bins() -> list[tuple[str, int, int]]:
    """Each duration bin's id and its first and last minute (peerdesk.vocab.DURATIONS)."""
    ends = [start - 1 for start in vocab.DURATION_STARTS[1:]] + [MINUTES_MAX]
    return [
        (choice.id, start, end)
        for choice, start, end in zip(vocab.DURATIONS, vocab.DURATION_STARTS, ends, strict=True)
    ]


def duration_of(minutes: int) -> str:
    """The duration bin of a contact of `minutes`."""
    for cid, start, end in duration_bins():
        if start <= minutes <= end:
            return cid
    raise ValueError(f"no duration bin holds {minutes} minutes")


def spec_of(name: str) -> TableSpec:
    """The spec of a table; an unknown table (from a newer peerdesk) adds up to nothing."""
    return SPECS.get(name) or TableSpec(name, (), None)


def ordered_ids(name: str, cells: Iterable[str]) -> list[str]:
    """A table's ids in vocabulary order; unknown ids (newer peerdesk) last, sorted."""
    known = [c.id for c in spec_of(name).choices]
    rank = {cid: i for i, cid in enumerate(known)}
    return sorted(set(cells), key=lambda cid: (rank.get(cid, len(rank)), cid))


@dataclass(frozen=True)
class MonthCounts:
    """One month's exact counts: figures by name, tables by name then category id.

    Known ids are always present (zero-filled); ids and tables this version does not
    know (from a newer peerdesk) are kept, so a merge never drops what a peer counted.
    """

    month: str  # YYYY-MM
    figures: Mapping[str, int]
    tables: Mapping[str, Mapping[str, int]]

    @property
    def contacts(self) -> int:
        return self.figures.get(CONTACTS, 0)

    @property
    def minutes(self) -> int:
        return self.figures.get(MINUTES, 0)

    def table(self, name: str) -> dict[str, int]:
        """A table's cells in display order."""
        cells = self.tables.get(name, {})
        return {cid: cells[cid] for cid in ordered_ids(name, cells)}


@dataclass(frozen=True)
class MonthTotal:
    """One point of the trend: a month's contacts and minutes."""

    month: str
    contacts: int
    minutes: int


def _zeros(name: str) -> dict[str, int]:
    return dict.fromkeys((c.id for c in SPECS[name].choices), 0)


def from_marginals(
    month: str,
    *,
    contacts: int,
    minutes: int,
    group_people: int,
    followups_completed: int,
    tables: Mapping[str, Iterable[tuple[str, int]]],
    referral_statuses: Iterable[tuple[str, int]] | None,
) -> MonthCounts:
    """Build a month from (category id, count) rows per table, as the vault's queries give.

    Known ids are zero-filled. `referral_statuses` is None when the vault has no
    referrals yet: that table stays empty rather than claiming zero referrals.
    """
    built: dict[str, dict[str, int]] = {}
    for spec in TABLES:
        if spec.name in OPTIONAL_TABLES:
            continue
        cells = _zeros(spec.name)
        for cid, count in tables.get(spec.name, ()):
            cells[cid] = cells.get(cid, 0) + count
        built[spec.name] = cells
    referrals = 0
    built["referral_status"] = {}
    if referral_statuses is not None:
        cells = _zeros("referral_status")
        for status, count in referral_statuses:
            cells[status] = cells.get(status, 0) + count
        built["referral_status"] = cells
        referrals = sum(cells.values())
    figures = {
        CONTACTS: contacts,
        MINUTES: minutes,
        GROUP_PEOPLE: group_people,
        FOLLOWUPS_COMPLETED: followups_completed,
        REFERRALS: referrals,
    }
    return MonthCounts(month, figures, built)


def tally(
    month: str,
    contacts: Iterable[ContactFields],
    *,
    followups_completed: int = 0,
    referral_statuses: Iterable[str] | None = None,
) -> MonthCounts:
    """Count contacts one by one: the plain reference the SQL in vault.monthly must match.

    Contacts outside `month` are ignored. Screens use vault.monthly (aggregates in
    SQL); tests use this to check it.
    """
    tables: dict[str, Counter[str]] = {
        spec.name: Counter() for spec in TABLES if spec.name not in OPTIONAL_TABLES
    }
    count = minutes = people = 0
    for c in contacts:
        if c.contact_date.strftime("%Y-%m") != month:
            continue
        count += 1
        minutes += c.minutes
        tables["mode"][c.mode] += 1
        if c.mode == "group":
            people += c.head_count
            tables["group_kind"][c.group_kind] += 1
        tables["initiated_by"][c.initiated_by] += 1
        tables["for_whom"][c.for_whom] += 1
        tables["first_or_followup"][c.first_or_followup] += 1
        tables["duration"][duration_of(c.minutes)] += 1
        tables["risk"][c.risk] += 1
        tables["outcome"][c.outcome] += 1
        tables["critical_incident"]["yes" if c.critical_incident else "no"] += 1
        tables["topic"].update(set(c.topics))
    return from_marginals(
        month,
        contacts=count,
        minutes=minutes,
        group_people=people,
        followups_completed=followups_completed,
        tables={name: cells.items() for name, cells in tables.items()},
        referral_statuses=None if referral_statuses is None else Counter(referral_statuses).items(),
    )


def add_up(months: Sequence[MonthCounts]) -> MonthCounts:
    """Sum several peers' counts of the same month, keeping every id any of them has.

    A month without a table (a file of an older version) counts as zeros there only
    when what the table adds up to is 0 in that month; otherwise the team's table is
    empty, "not recorded", never the sum of the peers who recorded it (it would not add
    up). The caller (the merge) has already checked that all are the same month.
    """
    if not months:
        raise ValueError("nothing to add up")
    figures: Counter[str] = Counter(dict.fromkeys(FIGURES, 0))
    for m in months:
        figures.update(m.figures)
    tables: dict[str, dict[str, int]] = {}
    names = [spec.name for spec in TABLES]
    names += sorted({name for m in months for name in m.tables} - set(names))
    for name in names:
        having = [m.tables[name] for m in months if m.tables.get(name)]
        unrecorded = [m for m in months if not m.tables.get(name) and _head(m, name)]
        if having and unrecorded:
            tables[name] = {}
        elif having or any(name in m.tables for m in months):
            cells: Counter[str] = Counter()
            for found in having:
                cells.update(found)  # zero cells are kept too
            tables[name] = dict(cells)
    return MonthCounts(months[0].month, dict(figures), tables)


def _head(month: MonthCounts, table: str) -> int:
    """What `table` adds up to (exactly or at least) in one month; 0 for a table of nothing."""
    spec = spec_of(table)
    exact = total_of(month, table)
    if exact is not None:
        return exact
    return month.figures.get(spec.at_least, 0) if spec.at_least else 0
