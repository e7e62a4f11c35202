"""What the contact form holds, as typed: to and from ContactFields and the vault's draft.

The form keeps raw text (a half-typed date, "9O" minutes) so that nothing the peer
typed is lost when a check fails or the lock fires. Turning it into ContactFields is
where the text is parsed; every problem is an InvalidInput naming the field.
The draft is a plain JSON-able dict stored inside the vault (vault/drafts.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from peerdesk import messages, vocab
from peerdesk.models.contacts import ContactFields
from peerdesk.validation import (
    HEAD_COUNT_MAX,
    MINUTES_MAX,
    InvalidInput,
    has_control_characters,
    parse_date,
)

DRAFT_VERSION = 1


@dataclass(frozen=True)
class FormValues:
    """Every field of the contact form as the peer left it."""

    contact_date: str
    topics: tuple[str, ...] = ()
    mode: str = vocab.DEFAULT_MODE
    initiated_by: str = vocab.DEFAULT_INITIATED_BY
    minutes: str = str(vocab.DEFAULT_MINUTES)
    head_count: str = "1"
    risk: str = vocab.DEFAULT_RISK
    outcome: str = vocab.DEFAULT_OUTCOME
    critical_incident: bool = False
    note: str = ""
    handle: str = ""
    follow_up_on: str = ""
    for_whom: str = vocab.DEFAULT_FOR_WHOM
    first_or_followup: str = vocab.DEFAULT_FIRST_OR_FOLLOWUP
    group_kind: str = vocab.DEFAULT_GROUP_KIND

    @classmethod
    def from_fields(cls, contact: ContactFields) -> FormValues:
        """Prefill from stored (or given) fields; absent text becomes an empty field."""
        return cls(
            contact_date=contact.contact_date.isoformat(),
            topics=tuple(contact.topics),
            mode=contact.mode,
            initiated_by=contact.initiated_by,
            minutes=str(contact.minutes),
            head_count=str(contact.head_count),
            risk=contact.risk,
            outcome=contact.outcome,
            critical_incident=contact.critical_incident,
            note=contact.note or "",
            handle=contact.handle or "",
            for_whom=contact.for_whom,
            first_or_followup=contact.first_or_followup,
            group_kind=contact.group_kind,
        )

    def to_fields(self) -> ContactFields:
        """Parse the text fields; ContactFields.validated does the rest when saving."""
        return ContactFields(
            contact_date=parse_date(self.contact_date, "date"),
            topics=self.topics,
            mode=self.mode,
            initiated_by=self.initiated_by,
            minutes=_whole(self.minutes, "minutes", MINUTES_MAX),
            head_count=_whole(self.head_count, "head count", HEAD_COUNT_MAX)
            if self.mode == "group"
            else 1,
            risk=self.risk,
            outcome=self.outcome,
            critical_incident=self.critical_incident,
            note=self.note,
            handle=self.handle,
            for_whom=self.for_whom,
            first_or_followup=self.first_or_followup,
            group_kind=self.group_kind if self.mode == "group" else vocab.DEFAULT_GROUP_KIND,
        )

    def follow_up_date(self) -> date | None:
        """The optional follow-up date, or None when the field is empty."""
        if not self.follow_up_on.strip():
            return None
        return parse_date(self.follow_up_on, messages.FORM_FOLLOW_UP_FIELD)


def _whole(text: str, field: str, high: int) -> int:
    text = text.strip()
    if not text.isdigit():
        raise InvalidInput(field, messages.NUMBER_RANGE.format(field=field, low=1, high=high))
    return int(text)


def to_draft(
    values: FormValues,
    *,
    contact_id: int | None,
    completes_followup: int | None,
    focus: str | None = None,
) -> dict[str, Any]:
    """The body stored by vault/drafts.save: JSON types only.

    `focus` is the id of the field that had the cursor, so the form comes back with
    the cursor there and the peer who carries on typing types into the same field.
    """
    body = asdict(values)
    body["topics"] = list(values.topics)
    return {
        "version": DRAFT_VERSION,
        "contact_id": contact_id,
        "completes_followup": completes_followup,
        "fields": body,
        "focus": focus,
    }


@dataclass(frozen=True)
class Draft:
    """A draft read back from the vault."""

    values: FormValues
    contact_id: int | None
    completes_followup: int | None
    focus: str | None = None  # the id of the field that had the cursor


def from_draft(body: dict[str, Any]) -> Draft | None:
    """Read a stored draft; None when it is not one this peerdesk can use.

    Each field is taken only when it has the right type and no control characters,
    so a damaged or foreign body can never put unexpected text on screen.
    """
    raw = body.get("fields")
    if body.get("version") != DRAFT_VERSION or not isinstance(raw, dict):
        return None
    defaults = FormValues(contact_date=date.today().isoformat())
    taken: dict[str, Any] = {}
    for item in fields(FormValues):
        given = raw.get(item.name)
        current = getattr(defaults, item.name)
        if isinstance(current, tuple):
            if isinstance(given, list) and all(isinstance(t, str) and _clean(t) for t in given):
                taken[item.name] = tuple(given)
        elif isinstance(current, bool):
            if isinstance(given, bool):
                taken[item.name] = given
        elif isinstance(given, str) and _clean(given):
            taken[item.name] = given
    values = replace(defaults, **taken)
    return Draft(
        values,
        contact_id=_optional_id(body.get("contact_id")),
        completes_followup=_optional_id(body.get("completes_followup")),
        focus=focus_id(body.get("focus")),
    )


def focus_id(value: Any) -> str | None:
    """A kept field id, when it looks like one (the form checks the widget exists)."""
    if isinstance(value, str) and 0 < len(value) <= 40 and value.replace("-", "").isalnum():
        return value
    return None


def _clean(text: str) -> bool:
    return not has_control_characters(text, allow_newlines=True)


def _optional_id(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
