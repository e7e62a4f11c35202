"""The unlock path's follow-up and referral reads in a vault with years of them.

The cached benchmark vaults hold a handful of follow-ups and no referrals, so a query
that reads every follow-up or referral does not show there; a peer's vault after
years holds thousands. This adds them to a working copy (a done follow-up, its
handle already wiped, for every `every`th contact; a closed referral for every
4 x `every`th) and times, interleaved, each read as it runs now against the plan it
had before migration 0010 and the referral fix: retention's look for done follow-ups
still holding a handle (every unlock; a scan before the partial index, forced here
with NOT INDEXED) and home's referrals due (the closed statuses in sorted order,
which the partial index did not match: a scan and a sort).

Run: python -m benchmarks.bench_history [runs] [contacts] [every]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from benchmarks.timing import interleaved, report_tail
from peerdesk.vault.sqlcipher import Connection, connect

RETENTION_NOW = (
    "SELECT id FROM followups WHERE handle IS NOT NULL AND done_on IS NOT NULL "
    "AND done_on <= '2026-11-01'"
)
RETENTION_BEFORE = RETENTION_NOW.replace("FROM followups", "FROM followups NOT INDEXED")
REFERRALS = (
    "SELECT r.id FROM referrals r WHERE r.status NOT IN ({}) "
    "AND r.check_back_on <= '2026-12-01' ORDER BY r.check_back_on, r.id LIMIT 50"
)
REFERRALS_NOW = REFERRALS.format("'declined', 'closed'")
REFERRALS_BEFORE = REFERRALS.format("'closed', 'declined'")


def add_history(path: Path, every: int) -> tuple[int, int]:
    """Done follow-ups and closed referrals for some of the contacts; their numbers."""
    conn = connect(path, PASSPHRASE, mode="rw")
    try:
        conn.execute("PRAGMA foreign_keys = OFF")  # the referrals name no real clinician
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO followups (due_on, kind, contact_id, done_on, created_at, updated_at) "
            "SELECT contact_date, 'contact', id, contact_date, created_at, created_at "
            "FROM contacts WHERE id % ? = 0",
            (every,),
        )
        conn.execute(
            "INSERT INTO referrals (contact_id, clinician_id, made_on, status, status_on, "
            "check_back_on, created_at, updated_at) SELECT id, 'synthetic', contact_date, "
            "'closed', contact_date, contact_date, created_at, created_at "
            "FROM contacts WHERE id % ? = 1",
            (4 * every,),
        )
        conn.execute("COMMIT")
        followups = int(conn.execute("SELECT count(*) FROM followups").fetchone()[0])
        referrals = int(conn.execute("SELECT count(*) FROM referrals").fetchone()[0])
    finally:
        conn.close()
    return followups, referrals


def timed(conn: Connection, sql: str) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        conn.execute(sql).fetchall()
        return time.perf_counter() - start

    return run


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    every = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory() as name:
        path = working_copy(contacts_vault(count), Path(name))
        followups, referrals = add_history(path, every)
        conn = connect(path, PASSPHRASE, mode="ro")
        try:
            print(f"{count} contacts, {followups} follow-ups, {referrals} referrals, {runs} runs:")
            for label, now, before in (
                ("retention's done follow-ups with a handle", RETENTION_NOW, RETENTION_BEFORE),
                ("home's referrals due", REFERRALS_NOW, REFERRALS_BEFORE),
            ):
                plan = [str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {before}")]
                new, old = interleaved(runs, timed(conn, now), timed(conn, before))
                report_tail(f"{label}, before ({'; '.join(plan)})", old)
                report_tail(f"{label}, now", new, baseline=old)
        finally:
            conn.close()


if __name__ == "__main__":
    main()
