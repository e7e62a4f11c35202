"""The number of contacts SQLite keeps (migration 0010) is the table's count after any write.

The contacts list shows it as its total, so a counter that drifts would tell the peer
a wrong number for as long as the vault lives. Every way contacts are written is tried
on a real vault: the forms' save and edit, a delete, the drafts, retention's wipe, the
synthetic filler, a failed save on a full disk, kill -9 in the middle of writes, a
backup and a restore, a vault migrated from the version before the counter; a salvage
of a damaged vault is in test_salvage.py.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from peerdesk.models.contacts import ContactFields
from peerdesk.synthetic import contacts as synthetic
from peerdesk.vault import Vault, VaultError, contact_total, contacts, drafts, logbook, migrate
from peerdesk.vault import settings as settings_repo
from peerdesk.vault.backup import backup, restore
from peerdesk.vault.contacts import ContactFilter
from peerdesk.vault.settings import Settings
from peerdesk.vault.sqlcipher import Connection, connect
from peerdesk.vault.transactions import transaction
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts, kill_9_while_writing

TODAY = date(2026, 3, 2)


def _fields(note: str | None = None) -> ContactFields:
    return replace(ContactFields(contact_date=TODAY, topics=("alcohol",)), note=note)


def counted(conn: Connection) -> tuple[int, int]:
    """(what the counter's row says, what counting the table says)."""
    (total,) = conn.execute("SELECT total FROM contact_total WHERE id = 1").fetchone()
    table = int(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
    return int(total), table


def test_a_new_vault_counts_none(vault: Vault) -> None:
    assert counted(vault.conn) == (0, 0)


def test_the_list_total_is_the_counter_not_a_count_of_the_table(vault: Vault) -> None:
    add_contacts(vault, 3)
    with vault.transaction() as conn:
        conn.execute("UPDATE contact_total SET total = 41")
    assert contacts.count(vault.conn) == 41
    assert contacts.count(vault.conn, ContactFilter(month="2026-03")) == 3


def test_every_kind_of_write_keeps_the_counter_right(vault: Vault) -> None:
    steps: list[tuple[str, tuple[int, int]]] = []

    def after(what: str) -> None:
        steps.append((what, counted(vault.conn)))

    first = logbook.save_contact(vault, _fields("night shift"), today=TODAY)
    logbook.save_contact(vault, _fields(), today=TODAY, follow_up_on=TODAY)
    after("two saves")
    logbook.save_contact(vault, _fields("edited"), today=TODAY, contact_id=first)
    after("an edit")
    logbook.add_concern(vault, TODAY, "late to roll call")
    after("a concern")
    with vault.transaction() as conn:
        drafts.save(conn, {"note": "half typed"}, datetime.now(UTC))
    with vault.transaction() as conn:
        drafts.clear(conn)
    after("a draft saved and cleared")
    logbook.delete_contact(vault, first)
    after("a delete")
    assert not logbook.delete_contact(vault, first)
    after("a delete of a contact already gone")
    synthetic.fill(vault, count=300, months=24, today=TODAY)
    after("the synthetic filler")
    vault.save_settings(replace(vault.settings(), retention_days=0))
    report = logbook.purge(vault, now=datetime.now(UTC) + timedelta(days=1))
    assert report.total > 0
    after("retention's wipe")
    assert steps == [(what, (total, total)) for what, (total, _) in steps]
    assert steps[-1][1] == (301, 301)


def test_a_save_refused_by_a_full_disk_leaves_the_counter_right(vault: Vault) -> None:
    add_contacts(vault, 5)
    pages = int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(VaultError):
        for _ in range(200):  # notes as long as allowed need a new page soon
            logbook.save_contact(vault, _fields("x" * 4000), today=TODAY)
    assert counted(vault.conn)[0] == counted(vault.conn)[1] >= 5


def test_a_backup_and_a_restore_bring_their_own_right_count(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    add_contacts(vault, 4)
    copy = backup(vault, tmp_path / "b.peerdesk")
    add_contacts(vault, 3)
    vault.close()
    with Vault.unlock(copy, PASSPHRASE, purge_expired=False) as saved:
        assert counted(saved.conn) == (4, 4)
    restore(vault_path, copy, PASSPHRASE)
    with Vault.unlock(vault_path, PASSPHRASE) as restored:
        assert counted(restored.conn) == (4, 4)
        add_contacts(restored, 1)
        assert counted(restored.conn) == (5, 5)


@pytest.mark.slow
def test_kill_9_while_contacts_are_written_leaves_the_counter_right(
    vault: Vault, vault_path: Path
) -> None:
    vault.close()
    totals: list[int] = []
    for _round in range(5):
        kill_9_while_writing("contacts", vault_path, PASSPHRASE)
        with Vault.unlock(vault_path, PASSPHRASE) as reopened:
            total, table = counted(reopened.conn)
            assert total == table
            totals.append(total)
    assert totals == sorted(totals) and totals[0] > 0  # each child wrote before its kill


def version_9_vault(path: Path, count: int) -> None:
    """A vault as the release before the counter left it: migrations 1-9, `count` contacts."""
    path.parent.mkdir(mode=0o700, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = connect(path, PASSPHRASE, mode="rw")
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        assert migrate.migrate(conn, up_to=9) == 9
        with transaction(conn):
            settings_repo.save(conn, Settings())
            for _ in range(count):
                contacts.add(conn, _fields(), datetime.now(UTC))
    finally:
        conn.close()


def test_a_vault_from_before_the_counter_is_counted_when_it_migrates(vault_path: Path) -> None:
    version_9_vault(vault_path, 7)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert vault.schema_version() == migrate.latest_version() >= contact_total.SINCE
        assert counted(vault.conn) == (7, 7)
        logbook.delete_contact(vault, 3)
        add_contacts(vault, 2)
        assert counted(vault.conn) == (8, 8)


def test_an_old_vault_that_is_not_migrated_is_counted_from_its_table(vault_path: Path) -> None:
    """A damaged vault opens read-only at whatever version it has: no counter to read."""
    version_9_vault(vault_path, 6)
    conn = connect(vault_path, PASSPHRASE, mode="ro")
    try:
        assert migrate.current_version(conn) == 9
        assert contacts.count(conn) == 6
    finally:
        conn.close()
