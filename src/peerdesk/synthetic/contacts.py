"""Clearly fictional contacts and follow-ups, for the demo vault and the benchmarks.

Seeded, so a demo looks the same every time and a benchmark measures the same data.
The spread is plausible (most contacts are short cruiser chats with sworn officers
about work stress, relationships or a critical incident, a third of them follow-ups;
group contacts mostly defusings and debriefings after a critical incident; imminent
risk is rare) so screens and counts look like a real month, but no record describes
anyone.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from peerdesk import vocab
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import contacts, followups
from peerdesk.vault.store import Vault

_MODE_WEIGHTS = {
    "cruiser": 40,
    "in-person": 20,
    "phone": 20,
    "video": 5,
    "message": 10,
    "group": 6,
    "family": 4,
}
_INITIATED_WEIGHTS = {
    "self": 50,
    "peer-outreach": 20,
    "colleague-concern": 12,
    "supervisor": 6,
    "critical-incident": 12,
}
_TOPIC_WEIGHTS = {
    "work-stress": 30,
    "relationship": 20,
    "critical-incident": 15,
    "family": 12,
    "sleep": 12,
    "burnout": 10,
    "alcohol": 8,
    "trauma": 8,
    "anger": 6,
    "anxiety": 8,
    "depression": 6,
    "grief": 5,
    "financial": 5,
    "health": 5,
    "legal": 4,
    "career": 4,
    "substance-use": 2,
    "suicidal-thoughts": 2,
    "other": 3,
}
_FOR_WHOM_WEIGHTS = {
    "sworn": 70,
    "civilian": 8,
    "dispatcher": 9,
    "corrections": 4,
    "retired": 4,
    "family": 3,
    "other-agency": 2,
}
_GROUP_KIND_WEIGHTS = {"defusing": 45, "debriefing": 30, "demobilization": 10, "cmb": 15}
_FIRST_OR_FOLLOWUP_WEIGHTS = {"first": 65, "follow-up": 35}
_RISK_WEIGHTS = {"none": 70, "low": 20, "elevated": 8, "imminent": 2}
_OUTCOME_WEIGHTS = {"support": 60, "follow-up": 22, "referral": 14, "escalated": 4}
_NOTES = (
    "Shift change hard on sleep; talked through routine.",
    "Wants to think about talking to someone; will check in.",
    "Debrief after the call went fine; no concerns.",
    "Money worries after the overtime cut.",
    "Upset about the IA interview next week; explained the process.",
    "Brought up the anniversary of the crash.",
)
_MINUTES = (5, 15, 15, 15, 30, 30, 60, 45, 20)
_HANDLES = ("S.", "blue truck", "K-9 guy", "night shift J.", "the new sergeant", "R.")


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def contact_fields(rng: random.Random, day: date, *, with_text: bool) -> ContactFields:
    """One plausible contact on `day`."""
    mode = _pick(rng, _MODE_WEIGHTS)
    group = mode == "group"
    topics = {_pick(rng, _TOPIC_WEIGHTS) for _ in range(rng.choice((1, 1, 2, 2, 3)))}
    if group:  # a group intervention follows an incident
        topics.add("critical-incident")
    return ContactFields(
        contact_date=day,
        topics=vocab.in_topic_order(topics),
        mode=mode,
        initiated_by="critical-incident" if group else _pick(rng, _INITIATED_WEIGHTS),
        minutes=rng.choice((30, 45, 60, 60, 90)) if group else rng.choice(_MINUTES),
        head_count=rng.randint(3, 14) if group else 1,
        risk=_pick(rng, _RISK_WEIGHTS),
        outcome=_pick(rng, _OUTCOME_WEIGHTS),
        critical_incident=group or rng.random() < 0.12,
        note=rng.choice(_NOTES) if with_text and rng.random() < 0.4 else None,
        handle=rng.choice(_HANDLES) if with_text and rng.random() < 0.3 else None,
        for_whom=_pick(rng, _FOR_WHOM_WEIGHTS),
        group_kind=_pick(rng, _GROUP_KIND_WEIGHTS) if group else vocab.DEFAULT_GROUP_KIND,
        # A group is met once; a one-to-one talk is often a check-back.
        first_or_followup="first" if group else _pick(rng, _FIRST_OR_FOLLOWUP_WEIGHTS),
    )


def contacts_between(
    rng: random.Random, first: date, last: date, count: int, *, text_after: date
) -> Iterator[ContactFields]:
    """`count` contacts spread over [first, last], oldest first; text only on recent ones."""
    span = (last - first).days + 1
    days = sorted(first + timedelta(days=rng.randrange(span)) for _ in range(count))
    for day in days:
        yield contact_fields(rng, day, with_text=day >= text_after)


def fill(
    vault: Vault,
    *,
    count: int,
    months: int,
    today: date,
    seed: int = 7,
    followup_count: int = 6,
) -> int:
    """Add `count` contacts over the last `months` months, plus open follow-ups; one transaction.

    Contacts get created_at on their own day, so retention treats old ones as expired
    the way it would on a real vault (their text is left out from the start).
    """
    rng = random.Random(seed)  # noqa: S311 -- reproducible fiction, not a secret
    first = today - timedelta(days=30 * months)
    recent = today - timedelta(days=vault.settings().retention_days)
    added = 0
    with vault.transaction() as conn:
        for fields in contacts_between(rng, first, today, count, text_after=recent):
            stamp = datetime.combine(fields.contact_date, time(12), tzinfo=UTC)
            contact_id = contacts.add(conn, fields, stamp)
            added += 1
            if added > count - followup_count:
                due = today + timedelta(days=rng.randint(-3, 7))
                followups.add(conn, due, fields.handle, stamp, contact_id=contact_id)
        followups.add(conn, today, "late to roll call", datetime.now(UTC), kind="concern")
    return added
