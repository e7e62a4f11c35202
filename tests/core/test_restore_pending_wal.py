"""A backup copied while peerdesk had it open keeps committed rows in its -wal.

A real writer commits rows and dies with `os._exit` (no checkpoint, no close), so
they exist only in `<file>-wal`. Someone copies both files elsewhere and restores
that copy: every committed row must be in the restored vault, and the restore must
never write anything beside the backup (not even the -shm a read-only open leaves).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from peerdesk.vault import Vault
from peerdesk.vault.backup import restore
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts

WRITER = """
import os, sys
from pathlib import Path
from tests.core.helpers import add_contacts
from peerdesk.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), os.environ["CHILD_PASSPHRASE"])
add_contacts(vault, 6)
sys.stdout.write("committed\\n")
sys.stdout.flush()
os._exit(0)
"""


def crashed_writer(path: Path) -> None:
    """Commit 6 more contacts in a child that exits without closing the vault."""
    env = dict(os.environ, CHILD_PASSPHRASE=PASSPHRASE)
    env["PYTHONPATH"] = os.pathsep.join([str(Path.cwd()), *sys.path])
    child = subprocess.run(
        [sys.executable, "-c", WRITER, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == 0 and "committed" in child.stdout, child.stderr


def test_restore_keeps_rows_that_were_only_in_the_backups_wal(tmp_path: Path) -> None:
    src = tmp_path / "src" / "src.peerdesk"
    with Vault.create(src, PASSPHRASE) as vault:
        add_contacts(vault, 2)
    crashed_writer(src)
    wal = Path(f"{src}-wal")
    assert wal.stat().st_size > 0  # the 6 rows live only here
    copies = tmp_path / "copies"
    copies.mkdir()
    shutil.copyfile(src, copies / "copy.peerdesk")
    shutil.copyfile(wal, copies / "copy.peerdesk-wal")
    before = {p.name: p.read_bytes() for p in copies.iterdir()}
    target = tmp_path / "vaultdir" / "vault.peerdesk"
    with Vault.create(target, PASSPHRASE):
        pass

    restore(target, copies / "copy.peerdesk", PASSPHRASE)

    with Vault.unlock(target, PASSPHRASE) as vault:
        assert vault.table_counts()["contacts"] == 8
        assert vault.check_integrity().ok
    after = {p.name: p.read_bytes() for p in copies.iterdir()}
    assert after == before  # the backup and its -wal untouched, no -shm beside them


def test_restore_of_a_clean_backup_leaves_nothing_beside_it(tmp_path: Path) -> None:
    src = tmp_path / "copies" / "copy.peerdesk"
    with Vault.create(src, PASSPHRASE) as vault:
        add_contacts(vault, 2)
    target = tmp_path / "vaultdir" / "vault.peerdesk"
    before = sorted(p.name for p in src.parent.iterdir())

    restore(target, src, PASSPHRASE)

    assert sorted(p.name for p in src.parent.iterdir()) == before
    with Vault.unlock(target, PASSPHRASE) as vault:
        assert vault.table_counts()["contacts"] == 2
