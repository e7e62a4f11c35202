"""The wide CSV: a block per table a spreadsheet charts as it stands, hidden values empty
with their reasons, nothing a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import dataclasses
import io
import re

from peerdesk import messages
from peerdesk.reports import TeamReport
from peerdesk.reports.counts import spec_of
from peerdesk.reports.render import (
    cell_label,
    figure_label,
    neutralise,
    reasons_used,
    table_title,
)
from peerdesk.reports.shares import base_of, percent_text
from peerdesk.reports.suppression import ordered_figures, ordered_tables
from peerdesk.reports.wide_csv import team_wide_csv
from tests.support.team_reports import FORMULA, HOSTILE, hostile, team

FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def blocks(text: str) -> list[list[list[str]]]:
    """The CSV read back with csv.reader, split at its empty rows."""
    found: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text)):
        if row:
            found[-1].append(row)
        else:
            found.append([])
    return found


def tags(report: TeamReport, key: str) -> str:
    return ", ".join(messages.REPORT_WHY_TAGS[r] for r in report.reasons[key])


def test_each_table_is_a_heading_a_count_row_and_a_percentage_row() -> None:
    report = team(3)
    assert report.suppressed > 0
    head, figures, *tables, legend = blocks(team_wide_csv(report))
    assert head[0] == [messages.REPORT_TEAM_TITLE.format(month=report.month, peers=3)]
    assert head[1] == [messages.REPORT_WIDE_THRESHOLD, "5"]
    names = ordered_figures(report.figures)
    assert figures[0] == [
        messages.REPORT_WIDE_FIGURES,
        *(figure_label(f) for f in names),
        messages.REPORT_WIDE_HIDDEN,
        messages.REPORT_WIDE_WHY,
    ]
    assert figures[1][1:-2] == [
        "" if report.figures[f] is None else str(report.figures[f]) for f in names
    ]
    assert [b[0][0] for b in tables] == [table_title(t) for t in ordered_tables(report.tables)]
    for block, table in zip(tables, ordered_tables(report.tables), strict=True):
        cells = report.tables[table]
        spec = spec_of(table)
        base = base_of(table, report.figures)
        if base is None:  # a table of a cell (group kinds): its total, no percentage row
            assert spec.total_cell is not None
            assert block[0][1:-2] == [*(cell_label(table, cid) for cid in cells), "Total"]
            assert block[1][1 : len(cells) + 1] == [
                "" if v is None else str(v) for v in cells.values()
            ]
            assert len(block) == 2
            continue
        labels = [cell_label(table, cid) for cid in cells]
        counts = ["" if v is None else str(v) for v in cells.values()]
        shares = ["" if v is None else percent_text(v, base) for v in cells.values()]
        if spec.total:
            labels.append(messages.REPORT_TOTAL)
            counts.append(str(base))
            shares.append("100%")
        hidden = [cid for cid, v in cells.items() if v is None]
        why = tags(report, f"table:{table}:{hidden[0]}") if hidden else ""
        heading = [
            table_title(table),
            *labels,
            messages.REPORT_WIDE_HIDDEN,
            messages.REPORT_WIDE_WHY,
        ]
        assert block[0] == heading
        assert block[1] == [
            messages.REPORT_WIDE_COUNT,
            *counts,
            str(len(hidden)) if hidden else "",
            why,
        ]
        base_label = figure_label(spec.total or spec.at_least or "").lower()
        assert block[2] == [messages.REPORT_WIDE_PERCENT_OF.format(base=base_label), *shares]
        if spec.at_least:
            assert block[3] == [messages.REPORT_TOPICS_NOTE_PERCENT]
        else:
            assert len(block) == 3
    used = reasons_used(report)
    assert legend[0] == [
        messages.REPORT_WIDE_WHY,
        messages.REPORT_WIDE_WHY_COUNT,
        messages.REPORT_WIDE_WHY_MEANS,
    ]
    assert legend[1:] == [[r.tag, str(r.count), r.text] for r in used]


def test_hidden_figures_with_different_reasons_are_each_named() -> None:
    merged = team(3)
    report = dataclasses.replace(
        merged,
        figures={**merged.figures, "group_people": None, "followups_completed": None},
        reasons={
            **merged.reasons,
            "figure:group_people": ("threshold",),
            "figure:followups_completed": ("withheld",),
        },
    )
    _, figures, *_ = blocks(team_wide_csv(report))
    assert figures[1][-2:] == [
        "2",
        "People in group contacts: small; Follow-ups completed: withheld",
    ]
    assert figures[1][3:5] == ["", ""]


def test_no_cell_looks_like_a_formula_and_hostile_text_round_trips() -> None:
    for report in (team(3), hostile()):
        text = team_wide_csv(report)
        rows = list(csv.reader(io.StringIO(text)))
        for row in rows:
            for cell in row:
                assert not FORMULA_START.match(cell), cell
    rows = list(csv.reader(io.StringIO(team_wide_csv(hostile()))))
    flat = [cell for row in rows for cell in row]
    assert neutralise(FORMULA) in flat and "'-2+3" in flat
    assert any(HOSTILE in cell for cell in flat)  # text stays text: a CSV runs no markup
    assert not any("\x1b" in cell for cell in flat)  # escapes shown, never sent


def test_a_withheld_table_keeps_its_shape() -> None:
    """The same rows and columns whatever is hidden, so a chart made of it still fits."""
    shown = blocks(team_wide_csv(team(3)))
    withheld = blocks(team_wide_csv(team(1, smallest=2)))  # 2 contacts: all withheld
    assert withheld[2][1][-1] == messages.REPORT_WHY_TAGS["withheld"]

    def shape(found: list[list[list[str]]]) -> list[list[int]]:
        return [[len(row) for row in block] for block in found[1:-1]]

    assert shape(shown) == shape(withheld)
