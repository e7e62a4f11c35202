"""Contacts at volume: saving, listing and searching with 100,000 contacts in the vault.

Database side (this file): the time `logbook.save_contact` spends (validation and
one transaction, follow-up included), and one page of the list / of a prefix search
per typed letter. Target: saving <= 5 ms. The screen side (key to frame drawn) is
in bench_contacts_tui.py.

Run: python -m benchmarks.bench_contacts [runs] [contacts]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, contacts, logbook
from peerdesk.vault.contacts import ContactFilter


def ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.2f} ms"


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
        print(f"{count} contacts, {runs} runs, medians:")
        print(f"  save a contact (+ follow-up), database time: {ms(saves)} (target <= 5 ms)")

        first_page = []
        for _ in range(runs):
            start = time.perf_counter()
            contacts.page(vault.conn, ContactFilter(), limit=100)
            contacts.count(vault.conn, ContactFilter())
            first_page.append(time.perf_counter() - start)
        print(f"  first page of the list + count: {ms(first_page)}")

        for word in ("routine", "sleep", "overtime"):
            per_key = []
            for _ in range(max(1, runs // 10)):
                for end in range(1, len(word) + 1):
                    flt = ContactFilter(search=word[:end])
                    start = time.perf_counter()
                    contacts.page(vault.conn, flt, limit=100)
                    contacts.count(vault.conn, flt)
                    per_key.append(time.perf_counter() - start)
            print(f"  search {word!r}, one page + count per typed letter: {ms(per_key)}")

        month = ContactFilter(month=(today - timedelta(days=400)).strftime("%Y-%m"), topic="sleep")
        filtered = []
        for _ in range(runs):
            start = time.perf_counter()
            contacts.page(vault.conn, month, limit=100)
            contacts.count(vault.conn, month)
            filtered.append(time.perf_counter() - start)
        print(f"  month + topic filter, page + count: {ms(filtered)}")


if __name__ == "__main__":
    main()
