"""The vault's own settings, stored inside the encrypted file.

They live in the vault (not in a config file) because some of them say something
about how the peer works, and because a restored backup should bring them back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from peerdesk import messages
from peerdesk.validation import (
    DEFAULT_MIN_CELL,
    HIGHEST_MIN_CELL,
    LOWEST_MIN_CELL,
    REPORT_ZEROS,
    has_control_characters,
)
from peerdesk.vault.defaults import IDLE_LOCK_MINUTES
from peerdesk.vault.errors import InvalidSetting

if TYPE_CHECKING:
    from peerdesk.vault.sqlcipher import Connection

THEMES = ("dark", "light", "night")  # night: dim and low in blue, for a dark car

CHECKLIST_MAX_CHARS = 4000

# name -> (lowest, highest) for the whole-number settings
RANGES: dict[str, tuple[int, int]] = {
    "idle_lock_minutes": (1, 240),
    "retention_days": (0, 3650),
    "min_cell": (LOWEST_MIN_CELL, HIGHEST_MIN_CELL),
}


@dataclass(frozen=True)
class Settings:
    """Defaults are what a new vault starts with."""

    idle_lock_minutes: int = IDLE_LOCK_MINUTES
    retention_days: int = 30  # 0 means never keep note text or handles
    min_cell: int = DEFAULT_MIN_CELL  # small-cell suppression threshold for team reports
    theme: str = "dark"
    report_zeros: str = "shown"  # REPORT_ZEROS: whether team reports hide zeros too
    # What the team does when a contact's risk is imminent; one step per line.
    escalation_checklist: str = messages.DEFAULT_ESCALATION_CHECKLIST

    def validated(self) -> Settings:
        """Return self, or raise InvalidSetting with a sentence naming the bad value."""
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                label = name.replace("_", " ").capitalize()  # it starts the sentence
                raise InvalidSetting(
                    messages.SETTING_OUT_OF_RANGE.format(name=label, low=low, high=high)
                )
        if self.theme not in THEMES:
            raise InvalidSetting(messages.SETTING_UNKNOWN_THEME.format(choices=", ".join(THEMES)))
        if self.report_zeros not in REPORT_ZEROS:
            raise InvalidSetting(
                messages.SETTING_UNKNOWN_ZEROS.format(choices=", ".join(REPORT_ZEROS))
            )
        if not isinstance(self.escalation_checklist, str) or (
            len(self.escalation_checklist) > CHECKLIST_MAX_CHARS
        ):
            raise InvalidSetting(messages.SETTING_TOO_LONG.format(max=CHECKLIST_MAX_CHARS))
        if has_control_characters(self.escalation_checklist, allow_newlines=True):
            raise InvalidSetting(
                messages.TEXT_CONTROL_CHARACTERS.format(field="escalation checklist")
            )
        return self


def load(conn: Connection) -> Settings:
    """Stored values over the defaults; unknown keys (from a newer peerdesk) are kept, not read."""
    known = {f.name for f in fields(Settings)}
    stored: dict[str, Any] = {}
    for key, value in conn.execute("SELECT key, value FROM settings"):
        if key in known:
            stored[key] = json.loads(value)
    settings = replace(Settings(), **stored)
    try:
        return settings.validated()
    except InvalidSetting:
        # A value written by hand or by a future version: fall back to defaults for safety.
        return Settings()


def save(conn: Connection, settings: Settings) -> None:
    """Write every setting; the caller owns the transaction."""
    settings.validated()
    conn.executemany(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(key, json.dumps(value)) for key, value in asdict(settings).items()],
    )
