"""Warn when a note looks like it identifies someone.

Notes can be subpoenaed, so peerdesk nudges peers to record categories rather than
stories. These are deliberately simple heuristics: a false alarm costs a glance, a
miss costs nothing worse than today's paper notebook. Pure functions, no Textual;
a full 4,000-character note takes a few milliseconds, so the form checks it on a
short debounce rather than on every keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# kind -> pattern, most specific first: a stretch of text claimed by one kind is not
# reported again as another (a phone number is not also a case number).
_PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"),
    "phone": re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"),
    "case": re.compile(
        r"(?i)\b(?:case|incident|report|cad|rms|file|docket|ia|complaint)\s*"
        r"(?:no\.?|number|#)?\s*:?\s*[a-z]{0,3}-?\d[\d-]{2,}"
        r"|(?<![\d-])\d{2,4}-\d{4,}(?![\d-])"
    ),
    "badge": re.compile(
        r"(?i)\b(?:badge|shield|star|unit|employee|emp|serial|id)\s*(?:no\.?|number|#)?\s*:?\s*\d{2,}"
        r"|#\s?\d{3,}"
    ),
    "address": re.compile(
        r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}"
        r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|"
        r"Place|Pkwy|Parkway|Hwy|Highway|Terrace|Ter|Circle|Cir)\b\.?"
    ),
    "name": re.compile(
        r"\b(?:Officer|Ofc|Sgt|Sergeant|Lt|Lieutenant|Capt|Captain|Det|Detective|Deputy|"
        r"Trooper|Chief|Cpl|Corporal|Agent|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z'-]+"
        r"|(?<![.!?]\s)(?<!^)\b[A-Z][a-z'-]{1,}\s+[A-Z][a-z'-]{2,}\b"
    ),
}

# Capitalised pairs that are not people (words a peer writes often).
_NOT_NAMES = frozenset(
    {
        "Critical Incident", "New Year", "Peer Support", "Internal Affairs", "Roll Call",
        "Night Shift", "Day Shift", "Swing Shift", "Field Training", "Christmas Eve",
    }
)  # fmt: skip


@dataclass(frozen=True)
class NoteWarning:
    kind: str  # phone, email, badge, case, address, name


def check_note(text: str) -> tuple[NoteWarning, ...]:
    """The kinds of identifying detail the text seems to hold, in a fixed order."""
    found: list[NoteWarning] = []
    claimed: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS.items():
        hit = False
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < c_end and c_start < end for c_start, c_end in claimed):
                continue
            if kind == "name" and match.group(0) in _NOT_NAMES:
                continue
            claimed.append((start, end))
            hit = True
        if hit:
            found.append(NoteWarning(kind))
    return tuple(found)
