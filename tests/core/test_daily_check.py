"""The CLI's whole-file check runs when a day has passed, and not otherwise.

The clock is handed in. A damaged page of contact rows (which no unlock reads)
shows which unlocks ran the check: only those open the vault read-only.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from peerdesk.vault import Vault, full_check_log
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts
from tests.support.damage import damage_a_contacts_page

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def unlock_at(vault_path: Path, when: datetime) -> bool:
    """Unlock as the CLI does at `when`; True when the check ran and found the damage."""
    with Vault.unlock(vault_path, PASSPHRASE, checks="daily", now=lambda: when) as vault:
        return vault.read_only


def test_the_daily_check_runs_when_due_and_not_otherwise(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 300)
        root = vault.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'contacts'"
        ).fetchone()[0]
    assert not unlock_at(vault_path, NOON)  # never checked: checks, passes, notes it
    damage_a_contacts_page(vault_path, PASSPHRASE, int(root))
    assert not unlock_at(vault_path, NOON + timedelta(hours=23))  # not due: not found
    assert unlock_at(vault_path, NOON + timedelta(days=1))  # due: found, read-only
    assert unlock_at(vault_path, NOON + timedelta(days=1, hours=1))  # never noted: still due


def test_a_check_never_run_or_noted_in_the_future_is_due(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        assert full_check_log.due(vault.conn, NOON)
        with vault.transaction() as conn:
            full_check_log.record(conn, NOON)
        assert not full_check_log.due(vault.conn, NOON + timedelta(hours=1))
        assert full_check_log.due(vault.conn, NOON - timedelta(minutes=1))  # clock set back
        with vault.transaction() as conn:
            conn.execute(
                "UPDATE settings SET value = ? WHERE key = ?", ('"not a time"', full_check_log.KEY)
            )
        assert full_check_log.due(vault.conn, NOON)
