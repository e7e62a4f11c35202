"""The attacker's audit, and team reports attacked by a reader the product did not write.

`tests.support.attacker.Reader` reads a published report and solves its own integer
program with scipy; the audit (peerdesk.reports.audit) is checked against exact
enumeration on small tables, and on the classic cases of the statistical offices.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk import messages
from peerdesk.models.contacts import ContactFields
from peerdesk.reports import (
    INSIDER,
    LINKED,
    THRESHOLD,
    WITHHELD,
    MonthCounts,
    TeamReport,
    add_up,
    render,
    suppress,
    tally,
    team_report,
    tie_key_of,
)
from peerdesk.reports.audit import Auditor, Published, Reach, exposed
from peerdesk.reports.counts import from_marginals
from peerdesk.reports.disclosure import published, values_of
from peerdesk.reports.relations import Relation, UnknownCell
from tests.core.report_strategies import MONTH, teams
from tests.support.attacker import Reader, truth_of


def _ids(count: int) -> list[str]:
    return [f"{i:032x}" for i in range(count)]


# --- the audit against exact enumeration -------------------------------------------
def _enumerated(
    cells: Mapping[str, int], hidden: list[str], bounds: Mapping[str, tuple[int, int]]
) -> dict[str, set[int]]:
    """Every value each hidden cell takes over all whole completions of one table."""
    total = sum(cells.values())
    rest = total - sum(v for k, v in cells.items() if k not in hidden)
    found: dict[str, set[int]] = {k: set() for k in hidden}
    ranges = [range(bounds[k][0], bounds[k][1] + 1) for k in hidden]
    for values in itertools.product(*ranges):
        if sum(values) == rest:
            for k, v in zip(hidden, values, strict=True):
                found[k].add(v)
    return found


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(st.integers(0, 9), min_size=2, max_size=4),
    data=st.data(),
)
def test_the_audit_reaches_exactly_what_enumeration_finds(
    values: list[int], data: st.DataObject
) -> None:
    cells = {f"table:t:{i}": v for i, v in enumerate(values)}
    keys = list(cells)
    hidden = data.draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    bounds = {}
    for k in hidden:
        low = data.draw(st.integers(0, cells[k]))
        bounds[k] = (low, data.draw(st.integers(cells[k], 12)))
    relation = Relation((*((k, 1) for k in keys), ("figure:total", -1)), 0, 0)
    shown = {k: v for k, v in cells.items() if k not in hidden}
    shown["figure:total"] = sum(values)
    report = Published(shown=shown, hidden=bounds, relations=[relation], peers=1)
    truth = {**cells, "figure:total": sum(values)}
    reaches = Auditor(report, truth, [truth]).reach()
    for key, values_found in _enumerated(cells, hidden, bounds).items():
        assert reaches[key] == Reach(min(values_found), max(values_found)), key


@settings(max_examples=40, deadline=None)
@given(
    table=st.lists(st.integers(0, 6), min_size=2, max_size=3),
    bands=st.tuples(st.integers(0, 5), st.integers(0, 5)),
)
def test_a_whole_part_is_exact_beside_a_fractional_one(
    table: list[int], bands: tuple[int, int]
) -> None:
    """Two parts nothing joins: a table summing to its total, and two duration bands
    whose minutes lie between 15 and 29 a contact, 30 and 59 (their vertices are not
    whole). Each cell's reach is what enumerating every whole completion finds, in the
    part whose relaxed optimum is whole and in the one whose is not."""
    short, long_ = bands
    minutes = 15 * short + 30 * long_ + (14 * short + 29 * long_) // 2
    cells = {**{f"t:{i}": v for i, v in enumerate(table)}, "short": short, "long": long_}
    relations = [
        Relation((*((f"t:{i}", 1) for i in range(len(table))), ("total", -1)), 0, 0),
        Relation((("short", 15), ("long", 30), ("minutes", -1)), None, 0),
        Relation((("short", 29), ("long", 59), ("minutes", -1)), 0, None),
    ]
    truth = {**cells, "total": sum(table), "minutes": minutes}
    bounds = {k: (0, 8) for k in cells}
    shown = {"total": sum(table), "minutes": minutes}
    report = Published(shown=shown, hidden=bounds, relations=relations, peers=1)
    reaches = Auditor(report, truth, [truth]).reach()
    found: dict[str, set[int]] = {k: set() for k in cells}
    for values in itertools.product(range(9), repeat=len(cells)):
        point = dict(zip(cells, values, strict=True)) | shown
        if all(r.holds(point) for r in relations):
            for k in cells:
                found[k].add(point[k])
    for key, values_found in found.items():
        assert reaches[key] == Reach(min(values_found), max(values_found)), key


def test_exposed_means_pinned_or_proved_small() -> None:
    assert exposed(Reach(3, 3), 5) and exposed(Reach(0, 0), 5)
    assert exposed(Reach(1, 4), 5) and not exposed(Reach(0, 4), 5)
    assert not exposed(Reach(1, 5), 5) and not exposed(Reach(4, 9), 5)
    assert exposed(Reach(4, 9), 5, width=6) and not exposed(Reach(4, 10), 5, width=6)


# --- classic cases -----------------------------------------------------------------
def test_a_two_by_two_with_one_small_cell_needs_the_whole_rectangle() -> None:
    """The textbook case: one hidden cell of a table with row and column totals."""
    cells = {"a": 2, "b": 8, "c": 9, "d": 11}
    rows = [("a", "b"), ("c", "d"), ("a", "c"), ("b", "d")]
    relations = [Relation(((x, 1), (y, 1), (f"sum:{x}{y}", -1)), 0, 0) for x, y in rows]
    truth = {**cells, **{f"sum:{x}{y}": cells[x] + cells[y] for x, y in rows}}

    def audit(hidden: list[str]) -> dict[str, Reach]:
        shown = {k: v for k, v in truth.items() if k not in hidden}
        report = Published(shown, dict.fromkeys(hidden, (1, None)), relations, peers=1)
        return Auditor(report, truth, [truth]).reach()

    assert audit(["a"]) == {"a": Reach(2, 2)}  # total minus the rest of its row
    assert audit(["a", "b"])["a"] == Reach(2, 2)  # its column still gives it away
    rectangle = audit(["a", "b", "c", "d"])
    assert rectangle["a"] == Reach(1, 9) and not exposed(rectangle["a"], 5)


def _counts(
    contacts: int, tables: dict[str, list[tuple[str, int]]], month: str = MONTH, people: int = 0
) -> MonthCounts:
    full = {
        "mode": [("cruiser", contacts)],
        "initiated_by": [("self", contacts)],
        "topic": [("work-stress", contacts)],
        "risk": [("none", contacts)],
        "outcome": [("support", contacts)],
        "critical_incident": [("no", contacts)],
        "for_whom": [("sworn", contacts)],
        "first_or_followup": [("first", contacts)],
        "duration": [("15-29", contacts)],  # 15 minutes each
        **tables,
    }
    return from_marginals(
        month,
        contacts=contacts,
        minutes=15 * contacts,
        group_people=people,
        followups_completed=5,
        tables=full,
        referral_statuses=None,
    )


def test_a_total_hidden_in_one_table_is_still_known_from_another() -> None:
    """Mode and risk share the contact count: hiding it does not hide it from mode."""
    counts = _counts(
        30,
        {
            "mode": [("cruiser", 20), ("phone", 10)],
            "risk": [("none", 27), ("elevated", 3)],
        },
    )
    reasons = {"figure:contacts": ("withheld",), "table:risk:elevated": ("threshold",)}
    report = published(counts, reasons, 5, peers=1)
    truth = values_of(counts)
    auditor = Auditor(report, truth, [truth])
    assert auditor.reach()["figure:contacts"] == Reach(30, 30)
    assert auditor.exposed(5) == ["figure:contacts", "table:risk:elevated"]


def test_sdctable_linked_tables_example() -> None:
    """sdcTable's linked tables test: two hierarchies over the same regions.

    Regions A..N with counts 2, 2, 8, 8, 3, 3, 3, 7; one table groups them by county
    (A B I J | K L M N), the other by size (L M big, the rest small). Cells of 3 or
    less are primary. Each table alone is safe; read together, K is pinned, and
    sdcTable's answer is to suppress N as well.
    """
    n = dict(zip("ABIJKLMN", (2, 2, 8, 8, 3, 3, 3, 7), strict=True))
    groups = {"county1": "ABIJ", "county2": "KLMN", "big": "LM", "small": "ABIJKN"}
    relations = [
        Relation((*((r, 1) for r in regions), (name, -1)), 0, 0) for name, regions in groups.items()
    ]
    relations.append(Relation((("county1", 1), ("county2", 1), ("total", -1)), 0, 0))
    relations.append(Relation((("big", 1), ("small", 1), ("total", -1)), 0, 0))
    truth = {**n, **{k: sum(n[r] for r in v) for k, v in groups.items()}, "total": 36}

    def audit(hidden: str) -> Auditor:
        shown = {k: v for k, v in truth.items() if k not in hidden}
        report = Published(shown, dict.fromkeys(hidden, (0, None)), relations, peers=1)
        return Auditor(report, truth, [truth])

    primary = audit("ABKLM")
    assert primary.reach()["K"] == Reach(3, 3)
    assert primary.exposed(4) == ["K"]
    with_n = audit("ABKLMN")
    assert with_n.reach()["K"] == Reach(0, 10)  # K + N = 10
    assert with_n.exposed(4) == []


# --- group kinds add up to a cell, not to a figure ---------------------------------------
def _as_published(counts: MonthCounts, reasons: Mapping[str, tuple[str, ...]]) -> TeamReport:
    """`counts` with exactly `reasons` hidden, as a report would print it."""
    return TeamReport(
        month=counts.month,
        min_cell=5,
        peers=1,
        figures={f: None if f"figure:{f}" in reasons else v for f, v in counts.figures.items()},
        tables={
            name: {c: None if f"table:{name}:{c}" in reasons else v for c, v in cells.items()}
            for name, cells in counts.tables.items()
        },
        reasons=dict(reasons),
    )


def _group_month(group: int, kinds: list[tuple[str, int]]) -> MonthCounts:
    return _counts(
        30, {"mode": [("cruiser", 30 - group), ("group", group)], "group_kind": kinds}, people=40
    )


def test_a_hidden_group_kind_cannot_be_recovered_from_the_group_cell() -> None:
    """8 group contacts shown, 6 defusings and 2 debriefings: 8 - 6 gives the 2 back."""
    counts = _group_month(8, [("defusing", 6), ("debriefing", 2)])
    truth = truth_of(counts)
    alone = {"table:group_kind:debriefing": (THRESHOLD,)}
    auditor = Auditor(published(counts, alone, 5, peers=1), truth, [truth])
    assert auditor.reach()["table:group_kind:debriefing"] == Reach(2, 2)
    naive = Reader(_as_published(counts, alone))
    assert naive.reach()["table:group_kind:debriefing"] == (2, 2)  # pinned, not only small
    assert naive.exposed(truth) == ["table:group_kind:debriefing"]
    report = team_report([counts], _ids(1), 5)
    assert report.tables["mode"]["group"] == 8
    kinds = report.tables["group_kind"]
    assert kinds["debriefing"] is None and kinds["defusing"] is None  # its complement
    assert kinds["demobilization"] == kinds["cmb"] == 0
    assert Reader(report).exposed(truth) == []


def test_group_kinds_are_withheld_with_a_hidden_group_cell() -> None:
    """3 group contacts (small) are hidden; 3 defusings shown would give them back."""
    counts = _group_month(3, [("defusing", 3)])
    truth = truth_of(counts)
    mode_only = {
        "table:mode:group": (THRESHOLD,),
        "table:mode:cruiser": (THRESHOLD,),
        "figure:group_people": (THRESHOLD,),
    }
    naive = Reader(_as_published(counts, mode_only)).exposed(truth)
    assert naive == ["table:mode:cruiser", "table:mode:group"]  # 3 kinds, so 3 and 27
    auditor = Auditor(published(counts, mode_only, 5, peers=1), truth, [truth])
    assert auditor.exposed(5) == ["table:mode:cruiser", "table:mode:group"]
    report = team_report([counts], _ids(1), 5)
    assert report.tables["mode"]["group"] is None
    assert set(report.tables["group_kind"].values()) == {None}  # zeros too
    assert all(
        report.reasons[f"table:group_kind:{kind}"] == (WITHHELD,)
        for kind in report.tables["group_kind"]
    )
    assert Reader(report).exposed(truth) == []


# --- the insider ---------------------------------------------------------------------
def _insider_team() -> tuple[MonthCounts, MonthCounts]:
    a = _counts(11, {"risk": [("none", 4), ("low", 7)]})
    b = _counts(14, {"risk": [("none", 10), ("low", 2), ("elevated", 2)]})
    return a, b


def test_a_peer_who_subtracts_their_own_month_is_stopped() -> None:
    a, b = _insider_team()
    total = add_up([a, b])
    truth = truth_of(total)
    rules_only = suppress(total, 5, peers=2, tie_key=tie_key_of(_ids(2)))
    assert rules_only.tables["risk"] == {"none": 14, "low": None, "elevated": None, "imminent": 0}
    assert Reader(rules_only).exposed(truth) == []
    # Peer a knows their 7 of the 9 "low": elevated is at most 11 - 7 = 4.
    assert Reader(rules_only, own=a).exposed(truth) == ["table:risk:elevated"]
    report = team_report([a, b], _ids(2), 5)
    assert report.tables["risk"]["none"] is None
    assert report.reasons["table:risk:elevated"] == (THRESHOLD, INSIDER)
    for own in (None, a, b):
        assert Reader(report, own=own).exposed(truth) == []
    assert report.audit is not None and report.audit.insiders == 2


def test_what_a_peer_must_not_learn_is_the_rest_of_the_team() -> None:
    # Team x + y = 10 shown; y is told to be 3 to 6, so x is 4 to 7: not small for a
    # reader with the report. Peer a holds 3 of x: the others hold 1 to 4 of it.
    x, y, total = "table:t:x", "table:t:y", "figure:total"
    relation = Relation(((x, 1), (y, 1), (total, -1)), 0, 0)
    report = Published({total: 10}, {x: (1, None), y: (3, 6)}, [relation], peers=2)
    a, b = {x: 3, y: 0, total: 3}, {x: 2, y: 5, total: 7}
    auditor = Auditor(report, {x: 5, y: 5, total: 10}, [a, b])
    assert auditor.exposed(5) == []
    assert auditor.reach(a)[x] == Reach(4, 7)
    assert auditor.exposed(5, a) == [x]
    # Peer b holds 5 of y, so y is 5 or 6 and x 4 or 5, of which b holds 2.
    assert auditor.reach(b)[x] == Reach(4, 5)
    assert auditor.exposed(5, b) == [x]
    # With y told to be 1 to 6, a learns only that the others hold 1 to 6 of x.
    wide = Published({total: 10}, {x: (1, None), y: (1, 6)}, [relation], peers=2)
    assert Auditor(wide, {x: 5, y: 5, total: 10}, [a, b]).exposed(5, a) == []


def test_a_shown_count_a_peer_holds_nearly_all_of_is_hidden() -> None:
    # Nothing is small for the team, but peer a, with 20 of the 23 contacts, would learn
    # that the other peer had 3: the contacts section goes. Follow-ups (5 + 5) stay.
    a, b = _counts(20, {}), _counts(3, {})
    rules = suppress(add_up([a, b]), 5, peers=2, tie_key=tie_key_of(_ids(2)))
    assert rules.suppressed == 0 and "figure:contacts" in Reader(rules, own=a).exposed()
    report = team_report([a, b], _ids(2), 5)
    assert report.figures["contacts"] is None and report.tables["mode"]["cruiser"] is None
    assert report.figures["followups_completed"] == 10
    # One table: 10 of the 12 elevated are a's. Elevated goes, and "none" with it.
    a = _counts(40, {"risk": [("none", 30), ("elevated", 10)]})
    b = _counts(30, {"risk": [("none", 28), ("elevated", 2)]})
    report = team_report([a, b], _ids(2), 5)
    assert report.figures["contacts"] == 70
    assert report.tables["risk"] == {"none": None, "low": 0, "elevated": None, "imminent": 0}
    assert report.reasons["table:risk:elevated"] == (INSIDER,)
    truth = truth_of(add_up([a, b]))
    for own in (None, a, b):
        assert Reader(report, own=own).exposed(truth) == []


def test_a_peer_who_holds_part_of_a_small_count_learns_nothing_of_the_others() -> None:
    # Phone is the small one (3), cruiser (30) its complement. Peer a holds 20 of the
    # cruiser contacts and 2 of the phone ones: a can tell phone is the small one, but
    # the others may hold 0 of it. Nothing more is hidden for a, nor for b.
    a = _counts(22, {"mode": [("cruiser", 20), ("phone", 2)]})
    b = _counts(11, {"mode": [("cruiser", 10), ("phone", 1)]})
    report = team_report([a, b], _ids(2), 5)
    assert report.tables["mode"]["phone"] is None and report.tables["mode"]["cruiser"] is None
    assert report.reasons["table:mode:phone"] == (THRESHOLD,)
    assert report.figures["contacts"] == 33
    truth = truth_of(add_up([a, b]))
    for own in (None, a, b):
        assert Reader(report, own=own).exposed(truth) == []


@pytest.mark.parametrize("seed", range(3))
def test_a_busy_small_team_keeps_its_contact_tables(seed: int) -> None:
    """Three peers of 40 to 60 contacts each: the insider rule hides a cell or two more,
    never the section (a table it withholds no longer claims a small count)."""
    from datetime import date, timedelta

    from peerdesk.synthetic import contacts as synthetic

    rng = random.Random(seed)
    months = []
    for _ in range(3):
        days = [date(2026, 3, 1) + timedelta(days=rng.randrange(28)) for _ in range(50)]
        contacts = [synthetic.contact_fields(rng, d, with_text=False) for d in days]
        months.append(tally(MONTH, contacts, followups_completed=rng.randrange(8)))
    report = team_report(months, _ids(3), 5)
    assert report.figures["contacts"] == 150
    assert sum(v is not None for v in report.tables["risk"].values()) >= 1 or all(
        THRESHOLD not in why and WITHHELD in why
        for k, why in report.reasons.items()
        if k.startswith("table:risk:")
    )
    truth = truth_of(add_up(months))
    for own in (None, *months):
        assert Reader(report, own=own).exposed(truth) == []


def _lasting(minutes: int) -> ContactFields:
    from datetime import date

    return ContactFields(contact_date=date(2026, 3, 3), topics=("sleep",), minutes=minutes)


def test_one_long_contact_is_not_given_away_by_the_minutes() -> None:
    """Fourteen contacts of 15 minutes, three of 30 and one of three hours: 480 minutes.
    The rules hide the three small duration counts; with the bins' bounds on the
    minutes, a reader still finds the long one (pinned at 1). The audit hides more."""
    a = [_lasting(15)] * 8 + [_lasting(30)] * 3 + [_lasting(180)]
    months = [tally(MONTH, a), tally(MONTH, [_lasting(15)] * 6)]
    total = add_up(months)
    assert total.tables["duration"] == {
        "under-15": 0,
        "15-29": 14,
        "30-59": 3,
        "60-119": 0,
        "120-plus": 1,
    }
    truth = truth_of(total)
    rules = suppress(total, 5, peers=2, tie_key=tie_key_of(_ids(2)))
    assert rules.tables["duration"]["120-plus"] is None and rules.figures["minutes"] == 480
    assert "table:duration:120-plus" in Reader(rules).exposed(truth)
    report = team_report(months, _ids(2), 5)
    assert report.figures["minutes"] == 480 and report.figures["contacts"] == 18
    assert all(v is None for v in report.tables["duration"].values())
    for own in (None, *months):
        assert Reader(report, own=own).exposed(truth) == []


def test_a_peer_who_learns_the_others_hold_none_learns_what_a_zero_tells() -> None:
    """Peer a's is the team's only long contact; the others' 90 minutes cannot hold one
    of two hours, so a knows the team's is exactly a's. The cell is not exposed for a:
    the method shows zeros, and 'the others had none' is what a shown zero says."""
    a = [_lasting(15)] * 8 + [_lasting(30)] * 3 + [_lasting(180)]
    months = [tally(MONTH, a), tally(MONTH, [_lasting(15)] * 6)]
    report = team_report(months, _ids(2), 5)
    reasons = {k: v for k, v in report.reasons.items() if k.startswith("table:duration:")}
    assert set(reasons.values()) == {(LINKED, WITHHELD)}  # the report alone needed it
    assert report.figures["contacts"] == 18  # the insider rule withheld no section


def _contact(**fields: object) -> ContactFields:
    from datetime import date

    base: dict[str, object] = {"contact_date": date(2026, 3, 2), "topics": ("work-stress",)}
    return ContactFields(**{**base, **fields}).validated(date(2026, 4, 1))  # type: ignore[arg-type]


def test_a_peer_who_knows_which_hidden_cell_is_the_complement_learns_the_others() -> None:
    """The rules hide one complement per table. Peer A holds 8 cruiser contacts, so of the
    hidden cruiser, phone and in-person only cruiser can be the complement: the others
    are small, and A holds none of them. Found by an attack review; the audit now knows
    that a table marked `threshold` alone has at most one hidden cell of N or more."""
    a = [_contact()] * 8
    b = [_contact()] * 2 + [_contact(mode="phone")] + [_contact(mode="in-person")] * 2
    c = [_contact()] * 2 + [_contact(mode="phone")] + [_contact(mode="in-person")]
    months = [tally(MONTH, m) for m in (a, b, c)]
    truth = truth_of(add_up(months))
    rules = suppress(add_up(months), 5, peers=3, tie_key=tie_key_of(_ids(3)))
    assert {k for k, v in rules.tables["mode"].items() if v is None} == {
        "cruiser",
        "phone",
        "in-person",
    }
    assert Reader(rules, own=months[0]).exposed(truth) != []
    report = team_report(months, _ids(3), 5)
    for own in (None, *months):
        assert Reader(report, own=own).exposed(truth) == []


def test_the_minutes_cannot_tell_which_hidden_duration_is_the_complement() -> None:
    """20 contacts, 1005 minutes: were two hours or more the complement (8 or more), the
    minutes would be 1380 or more, so a reader with the report alone proved it 1 to 4."""
    mins = [[120, 30, 30, 30, 30], [120, 30, 30, 30, 15], [120, 60, 30, 30, 30]]
    months = [tally(MONTH, [_contact(minutes=m) for m in ms]) for ms in (*mins, mins[2])]
    truth = truth_of(add_up(months))
    rules = suppress(add_up(months), 5, peers=4, tie_key=tie_key_of(_ids(4)))
    assert rules.figures["minutes"] == 1005 and rules.tables["duration"]["120-plus"] is None
    assert "table:duration:120-plus" in Reader(rules).exposed(truth)
    report = team_report(months, _ids(4), 5)
    for own in (None, *months):
        assert Reader(report, own=own).exposed(truth) == []


def test_a_table_the_rules_withhold_tells_only_that_its_counts_are_small() -> None:
    """Critical incident yes 4, no 4, of 8 contacts: every count small, so the rules
    withhold the table; its cells are then 0 to 4 each, adding up to 8: both 4. The
    audit hides more; and a table whose small counts could protect each other is
    withheld the same way, so being withheld no longer tells 'all 1s or all N-1s'."""
    a = [_contact(critical_incident=True)] * 2 + [_contact()]
    b = [_contact(critical_incident=True)] + [_contact()] * 2
    c = [_contact(critical_incident=True), _contact()]
    months = [tally(MONTH, m) for m in (a, b, c)]
    truth = truth_of(add_up(months))
    rules = suppress(add_up(months), 5, peers=3, tie_key=tie_key_of(_ids(3)))
    assert rules.reasons["table:critical_incident:yes"] == (WITHHELD,)
    assert "table:critical_incident:yes" in Reader(rules).exposed(truth)
    report = team_report(months, _ids(3), 5)
    assert report.figures["contacts"] == 8
    for own in (None, *months):
        assert Reader(report, own=own).exposed(truth) == []


def test_the_report_does_not_depend_on_the_order_of_the_files() -> None:
    rng = random.Random(5)
    months = [
        tally(MONTH, [_random_contact(rng) for _ in range(rng.randint(3, 14))]) for _ in range(5)
    ]
    ids = _ids(5)
    first = team_report(months, ids, 5)
    order = [3, 0, 4, 1, 2]
    again = team_report([months[i] for i in order], [ids[i] for i in order], 5)
    assert again == first


def _random_contact(rng: random.Random) -> ContactFields:
    from datetime import date

    from peerdesk.synthetic import contacts as synthetic

    return synthetic.contact_fields(rng, date(2026, 3, 3), with_text=False)


def test_a_table_the_audit_does_not_know_never_reaches_a_report() -> None:
    known = _counts(20, {})
    stranger = MonthCounts(
        MONTH, dict(known.figures), {**known.tables, "mood": {"calm": 2, "tense": 18}}
    )
    with pytest.raises(UnknownCell, match="mood"):
        team_report([known, stranger], _ids(2), 5)
    odd_id = MonthCounts(MONTH, dict(known.figures), {**known.tables, "mode": {"hover": 20}})
    with pytest.raises(UnknownCell, match="hover"):
        team_report([odd_id], _ids(1), 5)
    odd_figure = MonthCounts(MONTH, {**known.figures, "new_figure": 2}, known.tables)
    with pytest.raises(UnknownCell, match="new_figure"):
        team_report([odd_figure], _ids(1), 5)


def test_the_audit_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    a, b = _insider_team()
    team_report([a, b], _ids(2), 5)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# --- whole teams, attacked -------------------------------------------------------------
@settings(max_examples=45, deadline=None)
@given(team=teams(), n=st.integers(3, 6))
def test_no_published_report_lets_any_reader_narrow_a_hidden_cell(
    team: list[list[ContactFields]], n: int
) -> None:
    months = [tally(MONTH, contacts, followups_completed=len(contacts) % 7) for contacts in team]
    total = add_up(months)
    truth = truth_of(total)
    report = team_report(months, _ids(len(months)), n)
    for key, value in truth.items():
        kind, _, rest = key.partition(":")
        shown = (
            report.figures[rest]
            if kind == "figure"
            else report.tables[rest.split(":")[0]][rest.split(":")[1]]
        )
        if shown is None:
            assert key in report.reasons
        else:
            assert shown == value
            sums = ("figure:minutes", "figure:group_people")
            assert key in sums or not 0 < value < n
    tables = {k.split(":")[1] for k in report.reasons if k.startswith("table:")}
    for table in tables:  # one table, one set of reasons
        assert len({w for k, w in report.reasons.items() if k.startswith(f"table:{table}:")}) == 1
    assert Reader(report).exposed(truth) == []
    for own in months:
        assert Reader(report, own=own).exposed(truth) == []


@settings(max_examples=25, deadline=None)
@given(team=teams(), n=st.integers(3, 6))
def test_with_zeros_hidden_no_zero_is_shown_and_no_reader_pins_one(
    team: list[list[ContactFields]], n: int
) -> None:
    months = [tally(MONTH, contacts) for contacts in team]
    truth = truth_of(add_up(months))
    report = team_report(months, _ids(len(months)), n, zeros_hidden=True)
    assert report.zeros_hidden
    assert not [c for t in report.tables.values() for c, v in t.items() if v == 0]
    # Pinned at 0 is exposed for every reader now: Reader reads report.zeros_hidden.
    assert Reader(report).exposed(truth) == []
    for own in months:
        assert Reader(report, own=own).exposed(truth) == []


def test_a_zero_in_a_small_team_is_hidden_when_the_lead_asks() -> None:
    """Three peers, no contact about suicidal thoughts: shown as 0 by default; with
    zeros hidden it is an x, and so is enough around it that no reader can pin it."""
    a = _counts(20, {"topic": [("work-stress", 20), ("sleep", 6)]})
    b = _counts(15, {"topic": [("work-stress", 15), ("sleep", 7)]})
    c = _counts(12, {"topic": [("work-stress", 12), ("sleep", 5)]})
    shown = team_report([a, b, c], _ids(3), 5)
    assert shown.tables["topic"]["suicidal-thoughts"] == 0 and not shown.zeros_hidden
    hidden = team_report([a, b, c], _ids(3), 5, zeros_hidden=True)
    assert hidden.tables["topic"]["suicidal-thoughts"] is None
    assert THRESHOLD in hidden.reasons["table:topic:suicidal-thoughts"]
    text = render.team_table(hidden)
    assert messages.REPORT_ZEROS_HIDDEN in text and messages.REPORT_ZEROS_HIDDEN not in (
        render.team_table(shown)
    )
    assert json.loads(render.team_json(hidden))["zeros"] == "hidden"
    truth = truth_of(add_up([a, b, c]))
    for own in (None, a, b, c):
        assert Reader(hidden, own=own).exposed(truth) == []


def test_when_one_more_cell_is_not_enough_the_table_is_withheld() -> None:
    # Peer a holds 10 of "none" and 7 of "low": with all three hidden, both are known to
    # be 5 or more, so "elevated" would be the small one. The whole table goes.
    a = _counts(17, {"risk": [("none", 10), ("low", 7)]})
    b = _counts(8, {"risk": [("none", 4), ("low", 2), ("elevated", 2)]})
    report = team_report([a, b], _ids(2), 5)
    assert report.tables["risk"] == dict.fromkeys(("none", "low", "elevated", "imminent"))
    # Withheld by the audit, it no longer claims a small count: told that one is, peer
    # a could still rule out every cell but "elevated".
    assert report.reasons["table:risk:elevated"] == (INSIDER, WITHHELD)
    assert report.figures["contacts"] == 25
    truth = truth_of(add_up([a, b]))
    for own in (None, a, b):
        assert Reader(report, own=own).exposed(truth) == []


def test_both_readers_keep_one_large_count_where_the_total_is_a_cell() -> None:
    """Group kinds add up to the `group` mode cell, not to a figure. Hidden three of
    them (threshold alone) at 12 together, each from 1 to 6: a peer who holds 5 of
    debriefing knows it is the large one, so the other two are 2 to 4, small. The
    tests' Reader once let milp take an on/off unknown within 1e-6 of off, at a factor
    of millions, and saw both large; now it keeps to the fact, as the audit does."""
    figures = {"contacts": 40, "minutes": 1200, "group_people": 90}
    kinds = ("defusing", "debriefing", "demobilization")
    truth_counts = MonthCounts(
        MONTH,
        figures,
        {
            "mode": {"in-person": 22, "group": 18},
            "group_kind": {"defusing": 3, "debriefing": 5, "demobilization": 4, "cmb": 6},
        },
    )
    own = MonthCounts(
        MONTH,
        {"contacts": 5, "minutes": 150, "group_people": 25},
        {
            "mode": {"in-person": 0, "group": 5},
            "group_kind": {"defusing": 0, "debriefing": 5, "demobilization": 0, "cmb": 0},
        },
    )
    reasons: dict[str, tuple[str, ...]] = {f"table:group_kind:{k}": ("threshold",) for k in kinds}
    small = [f"table:group_kind:{k}" for k in ("defusing", "demobilization")]
    truth = truth_of(truth_counts)
    for peers in (3, 40):
        report = TeamReport(
            MONTH,
            5,
            peers,
            dict(figures),
            {
                "mode": {"in-person": 22, "group": 18},
                "group_kind": {
                    "defusing": None,
                    "debriefing": None,
                    "demobilization": None,
                    "cmb": 6,
                },
            },
            reasons,
        )
        reader = Reader(report, own=own)
        assert {k: reader.reach()[k] for k in small} == {k: (2, 4) for k in small}
        assert Reader(report, own=own).exposed(truth) == small
        auditor = Auditor(published(truth_counts, reasons, 5, peers), truth, [values_of(own)])
        assert auditor.exposed(5, values_of(own)) == small
