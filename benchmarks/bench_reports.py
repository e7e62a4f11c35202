"""Monthly counts at volume: 100,000 contacts over ten years, and a 200-peer merge.

Prints medians and verdicts against the report targets of docs/performance.md:
- in-process: one month's counts + the 12-month trend (what the stats screen needs)
  well under 100 ms;
- `peerdesk report month` as a whole process <= a bare typer app's whole process +
  the bare KDF open + 100 ms (all three measured in the same run, interleaved);
- `peerdesk report merge` of 200 peers' files, whole process, <= 1 s.

Run: python -m benchmarks.bench_reports [runs] [contacts]
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.fixtures import PASSPHRASE, bare_kdf_open, contacts_vault, working_copy
from benchmarks.timing import PYTHON, median_ms, time_process
from peerdesk.reports import render, tally, team_report
from peerdesk.reports.files import document, dumps, read_exports
from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.vault import monthly

BARE_TYPER = """
import typer
app = typer.Typer()
@app.command()
def main(month: str, fmt: str = typer.Option("table", "--format")) -> None:
    print(month)
app()
"""
PEERS = 200


def peer_files(folder: Path, month: str) -> list[Path]:
    """PEERS synthetic month files of 20-80 contacts each, as peers would export them."""
    rng = random.Random(11)  # noqa: S311 -- reproducible fiction
    first = date.fromisoformat(f"{month}-01")
    paths = []
    for i in range(PEERS):
        days = [first + timedelta(days=rng.randrange(28)) for _ in range(rng.randint(20, 80))]
        contacts = [synthetic_contacts.contact_fields(rng, d, with_text=False) for d in days]
        path = folder / f"peer-{i:03d}.json"
        counts = tally(month, contacts, followups_completed=i % 4)
        path.write_text(dumps(document(counts, vault_id=f"{i:032x}", sequence=1)))
        paths.append(path)
    return paths


def line(name: str, ms: float, target: str, ok: bool) -> None:
    print(f"  {name}: {ms:.1f} ms ({target}) {'OK' if ok else 'MISSED'}")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    original = contacts_vault(count)
    month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = working_copy(original, folder)
        with monthly.counting_connection(path, PASSPHRASE) as conn:
            counts_t, trend_t, both_t = [], [], []
            for _ in range(runs * 3):
                start = time.perf_counter()
                monthly.month_counts(conn, month)
                middle = time.perf_counter()
                monthly.trend(conn, month, 12)
                end = time.perf_counter()
                counts_t.append(middle - start)
                trend_t.append(end - middle)
                both_t.append(end - start)
        print(f"{count} contacts, month {month}, medians:")
        print(f"  month counts, in process: {median_ms(counts_t):.1f} ms")
        print(f"  12-month trend, in process: {median_ms(trend_t):.1f} ms")
        both = median_ms(both_t)
        line("month + trend (the stats screen's data)", both, "<= 100 ms", both <= 100)

        bare = folder / "bare_typer.py"
        bare.write_text(BARE_TYPER)
        env = {**os.environ, "PEERDESK_PASSPHRASE": PASSPHRASE}
        subject = [PYTHON, "-m", "peerdesk", "--vault", str(path), "report", "month", month]
        refused = [*subject[:-1], "2026-13"]  # the same CLI start, refused before the vault
        typer_t, kdf_t, report_t, start_t = [], [], [], []
        subprocess.run(subject, check=True, env=env, capture_output=True)  # warm up
        for _ in range(runs):
            typer_t.append(time_process([PYTHON, str(bare), month]))
            kdf_t.append(bare_kdf_open(path))
            start = time.perf_counter()
            subprocess.run(refused, check=False, env=env, capture_output=True)
            start_t.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run(subject, check=True, env=env, capture_output=True)
            report_t.append(time.perf_counter() - start)
        budget = median_ms(typer_t) + median_ms(kdf_t) + 100
        print(
            f"  bare typer process {median_ms(typer_t):.1f} ms + bare KDF open "
            f"{median_ms(kdf_t):.1f} ms + 100 ms = {budget:.1f} ms"
        )
        whole = median_ms(report_t)
        line("`report month`, whole process", whole, f"<= {budget:.0f} ms", whole <= budget)

        files = peer_files(folder, month)
        merge_in, merge_out = [], []
        merge_argv = [PYTHON, "-m", "peerdesk", "--vault", str(folder / "none"), "report"]
        merge_argv += ["merge", *map(str, files), "--min-cell", "5"]
        for _ in range(max(3, runs // 3)):
            start = time.perf_counter()
            exports = read_exports(files)
            report = team_report([e.counts for e in exports], [e.export_id for e in exports], 5)
            render.team_table(report)
            merge_in.append(time.perf_counter() - start)
            merge_out.append(time_process(merge_argv))
        print(f"  merge {PEERS} peer files, in process: {median_ms(merge_in):.1f} ms")
        merged = median_ms(merge_out)
        line(f"`report merge`, {PEERS} files, process", merged, "<= 1000 ms", merged <= 1000)
        print(
            f"  (diagnostic: peerdesk's own CLI start, a month refused before the vault: "
            f"{median_ms(start_t):.1f} ms; report month minus that minus the KDF: "
            f"{median_ms(report_t) - median_ms(start_t) - median_ms(kdf_t):.1f} ms; "
            f"spread of report month {statistics.pstdev(report_t) * 1000:.1f} ms)"
        )


if __name__ == "__main__":
    main()
