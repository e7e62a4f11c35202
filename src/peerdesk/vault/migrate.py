"""Bring a vault's schema up to date, one numbered migration per transaction.

A migration is an SQL file (NNNN_name.sql) or, when it must compute rows in
Python (e.g. rebuild a search index whose rows are derived by peerdesk code), a
module (NNNN_name.py) with `apply(conn)`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from peerdesk import messages
from peerdesk.vault.errors import VaultTooNew
from peerdesk.vault.sqlcipher import Connection

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.(sql|py)$")
_PACKAGE = "peerdesk.vault.migrations"
_CREATE_TABLE = re.compile(r"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str = ""
    module: str = ""  # a Python migration: imported (and its apply() run) only when due

    def apply(self, conn: Connection) -> None:
        """Run this migration's body inside the caller's transaction."""
        step: Callable[[Connection], None] = importlib.import_module(self.module).apply
        step(conn)


def available() -> list[Migration]:
    """The migrations shipped in peerdesk.vault.migrations, in order."""
    found: list[Migration] = []
    for entry in resources.files(_PACKAGE).iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if match.group(2) == "sql":
            found.append(Migration(version, entry.name, entry.read_text("utf-8")))
        else:
            module = f"{_PACKAGE}.{entry.name.removesuffix('.py')}"
            found.append(Migration(version, entry.name, module=module))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(available())


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def tables_at(version: int) -> set[str]:
    """The tables the SQL migrations up to `version` create: what a vault of that
    version must hold to be ours (restore refuses a file without them)."""
    names: set[str] = set()
    for migration in available()[:version]:
        names.update(_CREATE_TABLE.findall(migration.sql))
    return names


def migrate(conn: Connection, up_to: int | None = None) -> int:
    """Apply every migration newer than user_version; returns the new version.

    `up_to` stops at that version: a salvage copy of a damaged vault gets the schema
    of the vault it came from, so its rows fit.

    Each migration runs inside one BEGIN..COMMIT together with its user_version
    bump, so a crash leaves the vault at the previous version, never half-way.
    """
    migrations = available()
    version = current_version(conn)
    if version > len(migrations):
        raise VaultTooNew(messages.VAULT_TOO_NEW.format(found=version, known=len(migrations)))
    for migration in migrations[version : up_to if up_to is not None else len(migrations)]:
        try:
            if not migration.module:
                conn.executescript(
                    f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                    f"PRAGMA user_version = {migration.version};\nCOMMIT;"
                )
            else:
                conn.execute("BEGIN IMMEDIATE")
                migration.apply(conn)
                conn.execute(f"PRAGMA user_version = {migration.version}")
                conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version
