"""The vetted clinician directory's records, their checks and the vetting status.

Clinicians have many fields and their checks are shared by the TUI form, the CLI and
the file import. Every check names the field exactly as the import file's column
does, so a sentence about a bad value reads the same in every place.

The vetting status is derived from the dates and the suspended flag relative to a
`today` the caller passes in; nothing here reads the clock.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any

from peerdesk import messages, vocab
from peerdesk.safe_text import short
from peerdesk.validation import InvalidInput, choice, optional_text, refuse_hidden

REVET_WINDOW_DAYS = 30  # "re-vet due" from this many days before the re-vet date

NAME_MAX_CHARS = 200
SHORT_MAX_CHARS = 200  # credentials, practice, region, vetted by
ADDRESS_MAX_CHARS = 500
EMAIL_MAX_CHARS = 254
NOTES_MAX_CHARS = 4000
ITEM_MAX_CHARS = 100  # one phone, language, modality or insurance entry
LIST_MAX_ITEMS = 30
LIST_SEPARATOR = ";"  # between the items of a list in one CSV cell

VETTED = "vetted"
REVET_DUE = "revet-due"
EXPIRED = "expired"
SUSPENDED = "suspended"
UNVETTED = "unvetted"
VETTING_STATUSES: tuple[vocab.Choice, ...] = (
    vocab.Choice(VETTED, "Vetted"),
    vocab.Choice(REVET_DUE, "Re-vet due"),
    vocab.Choice(EXPIRED, "Vetting expired"),
    vocab.Choice(SUSPENDED, "Suspended"),
    vocab.Choice(UNVETTED, "Not vetted"),
)

_TOPIC_IDS = frozenset(topic.id for topic in vocab.TOPICS)
_DIGIT = re.compile(r"[0-9]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# [\W_] is what str.isalnum() is false for: spaces, punctuation, symbols, combining marks
# and invisible characters.
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
_PHONE = re.compile(r"^\+?[0-9 ().\-/]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?$", re.IGNORECASE)


def vetting_status(
    vetted_on: date | None, revet_due: date | None, suspended: bool, today: date
) -> str:
    """One of the VETTING_STATUSES ids; suspended overrides the dates."""
    if suspended:
        return SUSPENDED
    if vetted_on is None or revet_due is None:
        return UNVETTED
    if revet_due < today:
        return EXPIRED
    if revet_due <= today + timedelta(days=REVET_WINDOW_DAYS):
        return REVET_DUE
    return VETTED


def fold(text: str) -> str:
    """Case- and accent-folded text: how names sort and list values compare."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """The name reduced to what a reader sees at a glance: letters and digits only, without
    case (casefold), accents (NFKD, combining marks dropped), spaces, punctuation or
    invisible characters. Two clinicians with the same key are look-alikes: "Avery
    Castillo", "AVERY  CASTILLO" and "Avéry Castillo." all give "averycastillo".

    It does not map letters of one script to look-alikes in another (Cyrillic "\u0430" for
    Latin "a"): those give a different key.
    """
    if name.isascii():  # most names: no accents to take off
        return _NOT_LETTER_OR_DIGIT.sub("", name.lower())
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
    return _NOT_LETTER_OR_DIGIT.sub("", decomposed)


def new_id() -> str:
    return str(uuid.uuid4())


def parse_id(text: str, field: str = "id") -> str:
    """A UUID in its canonical lower-case form, or InvalidInput."""
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        raise InvalidInput(field, messages.CLINICIAN_BAD_ID.format(value=short(text))) from None


@dataclass(frozen=True)
class ClinicianFields:
    """What the team lead records about a clinician (everything except id and time)."""

    name: str
    credentials: str | None = None
    practice: str | None = None
    phones: tuple[str, ...] = ()
    email: str | None = None
    address: str | None = None
    region: str | None = None
    telehealth: bool = False
    languages: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    insurance: tuple[str, ...] = ()
    accepting_new_clients: bool = False
    first_responder_experience: str | None = None
    vetted_by: str | None = None
    vetted_on: date | None = None
    revet_due: date | None = None
    suspended: bool = False
    notes: str | None = None

    def vetting_status(self, today: date) -> str:
        return vetting_status(self.vetted_on, self.revet_due, self.suspended, today)

    def validated(self) -> ClinicianFields:
        """A cleaned copy (text trimmed, lists de-duplicated) or the first InvalidInput."""
        clean, problems = self.check()
        if problems:
            raise problems[0]
        assert clean is not None
        return clean

    def check(self) -> tuple[ClinicianFields | None, tuple[InvalidInput, ...]]:
        """Every problem at once (the import reports them all), or the cleaned copy."""
        problems: list[InvalidInput] = []
        cleaned: dict[str, object] = {}
        for name, check, limit in _FIELD_CHECKS:
            try:
                cleaned[name] = check(getattr(self, name), name, limit)
            except InvalidInput as exc:
                problems.append(exc)
        if self.vetted_on is not None and self.revet_due is None:
            problems.append(InvalidInput("revet_due", messages.CLINICIAN_REVET_MISSING))
        elif self.vetted_on is None and self.revet_due is not None:
            problems.append(InvalidInput("vetted_on", messages.CLINICIAN_VETTED_MISSING))
        elif self.vetted_on and self.revet_due and self.revet_due <= self.vetted_on:
            problems.append(InvalidInput("revet_due", messages.CLINICIAN_REVET_BEFORE_VETTED))
        if problems:
            return None, tuple(problems)
        for name, value in cleaned.items():
            if value != getattr(self, name):
                return replace(self, **cleaned), ()  # type: ignore[arg-type]
        return self, ()  # already clean (most imported rows): no copy to build

    def changed_fields(self, other: ClinicianFields) -> tuple[str, ...]:
        """The names of the fields that differ, in field order (for the import preview)."""
        return tuple(
            f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)
        )


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(ClinicianFields))


@dataclass(frozen=True)
class Clinician:
    """A clinician in the directory: the stable UUID, the fields, when they last changed."""

    id: str
    fields: ClinicianFields
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.fields.name

    def vetting_status(self, today: date) -> str:
        return self.fields.vetting_status(today)


@dataclass(frozen=True)
class ClinicianRow:
    """One line of the directory list: enough to draw and filter by eye, nothing more."""

    id: str
    name: str
    credentials: str | None
    practice: str | None
    phone: str | None  # the first phone
    region: str | None
    telehealth: bool
    accepting_new_clients: bool
    specialties: tuple[str, ...]
    languages: tuple[str, ...]
    status: str  # a VETTING_STATUSES id


@dataclass(frozen=True)
class DirectoryChoices:
    """The values the directory's filters can offer, as the team lead wrote them."""

    regions: tuple[str, ...]
    languages: tuple[str, ...]
    insurance: tuple[str, ...]
    modalities: tuple[str, ...]


# --- checks (each names the field as the import file's column does) ------------
def _name(text: str | None, field: str, max_chars: int) -> str:
    clean = _line(text, field, max_chars)
    if clean is None:
        raise InvalidInput(field, messages.CLINICIAN_NAME_REQUIRED)
    return clean


def _line(text: str | None, field: str, max_chars: int) -> str | None:
    return refuse_hidden(optional_text(text, field, max_chars, allow_newlines=False), field)


def _text(text: str | None, field: str, max_chars: int) -> str | None:
    clean = optional_text(text, field, max_chars, allow_newlines=True)
    return refuse_hidden(clean, field, allow_newlines=True)


def _items(items: tuple[str, ...], field: str, max_chars: int) -> tuple[str, ...]:
    """Trimmed, non-empty, no repeats (ignoring case and accents), order kept."""
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        clean = _line(item, field, max_chars)
        if clean is None:
            continue
        if LIST_SEPARATOR in clean:
            raise InvalidInput(
                field, messages.CLINICIAN_ITEM_SEPARATOR.format(field=field, value=clean)
            )
        key = fold(clean)
        if key not in seen:
            seen.add(key)
            out.append(clean)
    if len(out) > LIST_MAX_ITEMS:
        raise InvalidInput(
            field, messages.CLINICIAN_TOO_MANY_ITEMS.format(field=field, max=LIST_MAX_ITEMS)
        )
    return tuple(out)


def _phone(text: str) -> str:
    if not _PHONE.match(text) or len(_DIGIT.findall(text)) < 3:
        raise InvalidInput("phones", messages.CLINICIAN_BAD_PHONE.format(value=text))
    return text


def _phones(items: tuple[str, ...], field: str, limit: int) -> tuple[str, ...]:
    return tuple(_phone(p) for p in _items(items, field, limit))


def _email(text: str | None, field: str, max_chars: int) -> str | None:
    clean = _line(text, field, max_chars)
    if clean is not None and not _EMAIL.match(clean):
        raise InvalidInput(field, messages.CLINICIAN_BAD_EMAIL.format(value=clean))
    return clean


def _specialties(items: tuple[str, ...], field: str, _limit: int) -> tuple[str, ...]:
    ids = tuple(i.strip() for i in items if i.strip())
    for item in ids:
        if item not in _TOPIC_IDS:
            choice(vocab.TOPICS, item, field)  # raises, listing the valid ids
    return vocab.in_topic_order(ids)


# (field, check, size limit) in field order: check() runs this table rather than a
# closure per field, because an import runs it for every one of 10,000 rows.
_FIELD_CHECKS: tuple[tuple[str, Callable[[Any, str, int], object], int], ...] = (
    ("name", _name, NAME_MAX_CHARS),
    ("credentials", _line, SHORT_MAX_CHARS),
    ("practice", _line, SHORT_MAX_CHARS),
    ("phones", _phones, ITEM_MAX_CHARS),
    ("email", _email, EMAIL_MAX_CHARS),
    ("address", _text, ADDRESS_MAX_CHARS),
    ("region", _line, SHORT_MAX_CHARS),
    ("languages", _items, ITEM_MAX_CHARS),
    ("specialties", _specialties, ITEM_MAX_CHARS),
    ("modalities", _items, ITEM_MAX_CHARS),
    ("insurance", _items, ITEM_MAX_CHARS),
    ("first_responder_experience", _text, NOTES_MAX_CHARS),
    ("vetted_by", _line, SHORT_MAX_CHARS),
    ("notes", _text, NOTES_MAX_CHARS),
)
_CHECKS_BY_FIELD = {name: (check, limit) for name, check, limit in _FIELD_CHECKS}
# The fields whose check only trims a line (or lines) of text, refuses hidden characters
# and bounds its length: for printable text with nothing to trim, only the length is
# left to check (interchange.columns checks a whole column so).
TEXT_LIMITS: dict[str, int] = {
    name: limit for name, check, limit in _FIELD_CHECKS if check in (_name, _line, _text)
}


def checked_field(name: str, value: Any) -> Any:
    """One field's value as `check()` cleans it, or the InvalidInput it raises (a field
    without a check comes back as it is). An import checks each distinct cell of a
    column once through this, instead of every row's every field (see
    interchange.columns); the dates' check across two fields stays in `check()`."""
    found = _CHECKS_BY_FIELD.get(name)
    if found is None:
        return value
    check, limit = found
    return check(value, name, limit)
