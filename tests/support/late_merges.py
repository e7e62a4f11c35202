"""A month published several times with late contacts in between, as a script: run in
a child process with a chosen PYTHONHASHSEED (string hashing orders the program's rows
and columns, and one order once made HiGHS end "Solve error").

python -m tests.support.late_merges SEED  (exit 0: every merge published)
"""

from __future__ import annotations

import random
import sys

from peerdesk.reports import team_report
from peerdesk.reports.history import Publication
from tests.support.team_months import Team

MARCH = "2026-03"


def publish_with_late_contacts(seed: int) -> int:
    """The scenario of `seed`: 2-6 peers, N 3-6, 2-4 publications. Returns how many."""
    rng = random.Random(seed)  # reproducible fiction
    peers, n = rng.randint(2, 6), rng.choice([3, 4, 5, 6])
    team = Team(seed, peers=peers)
    low = rng.choice([1, 2, 5])
    team.month(MARCH, low=low, high=low + rng.choice([0, 3, 9]))
    history: list[Publication] = []
    for day in range(1, rng.randint(2, 4) + 1):
        if day > 1:
            for _ in range(rng.choice([1, 1, 2, 3])):
                team.late(MARCH, peer=rng.randrange(peers))
        counts, ids, owners = team.files([MARCH])
        report = team_report(counts, ids, n, owners=owners, history=history)
        history.append(report.publication(f"2026-04-{day:02d}T09:00:00+00:00"))
    return len(history)


if __name__ == "__main__":
    publish_with_late_contacts(int(sys.argv[1]))
