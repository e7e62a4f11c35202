"""The controlled vocabularies: stable machine ids, screen labels, and single keys.

Ids are used on the command line, in export files and in merges across versions:
never rename or remove one, only add. Labels may change freely. Keys are the
single-key choices of the contact form; a test checks they never collide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    key: str = ""


def ids(choices: tuple[Choice, ...]) -> tuple[str, ...]:
    return tuple(c.id for c in choices)


def label_of(choices: tuple[Choice, ...], choice_id: str) -> str:
    """The label for an id; an unknown id (from a newer peerdesk) shows as itself."""
    for choice in choices:
        if choice.id == choice_id:
            return choice.label
    return choice_id


MODES: tuple[Choice, ...] = (
    Choice("cruiser", "Cruiser-to-cruiser"),
    Choice("in-person", "In person"),
    Choice("phone", "Phone"),
    Choice("video", "Video call"),
    Choice("message", "Text/message"),
    Choice("group", "Group"),
    Choice("family", "Family member"),
)

INITIATED_BY: tuple[Choice, ...] = (
    Choice("self", "Self"),
    Choice("peer-outreach", "Peer outreach"),
    Choice("colleague-concern", "Colleague concern"),
    Choice("supervisor", "Supervisor"),
    Choice("critical-incident", "Critical incident"),
)

# The key is the mnemonic used to toggle the topic in the contact form.
TOPICS: tuple[Choice, ...] = (
    Choice("critical-incident", "Critical incident", "c"),
    Choice("work-stress", "Work stress", "w"),
    Choice("relationship", "Marital/relationship", "r"),
    Choice("family", "Family/parenting", "f"),
    Choice("alcohol", "Alcohol", "a"),
    Choice("substance-use", "Substance use", "u"),
    Choice("trauma", "Trauma", "t"),
    Choice("anger", "Anger", "n"),
    Choice("grief", "Grief", "g"),
    Choice("depression", "Depression", "d"),
    Choice("anxiety", "Anxiety", "x"),
    Choice("sleep", "Sleep/fatigue", "z"),
    Choice("health", "Physical health/injury", "h"),
    Choice("financial", "Financial", "m"),
    Choice("legal", "Legal/internal investigation", "l"),
    Choice("burnout", "Compassion fatigue/burnout", "b"),
    Choice("suicidal-thoughts", "Suicidal thoughts", "s"),
    Choice("career", "Career/retirement", "j"),
    Choice("other", "Other", "o"),
)

RISKS: tuple[Choice, ...] = (
    Choice("none", "None"),
    Choice("low", "Low"),
    Choice("elevated", "Elevated"),
    Choice("imminent", "Imminent"),
)

OUTCOMES: tuple[Choice, ...] = (
    Choice("support", "Support given"),
    Choice("referral", "Referral"),
    Choice("follow-up", "Follow-up planned"),
    Choice("escalated", "Escalated"),
)

REFERRAL_STATUSES: tuple[Choice, ...] = (
    Choice("offered", "Offered"),
    Choice("accepted", "Accepted"),
    Choice("connected", "Connected"),
    Choice("declined", "Declined"),
    Choice("closed", "Closed"),
)

# Asked for by team leads' own logs (SAMHSA's encounter log, ICISF's CISM practice, IACP's
# peer support guidelines). Each has a default, so a default note is no longer.

# Who the contact was for: the person supported, whoever started the contact.
FOR_WHOM: tuple[Choice, ...] = (
    Choice("sworn", "Sworn officer"),
    Choice("civilian", "Civilian staff"),
    Choice("dispatcher", "Dispatch/telecommunicator"),
    Choice("corrections", "Corrections"),
    Choice("retired", "Retired"),
    Choice("family", "Family member"),
    Choice("other-agency", "Other agency"),
)

# The kind of group intervention (CISM): recorded for `group` contacts only.
GROUP_KINDS: tuple[Choice, ...] = (
    Choice("defusing", "Defusing"),
    Choice("debriefing", "Debriefing"),
    Choice("demobilization", "Demobilization"),
    Choice("cmb", "Crisis management briefing (CMB)"),
)

# Whether the peer had talked with this person about it before.
FIRST_OR_FOLLOWUP: tuple[Choice, ...] = (
    Choice("first", "First contact"),
    Choice("follow-up", "Follow-up"),
)

MINUTE_PRESETS: tuple[int, ...] = (5, 15, 30, 60)

# How long a contact lasted, for the team report: counts per bin, never minutes per
# contact. The bins part the presets, so each preset has a bin of its own.
DURATIONS: tuple[Choice, ...] = (
    Choice("under-15", "Under 15 minutes"),
    Choice("15-29", "15 to 29 minutes"),
    Choice("30-59", "30 to 59 minutes"),
    Choice("60-119", "1 hour to under 2"),
    Choice("120-plus", "2 hours or more"),
)
# The first minute of each bin above; the last ends at the longest contact a note takes.
DURATION_STARTS: tuple[int, ...] = (1, 15, 30, 60, 120)

DEFAULT_MODE = "cruiser"
DEFAULT_INITIATED_BY = "self"
DEFAULT_RISK = "none"
DEFAULT_OUTCOME = "support"
DEFAULT_MINUTES = 15
DEFAULT_FOR_WHOM = "sworn"
DEFAULT_GROUP_KIND = "defusing"  # also what group contacts logged before it was asked read as
DEFAULT_FIRST_OR_FOLLOWUP = "first"

_TOPIC_ORDER = {choice.id: i for i, choice in enumerate(TOPICS)}


def in_topic_order(topics: Iterable[str]) -> tuple[str, ...]:
    """Topics as the vocabulary lists them, without repeats; unknown ids (newer peerdesk) last."""
    return tuple(sorted(set(topics), key=lambda t: (_TOPIC_ORDER.get(t, len(_TOPIC_ORDER)), t)))
