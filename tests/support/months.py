"""A small, valid month of counts for tests of month files and the team merge."""

from __future__ import annotations

from peerdesk.reports import MonthCounts
from peerdesk.reports.counts import from_marginals


def month(
    name: str = "2026-03",
    *,
    cruiser: int = 10,
    phone: int = 6,
    sleep: int = 12,
    done: int = 1,
    group: int = 0,
    video: int = 0,
) -> MonthCounts:
    """Group contacts are debriefings of 4 people each, by dispatchers, all follow-ups;
    every contact lasts 15 minutes."""
    contacts = cruiser + phone + group + video
    return from_marginals(
        name,
        contacts=contacts,
        minutes=15 * contacts,
        group_people=4 * group,
        followups_completed=done,
        tables={
            "mode": [("cruiser", cruiser), ("phone", phone), ("group", group), ("video", video)],
            "group_kind": [("debriefing", group)],
            "initiated_by": [("self", contacts)],
            "topic": [("sleep", sleep), ("work-stress", contacts)],
            "risk": [("none", contacts)],
            "outcome": [("support", contacts)],
            "critical_incident": [("no", contacts)],
            "for_whom": [("sworn", contacts - group), ("dispatcher", group)],
            "first_or_followup": [("first", contacts - group), ("follow-up", group)],
            "duration": [("15-29", contacts)],
        },
        referral_statuses=None,
    )
