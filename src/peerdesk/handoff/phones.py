"""A directory phone entry as a number a phone can dial, read by `phonenumbers`.

The directory keeps phones as the team lead typed them: "(503) 555-0142 x12",
"503.555.0100 / 0101" (two lines of one office), "1-800-THERAPY". Reading those by
hand went wrong (the last two became one 14-digit number), so Google's libphonenumber
rules read them: an entry gives its first valid number, with its extension; letters
are keypad letters; a number without a country code is read in DEFAULT_REGION.

What each face needs from it: E.164 (+15035550142) for the codes, the national
format for a number of the default region and the international one for any other
(a Norwegian number without its +47 would mislead an officer in Oregon), and the
entry as typed beside it whenever the reading dropped something the entry said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumber, PhoneNumberFormat

# The region of a number written without its country code. No setting chooses it yet:
# every team so far is in the US, as the crisis lines are.
DEFAULT_REGION = "US"
_LETTERS = re.compile(r"[^\W\d_]")
_EXTENSION_WORDS = re.compile(r"(?:ext\.?|extension|x)\s*\d+\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Phone:
    """One directory entry read: its first valid number, or why it has none."""

    entered: str
    e164: str | None  # None: no valid number in the entry
    extension: str | None = None
    display: str = ""  # the number as people read it (national or international format)
    # False: the reading left out part of what the entry says (a second number, keypad
    # letters), so the card shows the entry as typed beside the number.
    complete: bool = True

    @property
    def valid(self) -> bool:
        return self.e164 is not None

    def dial(self) -> str:
        """What a phone dials: the E.164 number, then a pause (",") and the extension.

        Not RFC 3966's ";ext=12": Android dials those letters as keypad digits (e x t
        -> 3 9 8) and iOS shows them to the caller; the pause is read by both.
        """
        assert self.e164 is not None, "dial() of an invalid phone"
        return f"{self.e164},{self.extension}" if self.extension else self.e164


def read_phone(entry: str, region: str = DEFAULT_REGION) -> Phone:
    """The first valid number in `entry` (the whole entry first, then any part of it)."""
    number = _whole(entry, region)
    whole = number is not None
    if number is None:
        number = _first_match(entry, region)
    if number is None:
        return Phone(entry, None, display=entry)
    bare = PhoneNumber()
    bare.merge_from(number)
    bare.extension = None
    home = phonenumbers.region_code_for_number(number) == region
    style = PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL
    has_letters = bool(_LETTERS.search(_EXTENSION_WORDS.sub("", entry)))
    return Phone(
        entry,
        phonenumbers.format_number(bare, PhoneNumberFormat.E164),
        number.extension or None,
        phonenumbers.format_number(bare, style),
        whole and not has_letters,
    )


def first_valid(entries: tuple[str, ...], region: str = DEFAULT_REGION) -> Phone | None:
    """The first entry's first valid number, skipping entries that hold none."""
    for entry in entries:
        phone = read_phone(entry, region)
        if phone.valid:
            return phone
    return None


def _whole(entry: str, region: str) -> PhoneNumber | None:
    try:
        number = phonenumbers.parse(entry, region)
    except NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _first_match(entry: str, region: str) -> PhoneNumber | None:
    for match in phonenumbers.PhoneNumberMatcher(entry, region, leniency=Leniency.VALID):
        return match.number
    return None
