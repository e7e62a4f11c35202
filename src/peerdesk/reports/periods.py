"""The periods a team report covers: a month, a quarter or a year, and their months.

A quarter's or a year's counts are the sum of its months' counts, so every relation
of a month (peerdesk.reports.relations.structure) holds for them too, and a reader who
has a quarter and some of its months can subtract. That is why the publication log
(peerdesk.reports.history) keeps every period by its label and its months.

Labels are the ones people write: `2026-03`, `2026-Q1`, `2026`. Every label is
checked before anything else is done, one sentence for a bad one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peerdesk import messages
from peerdesk.safe_text import short
from peerdesk.validation import FIRST_MONTH, LAST_MONTH, InvalidInput, parse_month

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"

_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)
_MONTH_LABEL = re.compile(r"\d{4}-(0[1-9]|1[0-2])", re.ASCII)
FIRST_YEAR = int(FIRST_MONTH[:4])
LAST_YEAR = int(LAST_MONTH[:4])


@dataclass(frozen=True)
class Period:
    """What one team report covers: its label, its kind and its months in order."""

    label: str
    kind: str
    months: tuple[str, ...]

    def overlaps(self, months: set[str] | frozenset[str]) -> bool:
        return any(m in months for m in self.months)


def of_month(month: str) -> Period:
    return Period(month, MONTH, (month,))


def _quarter(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    months = tuple(f"{year:04d}-{m:02d}" for m in range(first, first + 3))
    return Period(f"{year:04d}-Q{quarter}", QUARTER, months)


def _year(year: int) -> Period:
    return Period(f"{year:04d}", YEAR, tuple(f"{year:04d}-{m:02d}" for m in range(1, 13)))


def _in_range(year: int, text: str, field: str) -> None:
    """The sentence names the period's kind, not an option: the app's dialog says it too."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            field,
            messages.REPORT_PERIOD_OUT_OF_RANGE.format(
                what=field, value=short(text), first=FIRST_YEAR, last=LAST_YEAR
            ),
        )


def parse_quarter(text: str) -> Period:
    """`2026-Q1` (or `2026-q1`) to its period; InvalidInput with one sentence otherwise."""
    text = text.strip()
    match = _QUARTER.fullmatch(text)
    if match is None:
        raise InvalidInput("quarter", messages.REPORT_QUARTER_FORMAT.format(value=short(text)))
    year = int(match.group(1))
    _in_range(year, text, "quarter")
    return _quarter(year, int(match.group(2)))


def parse_year(text: str) -> Period:
    """`2026` to its period; InvalidInput with one sentence otherwise."""
    text = text.strip()
    if _YEAR.fullmatch(text) is None:
        raise InvalidInput("year", messages.REPORT_YEAR_FORMAT.format(value=short(text)))
    year = int(text)
    _in_range(year, text, "year")
    return _year(year)


def chosen(month: str | None, quarter: str | None, year: str | None) -> Period | None:
    """The period `report merge` was asked for (at most one option), or None for the files'.

    None means: one month, the files' own (the merge checks they agree).
    """
    options = (("--month", month), ("--quarter", quarter), ("--year", year))
    given = [name for name, value in options if value is not None]
    if len(given) > 1:
        raise InvalidInput("period", messages.REPORT_ONE_PERIOD.format(options=" and ".join(given)))
    if month is not None:
        return of_month(parse_month(month))
    if quarter is not None:
        return parse_quarter(quarter)
    if year is not None:
        return parse_year(year)
    return None


def of_label(label: str) -> Period:
    """A period from its stored label (the publication log); ValueError if it is none."""
    if _MONTH_LABEL.fullmatch(label):
        return of_month(label)
    if match := _QUARTER.fullmatch(label):
        return _quarter(int(match.group(1)), int(match.group(2)))
    if _YEAR.fullmatch(label):
        return _year(int(label))
    raise ValueError(f"not a period label: {label!r}")
