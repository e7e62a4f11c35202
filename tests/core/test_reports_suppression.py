"""Small-cell suppression: known cases, and for random tables a brute-force reader.

The reader (see peerdesk.reports.suppression) knows N, the method, every shown number,
the totals, which cells are suppressed and how many for each reason. `feasible_values`
enumerates every completion of the suppressed cells that such a reader cannot rule
out (the method, run on it, could have produced the same output) and collects the
values each suppressed cell takes; two or more means it is not determined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Protocol

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.models.contacts import ContactFields
from peerdesk.reports import (
    COMPLEMENTARY,
    SMALL,
    MonthCounts,
    suppress,
    table_cuts,
    tally,
    tie_key_of,
)
from peerdesk.reports.counts import TABLES, spec_of
from peerdesk.reports.disclosure import WITHHELD
from peerdesk.reports.relations import UnknownCell
from peerdesk.reports.suppression import Cut
from tests.core.report_strategies import contacts_lists

KEY = tie_key_of(["0" * 32])


class Method(Protocol):
    def __call__(
        self, cells: dict[str, int], n: int, *, total: int | None, at_least: int | None
    ) -> list[Cut]: ...


def only_small(
    cells: dict[str, int], n: int, *, total: int | None, at_least: int | None
) -> list[Cut]:
    """A naive method: primary suppression only."""
    return [{cid: SMALL for cid, v in cells.items() if 0 < v < n}]


def _values(k: int, low: int, high: int, total: int | None) -> Iterator[tuple[int, ...]]:
    """Every k-tuple in [low, high]; summing to `total` when given."""
    if k == 0:
        if total is None or total == 0:
            yield ()
        return
    for v in range(low, high + 1):
        if total is not None and v + low * (k - 1) > total:
            break
        for rest in _values(k - 1, low, high, None if total is None else total - v):
            yield (v, *rest)


def feasible_values(
    cells: dict[str, int],
    cut: Cut,
    n: int,
    *,
    total: int | None,
    at_least: int | None,
    method: Method = table_cuts,
) -> dict[str, set[int]]:
    """For each suppressed cell, every value some indistinguishable completion gives it."""
    hidden = list(cut)
    shown = {cid: v for cid, v in cells.items() if cid not in cut}
    reasons = Counter(cut.values())
    found: dict[str, set[int]] = {cid: set() for cid in hidden}
    if total is not None:
        candidates = _values(len(hidden), 1, total, total - sum(shown.values()))
    else:
        assert at_least is not None
        candidates = _values(len(hidden), 1, at_least, None)
    for values in candidates:
        candidate = {**shown, **dict(zip(hidden, values, strict=True))}
        if at_least is not None and sum(candidate.values()) < at_least:
            continue
        for other in method(candidate, n, total=total, at_least=at_least):
            if set(other) == set(cut) and Counter(other.values()) == reasons:
                for cid, v in zip(hidden, values, strict=True):
                    found[cid].add(v)
                break
    return found


cells_strategy = st.lists(st.integers(0, 11), min_size=2, max_size=5).map(
    lambda vs: {f"c{i}": v for i, v in enumerate(vs)}
)


@settings(max_examples=400, deadline=None)
@given(cells=cells_strategy, n=st.integers(3, 6))
def test_no_suppressed_cell_of_a_table_with_a_total_can_be_worked_out(
    cells: dict[str, int], n: int
) -> None:
    total = sum(cells.values())
    cuts = table_cuts(cells, n, total=total)
    for cut in cuts:
        assert {cid for cid, v in cells.items() if 0 < v < n} <= set(cut)
        assert all(cells[cid] > 0 for cid in cut), "a zero is never suppressed"
        assert len(cut) != 1, "one suppressed cell is total minus the rest"
        for cid, values in feasible_values(cells, cut, n, total=total, at_least=None).items():
            assert cells[cid] in values
            assert len(values) >= 2, (cells, n, cut, cid, values)
    if not cuts:  # unprotectable: every non-zero cell is small and the values are pinned
        assert all(v < n for v in cells.values())


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(st.integers(0, 7), min_size=2, max_size=4).map(
        lambda vs: {f"t{i}": v for i, v in enumerate(vs)}
    ),
    n=st.integers(3, 5),
    contacts=st.integers(1, 14),
)
def test_no_suppressed_topic_can_be_worked_out_from_the_contact_count(
    cells: dict[str, int], n: int, contacts: int
) -> None:
    # Topics add up to at least the contacts and none is above them.
    if sum(cells.values()) < contacts or max(cells.values()) > contacts or contacts < n:
        return
    for cut in table_cuts(cells, n, at_least=contacts):
        values = feasible_values(cells, cut, n, total=None, at_least=contacts)
        for cid, found in values.items():
            assert cells[cid] in found
            assert len(found) >= 2, (cells, n, contacts, cut, cid, found)


def test_one_small_cell_gets_the_smallest_shown_cell_as_its_complement() -> None:
    assert table_cuts({"a": 1, "b": 7, "c": 9}, 5, total=17) == [{"a": SMALL, "b": COMPLEMENTARY}]


def test_equal_candidates_are_all_possible_and_the_pick_is_stable() -> None:
    cuts = table_cuts({"a": 1, "b": 5, "c": 5}, 5, total=11)
    assert cuts == [{"a": SMALL, "b": COMPLEMENTARY}, {"a": SMALL, "c": COMPLEMENTARY}]


def test_a_table_of_small_cells_only_is_withheld_whatever_they_add_up_to() -> None:
    # 4 + 4 = 8 with N = 5: both would be 4; no shown cell is left to hide.
    assert table_cuts({"a": 4, "b": 4, "c": 0}, 5, total=8) == []
    # 4 + 2 = 6 could protect each other; kept, it would tell a reader that a withheld
    # table of 8 in two cells holds 4 and 4. Withheld too.
    assert table_cuts({"a": 4, "b": 2, "c": 0}, 5, total=6) == []


def test_topics_need_a_complement_only_when_shown_topics_fall_short() -> None:
    # 6 shown + a hidden 4 >= 10 contacts would pin the 4 (it is at most N - 1 = 4).
    assert table_cuts({"a": 6, "b": 4, "c": 9}, 5, at_least=10) == [{"b": SMALL}]
    assert table_cuts({"a": 6, "b": 4}, 5, at_least=10) == [{"b": SMALL, "a": COMPLEMENTARY}]
    assert table_cuts({"a": 4, "b": 4}, 5, at_least=8) == []  # nothing left to hide
    assert table_cuts({"a": 6, "b": 4, "c": 7}, 5, at_least=14) == [
        {"b": SMALL, "a": COMPLEMENTARY}
    ]


def _month(contacts: list[ContactFields], done: int = 0) -> MonthCounts:
    return tally("2026-03", contacts, followups_completed=done)


@settings(max_examples=150, deadline=None)
@given(contacts=contacts_lists(max_size=30), n=st.integers(3, 7), done=st.integers(0, 9))
def test_a_whole_report_shows_true_values_and_hides_every_small_one(
    contacts: list[ContactFields], n: int, done: int
) -> None:
    counts = _month(contacts, done)
    report = suppress(counts, n, peers=3, tie_key=KEY)
    hidden = 0
    for figure, value in report.figures.items():
        true = counts.figures[figure]
        if value is None:
            hidden += 1
        else:
            assert value == true
            assert (
                figure in ("minutes", "group_people")
                or not 0 <= true < n
                or (figure == "referrals" and not counts.tables["referral_status"])
            )
    for table, cells in report.tables.items():
        for cid, value in cells.items():
            true = counts.tables[table][cid]
            if value is None:
                hidden += 1
            else:
                assert value == true and not 0 < true < n
    assert hidden == report.suppressed
    contacts_hidden = report.figures["contacts"] is None
    assert (report.figures["minutes"] is None) == contacts_hidden
    if report.tables["mode"]["group"] is None:
        assert report.figures["group_people"] is None
        # Rule 7: group kinds, shown, would add up to the hidden group cell.
        assert all(v is None for v in report.tables["group_kind"].values())
    if contacts_hidden:
        for spec in TABLES:
            if spec.total == "contacts" or spec.at_least == "contacts":
                assert all(v is None for v in report.tables[spec.name].values())
        return
    # Every table is checked on its own against the method-aware enumeration above.
    for spec in TABLES:
        true_cells = dict(counts.tables[spec.name])
        gone = [cid for cid, v in report.tables[spec.name].items() if v is None]
        if not gone or (spec.total != "contacts" and spec.total_cell is None):
            continue
        if report.reasons[f"table:{spec.name}:{gone[0]}"] == (WITHHELD,):
            continue  # withheld whole: its cells are only known to add up to the total
        cut = {cid: SMALL if true_cells[cid] < n else COMPLEMENTARY for cid in gone}
        total = counts.contacts if spec.total else counts.tables["mode"]["group"]
        if len(cut) > 4 or total > 40:
            continue  # enumeration too large; the table tests above cover the shapes
        values = feasible_values(true_cells, cut, n, total=total, at_least=None)
        for cid, found in values.items():
            assert len(found) >= 2, (spec.name, true_cells, cut, cid, found)


def test_a_month_below_the_threshold_is_withheld_whole() -> None:
    day = ContactFields(contact_date=__import__("datetime").date(2026, 3, 2), topics=("sleep",))
    report = suppress(_month([day] * 3), 5, peers=1, tie_key=KEY)
    assert report.figures["contacts"] is None and report.figures["minutes"] is None
    assert all(v is None for v in report.tables["mode"].values())  # zeros too
    assert all(v is None for v in report.tables["topic"].values())
    assert report.count(WITHHELD) == report.suppressed


def test_zeros_below_the_threshold_are_hidden_too_where_a_hidden_value_would_prove_small() -> None:
    # With "hidden" meaning "1 to N-1", a hidden follow-up count would prove a small one.
    report = suppress(_month([], done=0), 5, peers=1, tie_key=KEY)
    assert report.figures["followups_completed"] is None
    assert report.figures["contacts"] is None
    assert report.figures["referrals"] == 0  # not recorded by this month: nothing to hide


def test_unknown_tables_ids_and_figures_are_refused() -> None:
    base = _month([])
    for counts in (
        MonthCounts("2026-03", dict(base.figures), {**base.tables, "mood": {"calm": 2}}),
        MonthCounts("2026-03", dict(base.figures), {**base.tables, "mode": {"hover": 0}}),
        MonthCounts("2026-03", {**base.figures, "new_figure": 2}, base.tables),
    ):
        with pytest.raises(UnknownCell):
            suppress(counts, 5, peers=1, tie_key=KEY)
    assert spec_of("mood").total is None


def test_a_threshold_below_three_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 3"):
        suppress(_month([]), 2, peers=1, tie_key=KEY)


def test_the_brute_force_reader_does_recover_what_a_naive_method_leaves() -> None:
    # The checker can fail: hiding only the small cell, or two cells at the bounds.
    alone = feasible_values(
        {"a": 1, "b": 7, "c": 9}, {"a": SMALL}, 5, total=17, at_least=None, method=only_small
    )
    assert alone == {"a": {1}}
    both_top = feasible_values(
        {"a": 4, "b": 4, "c": 0},
        {"a": SMALL, "b": SMALL},
        5,
        total=8,
        at_least=None,
        method=only_small,
    )
    assert both_top == {"a": {4}, "b": {4}}
