"""Migration 0007: contacts logged before it read as the defaults of the new fields.

The vault is built at schema version 6 (as the previous release left it), its contacts
written with that release's columns, then unlocked by the current code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peerdesk import vocab
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, contacts, logbook, migrate, monthly
from tests.conftest import PASSPHRASE

DAY = date(2026, 3, 4)
OLD_COLUMNS = (
    "contact_date, mode, initiated_by, minutes, head_count, risk, outcome, "
    "critical_incident, note, handle, created_at, updated_at"
)


def version_6_vault(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three contacts as release 6 stored them: a cruiser chat, a group, a phone call."""
    shipped = migrate.available()
    rows = [
        ("cruiser", 1, "sleep"),
        ("group", 9, "critical-incident"),
        ("phone", 1, "work-stress"),
    ]
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "available", lambda: shipped[:6])
        with Vault.create(path, PASSPHRASE) as vault:
            assert vault.schema_version() == 6
            with vault.transaction() as conn:
                for mode, people, topic in rows:
                    cur = conn.execute(
                        f"INSERT INTO contacts ({OLD_COLUMNS}) "
                        "VALUES (?, ?, 'self', 30, ?, 'none', 'support', 0, NULL, NULL, ?, ?)",
                        (
                            DAY.isoformat(),
                            mode,
                            people,
                            "2026-03-04T12:00:00",
                            "2026-03-04T12:00:00",
                        ),
                    )
                    conn.execute(
                        "INSERT INTO contact_topics (contact_id, topic) VALUES (?, ?)",
                        (cur.lastrowid, topic),
                    )


def test_contacts_from_version_6_read_as_the_defaults(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_6_vault(vault_path, monkeypatch)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert vault.schema_version() == migrate.latest_version()
        read = [contacts.get(vault.conn, i) for i in (1, 2, 3)]
        for contact in read:
            assert contact is not None
            f = contact.fields
            assert (f.for_whom, f.first_or_followup) == ("sworn", "first")
            assert f.group_kind == vocab.DEFAULT_GROUP_KIND == "defusing"
        assert [c.fields.mode for c in read if c is not None] == ["cruiser", "group", "phone"]
        counts = monthly.month_counts(vault.conn, "2026-03")
    assert counts.table("for_whom") == {
        "sworn": 3,
        "civilian": 0,
        "dispatcher": 0,
        "corrections": 0,
        "retired": 0,
        "family": 0,
        "other-agency": 0,
    }
    assert counts.table("first_or_followup") == {"first": 3, "follow-up": 0}
    assert counts.table("group_kind") == {
        "defusing": 1,
        "debriefing": 0,
        "demobilization": 0,
        "cmb": 0,
    }
    assert counts.figures["group_people"] == 9


def test_a_migrated_vault_stores_and_counts_the_new_fields(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_6_vault(vault_path, monkeypatch)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        new = logbook.save_contact(
            vault,
            ContactFields(
                contact_date=DAY,
                topics=("grief",),
                mode="group",
                head_count=4,
                for_whom="corrections",
                group_kind="demobilization",
                first_or_followup="follow-up",
            ),
            today=DAY,
        )
        counts = monthly.month_counts(vault.conn, "2026-03")
        stored = contacts.get(vault.conn, new)
    assert stored is not None and stored.fields.group_kind == "demobilization"
    assert counts.tables["group_kind"]["demobilization"] == 1
    assert counts.tables["group_kind"]["defusing"] == 1  # the old group contact
    assert counts.tables["for_whom"]["corrections"] == 1
    assert counts.tables["first_or_followup"] == {"first": 3, "follow-up": 1}
