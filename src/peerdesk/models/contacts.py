"""Contact and follow-up records the repositories return and accept.

Models never save themselves: the repositories in peerdesk.vault do.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from peerdesk import messages, vocab
from peerdesk.validation import (
    HANDLE_MAX_CHARS,
    HEAD_COUNT_MAX,
    MINUTES_MAX,
    NOTE_MAX_CHARS,
    InvalidInput,
    choice,
    not_in_future,
    optional_text,
    whole_number,
)


@dataclass(frozen=True)
class ContactFields:
    """What a peer enters for a contact; the defaults are the cruiser-to-cruiser chat."""

    contact_date: date
    topics: tuple[str, ...] = ()
    mode: str = vocab.DEFAULT_MODE
    initiated_by: str = vocab.DEFAULT_INITIATED_BY
    minutes: int = vocab.DEFAULT_MINUTES
    head_count: int = 1
    risk: str = vocab.DEFAULT_RISK
    outcome: str = vocab.DEFAULT_OUTCOME
    critical_incident: bool = False
    note: str | None = None
    handle: str | None = None
    for_whom: str = vocab.DEFAULT_FOR_WHOM
    group_kind: str = vocab.DEFAULT_GROUP_KIND  # kept at the default unless mode is group
    first_or_followup: str = vocab.DEFAULT_FIRST_OR_FOLLOWUP

    def validated(self, today: date) -> ContactFields:
        """A cleaned copy (topics ordered as in the vocabulary, text trimmed) or InvalidInput."""
        not_in_future(self.contact_date, today)
        choice(vocab.MODES, self.mode, "mode")
        choice(vocab.INITIATED_BY, self.initiated_by, "initiated-by")
        choice(vocab.RISKS, self.risk, "risk")
        choice(vocab.OUTCOMES, self.outcome, "outcome")
        choice(vocab.FOR_WHOM, self.for_whom, "for whom")
        choice(vocab.GROUP_KINDS, self.group_kind, "group kind")
        choice(vocab.FIRST_OR_FOLLOWUP, self.first_or_followup, "first or follow-up")
        if not self.topics:
            raise InvalidInput("topic", messages.TOPICS_REQUIRED)
        for topic in self.topics:
            choice(vocab.TOPICS, topic, "topic")
        whole_number(self.minutes, "minutes", 1, MINUTES_MAX)
        whole_number(self.head_count, "head count", 1, HEAD_COUNT_MAX)
        return replace(
            self,
            topics=vocab.in_topic_order(self.topics),
            head_count=self.head_count if self.mode == "group" else 1,
            group_kind=self.group_kind if self.mode == "group" else vocab.DEFAULT_GROUP_KIND,
            note=optional_text(self.note, "note", NOTE_MAX_CHARS, allow_newlines=True),
            handle=optional_text(self.handle, "handle", HANDLE_MAX_CHARS, allow_newlines=False),
        )


@dataclass(frozen=True)
class Contact:
    """A stored contact. note/handle are None once retention has wiped them."""

    id: int
    fields: ContactFields
    created_at: datetime
    updated_at: datetime

    @property
    def contact_date(self) -> date:
        return self.fields.contact_date


@dataclass(frozen=True)
class ContactRow:
    """One line of the contacts list: enough to draw, nothing more."""

    id: int
    contact_date: date
    mode: str
    topics: tuple[str, ...]
    minutes: int
    risk: str
    outcome: str
    has_note: bool
    handle: str | None


@dataclass(frozen=True)
class FollowUp:
    id: int
    due_on: date
    handle: str | None
    kind: str  # "contact" (after a contact) or "concern" (a colleague asked)
    contact_id: int | None
    done_on: date | None
    created_at: datetime = field(compare=False)

    @property
    def is_open(self) -> bool:
        return self.done_on is None


@dataclass(frozen=True)
class PurgeReport:
    """What a retention purge wiped (or would wipe, on a dry run). Counts only."""

    contact_notes: int
    contact_handles: int
    followup_handles: int
    dry_run: bool

    @property
    def total(self) -> int:
        return self.contact_notes + self.contact_handles + self.followup_handles
