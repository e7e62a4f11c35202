"""The attacker's audit in the team merge: what it costs, and what the insider rule hides.

(a) A merge of 200 peers' month files (bench_reports's, 20 to 80 contacts each, where
    no cell is small; and 200 quiet peers of 0 or 1 contact, where rare categories
    are small, so the audit has cells to solve), in process (read, add up, suppress, render),
    with the audit and without it (the rules alone), interleaved in the same process:
    median, p95 and max of each, their ratio, and the audit's share. The whole
    `peerdesk report merge` process is timed too, against its 1 s target, and the cost
    of loading HiGHS (paid once per merge) is measured in a fresh interpreter.
(b) Cells hidden per team size (3, 6 and 12 peers of realistic synthetic months), with
    the audit from the report alone and with every peer's own month as well.

Run: python -m benchmarks.bench_audit [runs] [teams per size]
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.bench_reports import peer_files
from benchmarks.timing import PYTHON, interleaved, median_ms, time_process
from peerdesk.reports import MonthCounts, add_up, render, suppress, tally, tie_key_of
from peerdesk.reports.files import document, dumps, read_exports
from peerdesk.reports.protection import protect
from peerdesk.reports.suppression import team_report
from peerdesk.synthetic import contacts as synthetic_contacts

MONTH = "2026-03"
N = 5
SIZES = (3, 6, 12)


def stats(name: str, samples: list[float]) -> float:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"  {name}: median {median_ms(samples):.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {ordered[-1] * 1000:.1f} ms"
    )
    return median_ms(samples)


def merge_timings(runs: int, n: int, *, quiet: bool = False) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = quiet_files(folder) if quiet else peer_files(folder, MONTH)

        def audited() -> float:
            start = time.perf_counter()
            exports = read_exports(files)
            report = team_report([e.counts for e in exports], [e.export_id for e in exports], n)
            render.team_table(report)
            return time.perf_counter() - start

        def rules_only() -> float:
            start = time.perf_counter()
            exports = read_exports(files)
            total = add_up([e.counts for e in exports])
            key = tie_key_of([e.export_id for e in exports])
            render.team_table(suppress(total, n, peers=len(exports), tie_key=key))
            return time.perf_counter() - start

        with_audit, without = interleaved(runs, audited, rules_only)
        exports = read_exports(files)
        report = team_report([e.counts for e in exports], [e.export_id for e in exports], n)
        print(
            f"(a) merge of {len(files)} {'quiet ' if quiet else ''}peer files at N = {n}, "
            f"in process, {runs} runs each "
            f"({report.suppressed} cells hidden, {report.audit.insiders if report.audit else 0} "
            "peers' months checked):"
        )
        a = stats("with the audit", with_audit)
        b = stats("rules alone", without)
        print(f"  ratio {a / b:.2f}x; the audit's share: {a - b:.1f} ms per merge")
        load = [
            time_process([PYTHON, "-c", "import highspy._core"]) for _ in range(max(3, runs // 3))
        ]
        bare = [time_process([PYTHON, "-c", "pass"]) for _ in range(max(3, runs // 3))]
        print(
            f"  loading HiGHS (once per merge): {median_ms(load) - median_ms(bare):.1f} ms "
            "(a fresh interpreter importing highspy._core, minus a bare one)"
        )
        argv = [PYTHON, "-m", "peerdesk", "--vault", str(folder / "none"), "report", "merge"]
        argv += [*map(str, files), "--min-cell", str(n)]
        subprocess.run(argv, check=True, capture_output=True)  # warm the page cache
        whole = [time_process(argv) for _ in range(max(3, runs // 3))]
        merged = stats("`peerdesk report merge`, whole process", whole)
        print(f"  target <= 1000 ms plus the audit's share: {'OK' if merged <= 1000 else 'MISSED'}")


def quiet_files(folder: Path) -> list[Path]:
    """200 month files of 0 or 1 contact each: a large team of mostly quiet peers."""
    rng = random.Random(13)  # noqa: S311 -- reproducible fiction
    first = date.fromisoformat(f"{MONTH}-01")
    paths = []
    for i in range(200):
        days = [first + timedelta(days=rng.randrange(28)) for _ in range(rng.randint(0, 1))]
        contacts = [synthetic_contacts.contact_fields(rng, d, with_text=False) for d in days]
        path = folder / f"quiet-{i:03d}.json"
        counts = tally(MONTH, contacts, followups_completed=i % 2)
        path.write_text(dumps(document(counts, vault_id=f"{i:032x}", sequence=1)))
        paths.append(path)
    return paths


def team(rng: random.Random, peers: int) -> list[MonthCounts]:
    """Realistic months: 4 to 30 contacts per peer, peerdesk.synthetic's mix of categories."""
    first = date.fromisoformat(f"{MONTH}-01")
    months = []
    for _ in range(peers):
        days = [first + timedelta(days=rng.randrange(28)) for _ in range(rng.randint(4, 30))]
        contacts = [synthetic_contacts.contact_fields(rng, d, with_text=False) for d in days]
        months.append(tally(MONTH, contacts, followups_completed=rng.randrange(8)))
    return months


def hidden_per_size(teams: int) -> None:
    print(f"(b) cells hidden (of about 60), N = {N}, mean over {teams} teams per size:")
    print(
        "  peers | rules alone | + audit, report alone | + each peer's own month | "
        "contacts section withheld (alone / with peers) | audit ms (median)"
    )
    rng = random.Random(7)  # noqa: S311 -- reproducible fiction
    for size in SIZES:
        rules, alone, insider, withheld_alone, withheld_insider, times = [], [], [], 0, 0, []
        for _ in range(teams):
            months = team(rng, size)
            total = add_up(months)
            key = tie_key_of([f"{i:032x}" for i in range(size)])
            first = suppress(total, N, peers=size, tie_key=key)
            rules.append(first.suppressed)
            without, _ = protect(total, dict(first.reasons), N, months, tie_key=key, insiders=False)
            start = time.perf_counter()
            with_peers, _ = protect(total, dict(first.reasons), N, months, tie_key=key)
            times.append(time.perf_counter() - start)
            alone.append(len(without))
            insider.append(len(with_peers))
            withheld_alone += without.get("figure:contacts") == ("withheld",)
            withheld_insider += with_peers.get("figure:contacts") == ("withheld",)
        print(
            f"  {size:5d} | {statistics.mean(rules):11.1f} | {statistics.mean(alone):21.1f} | "
            f"{statistics.mean(insider):23.1f} | {withheld_alone:2d} / {withheld_insider:2d} of "
            f"{teams} teams{'':18s} | {median_ms(times):.1f}"
        )


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    teams = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    merge_timings(runs, N)
    merge_timings(runs, N, quiet=True)  # small cells hidden: the audit solves
    hidden_per_size(teams)


if __name__ == "__main__":
    main()
