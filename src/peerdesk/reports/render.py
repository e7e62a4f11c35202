"""A month's counts and a team report as text: plain table, CSV, JSON, Markdown. Pure.

Outputs carry counts and vocabulary labels only. The one piece of free text is a
peer's optional label (month outputs only; a team report never shows labels), and
in CSV it is neutralised so a spreadsheet cannot run it as a formula. A team report
shows suppressed values as "x" (null in JSON) with why each is hidden: the same
reasons for every hidden cell of one table (peerdesk.reports.disclosure), so they never
tell a small count from the counts that hide it; and one line of what the audit checked.
Its table and Markdown give each table cell's percentage of the table's base figure,
only where peerdesk.reports.shares allows one (a hidden cell's is hidden too).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from peerdesk import messages
from peerdesk.reports.counts import MonthCounts, spec_of, unrecorded_figures
from peerdesk.reports.disclosure import REASONS
from peerdesk.reports.shares import shares, total_share
from peerdesk.reports.suppression import TeamReport, ordered_figures, ordered_tables
from peerdesk.safe_text import printable
from peerdesk.vocab import label_of

MONTH_FORMATS = ("table", "csv", "json")
TEAM_FORMAT = "peerdesk-team-month"
TEAM_VERSION = 2  # 2: why each cell is hidden, and the audit
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")

Cell = int | None


def neutralise(text: str) -> str:
    """One more leading apostrophe on a cell a spreadsheet would read as a formula."""
    return "'" + text if _FORMULA.match(text) else text


def figure_label(name: str) -> str:
    return messages.REPORT_FIGURE_LABELS.get(name, printable(name))


def table_title(name: str) -> str:
    return messages.REPORT_TABLE_TITLES.get(name, printable(name))


def cell_label(table: str, cid: str) -> str:
    # Merged files hold only known ids; printable() still keeps any id a terminal or a
    # Markdown table could act on (an escape sequence, a newline) visible and inert.
    return printable(label_of(spec_of(table).choices, cid))


def _show(value: Cell) -> str:
    return messages.REPORT_SUPPRESSED_MARK if value is None else str(value)


Why = Mapping[str, tuple[str, ...]]  # hidden cell key -> reason ids (team reports)


def _note(why: Why, key: str) -> str:
    """The reasons a hidden cell is hidden, as the short words the legend explains."""
    return ", ".join(messages.REPORT_WHY_TAGS[r] for r in why.get(key, ()))


@dataclass(frozen=True)
class Row:
    """One line of a block: its label, the count as text, and where allowed its share."""

    label: str
    value: str  # the count, "x" when hidden, or what stands for it ("not recorded")
    count: Cell  # the count; None when hidden or not recorded
    note: str = ""  # why it is hidden, as the legend's short words ("" when shown)
    share: str | None = None  # its percentage (peerdesk.reports.shares), None for none

    @property
    def hidden(self) -> bool:
        """Suppressed (a count not recorded at all is not hidden, only absent)."""
        return self.count is None and self.value == messages.REPORT_SUPPRESSED_MARK


@dataclass(frozen=True)
class Block:
    """The figures, or one table: what every team output lays out in its own way."""

    table: str | None  # None for the figures
    title: str
    rows: list[Row]
    total: Row | None = None  # the figure the table adds up to, when it has one
    recorded: bool = True  # False: the peers' peerdesk did not count this table
    base: str | None = None  # the figure its percentages are of, when it has them


def blocks(
    figures: Mapping[str, Cell],
    tables: Mapping[str, Mapping[str, Cell]],
    why: Why,
    *,
    percentages: bool = False,
) -> Iterator[Block]:
    """The figures block, then one block per table in output order (whatever tables
    the report has, titled from the messages or by their name)."""
    unrecorded = unrecorded_figures(tables)
    yield Block(
        None,
        "",
        [
            Row(figure_label(f), messages.REPORT_NOT_RECORDED_SHORT, None)
            if f in unrecorded
            else Row(figure_label(f), _show(figures[f]), figures[f], _note(why, f"figure:{f}"))
            for f in ordered_figures(figures)
        ],
    )
    for name in ordered_tables(tables):
        cells = tables[name]
        title = table_title(name)
        if not cells:
            yield Block(name, title, [Row(messages.REPORT_NOT_RECORDED, "", None)], recorded=False)
            continue
        shared = shares(name, cells, figures) if percentages else {}
        rows = [
            Row(
                cell_label(name, cid),
                _show(v),
                v,
                _note(why, f"table:{name}:{cid}"),
                shared.get(cid),
            )
            for cid, v in cells.items()
        ]
        spec = spec_of(name)
        total = None
        if spec.total:
            value = figures.get(spec.total)
            share = total_share(name, figures) if percentages else None
            note = _note(why, f"figure:{spec.total}")
            total = Row(messages.REPORT_TOTAL, _show(value), value, note, share)
        if spec.total_cell is not None and spec.total_cell[1] in tables.get(spec.total_cell[0], {}):
            owner, cid = spec.total_cell  # group kinds add up to the group mode cell
            value = tables[owner][cid]
            note = _note(why, f"table:{owner}:{cid}")
            total = Row(messages.REPORT_TOTAL, _show(value), value, note)
        base = (spec.total or spec.at_least) if percentages else None
        yield Block(name, title, rows, total, base=base)


def _plain(
    head: list[str],
    figures: Mapping[str, Cell],
    tables: Mapping[str, Mapping[str, Cell]],
    why: Why | None = None,
    *,
    percentages: bool = False,
) -> str:
    """Aligned columns: label, count, then the percentage (shown cells) or why a cell
    is hidden (a cell has one or the other, never both)."""
    lines = list(head)
    for block in blocks(figures, tables, why or {}, percentages=percentages):
        rows = [*block.rows, *([block.total] if block.total else [])]
        width = max(len(row.label) for row in rows)
        lines.append("")
        if block.title:
            lines.append(block.title)
            if note := topics_note(block):
                lines.append(f"  ({note})")
        indent = "  " if block.title else ""
        lines += [
            f"{indent}{row.label.ljust(width)}  {row.value:>7}  {_tail(row)}".rstrip()
            for row in rows
        ]
    return "\n".join(lines) + "\n"


def topics_note(block: Block) -> str | None:
    """Why a table counted against a figure (topics) adds up to more than it, if it is one."""
    if block.table is None or not spec_of(block.table).at_least:
        return None
    return messages.REPORT_TOPICS_NOTE_PERCENT if block.base else messages.REPORT_TOPICS_NOTE


def _tail(row: Row) -> str:
    return f"{row.share:>4}" if row.share is not None else row.note


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return out.getvalue()


def _csv_rows(
    figures: Mapping[str, Cell], tables: Mapping[str, Mapping[str, Cell]]
) -> Iterator[list[str]]:
    for f in ordered_figures(figures):
        yield ["figures", f, figure_label(f), "" if figures[f] is None else str(figures[f])]
    for name in ordered_tables(tables):
        for cid, v in tables[name].items():
            yield [name, cid, cell_label(name, cid), "" if v is None else str(v)]


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
    return csv_text(rows)


def _ordered(counts: MonthCounts) -> dict[str, dict[str, Cell]]:
    return {name: dict(counts.table(name)) for name in counts.tables}


# --- a team's merged month -----------------------------------------------------------
@dataclass(frozen=True)
class Reason:
    """One reason a report uses: its id, the short word beside a hidden value, how many
    values carry it and what it means."""

    id: str
    tag: str
    count: int
    text: str


def reasons_used(report: TeamReport) -> list[Reason]:
    """The reasons this report's hidden values carry, in the legend's order."""
    return [
        Reason(
            reason,
            messages.REPORT_WHY_TAGS[reason],
            count,
            messages.REPORT_WHY_TEXT[reason].format(n=report.min_cell, below=report.min_cell - 1),
        )
        for reason in REASONS
        if (count := report.count(reason))
    ]


def _legend(report: TeamReport) -> list[str]:
    """What "x" and each reason word mean, for the reasons this report uses."""
    if not report.suppressed:
        return [messages.REPORT_NO_SUPPRESSION.format(n=report.min_cell)]
    lines = [messages.REPORT_HIDDEN_LINE.format(n=report.min_cell, total=report.suppressed)]
    lines += [
        messages.REPORT_WHY_LEGEND_LINE.format(tag=r.tag, count=r.count, text=r.text)
        for r in reasons_used(report)
    ]
    return [*lines, *zeros_lines(report)]


def zeros_lines(report: TeamReport) -> list[str]:
    """The report hides zeros too: a reader must be told, since it changes what an x is."""
    return [messages.REPORT_ZEROS_HIDDEN] if report.zeros_hidden else []


def audit_line(report: TeamReport) -> str:
    """The one-line summary of what the attacker's audit checked."""
    audit = report.audit
    if audit is None:
        return messages.REPORT_AUDIT_NOT_RUN
    if not audit.hidden:
        return messages.REPORT_AUDIT_NOTHING_HIDDEN
    if not audit.insiders:
        return messages.REPORT_AUDIT_LINE_ONE_FILE.format(
            hidden=audit.hidden, below=report.min_cell - 1
        )
    return messages.REPORT_AUDIT_LINE.format(
        hidden=audit.hidden, below=report.min_cell - 1, peers=audit.insiders
    )


def over_time_lines(report: TeamReport) -> list[str]:
    """What the comparison with earlier publications checked, and what changed since the
    last publication of the same period (cells shown in both, newly hidden, newly shown)."""
    lines: list[str] = []
    audit = report.audit
    if audit is not None and audit.compared:
        lines.append(
            messages.REPORT_AUDIT_COMPARED.format(
                count=audit.compared, below=report.min_cell - 1, earlier=audit.earlier
            )
        )
    changes = report.changes
    if changes is None:
        return lines
    where = {"period": report.month, "since": changes.since}
    if changes.none:
        return [*lines, messages.REPORT_CHANGES_NONE.format(**where)]
    lines.append(messages.REPORT_CHANGES_TITLE.format(**where))
    lines += [
        messages.REPORT_CHANGED_LINE.format(label=_key_label(k), was=was, now=now)
        for k, was, now in changes.changed
    ]
    lines += [
        messages.REPORT_NEWLY_HIDDEN_LINE.format(label=_key_label(k)) for k in changes.newly_hidden
    ]
    lines += [
        messages.REPORT_NEWLY_SHOWN_LINE.format(label=_key_label(k), now=now)
        for k, now in changes.newly_shown
    ]
    return lines


def _key_label(key: str) -> str:
    kind, _, rest = key.partition(":")
    if kind == "figure":
        return figure_label(rest)
    table, _, cid = rest.partition(":")
    return f"{table_title(table)}: {cell_label(table, cid)}"


def team_table(report: TeamReport) -> str:
    head = [
        messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers),
        *_legend(report),
        audit_line(report),
        *over_time_lines(report),
    ]
    return _plain(head, report.figures, report.tables, report.reasons, percentages=True)


def _json_key(key: str) -> str:
    kind, _, rest = key.partition(":")
    return f"figures.{rest}" if kind == "figure" else "tables." + rest.replace(":", ".", 1)


def team_csv(report: TeamReport) -> str:
    rows = [
        ["group", "id", "label", "value", "suppressed", "why"],
        ["month", "", "", report.month, "", ""],
        ["peers", "", "", str(report.peers), "", ""],
        ["suppression", "min_cell", "", str(report.min_cell), "", ""],
        ["suppression", "zeros", "", "hidden" if report.zeros_hidden else "shown", "", ""],
    ]
    rows += [
        ["suppression", reason, messages.REPORT_WHY_TAGS[reason], str(report.count(reason)), "", ""]
        for reason in REASONS
    ]
    rows.append(["audit", "", audit_line(report), "", "", ""])
    rows += [["over_time", "", line.strip(), "", "", ""] for line in over_time_lines(report)]
    for row in _csv_rows(report.figures, report.tables):
        key = f"figure:{row[1]}" if row[0] == "figures" else f"table:{row[0]}:{row[1]}"
        hidden = key in report.reasons
        rows.append([*row, "yes" if hidden else "", "+".join(report.reasons.get(key, ()))])
    return csv_text(rows)


def team_json(report: TeamReport) -> str:
    hidden = [k for k in _report_keys(report) if k in report.reasons]
    doc = {
        "format": TEAM_FORMAT,
        "version": TEAM_VERSION,
        "month": report.month,
        "peers": report.peers,
        "min_cell": report.min_cell,
        "zeros": "hidden" if report.zeros_hidden else "shown",
        "figures": report.figures,
        "tables": report.tables,
        "suppressed": {
            "cells": [_json_key(k) for k in hidden],
            "why": {_json_key(k): list(report.reasons[k]) for k in hidden},
            "counts": {reason: report.count(reason) for reason in REASONS},
        },
        "audit": {
            "hidden": report.audit.hidden if report.audit else None,
            "peers_checked": report.audit.insiders if report.audit else None,
            "summary": audit_line(report),
            "publications_compared": report.audit.compared if report.audit else None,
            "hidden_for_earlier": report.audit.earlier if report.audit else None,
        },
        "changes": None if report.changes is None else _json_changes(report),
    }
    return json.dumps(doc, indent=2) + "\n"


def _json_changes(report: TeamReport) -> dict[str, object]:
    changes = report.changes
    assert changes is not None
    return {
        "since": changes.since,
        "changed": {_json_key(k): {"was": was, "now": now} for k, was, now in changes.changed},
        "now_hidden": [_json_key(k) for k in changes.newly_hidden],
        "now_shown": {_json_key(k): now for k, now in changes.newly_shown},
    }


def _report_keys(report: TeamReport) -> list[str]:
    """Every cell of the report by key, in output order."""
    keys = [f"figure:{f}" for f in report.figures]
    for name, cells in report.tables.items():
        keys += [f"table:{name}:{cid}" for cid in cells]
    return keys


def team_markdown(report: TeamReport) -> str:
    """Markdown tables for a report to command staff, with each cell's percentage."""
    lines = [f"# {messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers)}"]
    for block in blocks(report.figures, report.tables, report.reasons, percentages=True):
        lines.append("")
        if block.title:
            lines += [f"## {block.title}", ""]
        if note := topics_note(block):
            lines += [f"_{note}_", ""]
        if block.base:
            lines += [f"| | | {_md(messages.REPORT_PERCENT_HEADING)} |", "|---|---:|---:|"]
        else:
            lines += ["| | |", "|---|---:|"]
        for row in block.rows:
            lines.append(
                f"| {_md(row.label)} | {_md(_with(row.value, row.note))} |{_md_share(block, row)}"
            )
        if (total := block.total) is not None:
            value = _md(_with(total.value, total.note))
            share = (
                f" **{total.share}** |" if block.base and total.share else _md_share(block, total)
            )
            lines.append(f"| **{messages.REPORT_TOTAL}** | **{value}** |{share}")
    lines.append("")
    lines += [f"{_md(line.strip())}  " for line in _legend(report)]
    lines.append(_md(audit_line(report)))
    if over := over_time_lines(report):
        lines += ["", *(f"{_md(line.strip())}  " for line in over)]
    return "\n".join(lines) + "\n"


def _md_share(block: Block, row: Row) -> str:
    """The percentage column of a row: its share, or the hidden mark ("" without one)."""
    if not block.base:
        return ""
    return f" {_md(row.share or messages.REPORT_SUPPRESSED_MARK)} |"


def _with(value: str, note: str) -> str:
    return f"{value} ({note})" if note else value


def _md(text: str) -> str:
    return printable(text).replace("|", "\\|")
