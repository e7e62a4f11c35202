"""`peerdesk contacts add`, the whole process, in a large vault against a small one.

Each size's process is timed in turn, round by round, so a busy machine slows them
alike; the baseline is the smallest size measured in the same run. The command is
the ordinary one a peer types: every value as a flag, the note on standard input
(`--ask-note`, before the passphrase line; never in argv, which any local user reads),
the passphrase from `--passphrase-stdin`. Target: <= 1.15x the smallest size's time.

The daily whole-file check (vault/full_check_log.py) would read every page of the
vault on the day's first command (1.6 s at a million contacts); the ordinary command
is the day's second and later. So each working copy is unlocked once with the daily
check before timing, which runs it if it is due and records it, and the script
refuses to time a copy on which it is still due. That first unlock also wipes the
text that expired since the cached vault was built, as a peer's previous session did.

Run: python -m benchmarks.bench_contacts_add [runs] [contacts ...]
  contacts: the sizes, smallest first (default 1000 100000 1000000).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.fixtures import PASSPHRASE, contacts_vault, working_copy
from benchmarks.timing import PYTHON, report_ratio
from peerdesk.vault import Vault, full_check_log

NOTE = "synthetic benchmark note about a long night shift"


def add_command(path: Path) -> list[str]:
    return [
        PYTHON,
        "-m",
        "peerdesk",
        "--vault",
        str(path),
        "contacts",
        "add",
        "--topic",
        "work-stress",
        "--topic",
        "sleep",
        "--mode",
        "phone",
        "--minutes",
        "30",
        "--ask-note",
        "--passphrase-stdin",
    ]


def time_add(path: Path) -> float:
    """Whole-process seconds of one `contacts add`; a failed command stops the run."""
    start = time.perf_counter()
    subprocess.run(
        add_command(path),
        input=f"{NOTE}\n{PASSPHRASE}\n",
        text=True,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def ready(path: Path) -> None:
    """Run the day's first command's work now, and prove the daily check is not due."""
    with Vault.unlock(path, PASSPHRASE, checks="daily") as vault:
        if full_check_log.due(vault.conn, datetime.now(UTC)):
            raise SystemExit(f"the daily check is still due on {path}: not the ordinary command")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    sizes = [int(arg) for arg in sys.argv[2:]] or [1000, 100_000, 1_000_000]
    times: dict[int, list[float]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory() as name:
        paths: dict[int, Path] = {}
        for contacts in sizes:
            folder = Path(name) / str(contacts)
            folder.mkdir()
            paths[contacts] = working_copy(contacts_vault(contacts), folder)
            ready(paths[contacts])
            time_add(paths[contacts])  # warm the page cache and Python's bytecode cache
        for round_number in range(runs):
            turn = round_number % len(sizes)
            for contacts in sizes[turn:] + sizes[:turn]:
                times[contacts].append(time_add(paths[contacts]))
    print(
        f"peerdesk contacts add, whole process, {runs} runs per size, sizes in turn; "
        "the daily whole-file check already recorded today on every copy:"
    )
    smallest = sizes[0]
    for contacts in sizes[1:]:
        report_ratio(f"{contacts} contacts vs {smallest}", times[contacts], times[smallest], 1.15)
    if len(sizes) == 1:
        report_ratio(f"{smallest} contacts", times[smallest], times[smallest], 1.15)


if __name__ == "__main__":
    main()
