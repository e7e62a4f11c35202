"""Vault settings: defaults on a new vault, a faithful round trip, and a plain sentence
for every value peerdesk will not take (nothing is written when a value is refused)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from peerdesk import messages
from peerdesk.vault import InvalidSetting, Settings, Vault
from peerdesk.vault.settings import CHECKLIST_MAX_CHARS
from tests.conftest import PASSPHRASE


def test_a_new_vault_has_the_defaults(vault: Vault) -> None:
    found = vault.settings()
    assert found == Settings()
    assert found.idle_lock_minutes == 5
    assert found.retention_days == 30
    assert found.min_cell == 5
    assert found.theme == "dark"
    assert found.escalation_checklist == messages.DEFAULT_ESCALATION_CHECKLIST


def test_settings_round_trip_across_a_reopen(vault: Vault, vault_path: Path) -> None:
    wanted = Settings(
        idle_lock_minutes=240,
        retention_days=0,
        min_cell=100,
        theme="light",
        escalation_checklist="Stay with them.\nCall 988.\n«Ünïcödé» 🚓 'quotes' \"too\"",
    )
    vault.save_settings(wanted)
    assert vault.settings() == wanted
    vault.close()
    with Vault.unlock(vault_path, PASSPHRASE) as reopened:
        assert reopened.settings() == wanted


def test_the_lowest_values_are_accepted(vault: Vault) -> None:
    lowest = Settings(idle_lock_minutes=1, retention_days=0, min_cell=3, escalation_checklist="")
    vault.save_settings(lowest)
    assert vault.settings() == lowest


IDLE = "Idle lock minutes must be a whole number from 1 to 240."
RETENTION = "Retention days must be a whole number from 0 to 3650."
MIN_CELL = "Min cell must be a whole number from 3 to 100."
REFUSED: list[tuple[dict[str, Any], str]] = [
    ({"idle_lock_minutes": 0}, IDLE),
    ({"idle_lock_minutes": 241}, IDLE),
    ({"idle_lock_minutes": 2.5}, IDLE),
    ({"idle_lock_minutes": True}, IDLE),
    ({"retention_days": -1}, RETENTION),
    ({"retention_days": 3651}, RETENTION),
    ({"min_cell": 1}, MIN_CELL),
    ({"min_cell": 2}, MIN_CELL),
    ({"min_cell": "5"}, MIN_CELL),
    ({"theme": "neon"}, "Theme must be one of: dark, light, night."),
    (
        {"escalation_checklist": "x" * (CHECKLIST_MAX_CHARS + 1)},
        f"The escalation checklist can be at most {CHECKLIST_MAX_CHARS} characters.",
    ),
    (
        {"escalation_checklist": "call \x1b[2J now"},
        "The escalation checklist contains control characters (such as terminal escape "
        "codes); remove them.",
    ),
    (
        {"escalation_checklist": None},
        f"The escalation checklist can be at most {CHECKLIST_MAX_CHARS} characters.",
    ),
]


def test_out_of_range_values_are_refused(vault: Vault) -> None:
    """One vault for every case (each open costs a KDF); the case is in the message."""
    vault.save_settings(replace(Settings(), theme="light"))
    before = vault.settings()
    counts = vault.table_counts()
    for change, sentence in REFUSED:
        with pytest.raises(InvalidSetting) as caught:
            vault.save_settings(replace(Settings(), **change))
        assert str(caught.value) == sentence, change
        assert vault.settings() == before, change
        assert vault.table_counts() == counts, change
        assert not vault.conn.in_transaction, change


def test_a_bad_stored_value_falls_back_to_the_defaults(vault: Vault) -> None:
    """A value written by hand or by a newer peerdesk never breaks the unlock."""
    with vault.transaction() as conn:
        conn.execute("UPDATE settings SET value = '9999' WHERE key = 'idle_lock_minutes'")
        conn.execute("INSERT INTO settings(key, value) VALUES ('from_the_future', '1')")
    assert vault.settings() == Settings()
