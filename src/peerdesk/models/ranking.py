"""How the directory is ranked for one contact: pure rules, no database.

Order: every usable clinician before any whose vetting expired or who is suspended
(those need a confirmation, so the cursor, which starts on the first row, never starts
on one while a usable clinician exists); then more of the contact's topics among the
clinician's specialties, then accepting new clients, then vetting valid (vetted or
re-vet due), then telehealth, then name. Each row is explained in a few words, e.g.
"2 of 3 topics · accepting · vetted · telehealth", so the peer sees why a clinician is
where it is; a clinician listed last for its vetting says so first.
vault.referral_pick runs the same order in SQL over 10,000 clinicians; a test checks
both agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk import messages
from peerdesk.models.clinicians import EXPIRED, REVET_DUE, SUSPENDED, VETTED

VALID_STATUSES = frozenset({VETTED, REVET_DUE})
# Choosing one of these asks for an explicit confirmation first.
CONFIRM_STATUSES = frozenset({EXPIRED, SUSPENDED})
SEPARATOR = " \u00b7 "  # a middle dot between the words of an explanation


@dataclass(frozen=True)
class RankFacts:
    """What the ranking reads about one clinician for one contact."""

    matched: int  # how many of the contact's topics the clinician lists as specialties
    wanted: int  # how many topics the contact has
    accepting: bool
    status: str  # a models.clinicians.VETTING_STATUSES id
    telehealth: bool

    @property
    def vetting_valid(self) -> bool:
        return self.status in VALID_STATUSES


def rank_key(facts: RankFacts, sort_name: str) -> tuple[bool, int, bool, bool, bool, str]:
    """Sort key: smaller is better (Python's sort; the SQL mirrors it)."""
    return (
        needs_confirmation(facts.status),
        -facts.matched,
        not facts.accepting,
        not facts.vetting_valid,
        not facts.telehealth,
        sort_name,
    )


def explain(facts: RankFacts) -> str:
    """The ranking in a few words, in the order it counts."""
    topics = (
        messages.REFERRAL_RANK_TOPICS.format(matched=facts.matched, wanted=facts.wanted)
        if facts.wanted
        else messages.REFERRAL_RANK_NO_TOPICS
    )
    vetting = messages.REFERRAL_RANK_VETTING.get(facts.status, facts.status)
    accepting = messages.REFERRAL_RANK_ACCEPTING if facts.accepting else messages.REFERRAL_RANK_FULL
    where = (
        messages.REFERRAL_RANK_TELEHEALTH if facts.telehealth else messages.REFERRAL_RANK_IN_PERSON
    )
    if needs_confirmation(facts.status):  # what counted first is said first
        words = (
            messages.REFERRAL_RANK_LISTED_LAST.format(status=vetting),
            topics,
            accepting,
            where,
        )
    else:
        words = (topics, accepting, vetting, where)
    return SEPARATOR.join(words)


def needs_confirmation(status: str) -> bool:
    """Expired or suspended: the peer must confirm after a warning."""
    return status in CONFIRM_STATUSES


@dataclass(frozen=True)
class RankedClinician:
    """One row of the ranked list: enough to draw it and to open the card."""

    id: str
    name: str
    credentials: str | None
    phone: str | None
    facts: RankFacts

    @property
    def explanation(self) -> str:
        return explain(self.facts)

    @property
    def needs_confirmation(self) -> bool:
        return needs_confirmation(self.facts.status)
