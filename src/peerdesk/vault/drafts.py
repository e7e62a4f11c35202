"""The one interrupted contact form, kept inside the vault when the lock fires.

A draft may hold note text, so it never goes to a temp file; it expires with the
same retention as notes, and is removed as soon as it is restored or discarded.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from peerdesk.vault.sqlcipher import Connection


def save(conn: Connection, body: dict[str, Any], now: datetime) -> None:
    conn.execute(
        "INSERT INTO drafts (id, body, saved_at) VALUES (1, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
        (json.dumps(body), now.isoformat(timespec="seconds")),
    )


def load(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT body FROM drafts WHERE id = 1").fetchone()
    if row is None:
        return None
    body = json.loads(row[0])
    return body if isinstance(body, dict) else None


def clear(conn: Connection) -> None:
    conn.execute("DELETE FROM drafts WHERE id = 1")
