"""Contacts at volume: saving, listing and searching with 100,000 contacts in the vault.

Database side (this file): the time `logbook.save_contact` spends (validation and
one transaction, follow-up included), and one page of the list / of a prefix search
per typed letter, and each count alone. Targets: saving <= 5 ms; a count <= 50 ms
(p95), though the app counts in a worker. The screen side (key to frame drawn) is in
bench_contacts_tui.py.

Run: python -m benchmarks.bench_contacts [runs] [contacts]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from benchmarks.timing import interleaved, report_tail
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, contacts, logbook
from peerdesk.vault.contacts import ContactFilter


def _seconds(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    original = contacts_vault(count)
    today = date.today()
    with (
        tempfile.TemporaryDirectory() as name,
        Vault.unlock(working_copy(original, Path(name)), PASSPHRASE) as vault,
    ):
        saves: list[float] = []
        for i in range(runs):
            fields = ContactFields(
                contact_date=today,
                topics=("alcohol", "relationship"),
                note=f"benchmark note {i}" if i % 2 else None,
            )
            start = time.perf_counter()
            logbook.save_contact(vault, fields, today=today, follow_up_on=today + timedelta(days=7))
            saves.append(time.perf_counter() - start)
        print(f"{count} contacts, {runs} runs:")
        report_tail("save a contact (+ follow-up), database time", saves, 5)

        first_page = []
        for _ in range(runs):
            start = time.perf_counter()
            contacts.page(vault.conn, ContactFilter(), limit=100)
            first_page.append(time.perf_counter() - start)
        report_tail("first page of the list", first_page)
        # The counts run in a worker on the side connection, never on the main thread;
        # the target is for the query itself.
        for name, flt in (
            ("every contact", ContactFilter()),
            ("one topic", ContactFilter(topic="sleep")),
            ("one month", ContactFilter(month=today.strftime("%Y-%m"))),
            ("one month + topic", ContactFilter(month=today.strftime("%Y-%m"), topic="sleep")),
        ):
            counts = []
            for _ in range(max(5, runs // 5)):
                start = time.perf_counter()
                contacts.count(vault.conn, flt)
                counts.append(time.perf_counter() - start)
            report_tail(f"count of {name}", counts, 50)
        # The total as it was counted before migration 0010 kept it in a row: the
        # table's smallest index read whole. Interleaved with the counter's read.
        table, counter = interleaved(
            max(5, runs // 5),
            lambda: _seconds(
                lambda: vault.conn.execute("SELECT count(*) FROM contacts").fetchone()
            ),
            lambda: _seconds(lambda: contacts.count(vault.conn)),
        )
        report_tail("count of every contact from the table (before 0010)", table, 50)
        report_tail("count of every contact from the counter, same rounds", counter, 50)

        for word in ("routine", "sleep", "overtime"):
            per_key = []
            for _ in range(max(1, runs // 10)):
                for end in range(1, len(word) + 1):
                    flt = ContactFilter(search=word[:end])
                    start = time.perf_counter()
                    contacts.page(vault.conn, flt, limit=100)
                    contacts.count(vault.conn, flt)
                    per_key.append(time.perf_counter() - start)
            report_tail(f"search {word!r}, one page + count per typed letter", per_key)

        month = ContactFilter(month=(today - timedelta(days=400)).strftime("%Y-%m"), topic="sleep")
        filtered = []
        for _ in range(runs):
            start = time.perf_counter()
            contacts.page(vault.conn, month, limit=100)
            contacts.count(vault.conn, month)
            filtered.append(time.perf_counter() - start)
        report_tail("month + topic filter, page + count", filtered)


if __name__ == "__main__":
    main()
