"""When the whole-file checks last passed, so the CLI runs them at most once a day.

A CLI command reads only the pages it needs, and SQLCipher refuses any of them whose
HMAC fails; the whole-file checks also find damage in pages no command read yet (an
old contact, a free page), which is worth knowing early but not on every command at
1.6 s a million contacts. The time is a row of the settings table (Settings itself
ignores keys it does not know, so no migration is needed and a backup keeps it).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerdesk.vault.sqlcipher import Connection

KEY = "full_check_passed_at"
EVERY = timedelta(days=1)


def due(conn: Connection, now: datetime) -> bool:
    """True when the last pass is a day old, missing, unreadable, or in the future.

    A time in the future (a clock set back, a hand-edited row) counts as due: the
    check is never skipped on a date the peer cannot see.
    """
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEY,)).fetchone()
    if row is None:
        return True
    try:
        last = datetime.fromisoformat(json.loads(row[0]))
    except (TypeError, ValueError):
        return True
    if last.tzinfo is None:
        return True
    return not (last <= now < last + EVERY)


def record(conn: Connection, now: datetime) -> None:
    """Note a passed check; the caller owns the transaction."""
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (KEY, json.dumps(now.isoformat())),
    )
