"""Reports over time: what the time rule hides, and what comparing with the log costs.

(a) A month merged again after one late contact, on realistic teams of 6 peers
    (synthetic months of 5 to 14 contacts each, the late contact from one peer): cells
    hidden by the report alone and with the log (the time rule's extra), and the
    merge's time with the log against without it, interleaved in the same process.
(b) A quarter of 3 months x 12 peers next to its three published months: the same.
(c) A year of 12 months x 6 peers, each month and each quarter published first.

Times are the report's making (suppression, both audits, the comparison), not file
reading or the vault. Run: python -m benchmarks.bench_periods [teams] [runs]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from benchmarks.timing import interleaved, median_ms
from peerdesk.models.contacts import ContactFields
from peerdesk.reports import MonthCounts, TeamReport, tally, team_report
from peerdesk.reports.history import Publication
from peerdesk.reports.periods import Period, of_month, parse_quarter, parse_year
from peerdesk.synthetic import contacts as synthetic

N = 5


def stats(name: str, samples: list[float]) -> float:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"  {name}: median {median_ms(samples):.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {ordered[-1] * 1000:.1f} ms"
    )
    return median_ms(samples)


class Team:
    """Each peer's contacts per month, seeded."""

    def __init__(self, seed: int, peers: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 -- reproducible fiction
        self.peers = peers
        self.contacts: dict[str, list[list[ContactFields]]] = {}
        self.version: dict[tuple[str, int], int] = {}

    def month(self, month: str) -> None:
        year, number = int(month[:4]), int(month[5:])
        self.contacts[month] = [
            [
                synthetic.contact_fields(
                    self.rng, date(year, number, 1 + self.rng.randrange(28)), with_text=False
                )
                for _ in range(self.rng.randint(5, 14))
            ]
            for _ in range(self.peers)
        ]

    def late(self, month: str) -> None:
        peer = self.rng.randrange(self.peers)
        year, number = int(month[:4]), int(month[5:])
        contact = synthetic.contact_fields(self.rng, date(year, number, 28), with_text=False)
        self.contacts[month][peer].append(contact)
        self.version[(month, peer)] = self.version.get((month, peer), 0) + 1

    def merge(self, period: Period, history: list[Publication]) -> TeamReport:
        counts: list[MonthCounts] = []
        ids: list[str] = []
        owners: list[str] = []
        for month in period.months:
            for peer, contacts in enumerate(self.contacts[month]):
                counts.append(tally(month, contacts))
                version = self.version.get((month, peer), 0)
                ids.append(f"{month.replace('-', '')}{peer:04d}{version:04d}".rjust(32, "0"))
                owners.append(f"peer-{peer}")
        return team_report(counts, ids, N, period=period, owners=owners, history=history)


def timed(make: Callable[[], TeamReport]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        make()
        return time.perf_counter() - start

    return run


def _pair(
    team: Team, period: Period, history: list[Publication]
) -> tuple[Callable[[], float], Callable[[], float]]:
    """The merge with the log, and the same merge alone."""
    return timed(lambda: team.merge(period, history)), timed(lambda: team.merge(period, []))


def compare(label: str, team: Team, period: Period, history: list[Publication], runs: int) -> None:
    with_log, alone = interleaved(runs, *_pair(team, period, history))
    a = stats(f"{label} with the log", with_log)
    b = stats(f"{label} alone", alone)
    print(f"  ratio with/without the log: {a / b:.1f}x")


def late_contacts(teams: int, runs: int) -> None:
    print(f"(a) a month merged again after one late contact, {teams} teams of 6 peers, N = {N}:")
    march = of_month("2026-03")
    extra: list[int] = []
    alone_hidden: list[int] = []
    with_log: list[float] = []
    without: list[float] = []
    for seed in range(teams):
        team = Team(seed, peers=6)
        team.month(march.label)
        first = team.merge(march, [])
        history = [first.publication("2026-04-01T09:00:00+00:00")]
        team.late(march.label)
        alone = team.merge(march, [])
        again = team.merge(march, history)
        extra.append(again.suppressed - alone.suppressed)
        alone_hidden.append(alone.suppressed)
        w, o = interleaved(runs, *_pair(team, march, history))
        with_log += w
        without += o
    print(
        f"  cells hidden by the report alone: median {statistics.median(alone_hidden):.0f} "
        f"(of 45); more with the log: median {statistics.median(extra):.0f}, "
        f"min {min(extra)}, max {max(extra)}"
    )
    a = stats("with the log", with_log)
    b = stats("alone", without)
    print(f"  ratio with/without the log: {a / b:.1f}x")


def quarter(runs: int) -> None:
    q1 = parse_quarter("2026-Q1")
    team = Team(7, peers=12)
    history: list[Publication] = []
    for day, month in enumerate(q1.months, start=1):
        team.month(month)
        history.append(team.merge(of_month(month), history).publication(f"2026-04-0{day}"))
    alone = team.merge(q1, [])
    report = team.merge(q1, history)
    print(
        f"(b) a quarter of 3 months x 12 peers next to its 3 published months: "
        f"{alone.suppressed} cells hidden alone, {report.suppressed} with the log"
    )
    compare("quarter", team, q1, history, runs)


def year(runs: int) -> None:
    y = parse_year("2026")
    team = Team(3, peers=6)
    history: list[Publication] = []
    for month in y.months:
        team.month(month)
        history.append(team.merge(of_month(month), history).publication(month))
    for q in range(1, 5):
        history.append(team.merge(parse_quarter(f"2026-Q{q}"), history).publication(str(q)))
    alone = team.merge(y, [])
    report = team.merge(y, history)
    print(
        f"(c) a year of 12 months x 6 peers next to its 12 months and 4 quarters: "
        f"{alone.suppressed} cells hidden alone, {report.suppressed} with the log"
    )
    compare("year", team, y, history, runs)


def main() -> None:
    teams = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    late_contacts(teams, runs)
    quarter(runs)
    year(max(1, runs // 3))


if __name__ == "__main__":
    main()
