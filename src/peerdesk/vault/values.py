"""How the vault writes moments and days as text, and reads days back: one copy each.

Moments are stored as UTC ISO text to the second (they sort as text and say nothing
about the peer's time zone); days as ISO dates. Every repository uses these, so a row
reads back the same whichever repository wrote it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    """Now, in UTC: what every write stamps unless the caller passes its own `now`."""
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """A moment as stored: UTC ISO text to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def day(value: object) -> date | None:
    """A stored ISO day (or NULL) read back as a date."""
    return None if value is None else date.fromisoformat(str(value))
