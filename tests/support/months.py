"""A small, valid month of counts for tests of month files and the team merge."""

from __future__ import annotations

from peerdesk.reports import MonthCounts
from peerdesk.reports.counts import from_marginals


def month(
    name: str = "2026-03", *, cruiser: int = 10, phone: int = 6, sleep: int = 12, done: int = 1
) -> MonthCounts:
    contacts = cruiser + phone
    return from_marginals(
        name,
        contacts=contacts,
        minutes=15 * contacts,
        group_people=0,
        followups_completed=done,
        tables={
            "mode": [("cruiser", cruiser), ("phone", phone)],
            "initiated_by": [("self", contacts)],
            "topic": [("sleep", sleep), ("work-stress", contacts)],
            "risk": [("none", contacts)],
            "outcome": [("support", contacts)],
            "critical_incident": [("no", contacts)],
        },
        referral_statuses=None,
    )
