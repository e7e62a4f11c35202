"""Reports over time: a month merged again after a late contact, a quarter next to its
months, attacked by a reader who compares every publication (tests.support.attacker's
Comparer, written from docs/reports.md apart from peerdesk.reports.comparison)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.models.contacts import ContactFields
from peerdesk.reports import EARLIER, MonthCounts, TeamReport, add_up, tally, team_report
from peerdesk.reports.comparison import CHANGE, Comparison, Finding
from peerdesk.reports.history import Publication, involved
from peerdesk.reports.periods import chosen, of_label, parse_quarter, parse_year
from peerdesk.validation import InvalidInput
from tests.core.report_strategies import contact_fields, teams
from tests.support.attacker import Comparer, Reader, truth_of
from tests.support.pty_child import ROOT, child_env
from tests.support.team_months import Team

MARCH = "2026-03"
CHILD_HANG_SECONDS = 300  # only a guard against a hung child; no time is judged
Q1 = parse_quarter("2026-Q1")


def _merge(
    team: Team, months: list[str], history: list[Publication], *, quarter: bool = False
) -> tuple[TeamReport, list[MonthCounts]]:
    counts, ids, owners = team.files(months)
    period = Q1 if quarter else None
    report = team_report(counts, ids, 5, period=period, owners=owners, history=history)
    return report, counts


def _publish(report: TeamReport, history: list[Publication], day: int) -> None:
    history.append(report.publication(f"2026-04-{day:02d}T09:00:00+00:00"))


def _own(counts: list[MonthCounts], peers: int) -> list[MonthCounts]:
    return [add_up(counts[p::peers]) for p in range(peers)]


@pytest.mark.parametrize("seed", [3, 7, 11])
def test_a_late_contact_merged_again_shows_nothing_of_that_contact(seed: int) -> None:
    team = Team(seed, peers=6)
    team.month(MARCH)
    history: list[Publication] = []
    first, before = _merge(team, [MARCH], history)
    _publish(first, history, 1)
    team.late(MARCH, peer=2)
    # Without the log the second report gives the late contact away: its contact count,
    # minutes and categories are the differences of the two reports.
    naive, counts = _merge(team, [MARCH], [])
    assert Comparer([(first, (MARCH,)), (naive, (MARCH,))]).exposed(first=True) != []
    second, counts = _merge(team, [MARCH], history)
    truths = [truth_of(add_up(before)), truth_of(add_up(counts))]
    reader = Comparer([(first, (MARCH,)), (second, (MARCH,))])
    assert reader.exposed(truths=truths) == []
    # Every cell the first report hid stays hidden, those the second would have shown
    # with `earlier`; unless its change since can be 5 or more (a hidden complement
    # of 30 now shown as 31 tells nothing; a small count now shown as 5 would).
    for key in first.reasons:
        if key not in second.reasons:
            assert reader.change_range(1, key)[1] >= 5, key
        elif key not in naive.reasons:
            assert EARLIER in second.reasons[key], key
    assert any(EARLIER in why for why in second.reasons.values())
    assert second.audit is not None and second.audit.compared == 1
    # The second report on its own is still safe from every reader of the single report.
    truth = truth_of(add_up(counts))
    assert Reader(second).exposed(truth) == []
    for own in _own(counts, 6):
        assert Reader(second, own=own).exposed(truth) == []


@settings(max_examples=12, deadline=None)
@given(
    team=teams(max_peers=4),
    late=contact_fields(),
    who=st.integers(0, 3),
    n=st.integers(3, 6),
)
def test_any_late_contact_in_any_team_is_not_given_away(
    team: list[list[ContactFields]], late: ContactFields, who: int, n: int
) -> None:
    """Hypothesis's teams (ordinary, one busy peer, every cell small, many zeros), one
    late contact from any peer, any threshold: the comparing reader finds nothing."""
    months = [tally(MARCH, contacts) for contacts in team]
    ids = [f"{i:032x}" for i in range(len(team))]
    first = team_report(months, ids, n)
    who %= len(team)
    after = [
        tally(MARCH, [*c, late]) if i == who else m
        for i, (c, m) in enumerate(zip(team, months, strict=True))
    ]
    again = [f"{i + 100 * (i == who):032x}" for i in range(len(team))]
    second = team_report(after, again, n, history=[first.publication("2026-04-01")])
    truths = [truth_of(add_up(months)), truth_of(add_up(after))]
    reader = Comparer([(first, (MARCH,)), (second, (MARCH,))])
    assert reader.exposed(truths=truths) == []
    for key in first.reasons:
        assert key in second.reasons or reader.change_range(1, key)[1] >= n, key


def test_the_same_files_merged_again_give_the_same_report() -> None:
    team = Team(5, peers=5)
    team.month(MARCH)
    history: list[Publication] = []
    first, _ = _merge(team, [MARCH], history)
    _publish(first, history, 1)
    again, _ = _merge(team, [MARCH], history)
    assert again.tables == first.tables and again.figures == first.figures
    assert again.reasons == first.reasons
    assert again.changes is not None and again.changes.none


def test_three_publications_of_a_month_are_compared_all_together() -> None:
    """A cell hidden in the second and shown again in the third would give away what
    changed since the first: every earlier publication is compared, not the last."""
    team = Team(11, peers=6)
    team.month(MARCH)
    history: list[Publication] = []
    reports: list[tuple[TeamReport, tuple[str, ...]]] = []
    for day, late in enumerate((None, 1, 4, None), start=1):
        if late is not None:
            team.late(MARCH, peer=late)
        report, _ = _merge(team, [MARCH], history)
        _publish(report, history, day)
        reports.append((report, (MARCH,)))
    third, fourth = reports[2][0], reports[3][0]  # the same files merged again
    assert (fourth.figures, fourth.tables, fourth.reasons) == (
        third.figures,
        third.tables,
        third.reasons,
    )
    assert fourth.changes is not None and fourth.changes.none
    assert Comparer(reports).exposed() == []


def test_the_report_says_what_changed_since_the_last_publication() -> None:
    team = Team(7, peers=6)
    team.month(MARCH)
    history: list[Publication] = []
    first, _ = _merge(team, [MARCH], history)
    _publish(first, history, 1)
    team.late(MARCH, peer=0)
    second, _ = _merge(team, [MARCH], history)
    changes = second.changes
    assert changes is not None and changes.since == history[0].published_at
    assert set(changes.newly_hidden) == {k for k in second.reasons if k not in first.reasons}
    assert {k for k, _ in changes.newly_shown} == {
        k for k in first.reasons if k not in second.reasons
    }
    for key, was, now in changes.changed:
        assert was != now and key not in second.reasons and key not in first.reasons


def test_a_quarter_next_to_its_published_months_narrows_none_of_them() -> None:
    team = Team(7, peers=4)
    history: list[Publication] = []
    reports: list[tuple[TeamReport, tuple[str, ...]]] = []
    truths = []
    for day, month in enumerate(Q1.months, start=1):
        team.month(month)
        report, counts = _merge(team, [month], history)
        _publish(report, history, day)
        reports.append((report, (month,)))
        truths.append(truth_of(add_up(counts)))
    naive, _ = _merge(team, list(Q1.months), [], quarter=True)
    assert Comparer([*reports, (naive, Q1.months)]).exposed(first=True) != []
    quarter, counts = _merge(team, list(Q1.months), history, quarter=True)
    assert quarter.month == "2026-Q1" and quarter.peers == 12
    truths.append(truth_of(add_up(counts)))
    assert Comparer([*reports, (quarter, Q1.months)]).exposed(truths=truths) == []
    assert quarter.audit is not None and quarter.audit.compared == 3
    assert quarter.changes is None  # no quarter was published before
    truth = truth_of(add_up(counts))
    assert Reader(quarter).exposed(truth) == []
    for own in _own(counts, 4):  # a peer knows their own three months
        assert Reader(quarter, own=own).exposed(truth) == []


def test_a_month_merged_again_after_its_quarter_is_compared_with_both() -> None:
    team = Team(9, peers=3)
    history: list[Publication] = []
    reports: list[tuple[TeamReport, tuple[str, ...]]] = []
    for day, month in enumerate(Q1.months, start=1):
        team.month(month)
        report, _ = _merge(team, [month], history)
        _publish(report, history, day)
        reports.append((report, (month,)))
    quarter, _ = _merge(team, list(Q1.months), history, quarter=True)
    _publish(quarter, history, 10)
    reports.append((quarter, Q1.months))
    team.late("2026-02", peer=1)
    february, _ = _merge(team, ["2026-02"], history)
    assert february.audit is not None and february.audit.compared == 4
    assert Comparer([*reports, (february, ("2026-02",))]).exposed() == []


def test_a_deleted_contact_breaks_no_assumption_the_audit_relies_on() -> None:
    team = Team(4, peers=5)
    team.month(MARCH)
    history: list[Publication] = []
    first, _ = _merge(team, [MARCH], history)
    _publish(first, history, 1)
    team.contacts[MARCH][3].pop()
    team.versions[(MARCH, 3)] = 1
    second, _ = _merge(team, [MARCH], history)
    assert Comparer([(first, (MARCH,)), (second, (MARCH,))]).exposed() == []


def _by_mode(
    contacts: int, minutes: int, mode: dict[str, int | None], why: tuple[str, ...]
) -> TeamReport:
    hidden = {f"table:mode:{m}": why for m, v in mode.items() if v is None}
    figures: dict[str, int | None] = {"contacts": contacts, "minutes": minutes}
    return TeamReport(MARCH, 5, 3, figures, {"mode": dict(mode)}, hidden)


@pytest.mark.parametrize(
    ("why", "given_away"), [(("threshold",), True), (("threshold", "linked"), False)]
)
def test_one_large_count_per_table_is_read_across_publications(
    why: tuple[str, ...], given_away: bool
) -> None:
    """A table the rules alone hid holds at most one hidden count of N or more. Phone
    and message hidden at 10 together, then shown at 6 and 5 after one late contact:
    5 and 5 would be two large counts, so they were 6 and 4, and the late contact was
    a message. Hidden to protect another table ("linked"), the same numbers leave 5
    and 5 possible, and the contact could have been either. Both readers agree: the
    product's comparison and the tests' independent Comparer."""
    first = _by_mode(30, 900, {"in-person": 20, "phone": None, "message": None}, why)
    second = _by_mode(31, 930, {"in-person": 20, "phone": 6, "message": 5}, ())
    pubs = [first.publication("2026-04-01"), second.publication("2026-04-02")]
    found = Comparison(pubs[:1], pubs[1]).exposed()
    message = Finding(CHANGE, "table:mode:message", 1, MARCH, since=0)
    assert (message in found) is given_away
    reader = Comparer([(first, (MARCH,)), (second, (MARCH,))])
    assert reader.change_range(1, "table:mode:message") == ((1, 1) if given_away else (0, 1))


def test_only_publications_linked_to_the_months_are_compared() -> None:
    def pub(period: str) -> Publication:
        return Publication(period, "", 5, 1, {"figure:contacts": 9}, {})

    log = [pub("2026-01"), pub("2025-12"), pub("2026-Q1"), pub("2026-04"), pub("2026")]
    assert [p.period for p in involved(log[:4], ["2026-03"])] == ["2026-01", "2026-Q1"]
    assert [p.period for p in involved(log, ["2026-03"])] == [
        "2026-01",
        "2026-Q1",
        "2026-04",
        "2026",
    ]
    assert involved(log[:2], ["2026-03"]) == []


@pytest.mark.parametrize(
    ("quarter", "year", "sentence"),
    [
        ("2026-Q5", None, "is not a quarter"),
        ("2026-Q0", None, "is not a quarter"),
        ("2026Q1", None, "is not a quarter"),
        ("26-Q1", None, "is not a quarter"),
        ("", None, "is not a quarter"),
        ("2026-Q1\x1b[31m", None, "\\x1b"),
        ("\uff12\uff10\uff12\uff16-Q1", None, "is not a quarter"),
        ("0000-Q1", None, "outside the years"),
        ("9999-Q4", None, "outside the years"),
        ("2026-Q1" * 5000, None, "is not a quarter"),
        (None, "26", "is not a year"),
        (None, "2026-01", "is not a year"),
        (None, "-2026", "is not a year"),
        (None, "2026\n2027", "is not a year"),
        (None, "0000", "outside the years"),
        (None, "\udcff", "is not a year"),
    ],
)
def test_hostile_periods_are_one_sentence(
    quarter: str | None, year: str | None, sentence: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        chosen(None, quarter, year)
    text = str(caught.value)
    assert sentence in text and "\n" not in text and "\x1b" not in text
    assert len(text) < 300


def test_periods_and_their_months() -> None:
    assert parse_quarter("2026-q4").months == ("2026-10", "2026-11", "2026-12")
    assert parse_quarter(" 2026-Q1 ").label == "2026-Q1"
    assert parse_year("2026").months[-1] == "2026-12"
    assert of_label("2026-Q2").months == ("2026-04", "2026-05", "2026-06")
    assert of_label("2026-03").months == ("2026-03",)
    with pytest.raises(InvalidInput, match="one period at a time"):
        chosen("2026-03", "2026-Q1", None)
    assert chosen(None, None, None) is None
    with pytest.raises(ValueError, match="not a period"):
        of_label("Q1")


def test_a_merge_whose_integer_search_once_ended_solve_error_publishes() -> None:
    """Three peers, N = 5, a month published four times with late contacts between:
    with string hashing at seed 2, HiGHS ended an integer search "Solve error" at its
    tightest feasibility tolerance, and the lead's merge failed. A child process, so
    the hash seed is the one seen."""
    env = dict(child_env(), PYTHONHASHSEED="2")
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.late_merges", "102"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_HANG_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
