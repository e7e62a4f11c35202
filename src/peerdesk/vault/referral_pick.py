"""The directory ranked for a contact's topics, in SQL (rules: peerdesk.models.ranking).

One pass over the clinicians_list index, which already holds every column the
ranking reads (filter_keys, accepting, telehealth, the vetting dates, suspended),
scores each clinician and keeps the best `limit` (SQLite's top-N sort); only those
rows are then read from the wide table. Over 10,000 clinicians this is a few
milliseconds (benchmarks/bench_referrals.py), so the list draws at once.
"""

from __future__ import annotations

from datetime import date

from peerdesk.models.clinicians import vetting_status
from peerdesk.models.ranking import RankedClinician, RankFacts
from peerdesk.vault.clinicians import filter_key
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.values import day

RANK_LIMIT = 30  # a screenful at 80x24 is ~10 rows; more is scrolling, not ranking


def ranked(
    conn: Connection, topics: tuple[str, ...], today: date, *, limit: int = RANK_LIMIT
) -> list[RankedClinician]:
    """The best `limit` clinicians for these topics, best first."""
    matched = " + ".join(["(instr(c.filter_keys, ?) > 0)"] * len(topics)) or "0"
    params: list[object] = [filter_key("s", t) for t in topics]
    # Suspended or vetting expired (models.ranking.CONFIRM_STATUSES): after every usable one.
    unusable = (
        "(c.suspended <> 0 OR (c.vetted_on IS NOT NULL AND c.revet_due IS NOT NULL "
        "AND c.revet_due < ?))"
    )
    valid = "(c.suspended = 0 AND c.vetted_on IS NOT NULL AND c.revet_due >= ?)"
    iso = today.isoformat()
    top = conn.execute(
        f"SELECT c.num, {matched} AS matched FROM clinicians c "
        f"ORDER BY {unusable}, matched DESC, c.accepting_new_clients DESC, {valid} DESC, "
        "c.telehealth DESC, c.sort_name, c.num LIMIT ?",
        (*params, iso, iso, limit),
    ).fetchall()
    if not top:
        return []
    order = {int(num): (index, int(score)) for index, (num, score) in enumerate(top)}
    marks = ", ".join("?" * len(order))
    rows = conn.execute(
        "SELECT c.num, c.id, c.name, c.credentials, c.phones ->> '$[0]', "
        "c.accepting_new_clients, c.telehealth, c.vetted_on, c.revet_due, c.suspended "
        f"FROM clinicians c WHERE c.num IN ({marks})",
        tuple(order),
    ).fetchall()
    found: list[tuple[int, RankedClinician]] = []
    for r in rows:
        index, score = order[int(r[0])]
        facts = RankFacts(
            matched=score,
            wanted=len(topics),
            accepting=bool(r[5]),
            status=vetting_status(day(r[7]), day(r[8]), bool(r[9]), today),
            telehealth=bool(r[6]),
        )
        found.append((index, RankedClinician(str(r[1]), str(r[2]), r[3], r[4], facts)))
    return [item for _index, item in sorted(found, key=lambda pair: pair[0])]
