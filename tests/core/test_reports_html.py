"""The printable page for command staff: nothing fetched or run, every value escaped
and where it belongs, hidden values marked, and (with Chromium) one page with its charts."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.reports import TeamReport
from peerdesk.reports.counts import spec_of
from peerdesk.reports.html import CSP, MARK, team_html
from peerdesk.reports.render import cell_label, figure_label, reasons_used, table_title
from peerdesk.reports.shares import base_of, percent_text
from peerdesk.reports.suppression import ordered_figures, ordered_tables
from peerdesk.safe_text import printable
from tests.support.team_reports import HOSTILE, chromium, hostile, team

# What the page may be made of: anything else (a script, an image, a link, a frame, a
# form, an SVG <image> or <use>) could fetch or run something.
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "footer", "h1", "h2", "p",
    "ul", "li", "span", "b", "div", "section", "table", "thead", "tbody", "tr", "th", "td",
    "svg", "rect",
}  # fmt: skip
ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "scope", "viewbox",
    "preserveaspectratio", "aria-hidden", "focusable", "x", "y", "width", "height",
}  # fmt: skip
EXTERNAL = ("http", "url(", "@import", "<link", "<img", "src=", "href=", "<script", "//")


@dataclass
class Cells:
    """One table row as read back from the page."""

    classes: str
    cells: list[str] = field(default_factory=list)
    svgs: int = 0


@dataclass
class Page(HTMLParser):
    """The page read back: every tag and attribute, the tables row by row, the figures."""

    tags: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str | None]] = field(default_factory=list)
    tables: dict[str, list[Cells]] = field(default_factory=dict)
    figures: list[str] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _h2: str = ""
    _row: Cells | None = None
    _cell: list[str] | None = None
    _li: list[str] | None = None
    _in_h2: bool = False
    _in_figures: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        classes = dict(attrs).get("class") or ""
        if tag == "h2":
            self._in_h2, self._h2 = True, ""
        elif tag == "ul" and classes == "figures":
            self._in_figures = True
        elif tag == "li":
            self._li = []
        elif tag == "tr" and self._h2:
            self._row = Cells(classes)
            self.tables.setdefault(self._h2, []).append(self._row)
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []
        elif tag == "svg" and self._row is not None:
            self._row.svgs += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False
        elif tag == "ul":
            self._in_figures = False
        elif tag == "li" and self._li is not None:
            (self.figures if self._in_figures else self.legend).append("".join(self._li).strip())
            self._li = None
        elif tag in ("th", "td") and self._row is not None and self._cell is not None:
            self._row.cells.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_h2:
            self._h2 += data
        if self._cell is not None:
            self._cell.append(data)
        if self._li is not None:
            self._li.append(data)


def read(page: str) -> Page:
    parsed = Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def tags_of(report: TeamReport, cid: str, table: str) -> str:
    return ", ".join(messages.REPORT_WHY_TAGS[r] for r in report.reasons[f"table:{table}:{cid}"])


def check_self_contained(page: str) -> Page:
    parsed = read(page)
    assert set(parsed.tags) <= TAGS, set(parsed.tags) - TAGS
    names = {name for name, _ in parsed.attributes}
    assert names <= ATTRIBUTES, names - ATTRIBUTES
    assert not any(name.startswith("on") for name in names)
    assert parsed.tags.count("script") == 0 and parsed.tags.count("style") == 1
    assert ("charset", "utf-8") in parsed.attributes
    assert ("http-equiv", "Content-Security-Policy") in parsed.attributes
    assert ("content", CSP) in parsed.attributes
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'"
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    # The CSP comes before anything that could load: the charset, then it, in <head>.
    assert page.index('<meta charset="utf-8">') < page.index("Content-Security-Policy")
    assert page.index("Content-Security-Policy") < page.index("<style>")
    return parsed


@pytest.mark.parametrize("peers", [1, 3, 6])
def test_the_page_fetches_nothing_runs_nothing_and_has_its_csp(peers: int) -> None:
    page = team_html(team(peers))
    check_self_contained(page)
    # The CSP's own <meta http-equiv> is the one "http" on the page.
    assert page.count("http-equiv") == 1
    for needle in EXTERNAL:
        assert needle not in page.lower().replace("http-equiv", ""), needle
    assert "xmlns" not in page  # inline SVG needs no namespace (and so no URL)


def test_every_shown_count_and_its_percentage_is_in_its_row_and_every_hidden_one_marked() -> None:
    report = team(3)
    assert report.suppressed > 0 and any(v is not None for v in report.tables["mode"].values())
    parsed = check_self_contained(team_html(report))
    assert list(parsed.tables) == [table_title(t) for t in ordered_tables(report.tables)]
    hidden_seen = 0
    for table in ordered_tables(report.tables):
        cells = report.tables[table]
        rows = parsed.tables[table_title(table)]
        head, body = rows[0], rows[1:]
        assert head.cells[1] == messages.REPORT_HTML_COUNT
        base = base_of(table, report.figures)  # None: a table of a cell (group kinds)
        for cid, row in zip(cells, body[: len(cells)], strict=True):
            label, count, share, why = row.cells
            assert label == cell_label(table, cid)
            value = cells[cid]
            if value is None:
                hidden_seen += 1
                assert "hidden" in row.classes.split()
                assert (count, share, why) == (MARK, MARK, tags_of(report, cid, table))
                assert row.svgs == 0  # no bar: its length would be the hidden count
            else:
                wanted = percent_text(value, base) if base is not None else ""
                assert (count, share, why) == (str(value), wanted, "")
                assert row.svgs == 1
        totals = [row.cells[:3] for row in body[len(cells) :]]
        if spec_of(table).total:
            assert totals == [[messages.REPORT_TOTAL, str(base), "100%"]]
        elif spec_of(table).total_cell:  # group kinds: the group contacts, or hidden with them
            owner, cid = spec_of(table).total_cell or ("", "")
            shown = report.tables[owner][cid]
            expected = [MARK, MARK] if shown is None else [str(shown), ""]
            assert totals == [[messages.REPORT_TOTAL, *expected]]
        else:
            assert totals == []  # topics add up to no total
    assert hidden_seen == sum(1 for k in report.reasons if k.startswith("table:"))


def test_the_figures_the_legend_and_the_audit_are_on_the_page() -> None:
    report = team(1, smallest=20)
    parsed = read(team_html(report))
    for name, item in zip(ordered_figures(report.figures), parsed.figures, strict=True):
        value = report.figures[name]
        if value is None:
            why = ", ".join(messages.REPORT_WHY_TAGS[r] for r in report.reasons[f"figure:{name}"])
            assert item == f"{MARK} {why} {figure_label(name)}"
        else:
            assert item == f"{value} {figure_label(name)}"
    used = reasons_used(report)
    assert [item.split(" (")[0] for item in parsed.legend] == [r.tag for r in used]
    for item, reason in zip(parsed.legend, used, strict=True):
        assert item == f"{reason.tag} ({reason.count}): {reason.text}"
    text = " ".join(" ".join(parsed.text).split())
    assert messages.REPORT_AUDIT_LINE_ONE_FILE.format(hidden=report.suppressed, below=4) in text


def test_a_report_with_nothing_hidden_says_so() -> None:
    report = dataclasses.replace(team(3), reasons={})
    report = dataclasses.replace(
        report,
        figures={k: v or 0 for k, v in report.figures.items()},
        tables={t: {c: v or 0 for c, v in cells.items()} for t, cells in report.tables.items()},
    )
    text = " ".join(read(team_html(report)).text)
    assert messages.REPORT_NO_SUPPRESSION.format(n=5) in text
    assert MARK not in text


def test_hostile_labels_ids_and_month_are_escaped_text_never_markup() -> None:
    report = hostile()
    page = team_html(report)
    parsed = check_self_contained(page)
    assert "<script" not in page and "<img" not in page and "\x1b" not in page
    assert "&lt;script&gt;" in page
    # The text is all there, as text: the month in the title, the table's name, the id.
    text = "".join(parsed.text)
    assert f"2026-03{HOSTILE}" in text
    assert f"tbl{HOSTILE}" in parsed.tables
    labels = [row.cells[0] for row in parsed.tables[f"tbl{HOSTILE}"][1:]]
    assert labels == [printable(cid) for cid in report.tables[f"tbl{HOSTILE}"]]
    mode_labels = [row.cells[0] for row in parsed.tables[table_title("mode")][1:]]
    assert f"{printable(HOSTILE)}\\x1b[2J" in mode_labels
    # No attribute of any element carries the hostile text (it would be an injection).
    assert not any(value and "script" in value for _, value in parsed.attributes)


def test_a_table_tied_to_no_figure_has_bars_but_no_percentages() -> None:
    report = hostile()
    rows = read(team_html(report)).tables[f"tbl{HOSTILE}"][1:]
    shown = [row for row in rows if "hidden" not in row.classes.split()]
    assert [row.cells[2] for row in rows] == ["", MARK, ""]
    assert all(row.svgs == 1 for row in shown)


def test_bars_are_drawn_from_shown_values_only() -> None:
    """A bar's width is its count over the shown base (or the largest shown count)."""
    report = team(3)
    page = team_html(report)
    widths = [float(w) for w in re.findall(r'class="fill" x="0" y="0" width="([0-9.]+)"', page)]
    expected: list[float] = []
    for table in ordered_tables(report.tables):
        # A table tied to no figure (group kinds) is drawn against its largest shown count.
        base = base_of(table, report.figures) or max(
            (v for v in report.tables[table].values() if v), default=0
        )
        expected += [round(100 * v / base, 2) for v in report.tables[table].values() if v]
    assert widths == expected


# --- in a real browser ------------------------------------------------------------------
def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on its own profile; skip when there is none."""
    found = chromium()
    if found is None:
        pytest.skip("no Chromium or Chrome on PATH to render the page with")
    # Chromium puts a socket in TMPDIR, and the test's own TMPDIR is too long a path for
    # one (108 bytes): a short folder of its own, removed afterwards.
    folder = "/tmp" if Path("/tmp").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="pd-", dir=folder) as short:
        return subprocess.run(
            [
                found,
                "--headless",
                "--no-sandbox",  # tests may run as root, where the sandbox refuses to start
                "--disable-gpu",
                "--no-first-run",
                f"--user-data-dir={tmp_path / 'chromium-profile'}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            env={**os.environ, "TMPDIR": short},
        )


def _extra_tables(report: TeamReport) -> TeamReport:
    """Three more tables, as a newer vocabulary would add, so the one-page promise
    keeps room for them."""
    tables = dict(report.tables)
    tables["contact_for"] = {f"group-{i}": 10 for i in range(7)}
    tables["group_kind"] = {f"kind-{i}": 3 for i in range(4)}
    tables["first_contact"] = {"first": 60, "follow-up": 62}
    return dataclasses.replace(report, tables=tables)


@pytest.mark.slow
def test_chromium_draws_a_bar_chart_for_every_table(tmp_path: Path) -> None:
    report = team(3)
    file = tmp_path / "team.html"
    file.write_text(team_html(report), encoding="utf-8")
    dom = read(_browser(tmp_path, "--dump-dom", file.as_uri()).stdout)
    assert dom.tags.count("script") == 0
    for table in ordered_tables(report.tables):
        rows = dom.tables[table_title(table)]
        shown = sum(1 for v in report.tables[table].values() if v is not None)
        assert sum(row.svgs for row in rows) == shown
    assert dom.tags.count("svg") == sum(
        1 for cells in report.tables.values() for v in cells.values() if v is not None
    )


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["letter", "A4"])
@pytest.mark.parametrize("extra", [False, True])
def test_the_page_prints_on_one_sheet(tmp_path: Path, paper: str, extra: bool) -> None:
    report = team(4, smallest=20)
    page = team_html(_extra_tables(report) if extra else report)
    # The page leaves the paper to the printer; here it is set as a printer would set it.
    page = page.replace("@page { margin: 12mm; }", f"@page {{ size: {paper}; margin: 12mm; }}")
    file = tmp_path / "team.html"
    file.write_text(page, encoding="utf-8")
    pdf = tmp_path / "team.pdf"
    _browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", file.as_uri())
    data = pdf.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 1
