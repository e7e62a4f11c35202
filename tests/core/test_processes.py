"""Other processes: a second peerdesk on the same vault is refused without touching
the file, and kill -9 in the middle of writes or of a passphrase change never leaves
a vault that will not open."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from peerdesk.vault import Vault, VaultBusy, WrongPassphrase
from peerdesk.vault.settings import Settings
from tests.conftest import PASSPHRASE
from tests.core.helpers import kill_9_while_writing, sha256, start_child, wait_for_line


@pytest.mark.slow
def test_second_process_is_refused_and_changes_nothing(vault: Vault, vault_path: Path) -> None:
    vault.close()
    child = start_child("hold", vault_path, {"CHILD_PASSPHRASE": PASSPHRASE})
    try:
        wait_for_line(child, "ready")
        before = sha256(vault_path)
        with pytest.raises(VaultBusy) as caught:
            Vault.unlock(vault_path, PASSPHRASE)
        assert str(caught.value) == (
            "This vault is open in another peerdesk window. Close that one first."
        )
        assert sha256(vault_path) == before
    finally:
        _out, err = child.communicate("bye\n", timeout=30)
    assert child.returncode == 0, err
    with Vault.unlock(vault_path, PASSPHRASE) as mine:
        assert mine.check_integrity().ok


@pytest.mark.slow
def test_kill_9_during_writes_leaves_a_healthy_vault(vault: Vault, vault_path: Path) -> None:
    vault.close()
    for _round in range(5):
        kill_9_while_writing("write", vault_path, PASSPHRASE)
        with Vault.unlock(vault_path, PASSPHRASE) as reopened:
            assert reopened.check_integrity().ok
            assert not reopened.read_only
            settings = reopened.settings()
            assert settings != Settings()
            assert settings.escalation_checklist.startswith("checklist ")


def _opens_with(vault_path: Path, passphrase: str) -> bool:
    try:
        with Vault.unlock(vault_path, passphrase) as opened:
            assert opened.check_integrity().ok
            assert opened.table_counts()["settings"] >= 600
    except WrongPassphrase:
        return False
    return True


@pytest.mark.slow
def test_kill_9_during_a_passphrase_change_leaves_exactly_one_key(
    vault: Vault, vault_path: Path
) -> None:
    # Enough pages that the rewrite takes a while: the kill should land inside it.
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"bulk-{i}", '"' + f"{i:08d}" * 1000 + '"') for i in range(600)],
        )
    vault.close()
    current = PASSPHRASE
    for round_no in range(2):
        new = f"the passphrase after change {round_no}"
        child = start_child(
            "rekey", vault_path, {"CHILD_PASSPHRASE": current, "CHILD_NEW_PASSPHRASE": new}
        )
        wait_for_line(child, "rekeying")
        # The whole change takes ~0.4-0.6 s here (KDF, page rewrite, verify).
        time.sleep(random.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        opens = [_opens_with(vault_path, current), _opens_with(vault_path, new)]
        assert opens.count(True) == 1, f"round {round_no}: old/new opens {opens}"
        current = new if opens[1] else current
