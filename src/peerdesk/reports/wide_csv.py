"""A team report as a wide CSV: each table a block a spreadsheet charts as it stands. Pure.

The long CSV (render.team_csv, one line per value with ids) is for programs; this one
is for a person with a spreadsheet. Each block is a heading row (the table's title,
then one column per category, then Total, hidden and why), a row of counts and a row
of percentages, so selecting a block and inserting a chart gives the bar chart with
its categories and series named. Blocks are separated by an empty row; the report's
title, threshold and audit come first and what each reason word means comes last.

A hidden value is an empty cell (a spreadsheet's sums skip it) and its percentage
too; the row's `hidden` column counts them and `why` gives the reasons' short words.
Percentages follow peerdesk.reports.shares. Every cell is neutralised like the long
CSV's, so no label can be read as a formula.
"""

from __future__ import annotations

from peerdesk import messages
from peerdesk.reports.render import (
    Block,
    Row,
    audit_line,
    blocks,
    csv_text,
    figure_label,
    reasons_used,
    topics_note,
    zeros_lines,
)
from peerdesk.reports.suppression import TeamReport


def team_wide_csv(report: TeamReport) -> str:
    rows: list[list[str]] = [
        [messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers)],
        [messages.REPORT_WIDE_THRESHOLD, str(report.min_cell)],
        *([line] for line in zeros_lines(report)),
        [audit_line(report)],
    ]
    for block in blocks(report.figures, report.tables, report.reasons, percentages=True):
        rows.append([])
        rows += _block(block)
    used = reasons_used(report)
    if used:
        rows += [
            [],
            [
                messages.REPORT_WIDE_WHY,
                messages.REPORT_WIDE_WHY_COUNT,
                messages.REPORT_WIDE_WHY_MEANS,
            ],
        ]
        rows += [[r.tag, str(r.count), r.text] for r in used]
    return csv_text(rows)


def _block(block: Block) -> list[list[str]]:
    title = block.title or messages.REPORT_WIDE_FIGURES
    if not block.recorded:
        return [[title], [messages.REPORT_NOT_RECORDED]]
    cells = [*block.rows, *([block.total] if block.total else [])]
    hidden = [row for row in cells if row.hidden]
    head = [title, *(row.label for row in cells)]
    head += [messages.REPORT_WIDE_HIDDEN, messages.REPORT_WIDE_WHY]
    counts = [messages.REPORT_WIDE_COUNT, *(_count(row) for row in cells)]
    counts += [str(len(hidden)) if hidden else "", _why(hidden)]
    out = [head, counts]
    if block.base:
        base = figure_label(block.base).lower()
        out.append(
            [messages.REPORT_WIDE_PERCENT_OF.format(base=base), *(row.share or "" for row in cells)]
        )
    if note := topics_note(block):
        out.append([note])
    return out


def _count(row: Row) -> str:
    """The count; empty when hidden; "not recorded" for a figure no peer counted."""
    if row.hidden:
        return ""
    return row.value if row.count is None else str(row.count)


def _why(hidden: list[Row]) -> str:
    """The reasons of a row's hidden values: once when they are the same (every hidden
    cell of one table has the same), else each with the value it is for (figures)."""
    notes = {row.note for row in hidden}
    if len(notes) <= 1:
        return next(iter(notes), "")
    return "; ".join(f"{row.label}: {row.note}" for row in hidden)
