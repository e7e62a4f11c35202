"""The whole-file checks, deferred past unlock: they still find what they found before.

A page of contact rows is damaged where unlock never reads: a deferred unlock opens
the vault writable, the background check names the damage, and the vault then
refuses every write. A lock (close) during the check stops it and leaves no handle;
kill -9 during it leaves the file as it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Health, Vault, VaultReadOnly
from peerdesk.vault.sqlite_errors import VaultStorageError
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts
from tests.support.damage import damage_a_contacts_page


def contacts_root(vault: Vault) -> int:
    row = vault.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contacts'")
    return int(row.fetchone()[0])


@pytest.fixture
def damaged(vault_path: Path) -> Path:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 300)
        root = contacts_root(vault)
    damage_a_contacts_page(vault_path, PASSPHRASE, root)
    return vault_path


def vault_fds(vault_path: Path) -> list[str]:
    watched = {str(vault_path.resolve()) + s for s in ("", "-wal", "-shm")}
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.removesuffix(" (deleted)") in watched:
            found.append(target)
    return found


def test_the_full_unlock_finds_the_damage_and_opens_read_only(damaged: Path) -> None:
    with Vault.unlock(damaged, PASSPHRASE) as vault:
        assert vault.read_only
        assert not vault.health.ok


def test_a_deferred_unlock_leaves_the_damage_to_the_background_check(damaged: Path) -> None:
    with Vault.unlock(damaged, PASSPHRASE, checks="deferred") as vault:
        assert not vault.read_only
        check = vault.background_check
        assert check is not None
        problems = check.run()
        assert problems  # the damaged page is named, not missed
        assert check.finished
        vault.turn_read_only(Health(problems))
        with pytest.raises(VaultReadOnly) as refused:
            vault.save_settings(vault.settings())
        assert str(refused.value) == messages.VAULT_READ_ONLY
        with pytest.raises(VaultStorageError):
            vault.conn.execute("DELETE FROM settings")  # even a write past transaction()
    assert vault_fds(damaged) == []


def test_a_healthy_vault_passes_the_background_check(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 20)
    with Vault.unlock(vault_path, PASSPHRASE, checks="deferred") as vault:
        assert vault.background_check is not None
        told: list[tuple[str, int, int]] = []
        assert vault.background_check.run(lambda *step: told.append(step)) == ()
        assert vault.background_check.run() is None  # it runs once
    step = messages.PROGRESS_CHECK_VAULT
    assert told == [(step, 0, 2), (step, 1, 2), (step, 2, 2)]  # the two checks, nothing else


def test_closing_before_the_check_ran_closes_its_connection(damaged: Path) -> None:
    vault = Vault.unlock(damaged, PASSPHRASE, checks="deferred")
    check = vault.background_check
    assert check is not None
    vault.close()
    assert vault_fds(damaged) == []
    assert check.run() is None  # a worker that starts late finds nothing to do


def test_closing_during_the_check_stops_it_and_leaves_no_handle(damaged: Path) -> None:
    vault = Vault.unlock(damaged, PASSPHRASE, checks="deferred")
    check = vault.background_check
    assert check is not None
    results: list[tuple[str, ...] | None] = []
    worker = threading.Thread(target=lambda: results.append(check.run()))
    worker.start()
    check.wait_started()
    vault.close()  # the lock: cancels, waits for the connection to close
    assert vault_fds(damaged) == []
    worker.join()
    assert results == [None]  # nothing reported about a vault that is closed


CHILD = """
import sys
from pathlib import Path
from peerdesk.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2], checks="deferred")
print("checking", flush=True)
while True:
    vault.background_check.run()
    vault.close()
    vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2], checks="deferred")
"""


def test_kill_9_during_the_check_leaves_the_vault_as_it_was(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 200)
        counts = vault.table_counts()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_path), PASSPHRASE],
        stdout=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"checking"
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        assert vault.health.ok
        assert not vault.read_only
        assert vault.table_counts() == counts
