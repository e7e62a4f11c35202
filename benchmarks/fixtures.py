"""Benchmark vaults, built once and kept in the temp folder between runs.

Filling 100,000 contacts takes tens of seconds; every benchmark works on a copy, so
the cached original never changes. The data is synthetic (peerdesk.synthetic.contacts).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.vault import Vault
from peerdesk.vault.migrate import latest_version

PASSPHRASE = "benchmark passphrase, not a secret"
CACHE = Path(tempfile.gettempdir()) / "peerdesk-bench"


def contacts_vault(count: int, *, months: int = 120) -> Path:
    """A cached vault holding `count` contacts over `months` months."""
    path = CACHE / f"contacts-{count}-m{months}-s{latest_version()}.peerdesk"
    if not path.exists():
        CACHE.mkdir(mode=0o700, exist_ok=True)
        building = path.with_suffix(".building")
        for leftover in CACHE.glob(building.name + "*"):
            leftover.unlink()
        with Vault.create(building, PASSPHRASE) as vault:
            synthetic_contacts.fill(vault, count=count, months=months, today=date.today())
        building.rename(path)
        building.with_name(building.name + ".lock").unlink(missing_ok=True)
    return path


def working_copy(original: Path, folder: Path) -> Path:
    """A private copy to measure on, so the cached vault never changes."""
    target = folder / "vault.peerdesk"
    shutil.copyfile(original, target)
    return target


def bare_kdf_open(path: Path, passphrase: str = PASSPHRASE) -> float:
    """Seconds for connect + PRAGMA key + the first read: the floor of any unlock."""
    from sqlcipher3 import dbapi2

    start = time.perf_counter()
    conn = dbapi2.connect(f"file:{path}?mode=rw", uri=True)
    conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed
