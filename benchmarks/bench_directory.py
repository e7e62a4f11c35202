"""The clinician directory at 10,000 clinicians: one keystroke's queries, and an import.

Per typed prefix it times what the directory screen runs on each key: `page()` (one
screenful of 50 rows) plus `count()`, with and without filters, and prints medians.
Then it times importing a 10,000-row CSV into an empty directory of an unlocked
vault (read, check, plan, write), re-importing it unchanged, and a baseline in the
same run. The budgets (docs/performance.md): key to results frame drawn <= 50 ms median (these
queries are only part of that), 10,000-row import <= 2 s.

Run: python -m benchmarks.bench_directory [runs] [--import-only]
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from peerdesk.interchange import directory_csv, import_file, import_parsed, read_directory
from peerdesk.models.clinicians import Clinician
from peerdesk.synthetic import clinicians as synthetic_clinicians
from peerdesk.vault import Vault
from peerdesk.vault.clinicians import DirectoryFilter, count, page

PASSPHRASE = "benchmark passphrase, not a secret"
COUNT = 10_000
TYPED = ("trauma", "jose", "north", "emdr", "spanish", "zz")
FILTERS = {
    "no filter": {},
    "specialty=trauma": {"specialties": ("trauma",)},
    "telehealth+accepting+EAP": {
        "telehealth": True,
        "accepting_new_clients": True,
        "insurance": "agency eap",
    },
    "status=vetted": {"status": "vetted"},
}


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def keystrokes(vault: Vault, runs: int, today: date) -> None:
    print(f"page(50) + count() per keystroke over {COUNT} clinicians, medians of {runs}:")
    for label, extra in FILTERS.items():
        worst = 0.0
        for word in TYPED:
            times = []
            for end in range(1, len(word) + 1):
                flt = DirectoryFilter(search=word[:end], **extra)  # type: ignore[arg-type]

                def key(flt: DirectoryFilter = flt) -> None:
                    page(vault.conn, flt, today=today)
                    count(vault.conn, flt, today=today)

                times.append(median_ms(key, runs))
            worst = max(worst, *times)
            steps = " ".join(f"{t:.1f}" for t in times)
            print(f"  {label:<26} {word:<8} per prefix ms: {steps}")
        empty = DirectoryFilter(**extra)  # type: ignore[arg-type]

        def blank_box(flt: DirectoryFilter = empty) -> None:
            page(vault.conn, flt, today=today)
            count(vault.conn, flt, today=today)

        blank = median_ms(blank_box, runs)
        print(f"  {label:<26} (empty box) {blank:.1f} ms; worst prefix {worst:.1f} ms")
    deep = median_ms(lambda: page(vault.conn, DirectoryFilter(), today=today, offset=9950), runs)
    print(f"  last page (offset 9950): {deep:.1f} ms")


def imports(folder: Path, today: date, runs: int) -> None:
    """Import into a vault opened the way a peer opens it (unlock, not create: unlock
    runs the integrity checks, which leave the connection in its everyday state)."""
    records = [
        Clinician(cid, fields, when)
        for cid, fields, when in synthetic_clinicians.generate(COUNT, today=today, seed=99)
    ]
    csv_path = folder / "directory.csv"
    csv_path.write_bytes(directory_csv(records).encode("utf-8-sig"))
    fresh, reading, writing, again = [], [], [], []
    for run in range(runs):
        path = folder / f"import-{run}.peerdesk"
        Vault.create(path, PASSPHRASE).close()
        with Vault.unlock(path, PASSPHRASE) as vault:
            start = time.perf_counter()
            parsed = read_directory(csv_path)
            read = time.perf_counter()
            # Synthetic names repeat (1,597 distinct in 10,000): each repeat is a look-alike.
            plan = import_parsed(vault, parsed, accept_lookalikes=True)
            done = time.perf_counter()
            assert plan.written and len(plan.added) == COUNT, plan.problems[:3]
            fresh.append(done - start)
            reading.append(read - start)
            writing.append(done - read)
            start = time.perf_counter()
            plan = import_file(vault, csv_path)
            again.append(time.perf_counter() - start)
            assert plan.unchanged == COUNT
    baseline = [_bare_copy(csv_path, folder / f"bare-{run}.peerdesk") for run in range(runs)]
    command = [_cli_import(csv_path, folder / f"cli-{run}.peerdesk") for run in range(runs)]
    size = csv_path.stat().st_size // 1024
    print(f"import a {COUNT}-row CSV ({size} KiB) into an unlocked vault, {runs} runs:")
    print(
        f"  into an empty directory: median {_ms(fresh)} ms, best {min(fresh) * 1000:.0f} ms"
        f" (budget 2000 ms); read+check {_ms(reading)} ms, plan+write {_ms(writing)} ms"
    )
    print(f"  again, all unchanged: median {_ms(again)} ms")
    print(
        f"  `peerdesk clinicians import`, whole process: median {_ms(command)} ms"
        " (adds Python and typer start-up and the KDF: see bench_cli, bench_unlock)"
    )
    ratio = statistics.median(fresh) / statistics.median(baseline)
    print(
        f"  baseline, the same file through csv.DictReader into a bare table of the same"
        f" kind of vault (no checks, no indexes): {_ms(baseline)} ms; the import is"
        f" {ratio:.1f}x that (compare days by this ratio: the machine's speed varies)"
    )


def _cli_import(csv_path: Path, vault_path: Path) -> float:
    """The command a team lead runs, as a separate process (passphrase on stdin)."""
    Vault.create(vault_path, PASSPHRASE).close()
    argv = [sys.executable, "-m", "peerdesk", "--vault", str(vault_path), "clinicians"]
    argv += ["import", str(csv_path), "--passphrase-stdin", "--accept-lookalikes"]
    start = time.perf_counter()
    subprocess.run(argv, input=PASSPHRASE + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _bare_copy(csv_path: Path, vault_path: Path) -> float:
    """The least an import can do: parse the CSV and write its cells, unchecked."""
    Vault.create(vault_path, PASSPHRASE).close()
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        start = time.perf_counter()
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            rows = [tuple(row.values()) for row in reader]
        with vault.transaction() as conn:
            conn.execute(f"CREATE TABLE bare ({', '.join(f'c{i}' for i in range(len(columns)))})")
            marks = ", ".join("?" * len(columns))
            conn.executemany(f"INSERT INTO bare VALUES ({marks})", rows)
        return time.perf_counter() - start


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f}"


def main() -> None:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    runs = int(numbers[0]) if numbers else 15
    today = date.today()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if "--import-only" in sys.argv:
            imports(folder, today, max(5, runs // 3))
            return
        with Vault.create(folder / "directory.peerdesk", PASSPHRASE) as vault:
            start = time.perf_counter()
            synthetic_clinicians.fill(vault, count=COUNT, today=today)
            print(f"built {COUNT} clinicians in {time.perf_counter() - start:.1f} s")
            keystrokes(vault, runs, today)
        imports(folder, today, max(5, runs // 3))


if __name__ == "__main__":
    main()
