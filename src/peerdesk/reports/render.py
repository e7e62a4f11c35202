"""A month's counts and a team report as text: plain table, CSV, JSON, Markdown. Pure.

Outputs carry counts and vocabulary labels only. The one piece of free text is a
peer's optional label (month outputs only; a team report never shows labels), and
in CSV it is neutralised so a spreadsheet cannot run it as a formula. A team report
shows suppressed values as "x" (null in JSON) and says how many were suppressed for
each reason, never which reason applies to which cell, and never the values.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping

from peerdesk import messages
from peerdesk.reports.counts import MonthCounts, spec_of
from peerdesk.reports.suppression import TeamReport, ordered_figures, ordered_tables
from peerdesk.safe_text import printable
from peerdesk.vocab import label_of

MONTH_FORMATS = ("table", "csv", "json")
TEAM_FORMATS = ("table", "csv", "json", "md")
TEAM_FORMAT = "peerdesk-team-month"
TEAM_VERSION = 1
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")

Cell = int | None


def neutralise(text: str) -> str:
    """One more leading apostrophe on a cell a spreadsheet would read as a formula."""
    return "'" + text if _FORMULA.match(text) else text


def _figure_label(name: str) -> str:
    return messages.REPORT_FIGURE_LABELS.get(name, printable(name))


def _table_title(name: str) -> str:
    return messages.REPORT_TABLE_TITLES.get(name, printable(name))


def _cell_label(table: str, cid: str) -> str:
    # Merged files hold only known ids; printable() still keeps any id a terminal or a
    # Markdown table could act on (an escape sequence, a newline) visible and inert.
    return printable(label_of(spec_of(table).choices, cid))


def _show(value: Cell) -> str:
    return messages.REPORT_SUPPRESSED_MARK if value is None else str(value)


def _sections(
    figures: Mapping[str, Cell], tables: Mapping[str, Mapping[str, Cell]]
) -> Iterator[tuple[str, list[tuple[str, str]], str | None]]:
    """(title, [(label, value)], total line or None) per block, figures first."""
    unrecorded = {
        spec.total for name, cells in tables.items() if not cells and (spec := spec_of(name)).total
    }
    yield (
        "",
        [
            (_figure_label(f), messages.REPORT_NOT_RECORDED_SHORT if f in unrecorded else _show(v))
            for f, v in ((f, figures[f]) for f in ordered_figures(figures))
        ],
        None,
    )
    for name in ordered_tables(tables):
        cells = tables[name]
        if not cells:
            yield _table_title(name), [(messages.REPORT_NOT_RECORDED, "")], None
            continue
        rows = [(_cell_label(name, cid), _show(v)) for cid, v in cells.items()]
        total = spec_of(name).total
        yield _table_title(name), rows, _show(figures.get(total)) if total else None


def _plain(
    head: list[str], figures: Mapping[str, Cell], tables: Mapping[str, Mapping[str, Cell]]
) -> str:
    lines = list(head)
    for title, rows, total in _sections(figures, tables):
        width = max(len(label) for label, _ in rows)
        lines.append("")
        if title:
            lines.append(title)
            if title == _table_title("topic"):
                lines.append(f"  ({messages.REPORT_TOPICS_NOTE})")
        indent = "  " if title else ""
        width = max(width, len(messages.REPORT_TOTAL)) if total else width
        lines += [f"{indent}{label.ljust(width)}  {value:>7}".rstrip() for label, value in rows]
        if total is not None:
            lines.append(f"{indent}{messages.REPORT_TOTAL.ljust(width)}  {total:>7}")
    return "\n".join(lines) + "\n"


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return out.getvalue()


def _csv_rows(
    figures: Mapping[str, Cell], tables: Mapping[str, Mapping[str, Cell]]
) -> Iterator[list[str]]:
    for f in ordered_figures(figures):
        yield ["figures", f, _figure_label(f), "" if figures[f] is None else str(figures[f])]
    for name in ordered_tables(tables):
        for cid, v in tables[name].items():
            yield [name, cid, _cell_label(name, cid), "" if v is None else str(v)]


# --- one peer's month ------------------------------------------------------------
def month_table(counts: MonthCounts, label: str | None = None) -> str:
    head = [messages.REPORT_MONTH_TITLE.format(month=counts.month)]
    if label:
        head.append(messages.REPORT_LABEL_LINE.format(label=printable(label)))
    return _plain(head, counts.figures, _ordered(counts))


def month_csv(counts: MonthCounts, label: str | None = None) -> str:
    rows = [["group", "id", "label", "value"], ["month", "", "", counts.month]]
    if label:
        rows.append(["label", "", "", label])
    rows += _csv_rows(counts.figures, _ordered(counts))
    return _csv(rows)


def _ordered(counts: MonthCounts) -> dict[str, dict[str, Cell]]:
    return {name: dict(counts.table(name)) for name in counts.tables}


# --- a team's merged month -----------------------------------------------------------
def _suppression_line(report: TeamReport) -> str:
    if not report.suppressed:
        return messages.REPORT_NO_SUPPRESSION.format(n=report.min_cell)
    return messages.REPORT_SUPPRESSION_LINE.format(
        n=report.min_cell,
        total=report.suppressed,
        small=report.small,
        below=report.min_cell - 1,
        complementary=report.complementary,
    )


def team_table(report: TeamReport) -> str:
    head = [
        messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers),
        _suppression_line(report),
    ]
    return _plain(head, report.figures, report.tables)


def team_csv(report: TeamReport) -> str:
    rows = [
        ["group", "id", "label", "value", "suppressed"],
        ["month", "", "", report.month, ""],
        ["peers", "", "", str(report.peers), ""],
        ["suppression", "min_cell", "", str(report.min_cell), ""],
        ["suppression", "small", "", str(report.small), ""],
        ["suppression", "complementary", "", str(report.complementary), ""],
    ]
    rows += [
        [*row, "yes" if row[3] == "" else ""] for row in _csv_rows(report.figures, report.tables)
    ]
    return _csv(rows)


def team_json(report: TeamReport) -> str:
    suppressed = [f"figures.{f}" for f, v in report.figures.items() if v is None]
    suppressed += [
        f"tables.{t}.{cid}"
        for t, cells in report.tables.items()
        for cid, v in cells.items()
        if v is None
    ]
    doc = {
        "format": TEAM_FORMAT,
        "version": TEAM_VERSION,
        "month": report.month,
        "peers": report.peers,
        "min_cell": report.min_cell,
        "figures": report.figures,
        "tables": report.tables,
        "suppressed": {
            "cells": suppressed,
            "small": report.small,
            "complementary": report.complementary,
        },
    }
    return json.dumps(doc, indent=2) + "\n"


def team_markdown(report: TeamReport) -> str:
    """Markdown tables for a report to command staff."""
    lines = [f"# {messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers)}"]
    for title, rows, total in _sections(report.figures, report.tables):
        lines.append("")
        if title:
            lines += [f"## {title}", ""]
        if title == _table_title("topic"):
            lines += [f"_{messages.REPORT_TOPICS_NOTE}_", ""]
        lines += ["| | |", "|---|---:|"]
        lines += [f"| {_md(label)} | {value} |" for label, value in rows]
        if total is not None:
            lines.append(f"| **{messages.REPORT_TOTAL}** | **{total}** |")
    lines += ["", _md(_suppression_line(report))]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return printable(text).replace("|", "\\|")
