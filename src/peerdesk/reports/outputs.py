"""Every format a team report is written in, by the name both faces offer. Pure.

`peerdesk report merge --format` and the team screen's export take their choices from
here, so the two faces always write the same files.
"""

from __future__ import annotations

from collections.abc import Callable

from peerdesk.reports import render
from peerdesk.reports.html import team_html
from peerdesk.reports.suppression import TeamReport
from peerdesk.reports.wide_csv import team_wide_csv

TEAM_RENDERERS: dict[str, Callable[[TeamReport], str]] = {
    "table": render.team_table,
    "csv": render.team_csv,
    "wide-csv": team_wide_csv,
    "json": render.team_json,
    "md": render.team_markdown,
    "html": team_html,
}
TEAM_FORMATS: tuple[str, ...] = tuple(TEAM_RENDERERS)
# A file's usual ending per format (the wide CSV is still a .csv a spreadsheet opens).
TEAM_SUFFIXES: dict[str, str] = {
    "table": ".txt",
    "csv": ".csv",
    "wide-csv": ".wide.csv",
    "json": ".json",
    "md": ".md",
    "html": ".html",
}


def team_output(fmt: str, report: TeamReport) -> str:
    """The report in `fmt` (one of TEAM_FORMATS)."""
    return TEAM_RENDERERS[fmt](report)
