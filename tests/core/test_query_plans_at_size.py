"""No statement on the way to home, or in `contacts add`, reads a table that grows.

Unlock and `contacts add` must cost the same at a thousand contacts and at a million;
a statement that scans contacts, topics, follow-ups or referrals grows with the vault
(a follow-up scan by retention did, on every unlock). Times are for the benchmarks
(benchmarks/bench_size.py); this checks the cause instead: every statement the path
runs is traced on a real vault and its query plan read. Only tables that never grow
may be scanned: the settings, the one draft, the one-row contact counter.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, followups, full_check_log, logbook, migrate, referrals
from tests.core.helpers import add_contacts

SMALL_TABLES = {"settings", "drafts", "contact_total"}
SCAN = re.compile(r"^SCAN (\w+)")
TODAY = date(2026, 3, 2)


def traced(vault: Vault, steps: list[str]) -> list[str]:
    """Statements the vault's connection ran (bound values written in) while `steps` ran."""
    seen: list[str] = []
    vault.conn.set_trace_callback(seen.append)
    try:
        for step in steps:
            run(vault, step)
    finally:
        vault.conn.set_trace_callback(None)
    return [s for s in seen if not s.startswith("--")]  # "--": inside a trigger or FTS5


def run(vault: Vault, step: str) -> None:
    """One part of the path, as Vault.unlock, the home screen and `contacts add` run it."""
    now = datetime.now(UTC)
    if step == "unlock":
        migrate.current_version(vault.conn)
        full_check_log.due(vault.conn, now)
        logbook.purge(vault, now=now)  # the retention wipe every unlock runs
        with vault.transaction() as conn:
            full_check_log.record(conn, now)
    elif step == "home":
        followups.due(vault.conn, TODAY)
        referrals.due(vault.conn, TODAY)
        vault.settings()
        vault.schema_version()
    elif step == "add":
        fields = ContactFields(contact_date=TODAY, topics=("sleep",), note="after the shift")
        logbook.save_contact(vault, fields, today=TODAY, follow_up_on=TODAY)


def scans(vault: Vault, statement: str) -> list[str]:
    """The growing tables `statement`'s plan reads whole."""
    plan = [str(r[3]) for r in vault.conn.execute(f"EXPLAIN QUERY PLAN {statement}")]
    found = [m.group(1) for line in plan if (m := SCAN.match(line))]
    return [table for table in found if table not in SMALL_TABLES]


def test_unlock_home_and_add_read_no_growing_table_whole(vault: Vault) -> None:
    add_contacts(vault, 20)
    logbook.add_concern(vault, TODAY, "late to roll call")
    statements = traced(vault, ["unlock", "home", "add"])
    assert any("UPDATE followups SET handle = NULL" in s for s in statements)  # traced
    assert any(s.startswith("INSERT INTO contacts") for s in statements)
    planned = [s for s in statements if s.split()[0].upper() in {"SELECT", "UPDATE", "DELETE"}]
    assert planned
    assert {s: scans(vault, s) for s in planned if scans(vault, s)} == {}
