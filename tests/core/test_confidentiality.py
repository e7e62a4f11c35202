"""Nothing readable reaches the disk: a canary written through the vault, sorted,
copied into temp tables and backed up must not appear in any file, and neither may
the passphrase. Also: the vault is not a plain SQLite file."""

from __future__ import annotations

import secrets
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk.vault import Vault
from peerdesk.vault.backup import backup
from tests.core.helpers import open_targets, vault_family
from tests.support.canary import files_holding

SQLITE_MAGIC = b"SQLite format 3\x00"


def _new_file_handles(before: dict[int, str], allowed: set[str]) -> dict[int, str]:
    """File descriptors opened since `before` that point at a file outside `allowed`.

    A sort or temp table spilled to disk shows up here as e.g. /var/tmp/etilqs_... (deleted).
    """
    return {
        fd: target
        for fd, target in open_targets().items()
        if fd not in before and target.startswith("/") and target not in allowed
    }


def _big_sort_and_temp_table(vault: Vault, canary: str) -> None:
    """Make SQLite spill: with temp_store=FILE both steps below open a temp file.

    A tiny page cache makes SQLite spill early, so a few thousand rows are enough (the
    sort is slow under cipher_memory_security, so 200k rows would cost many seconds).
    Checked by hand: with `PRAGMA temp_store = FILE` each step shows a deleted
    /var/tmp/etilqs_* file here; with the vault's MEMORY setting, none.
    """
    allowed = vault_family(vault.path) | {"/dev/null"}
    vault.conn.execute("PRAGMA cache_size = 20")
    vault.conn.execute("PRAGMA temp.cache_size = 10")
    before = open_targets()
    cursor = vault.conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
        "SELECT i, ? || ' ' || i || ' ' || hex(randomblob(64)) FROM n ORDER BY random()",
        (canary,),
    )
    first = cursor.fetchone()  # the sort is done and its runs are open, if any
    assert canary in first[1]
    assert _new_file_handles(before, allowed) == {}
    assert len(cursor.fetchall()) == 19_999
    vault.conn.execute(
        "CREATE TEMP TABLE scratch AS "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
        "SELECT i, ? || ' ' || hex(randomblob(64)) AS t FROM n",
        (canary,),
    )
    assert _new_file_handles(before, allowed) == {}
    vault.conn.execute("DROP TABLE temp.scratch")


@pytest.mark.slow
def test_canary_and_passphrase_reach_no_file(vault_path: Path, tmp_path: Path) -> None:
    started = time.time()
    canary = "peerdesk-canary-" + secrets.token_hex(16)
    passphrase = "pass-" + secrets.token_hex(16)
    backup_passphrase = "backup-" + secrets.token_hex(16)
    backups = tmp_path / "backups"
    backups.mkdir()
    with Vault.create(vault_path, passphrase) as vault:
        vault.save_settings(
            replace(vault.settings(), escalation_checklist=f"Call the clinician. {canary}")
        )
        with vault.transaction() as conn:
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?)",
                [(f"canary-{i}", f'"{canary} {i}"') for i in range(2000)],
            )
        _big_sort_and_temp_table(vault, canary)
        backup(vault, backups / "same-key.peerdesk")
        backup(vault, backups / "own-key.peerdesk", backup_passphrase)
        vault.change_passphrase(passphrase + "-new")
        assert canary in vault.settings().escalation_checklist

    needles = [canary.encode(), passphrase.encode(), backup_passphrase.encode()]
    assert files_holding(needles, [vault_path.parent, backups], since=started) == []


def test_the_vault_is_not_plain_sqlite(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    dest = backup(vault, tmp_path / "copy.peerdesk")
    vault.close()
    for path in (vault_path, dest):
        with path.open("rb") as handle:
            assert handle.read(16) != SQLITE_MAGIC
        plain = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            with pytest.raises(sqlite3.DatabaseError):
                plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            plain.close()
