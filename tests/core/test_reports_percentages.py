"""Percentages in the team outputs: made of shown numbers only, and never of a hidden one."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk import messages
from peerdesk.models.contacts import ContactFields
from peerdesk.reports import TeamReport, tally, team_report
from peerdesk.reports.counts import spec_of
from peerdesk.reports.render import cell_label, table_title, team_markdown, team_table
from peerdesk.reports.shares import base_of, percent, percent_text, shares, total_share
from peerdesk.reports.suppression import ordered_tables
from tests.core.report_strategies import MONTH, contacts_lists
from tests.support.team_reports import team


@pytest.mark.parametrize(
    ("value", "base", "text"),
    [
        (0, 7, "0%"),
        (1, 2, "50%"),
        (1, 8, "13%"),  # 12.5: halves go up
        (1, 3, "33%"),
        (2, 3, "67%"),
        (7, 7, "100%"),
        (1, 300, "<1%"),  # never "0%" for somebody
        (299, 300, ">99%"),  # never "100%" for not everybody
        (2, 300, "1%"),
    ],
)
def test_rounding(value: int, base: int, text: str) -> None:
    assert percent_text(value, base) == text


@given(st.integers(1, 10**6), st.data())
def test_percent_is_the_nearest_whole_percentage(base: int, data: st.DataObject) -> None:
    value = data.draw(st.integers(0, base))
    assert abs(percent(value, base) - 100 * value / base) <= 0.5


def test_a_hidden_cell_or_a_hidden_base_has_no_percentage() -> None:
    figures: dict[str, int | None] = {"contacts": 40, "referrals": None}
    assert shares("mode", {"cruiser": 30, "phone": None, "group": 0}, figures) == {
        "cruiser": "75%",
        "group": "0%",
    }
    assert shares("referral_status", {"offered": 12, "accepted": None}, figures) == {}
    assert total_share("mode", figures) == "100%"
    assert total_share("referral_status", figures) is None
    assert total_share("topic", figures) is None  # topics have no total
    assert shares("topic", {"sleep": 20}, figures) == {"sleep": "50%"}  # of contacts
    assert shares("newer-table", {"a": 20}, figures) == {}  # tied to no figure
    assert base_of("mode", {"contacts": 0}) is None


def rows_of(report: TeamReport, text: str, markdown: bool) -> Iterator[tuple[str, str, str]]:
    """(table, category id, what the output shows after the count) per table cell."""
    for table in ordered_tables(report.tables):
        title = table_title(table)
        block = text.split(f"## {title}\n" if markdown else f"\n{title}\n", 1)[1]
        for cid in report.tables[table]:
            label = re.escape(cell_label(table, cid))
            if markdown:
                found = re.search(rf"^\| {label} \| [^|]+ \|(?: ([^|]+) \|)?$", block, re.M)
            else:
                found = re.search(rf"^  {label} +\S+(?:  +(.*))?$", block, re.M)
            assert found, (table, cid)
            yield table, cid, (found.group(1) or "").strip()


def check_percentages(report: TeamReport) -> None:
    for markdown, text in ((False, team_table(report)), (True, team_markdown(report))):
        for table, cid, shown in rows_of(report, text, markdown):
            value, base = report.tables[table][cid], base_of(table, report.figures)
            if base is None and spec_of(table).total is None and spec_of(table).at_least is None:
                # A table of a cell (group kinds of the group contacts): no % column.
                assert "%" not in shown, (table, cid)
            elif value is None:
                # The plain table shows why instead; Markdown's % column shows "x".
                hidden = messages.REPORT_SUPPRESSED_MARK if markdown else ""
                assert "%" not in shown and (not markdown or shown == hidden), (table, cid)
            elif base is None:
                assert shown in ("", messages.REPORT_SUPPRESSED_MARK)
            else:
                assert shown == percent_text(value, base), (table, cid)


def test_a_real_merge_shows_percentages_of_shown_values_only() -> None:
    report = team(3)
    assert any(v is None for cells in report.tables.values() for v in cells.values())
    check_percentages(report)
    assert "| | | % |" in team_markdown(report)


@settings(max_examples=25, deadline=None)
@given(st.lists(contacts_lists(max_size=25), min_size=1, max_size=4), st.sampled_from([3, 5]))
def test_every_percentage_of_any_merge_is_a_shown_count_over_its_shown_base(
    peers: list[list[ContactFields]], min_cell: int
) -> None:
    months = [tally(MONTH, contacts) for contacts in peers]
    report = team_report(months, [f"{i:032x}" for i in range(len(months))], min_cell)
    check_percentages(report)
    for table in ordered_tables(report.tables):
        if spec_of(table).total is None:
            continue
        percentages = shares(table, report.tables[table], report.figures)
        hidden = {cid for cid, v in report.tables[table].items() if v is None}
        assert not hidden & set(percentages)
