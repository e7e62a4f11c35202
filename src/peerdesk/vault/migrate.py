"""Bring a vault's schema up to date, one numbered SQL file per transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from peerdesk import messages
from peerdesk.vault.errors import VaultTooNew
from peerdesk.vault.sqlcipher import Connection

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    """The migrations shipped in peerdesk.vault.migrations, in order."""
    found: list[Migration] = []
    for entry in resources.files("peerdesk.vault.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(available())


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> int:
    """Apply every migration newer than user_version; returns the new version.

    Each file runs inside one BEGIN..COMMIT together with its user_version bump,
    so a crash leaves the vault at the previous version, never half-way.
    """
    migrations = available()
    version = current_version(conn)
    if version > len(migrations):
        raise VaultTooNew(messages.VAULT_TOO_NEW.format(found=version, known=len(migrations)))
    for migration in migrations[version:]:
        script = (
            f"BEGIN IMMEDIATE;\n{migration.sql}\n"
            f"PRAGMA user_version = {migration.version};\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version
