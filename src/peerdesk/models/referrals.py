"""Referral records: what the referrals repository returns, and the status rules.

A referral names a contact and a clinician, never an officer:
the only thing that can identify a person is the contact's own handle, which
expires with retention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk import messages, vocab
from peerdesk.validation import InvalidInput

CHECK_BACK_DAYS = 7  # the default check-back: a week after the referral
OFFERED = "offered"
# A referral is open until it is declined or closed; open ones are checked back on.
CLOSED_STATUSES = frozenset({"declined", "closed"})


def default_check_back(made_on: date) -> date:
    return made_on + timedelta(days=CHECK_BACK_DAYS)


def checked_status(value: str) -> str:
    """A vocab.REFERRAL_STATUSES id, or InvalidInput naming the valid ones."""
    clean = value.strip().lower()
    if clean not in vocab.ids(vocab.REFERRAL_STATUSES):
        raise InvalidInput(
            "status",
            messages.REFERRAL_BAD_STATUS.format(
                value=value, choices=", ".join(vocab.ids(vocab.REFERRAL_STATUSES))
            ),
        )
    return clean


@dataclass(frozen=True)
class StatusChange:
    status: str
    changed_on: date


@dataclass(frozen=True)
class Referral:
    """One referral as the lists show it: with the clinician's name and the contact's
    handle (None once retention wiped it, or when the contact was deleted)."""

    id: int
    contact_id: int | None
    clinician_id: str
    clinician_name: str
    made_on: date
    status: str
    status_on: date
    check_back_on: date | None
    handle: str | None
    contact_date: date | None = None  # the contact referred (None once it was deleted)
    topics: tuple[str, ...] = ()  # its topic ids, so two referrals to one clinician differ

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def due(self, today: date) -> bool:
        """Open and its check-back date has come."""
        return self.is_open and self.check_back_on is not None and self.check_back_on <= today
