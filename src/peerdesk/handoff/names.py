"""A clinician's name split into a vCard's parts (family; given; additional; prefix;
suffix), so an officer's phone files "Dr. Zoë Müller-Øvrebø, PhD" under M, not under
a family name "Dr. Zoë Müller-Øvrebø, PhD".

The directory holds one name field written as people write it. The rules, in order:
credentials or a generation after a comma go to the suffix ("…, PhD, LCSW"); a single
word, a comma, then a name is "Family, Given" as spreadsheets write it; titles at the
start go to the prefix (Dr., Prof., Rev. …) and a generation at the end to the suffix
(Jr., III); of the words left the first is the given name, the last the family name
with any lower-case particles before it ("van", "de la"), and the rest additional
names. A name of one word (李小龍, Madonna) is the given name alone. The full name
always stays whole in FN, so no reading of the parts can change what a phone shows
as the contact's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# fmt: off
_PREFIXES = frozenset((
    "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "miss",
    "rev", "reverend", "fr", "father", "sr", "sister",
))
_GENERATIONS = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"))
_PARTICLES = frozenset((
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
    "la", "le", "ter", "ten", "bin", "ibn", "al", "el", "st", "st.",
))
# fmt: on
_UPPER = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class NameParts:
    family: str = ""
    given: str = ""
    additional: str = ""
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()

    def spoken(self) -> str:
        """The person's name without titles or credentials: "Zoë Müller-Øvrebø"."""
        return " ".join(part for part in (self.given, self.additional, self.family) if part)


def name_parts(name: str) -> NameParts:
    """The parts of `name` by the rules above (the module's docstring)."""
    pieces = [piece.strip() for piece in " ".join(name.split()).split(",")]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return NameParts()
    if len(pieces) == 2 and " " not in pieces[0] and not _looks_like_suffix(pieces[1]):
        family, rest = pieces[0], pieces[1].split(" ")
        prefixes, words = _split_prefixes(rest)
        given, additional = (words[0], " ".join(words[1:])) if words else ("", "")
        return NameParts(family, given, additional, prefixes)
    suffixes = tuple(pieces[1:])
    prefixes, words = _split_prefixes(pieces[0].split(" "))
    while len(words) > 1 and words[-1].lower() in _GENERATIONS:
        suffixes = (words.pop(), *suffixes)
    if not words:
        return NameParts(prefixes=prefixes, suffixes=suffixes)
    if len(words) == 1:
        return NameParts(given=words[0], prefixes=prefixes, suffixes=suffixes)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return NameParts(
        family=" ".join(words[start:]),
        given=words[0],
        additional=" ".join(words[1:start]),
        prefixes=prefixes,
        suffixes=suffixes,
    )


def _split_prefixes(words: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Leading titles, and the words after them (a title alone stays a name)."""
    count = 0
    while count < len(words) - 1 and words[count].lower().rstrip(".") in _PREFIXES:
        count += 1
    return tuple(words[:count]), words[count:]


def _looks_like_suffix(piece: str) -> bool:
    """Credentials or a generation: "PhD", "Psy.D.", "LCSW", "Jr.", "III", "M.A."."""
    words = piece.split(" ")
    if all(word.lower() in _GENERATIONS for word in words):
        return True
    return all(len(_UPPER.findall(word)) >= 2 or "." in word for word in words)
