"""A team report as one printable HTML page for command staff. Pure, standard library only.

One self-contained file: the styles are inline, the charts are inline SVG, and nothing
is fetched: no script, no font, image, link or stylesheet of anywhere else, and a
Content-Security-Policy that lets a browser load nothing but the page's own styles
even if something slipped in. Every value on it (labels, the period, sentences) goes
through html.escape; the only numbers in markup are computed bar widths.

Each table is its own bar chart: one row per category with its count, its percentage
(peerdesk.reports.shares: of the table's base, only where the cell and the base are
shown) and a bar, an inline SVG on the scale of the base (0 to 100%), so a bar can
never stand beside another row's label. Bars are dark on white with an outlined scale
and every count and percentage is written out, so the page reads the same printed in
black and white. A hidden value and its percentage show as "—", and the short word of
its reason stands where its bar would be; the legend says what each word means, one line each,
and the audit's one line closes the page. The layout fits one A4 or Letter page.
"""

from __future__ import annotations

from html import escape

from peerdesk import messages
from peerdesk.reports.render import (
    Block,
    Row,
    audit_line,
    blocks,
    figure_label,
    reasons_used,
    topics_note,
    zeros_lines,
)
from peerdesk.reports.shares import base_of
from peerdesk.reports.suppression import TeamReport

CSP = "default-src 'none'; style-src 'unsafe-inline'"
MARK = "\u2014"  # a hidden value (the terminal's "x")
BAR_SCALE = 100  # the SVG's width in its own units: a bar's width is its percentage

STYLE = """
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; font: 9pt/1.3 "Helvetica Neue", Arial,
  "Liberation Sans", "DejaVu Sans", sans-serif; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 0 0 1mm; padding-bottom: 0.4mm; border-bottom: 0.4mm solid #000; }
p { margin: 0 0 1.5mm; }
.lede { font-size: 9pt; }
.figures { display: flex; flex-wrap: wrap; gap: 2mm; list-style: none; margin: 0 0 3mm;
  padding: 0; }
.figures li { border: 0.3mm solid #000; padding: 1mm 2.5mm; min-width: 30mm; }
.figures .value { display: block; font-size: 14pt; font-weight: 700;
  font-variant-numeric: tabular-nums; }
.figures .why { font-style: italic; }
.tables { columns: 2; column-gap: 7mm; }
section { break-inside: avoid; margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { padding: 0.25mm 1mm; text-align: left; vertical-align: middle; font-weight: 400; }
thead th { font-size: 7.5pt; line-height: 1.1; vertical-align: bottom;
  border-bottom: 0.2mm solid #000; }
th:nth-child(1) { width: 43%; }
th:nth-child(2) { width: 17%; }
th:nth-child(3) { width: 14%; }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td.bar { padding: 0 0.5mm 0 1.5mm; }
td.bar .why { font-size: 7.5pt; }
td.bar svg { display: block; width: 100%; height: 2.8mm; overflow: visible; }
.track { fill: #fff; stroke: #000; stroke-width: 0.6; vector-effect: non-scaling-stroke; }
.fill { fill: #444; }
tr.hidden th, tr.hidden td { font-style: italic; }
tr.total th, tr.total td { border-top: 0.3mm solid #000; font-weight: 700; }
.note, .absent, .legend, .audit { font-size: 7.5pt; }
.legend ul { margin: 0 0 1.5mm; padding-left: 4mm; }
footer { border-top: 0.4mm solid #000; padding-top: 1.5mm; }
@media print {
  html { font-size: 8pt; line-height: 1.2; }
  body { max-width: none; padding: 0; }
  h1 { font-size: 13pt; }
  h2 { font-size: 8.5pt; }
  .figures { margin-bottom: 2mm; }
  .figures .value { font-size: 12pt; }
  section { margin-bottom: 2mm; }
  th, td { padding-top: 0; padding-bottom: 0; }
  thead th, .note, .absent, .legend, .audit, td.bar .why { font-size: 7pt; }
  td.bar svg { height: 2.2mm; }
  /* Two columns of tables, so a report with every table still fits one sheet. */
  body { column-count: 2; column-gap: 6mm; }
  h1, .intro, .figures, .legend, .audit, body > .note { column-span: all; }
  section { break-inside: avoid; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def team_html(report: TeamReport) -> str:
    """The whole page, ending in a newline."""
    title = messages.REPORT_TEAM_TITLE.format(month=report.month, peers=report.peers)
    intro = messages.REPORT_HTML_INTRO.format(n=report.min_cell, below=report.min_cell - 1)
    figures, *tables = blocks(report.figures, report.tables, report.reasons, percentages=True)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # A constant with no " < or &: written as it is, so it reads (and greps) as such.
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="lede">{_e(intro)}</p>',
        "</header>",
        _figures(figures),
        '<div class="tables">',
        *(_table(block, report) for block in tables),
        "</div>",
        "<footer>",
        f'<p class="note">{_e(messages.REPORT_HTML_PERCENT_NOTE)}</p>',
        _legend(report),
        f'<p class="audit">{_e(audit_line(report))}</p>',
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _figures(block: Block) -> str:
    items = []
    for row in block.rows:
        value = f'{MARK} <span class="why">{_e(row.note)}</span>' if row.hidden else _e(row.value)
        label = f'<span class="label">{_e(row.label)}</span>'
        items.append(f'<li><span class="value">{value}</span> {label}</li>')
    return '<ul class="figures">\n' + "\n".join(items) + "\n</ul>"


def _table(block: Block, report: TeamReport) -> str:
    head = f"<section>\n<h2>{_e(block.title)}</h2>"
    if not block.recorded:
        return f'{head}\n<p class="absent">{_e(messages.REPORT_NOT_RECORDED)}</p>\n</section>'
    note = topics_note(block)
    share_head = (
        messages.REPORT_WIDE_PERCENT_OF.format(base=figure_label(block.base).lower())
        if block.base
        else ""
    )
    scale = _scale(block, report)
    lines = [
        head,
        *([f'<p class="note">{_e(note)}</p>'] if note else []),
        '<table class="chart">',
        "<thead><tr>"
        '<th scope="col"></th>'
        f'<th scope="col" class="n">{_e(messages.REPORT_HTML_COUNT)}</th>'
        f'<th scope="col" class="n">{_e(share_head)}</th>'
        '<th scope="col"></th>'
        "</tr></thead>",
        "<tbody>",
        *(_row(row, scale) for row in block.rows),
        *([_row(block.total, None, total=True)] if block.total else []),
        "</tbody>",
        "</table>",
        "</section>",
    ]
    return "\n".join(lines)


def _scale(block: Block, report: TeamReport) -> int | None:
    """What a full bar stands for: the shown base, else (a table tied to no figure) the
    largest shown count; None when there is nothing shown to draw against."""
    if block.table is not None and (base := base_of(block.table, report.figures)):
        return base
    shown = [row.count for row in block.rows if row.count is not None]
    top = max(shown, default=0)
    return top or None


def _row(row: Row, scale: int | None, *, total: bool = False) -> str:
    classes = " ".join(c for c in ("hidden" if row.hidden else "", "total" if total else "") if c)
    opening = f'<tr class="{classes}">' if classes else "<tr>"
    if row.hidden:  # the reason stands where the bar would: a hidden value has none
        count, share, bar = MARK, MARK, f'<span class="why">{_e(row.note)}</span>'
    else:
        count = _e(row.value)
        share = _e(row.share or "")
        bar = _bar(row.count, scale) if row.count is not None and scale else ""
    return (
        f'{opening}<th scope="row">{_e(row.label)}</th><td class="n">{count}</td>'
        f'<td class="n">{share}</td><td class="bar">{bar}</td></tr>'
    )


def _bar(count: int, scale: int) -> str:
    """An outlined scale with the count's share of it filled; nothing filled for zero."""
    width = min(BAR_SCALE, BAR_SCALE * count / scale)
    fill = f'<rect class="fill" x="0" y="0" width="{width:.2f}" height="10"/>' if count else ""
    return (
        f'<svg class="bar" viewBox="0 0 {BAR_SCALE} 10" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false">'
        f'<rect class="track" x="0" y="0" width="{BAR_SCALE}" height="10"/>{fill}</svg>'
    )


def _legend(report: TeamReport) -> str:
    if not report.suppressed:
        return (
            f'<p class="legend">{_e(messages.REPORT_NO_SUPPRESSION.format(n=report.min_cell))}</p>'
        )
    head = messages.REPORT_HTML_HIDDEN_LINE.format(
        mark=MARK, n=report.min_cell, total=report.suppressed
    )
    items = [f"<li><b>{_e(r.tag)}</b> ({r.count}): {_e(r.text)}</li>" for r in reasons_used(report)]
    zeros = "".join(f"\n<p>{_e(line)}</p>" for line in zeros_lines(report))
    return (
        '<div class="legend">\n<p>'
        + _e(head)
        + "</p>\n<ul>\n"
        + "\n".join(items)
        + "\n</ul>"
        + zeros
        + "\n</div>"
    )
