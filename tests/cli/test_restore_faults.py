"""A restore killed (SIGKILL) at every one of its steps still leaves a vault at the path.

The restore runs in a child process that stops itself at a named step through the
PEERDESK_TEST_CRASH_AT seam of peerdesk.vault.backup. After every kill the vault at
the path opens with the old or the new passphrase (the old before the swap, the new
from the swap on), the next command names the leftovers, and `doctor
--remove-leftovers` removes them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Vault, WrongPassphrase
from peerdesk.vault.backup import CRASH_ENV, RESTORE_STEPS, backup
from tests.conftest import PASSPHRASE
from tests.support.cli import BACKUP_PASSPHRASE, Cli

# Steps before the swap leave the old vault; from the swap on, the restored one.
OLD_UNTIL = RESTORE_STEPS.index("swapped")

CHILD = """
import os, sys
from pathlib import Path
from peerdesk.vault.backup import restore
restore(Path(sys.argv[1]), Path(sys.argv[2]), os.environ["CHILD_PASSPHRASE"])
print("restored")
"""


def killed_restore(vault_path: Path, backup_path: Path, step: str) -> None:
    """Run restore in a child that kills itself at `step`; the passphrase goes by env."""
    env = dict(os.environ)
    env.update({CRASH_ENV: step, "CHILD_PASSPHRASE": BACKUP_PASSPHRASE})
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault_path), str(backup_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "Traceback" not in child.stderr


def make_old_vault(vault_path: Path, backup_path: Path, *, stale_wal: bool) -> None:
    """A vault (theme light, PASSPHRASE) and a backup of it made earlier (theme dark).

    With `stale_wal`, the vault's last change (idle lock 42) sits only in its -wal, as
    after a crash before the checkpoint: the case where a -wal left beside the new file
    would be replayed onto it.
    """
    with Vault.create(vault_path, PASSPHRASE) as vault:
        backup(vault, backup_path, BACKUP_PASSPHRASE)
        vault.save_settings(replace(vault.settings(), theme="light"))
        if stale_wal:
            vault.conn.execute("PRAGMA wal_autocheckpoint = 0")
            vault.save_settings(replace(vault.settings(), idle_lock_minutes=42))
            wal = Path(f"{vault_path}-wal")
            frames, main = wal.read_bytes(), vault_path.read_bytes()
    if stale_wal:
        # Closing checkpointed the change into the file: put back both as they were.
        vault_path.write_bytes(main)
        wal.write_bytes(frames)


@pytest.fixture(scope="session")
def old_vaults(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """Both starting points (clean, stale -wal) made once per test process, each a
    folder holding `vaultdir/` and `copy.peerdesk` for a test to copy: making one runs
    the KDF twice, and every restore step starts from the same two."""
    made = {}
    for stale_wal in (False, True):
        root = tmp_path_factory.mktemp("old-vault")
        with pytest.MonkeyPatch.context() as patch:
            for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
                patch.setenv(name, str(root / "env" / name.lower()))
            make_old_vault(
                root / "vaultdir" / "vault.peerdesk", root / "copy.peerdesk", stale_wal=stale_wal
            )
        made[stale_wal] = root
    return made


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("stale_wal", [False, True], ids=["clean", "stale-wal"])
@pytest.mark.parametrize("step", RESTORE_STEPS)
def test_a_restore_killed_at_any_step_leaves_a_vault(
    vault_path: Path, tmp_path: Path, step: str, stale_wal: bool, old_vaults: dict[bool, Path]
) -> None:
    backup_path = tmp_path / "copy.peerdesk"
    made = old_vaults[stale_wal]
    shutil.copytree(made / "vaultdir", vault_path.parent)  # the -wal too, byte for byte
    shutil.copy2(made / "copy.peerdesk", backup_path)

    killed_restore(vault_path, backup_path, step)

    assert vault_path.is_file()
    left = {name for name in listing(vault_path.parent) if name.startswith(".")}
    old = RESTORE_STEPS.index(step) < OLD_UNTIL
    opens_with, other = (PASSPHRASE, BACKUP_PASSPHRASE) if old else (BACKUP_PASSPHRASE, PASSPHRASE)
    with Vault.unlock(vault_path, opens_with) as vault:
        assert vault.check_integrity().ok
        assert vault.settings().theme == ("light" if old else "dark")
        if stale_wal and old:
            # The change the crashed session left in the -wal is in the vault at the path.
            assert vault.settings().idle_lock_minutes == 42
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, other)

    cli = Cli(vault_path)
    env = {"PEERDESK_PASSPHRASE": opens_with}
    shown = cli("settings", "show", env=env)
    assert shown.exit_code == 0, shown.output
    if left:
        names = ", ".join(sorted(left))
        sentence = messages.LEFTOVERS_FOUND.format(count=len(left), names=names)
        assert sentence in " ".join(shown.stderr.split())
        cleaned = cli("doctor", "--remove-leftovers", env=env)
        assert cleaned.exit_code == 0, cleaned.output
        removed = messages.DOCTOR_LEFTOVERS_REMOVED.format(count=len(left), names=names)
        assert removed in cleaned.stdout
    else:
        assert step == "cleaned"
        assert "leftover" not in shown.stderr
    assert listing(vault_path.parent) == {vault_path.name, vault_path.name + ".lock"}
    assert listing(tmp_path / "vaultdir") == listing(vault_path.parent)
    assert listing(tmp_path) >= {"copy.peerdesk"}
    assert not any(name.startswith(".copy.peerdesk") for name in listing(tmp_path))
