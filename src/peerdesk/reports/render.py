"""A month's counts and a team report as text: plain table, CSV, JSON, Markdown. Pure.

Outputs carry counts and vocabulary labels only. The one piece of free text is a
peer's optional label (month outputs only; a team report never shows labels), and
in CSV it is neutralised so a spreadsheet cannot run it as a formula. A team report
shows suppressed values as "x" (null in JSON) with why each is hidden: the same
reasons for every hidden cell of one table (peerdesk.reports.disclosure), so they never
tell a small count from the counts that hide it; and one line of what the audit checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping

from peerdesk import messages
from peerdesk.reports.counts import MonthCounts, spec_of
from peerdesk.reports.disclosure import REASONS
from peerdesk.reports.suppression import TeamReport, ordered_figures, ordered_tables
from peerdesk.safe_text import printable
from peerdesk.vocab import label_of

MONTH_FORMATS = ("table", "csv", "json")
TEAM_FORMATS = ("table", "csv", "json", "md")
TEAM_FORMAT = "peerdesk-team-month"
TEAM_VERSION = 2  # 2: why each cell is hidden, and the audit
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


Why = Mapping[str, tuple[str, ...]]  # hidden cell key -> reason ids (team reports)


def _note(why: Why, key: str) -> str:
    """The reasons a hidden cell is hidden, as the short words the legend explains."""
    return ", ".join(messages.REPORT_WHY_TAGS[r] for r in why.get(key, ()))


def _sections(
    figures: Mapping[str, Cell], tables: Mapping[str, Mapping[str, Cell]], why: Why
) -> Iterator[tuple[str, list[tuple[str, str, str]], tuple[str, str] | None]]:
    """(title, [(label, value, why)], (total, why) or None) per block, figures first."""
    unrecorded = {
        spec.total for name, cells in tables.items() if not cells and (spec := spec_of(name)).total
    }
    yield (
        "",
        [
            (
                _figure_label(f),
                messages.REPORT_NOT_RECORDED_SHORT if f in unrecorded else _show(figures[f]),
                "" if f in unrecorded else _note(why, f"figure:{f}"),
            )
            for f in ordered_figures(figures)
        ],
        None,
    )
    for name in ordered_tables(tables):
        cells = tables[name]
        if not cells:
            yield _table_title(name), [(messages.REPORT_NOT_RECORDED, "", "")], None
            continue
        rows = [
            (_cell_label(name, cid), _show(v), _note(why, f"table:{name}:{cid}"))
            for cid, v in cells.items()
        ]
        total = spec_of(name).total
        shown = (_show(figures.get(total)), _note(why, f"figure:{total}")) if total else None
        yield _table_title(name), rows, shown


def _plain(
    head: list[str],
    figures: Mapping[str, Cell],
    tables: Mapping[str, Mapping[str, Cell]],
    why: Why | None = None,
) -> str:
    lines = list(head)
    for title, rows, total in _sections(figures, tables, why or {}):
        width = max(len(label) for label, _, _ in rows)
        lines.append("")
        if title:
            lines.append(title)
            if title == _table_title("topic"):
                lines.append(f"  ({messages.REPORT_TOPICS_NOTE})")
        indent = "  " if title else ""
        width = max(width, len(messages.REPORT_TOTAL)) if total else width
        lines += [
            f"{indent}{label.ljust(width)}  {value:>7}  {note}".rstrip()
            for label, value, note in rows
        ]
        if total is not None:
            value, note = total
            lines.append(
                f"{indent}{messages.REPORT_TOTAL.ljust(width)}  {value:>7}  {note}".rstrip()
            )
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
def _legend(report: TeamReport) -> list[str]:
    """What "x" and each reason word mean, for the reasons this report uses."""
    if not report.suppressed:
        return [messages.REPORT_NO_SUPPRESSION.format(n=report.min_cell)]
    lines = [messages.REPORT_HIDDEN_LINE.format(n=report.min_cell, total=report.suppressed)]
    for reason in REASONS:
        if count := report.count(reason):
            lines.append(
                messages.REPORT_WHY_LEGEND_LINE.format(
                    tag=messages.REPORT_WHY_TAGS[reason],
                    count=count,
                    text=messages.REPORT_WHY_TEXT[reason].format(
                        n=report.min_cell, below=report.min_cell - 1
                    ),
                )
            )
    return lines


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
        return _figure_label(rest)
    table, _, cid = rest.partition(":")
    return f"{_table_title(table)}: {_cell_label(table, cid)}"


def team_table(report: TeamReport) -> str:
    head = [
        messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers),
        *_legend(report),
        audit_line(report),
        *over_time_lines(report),
    ]
    return _plain(head, report.figures, report.tables, report.reasons)


def _json_key(key: str) -> str:
    kind, _, rest = key.partition(":")
    return f"figures.{rest}" if kind == "figure" else "tables." + rest.replace(":", ".", 1)


def team_csv(report: TeamReport) -> str:
    rows = [
        ["group", "id", "label", "value", "suppressed", "why"],
        ["month", "", "", report.month, "", ""],
        ["peers", "", "", str(report.peers), "", ""],
        ["suppression", "min_cell", "", str(report.min_cell), "", ""],
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
    return _csv(rows)


def team_json(report: TeamReport) -> str:
    hidden = [k for k in _report_keys(report) if k in report.reasons]
    doc = {
        "format": TEAM_FORMAT,
        "version": TEAM_VERSION,
        "month": report.month,
        "peers": report.peers,
        "min_cell": report.min_cell,
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
    """Markdown tables for a report to command staff."""
    lines = [f"# {messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers)}"]
    for title, rows, total in _sections(report.figures, report.tables, report.reasons):
        lines.append("")
        if title:
            lines += [f"## {title}", ""]
        if title == _table_title("topic"):
            lines += [f"_{messages.REPORT_TOPICS_NOTE}_", ""]
        lines += ["| | |", "|---|---:|"]
        lines += [f"| {_md(label)} | {_md(_with(value, note))} |" for label, value, note in rows]
        if total is not None:
            lines.append(f"| **{messages.REPORT_TOTAL}** | **{_md(_with(*total))}** |")
    lines.append("")
    lines += [f"{_md(line.strip())}  " for line in _legend(report)]
    lines.append(_md(audit_line(report)))
    if over := over_time_lines(report):
        lines += ["", *(f"{_md(line.strip())}  " for line in over)]
    return "\n".join(lines) + "\n"


def _with(value: str, note: str) -> str:
    return f"{value} ({note})" if note else value


def _md(text: str) -> str:
    return printable(text).replace("|", "\\|")
