"""Team reports for tests of the outputs: real merges of made-up teams, a hostile one.

`team(...)` months are made from a seeded generator, so every run merges the same
months: some tables all shown, some with small counts hidden (and the counts hiding
them), the referral table recorded. `hostile()` is a TeamReport no merge would make:
labels, ids, the month and table names carry markup, formulas and escape sequences,
to prove the renderers escape whatever reaches them.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from peerdesk import vocab
from peerdesk.reports import AuditSummary, MonthCounts, TeamReport, team_report
from peerdesk.reports.counts import from_marginals
from peerdesk.reports.files import document, dumps

MONTH = "2026-03"


def _split(
    rng: random.Random, choices: Sequence[vocab.Choice], weights: Sequence[float], n: int
) -> list[tuple[str, int]]:
    """n contacts spread over `choices`; choices past the weights given weigh 1."""
    ids = [c.id for c in choices]
    padded = [*weights, *[1.0] * len(ids)][: len(ids)]
    return list(Counter(rng.choices(ids, padded, k=n)).items())


def peer_month(seed: int, contacts: int) -> MonthCounts:
    """One peer's month of `contacts` contacts, the same for the same seed."""
    rng = random.Random(seed)
    topics: Counter[str] = Counter()
    for _ in range(contacts):
        topics.update(rng.sample([t.id for t in vocab.TOPICS], rng.choice([1, 1, 2, 3])))
    modes = _split(rng, vocab.MODES, [8, 4, 4, 2, 0, 1], contacts)
    groups = dict(modes).get("group", 0)
    return from_marginals(
        MONTH,
        contacts=contacts,
        minutes=25 * contacts,
        group_people=4 * groups,
        followups_completed=rng.randint(0, 8),
        tables={
            "mode": modes,
            "group_kind": _split(rng, vocab.GROUP_KINDS, [3, 2, 1, 1], groups),
            "for_whom": _split(rng, vocab.FOR_WHOM, [10, 3, 2, 1, 1, 1, 1], contacts),
            "first_or_followup": _split(rng, vocab.FIRST_OR_FOLLOWUP, [3, 2], contacts),
            "initiated_by": _split(rng, vocab.INITIATED_BY, [6, 3, 2, 1, 1], contacts),
            "topic": list(topics.items()),
            "risk": _split(rng, vocab.RISKS, [10, 5, 2, 0.2], contacts),
            "outcome": _split(rng, vocab.OUTCOMES, [10, 3, 3, 0.3], contacts),
            "critical_incident": [("yes", contacts // 5), ("no", contacts - contacts // 5)],
            "duration": [("15-29", contacts)],  # 25 minutes each
        },
        referral_statuses=[
            ("offered", 3 + seed),
            ("accepted", 2),
            ("connected", 4),
            ("declined", 1),
            ("closed", 0),
        ],
    )


def team(peers: int = 3, smallest: int = 10, min_cell: int = 5) -> TeamReport:
    """The merged report of `peers` peers with `smallest`, +7, +14, ... contacts."""
    months = [peer_month(i, smallest + 7 * i) for i in range(peers)]
    return team_report(months, [f"{i:032x}" for i in range(peers)], min_cell)


HOSTILE = '"><script>alert(1)</script><img src=http://example.invalid/x.png>'
FORMULA = '=HYPERLINK("http://example.invalid","x")'


def hostile() -> TeamReport:
    """A report with markup, a formula and an escape sequence wherever text can go."""
    return TeamReport(
        month=f"2026-03{HOSTILE}",
        min_cell=5,
        peers=2,
        figures={"contacts": 40, "minutes": 800, f"fig{HOSTILE}": 7, "referrals": None},
        tables={
            "mode": {"cruiser": 30, f"{HOSTILE}\x1b[2J": 10, "phone": None},
            f"tbl{HOSTILE}": {FORMULA: 12, "@SUM(A1)": None, "-2+3": 4},
        },
        reasons={
            "table:mode:phone": ("threshold",),
            f"table:tbl{HOSTILE}:@SUM(A1)": ("threshold",),
            "figure:referrals": ("withheld",),
        },
        audit=AuditSummary(3, 2),
    )


def chromium() -> str | None:
    """A Chromium (or Chrome) on PATH, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


def write_months(folder: Path, peers: int = 3, smallest: int = 10) -> list[Path]:
    """The plain month files (current version) of `team(peers, smallest)`'s peers."""
    paths = []
    for i in range(peers):
        path = folder / f"peer-{i}.json"
        counts = peer_month(i, smallest + 7 * i)
        path.write_text(
            dumps(document(counts, export_id=f"{i:032x}", vault_id=f"{i + 1:032x}", sequence=1)),
            encoding="utf-8",
        )
        paths.append(path)
    return paths
