"""Monthly counts: what is counted, small-cell suppression, merging, rendering. Pure.

No vault and no Textual here: the SQL that reads a month from the vault is
peerdesk.vault.monthly, the month file format is peerdesk.reports.files.

For a screen (all return quickly on 100,000 contacts; see benchmarks/bench_reports.py):
    vault.monthly.month_counts(conn, "2026-03") -> MonthCounts
    vault.monthly.trend(conn, "2026-03", months=12) -> list[MonthTotal]
    vault.monthly.month_span(conn) -> (first, last) month with contacts, or None
    reports.render.month_table / month_csv, reports.files.document / dumps (export)
"""

from peerdesk.reports.counts import (
    FIGURES,
    TABLES,
    MonthCounts,
    MonthTotal,
    TableSpec,
    add_up,
    from_marginals,
    tally,
)
from peerdesk.reports.disclosure import EARLIER, INSIDER, LINKED, REASONS, THRESHOLD, WITHHELD
from peerdesk.reports.suppression import (
    COMPLEMENTARY,
    DEFAULT_MIN_CELL,
    HIGHEST_MIN_CELL,
    LOWEST_MIN_CELL,
    SMALL,
    AuditSummary,
    TeamReport,
    suppress,
    table_cuts,
    team_report,
    tie_key_of,
)

__all__ = [
    "COMPLEMENTARY",
    "DEFAULT_MIN_CELL",
    "EARLIER",
    "FIGURES",
    "HIGHEST_MIN_CELL",
    "INSIDER",
    "LINKED",
    "LOWEST_MIN_CELL",
    "REASONS",
    "SMALL",
    "TABLES",
    "THRESHOLD",
    "WITHHELD",
    "AuditSummary",
    "MonthCounts",
    "MonthTotal",
    "TableSpec",
    "TeamReport",
    "add_up",
    "from_marginals",
    "suppress",
    "table_cuts",
    "tally",
    "team_report",
    "tie_key_of",
]
