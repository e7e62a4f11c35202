"""Checks on what a person types, shared by the CLI and the TUI.

Each failure is an InvalidInput naming the field and saying, in one sentence, what
is wrong and what would be right.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from peerdesk import messages
from peerdesk.safe_text import FORMAT_CHARACTERS, short
from peerdesk.vocab import Choice

NOTE_MAX_CHARS = 4000
HANDLE_MAX_CHARS = 40
MINUTES_MAX = 24 * 60
HEAD_COUNT_MAX = 500
# Team reports hide counts below the small-cell threshold: one set of bounds for the
# vault setting, `report --min-cell` and the reports. A threshold of 2 would tell a
# reader that every suppressed count is exactly 1.
LOWEST_MIN_CELL = 3
DEFAULT_MIN_CELL = 5
# Team reports: zeros shown (a zero discloses no one), or hidden like small counts (in a
# small team, "0 contacts about suicidal thoughts" says something).
REPORT_ZEROS = ("shown", "hidden")
HIGHEST_MIN_CELL = 100

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_MONTH = re.compile(r"\d{4}-\d{2}", re.ASCII)
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; a regex checks a
# 10,000-row directory import ~50x faster than unicodedata.category per character.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_NEWLINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class InvalidInput(ValueError):
    """A value a person entered cannot be used; str() is the sentence to show."""

    def __init__(self, field: str, sentence: str) -> None:
        super().__init__(sentence)
        self.field = field


def parse_date(text: str, field: str = "date") -> date:
    """YYYY-MM-DD, and a real calendar day."""
    text = text.strip()
    if not _DATE.fullmatch(text):
        raise InvalidInput(field, messages.DATE_FORMAT.format(field=field, value=short(text)))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            field, messages.DATE_IMPOSSIBLE.format(field=field, value=text)
        ) from None


FIRST_MONTH = "0001-01"
LAST_MONTH = "9998-12"  # a month's range ends on the next month's first day


def parse_month(text: str, field: str = "month", *, bounded: bool = True) -> str:
    """YYYY-MM with a real month whose days (and the next month's first) exist.

    `bounded=False` is for a caller with narrower bounds and sentences of its own
    (the stats screen: not before 1900-01, not after this month).
    """
    text = text.strip()
    if not _MONTH.fullmatch(text) or not 1 <= int(text[5:]) <= 12:
        raise InvalidInput(field, messages.MONTH_FORMAT.format(field=field, value=short(text)))
    if bounded and not FIRST_MONTH <= text <= LAST_MONTH:
        raise InvalidInput(
            field,
            messages.MONTH_OUT_OF_RANGE.format(
                field=field, value=text, first=FIRST_MONTH, last=LAST_MONTH
            ),
        )
    return text


def not_in_future(day: date, today: date, field: str = "date") -> date:
    if day > today:
        raise InvalidInput(field, messages.DATE_IN_FUTURE.format(field=field, value=day))
    return day


def choice(choices: tuple[Choice, ...], value: str, field: str) -> str:
    """A known vocabulary id, or a sentence listing the valid ones."""
    valid = [c.id for c in choices]
    if value not in valid:
        raise InvalidInput(
            field,
            messages.UNKNOWN_CHOICE.format(
                field=field, value=short(value), choices=", ".join(valid)
            ),
        )
    return value


def whole_number(value: int, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(field, messages.NUMBER_RANGE.format(field=field, low=low, high=high))
    return value


def has_control_characters(text: str, *, allow_newlines: bool) -> bool:
    """True for C0/C1 controls (escape sequences included), except tab/newline when allowed."""
    pattern = _CONTROLS_BUT_NEWLINES if allow_newlines else _CONTROLS
    return pattern.search(text) is not None


# Characters that do not show as themselves: C0 and C1 controls, every format character
# (bidi marks and overrides, zero-width characters, the BOM, tags, ...), line and
# paragraph separators, lone surrogates. The second pattern lets tab and newline through.
_HIDDEN_REST = f"\x7f-\x9f{FORMAT_CHARACTERS}\u2028\u2029\ud800-\udfff"
_HIDDEN = re.compile(f"[\x00-\x1f{_HIDDEN_REST}]")
_HIDDEN_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_HIDDEN_REST}]")


def hidden_character(text: str, *, allow_newlines: bool) -> str | None:
    """The first character of `text` that does not show as itself, or None.

    With allow_newlines, tab, newline and a Windows line end (CR LF) are allowed.
    """
    if text.isprintable():  # false for every such character: most text skips the regex
        return None
    if allow_newlines and "\r" in text:
        text = text.replace("\r\n", "\n")
    found = (_HIDDEN_BUT_LINES if allow_newlines else _HIDDEN).search(text)
    return None if found is None else found.group()


def code_point(char: str) -> str:
    """How a sentence names a character it must not show: U+202E."""
    return f"U+{ord(char):04X}"


def refuse_hidden(text: str | None, field: str, *, allow_newlines: bool = False) -> str | None:
    """`text` unchanged, or InvalidInput naming the field and the code point of the first
    control, invisible or direction-changing character in it.

    Such a character makes a name read differently from what it is (U+202E shows
    "Dr. \u202eevil" as "Dr. live"; a zero-width space makes a second "Avery Castillo"
    that is not equal to the first) or splits one line in two on some screens; in a
    referral directory that means calling the wrong clinician. The sentence names the
    code point and never shows the character itself.
    """
    if text is None:
        return None
    char = hidden_character(text, allow_newlines=allow_newlines)
    if char is None:
        return text
    if unicodedata.category(char) == "Cc":
        sentence = messages.TEXT_CONTROL_CHARACTER.format(field=field, code=code_point(char))
    else:
        name = unicodedata.name(char, messages.TEXT_UNNAMED_CHARACTER)
        sentence = messages.TEXT_HIDDEN_CHARACTER.format(
            field=field, code=code_point(char), name=name
        )
    raise InvalidInput(field, sentence)


def optional_text(
    text: str | None, field: str, max_chars: int, *, allow_newlines: bool
) -> str | None:
    """Trimmed text, None when empty; refuses control characters and oversize text."""
    if text is None:
        return None
    text = (text.replace("\r\n", "\n") if "\r" in text else text).strip()
    if not text:
        return None
    if len(text) > max_chars:
        raise InvalidInput(field, messages.TEXT_TOO_LONG.format(field=field, max=max_chars))
    # isprintable() is false for every control character, so most text skips the regex.
    if not text.isprintable() and has_control_characters(text, allow_newlines=allow_newlines):
        raise InvalidInput(field, messages.TEXT_CONTROL_CHARACTERS.format(field=field))
    return text
