"""The clinician form as typed, for the vault's draft row (see tui.drafts).

A team lead half-way through a long clinician record (notes, address, vetting) loses
nothing to ctrl+l, the idle lock or SIGTERM: the form's raw text goes into the
vault's one draft row, like an unfinished contact, and is offered back after unlock.
The body is plain JSON; reading it back takes each field only when it has the type
and size the form allows and no control characters, so a damaged or foreign body can
never put unexpected text on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerdesk import vocab
from peerdesk.models.clinicians import parse_id
from peerdesk.validation import InvalidInput, has_control_characters

KIND = "clinician"  # a contact draft has no "kind" (it came first)
VERSION = 1
BOOL_WORDS = frozenset({"yes", "no"})

# What the form holds per field: text (line, list, date, area), "yes"/"no" (bool),
# or a list of topic ids (topics).
RawValue = str | list[str]


@dataclass(frozen=True)
class ClinicianDraft:
    """A clinician form read back from the vault."""

    values: dict[str, RawValue]
    clinician_id: str | None  # the clinician being edited; None for a new one
    focus: str | None = None  # the field that had the cursor (the form checks it exists)


def to_body(
    values: dict[str, RawValue], clinician_id: str | None, focus: str | None = None
) -> dict[str, Any]:
    """The body stored by vault/drafts.save; `focus` is the field that had the cursor."""
    return {
        "kind": KIND,
        "version": VERSION,
        "clinician_id": clinician_id,
        "fields": values,
        "focus": focus,
    }


def is_clinician_body(body: dict[str, Any]) -> bool:
    return body.get("kind") == KIND


def from_body(
    body: dict[str, Any], form_fields: tuple[tuple[str, str, int], ...]
) -> ClinicianDraft | None:
    """The draft, or None when it is not one this peerdesk can use."""
    raw = body.get("fields")
    if body.get("version") != VERSION or not isinstance(raw, dict):
        return None
    values: dict[str, RawValue] = {}
    for name, kind, limit in form_fields:
        value = _taken(raw.get(name), kind, limit)
        if value is not None:
            values[name] = value
    focus = body.get("focus")
    kept_focus = focus if isinstance(focus, str) and focus in {f[0] for f in form_fields} else None
    return ClinicianDraft(values, _clinician_id(body.get("clinician_id")), kept_focus)


def _taken(value: object, kind: str, limit: int) -> RawValue | None:
    if kind == "topics":
        if isinstance(value, list) and all(isinstance(t, str) for t in value):
            known = set(vocab.ids(vocab.TOPICS))
            return [t for t in value if t in known]
        return None
    if not isinstance(value, str):
        return None
    if kind == "bool":
        return value if value in BOOL_WORDS else None
    if len(value) > limit or has_control_characters(value, allow_newlines=kind == "area"):
        return None
    return value


def _clinician_id(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_id(value)
    except InvalidInput:
        return None
