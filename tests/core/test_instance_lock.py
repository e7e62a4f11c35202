"""One peerdesk per vault file, however it is named: symlinks, hard links, `..`.

flock conflicts between two open file descriptions even inside one process, so two
InstanceLock objects here behave like two peerdesk windows.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import InstanceLock, Vault, VaultBusy
from peerdesk.vault.instance_lock import identity_lock_path, lock_folder
from tests.conftest import PASSPHRASE
from tests.support.pty_child import child_env


@pytest.fixture
def made(vault_path: Path) -> Path:
    Vault.create(vault_path, PASSPHRASE).close()
    return vault_path


def other_names(made: Path, tmp_path: Path) -> dict[str, Path]:
    """Every other way to name the same file."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700, exist_ok=True)
    symlink = elsewhere / "link.peerdesk"
    symlink.symlink_to(made)
    hard = elsewhere / "hard.peerdesk"
    os.link(made, hard)
    dotted = made.parent / ".." / made.parent.name / made.name
    return {"symlink": symlink, "hard link": hard, "dotted path": dotted}


@pytest.mark.parametrize("kind", ["symlink", "hard link", "dotted path"])
def test_another_name_for_a_held_vault_is_busy(made: Path, tmp_path: Path, kind: str) -> None:
    name = other_names(made, tmp_path)[kind]
    with InstanceLock.acquire(made), pytest.raises(VaultBusy, match=messages.VAULT_BUSY):
        InstanceLock.acquire(name)
    InstanceLock.acquire(name).release()  # free once the first let go


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_the_vault_is_busy_while_held_by_another_name(
    made: Path, tmp_path: Path, kind: str
) -> None:
    name = other_names(made, tmp_path)[kind]
    with InstanceLock.acquire(name), pytest.raises(VaultBusy):
        Vault.unlock(made, PASSPHRASE)


def test_a_lock_taken_before_the_vault_existed_covers_it_once_created(
    vault_path: Path, tmp_path: Path
) -> None:
    """First run: the set-up screen holds the lock while the file does not exist yet."""
    lock = InstanceLock.acquire(vault_path)
    try:
        assert lock.identity_path is None
        Vault.create(vault_path, PASSPHRASE, lock=lock).close()
        assert lock.identity_path == identity_lock_path(vault_path)
        hard = tmp_path / "hard.peerdesk"
        os.link(vault_path, hard)
        with pytest.raises(VaultBusy):
            InstanceLock.acquire(hard)
    finally:
        lock.release()
    InstanceLock.acquire(hard).release()


def test_sidecars_are_private_and_hold_nothing(made: Path) -> None:
    with InstanceLock.acquire(made) as lock:
        assert lock.identity_path is not None
        for sidecar in (lock.path, lock.identity_path):
            assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600
            assert sidecar.read_bytes() == b""
        assert stat.S_IMODE(lock_folder().stat().st_mode) == 0o700
        assert lock_folder().is_relative_to(Path(os.environ["HOME"]))  # tmp in tests


def test_release_lets_go_of_both(made: Path) -> None:
    lock = InstanceLock.acquire(made)
    lock.release()
    lock.release()  # idempotent
    assert not lock.held
    InstanceLock.acquire(made).release()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_the_app_refuses_a_second_window_by_another_name(
    made: Path, tmp_path: Path, kind: str
) -> None:
    """The real `peerdesk --vault NAME` path: refused before Textual loads."""
    name = other_names(made, tmp_path)[kind]
    with InstanceLock.acquire(made):
        result = subprocess.run(
            [sys.executable, "-m", "peerdesk", "--vault", str(name)],
            capture_output=True,
            text=True,
            env=child_env(),
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == messages.VAULT_BUSY
    assert "Traceback" not in result.stdout + result.stderr
