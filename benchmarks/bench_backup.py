"""`peerdesk backup`'s own path against a bare `sqlcipher_export` of the same vault.

Target: the backup, verification included, within 1.5x of the bare export.

Also printed: the floor, the same export made the way the backup makes it (one
transaction, one fsync), so the verification's own cost can be read off.

Subject: what the command does once it has the passphrase: `Vault.unlock` as the CLI
calls it (checks="none"), `peerdesk.vault.backup.backup` (export, the copy read back
and checked, fsync, rename), close. Baseline, on the same file, interleaved: connect,
`PRAGMA key`, a first read (the KDF), `ATTACH` a new file, `SELECT sqlcipher_export`,
`DETACH`, close; nothing else. Both derive the vault's key once. For a backup under the
vault's passphrase both attach without KEY (SQLCipher reuses the vault's key and salt:
no second derivation); with --own-passphrase both attach with KEY (one derivation for
the copy each; the subject keeps the key it derived to read the copy back).
The bare export commits (and fsyncs) once per table and index; the backup exports in
one transaction and fsyncs the copy once, so at small sizes it can be the faster.

Run: python -m benchmarks.bench_backup [ROUNDS] [SIZES]
  ROUNDS: rounds per size (default 21 at 1,000 contacts, 11 at 100,000, 5 at 1,000,000)
  SIZES: comma-separated contact counts (default 1000,100000,1000000)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from sqlcipher3 import dbapi2

from benchmarks.fixtures import PASSPHRASE, bare_kdf_open, contacts_vault, working_copy
from benchmarks.timing import median_ms, report_ratio, spread
from peerdesk.vault import Vault
from peerdesk.vault.backup import backup

TARGET = 1.5
OWN = "a backup passphrase for the benchmark"
DEFAULT_ROUNDS = {1_000: 21, 100_000: 11, 1_000_000: 5}


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _keyed_with_copy(vault: Path, dest: Path, own: str | None) -> dbapi2.Connection:
    """connect, PRAGMA key, the first read (the KDF), ATTACH the new file as `copy`."""
    conn = dbapi2.connect(f"file:{vault}?mode=rw", uri=True, isolation_level=None)
    conn.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if own is None:
        conn.execute("ATTACH DATABASE ? AS copy", (str(dest),))
    else:
        conn.execute("ATTACH DATABASE ? AS copy KEY ?", (str(dest), own))
    return conn


def bare_export(vault: Path, dest: Path, own: str | None) -> float:
    """Seconds for the baseline: open, key, first read, ATTACH, export, DETACH, close."""
    start = time.perf_counter()
    conn = _keyed_with_copy(vault, dest, own)
    conn.execute("SELECT sqlcipher_export('copy')").fetchall()
    conn.execute("DETACH DATABASE copy")
    conn.close()
    elapsed = time.perf_counter() - start
    _remove(dest)
    return elapsed


def export_floor(vault: Path, dest: Path, own: str | None) -> float:
    """Seconds for the same bare export made the way the backup makes it (one
    transaction, the copy unsynced, then one fsync): what is left above it is the
    verification's own cost. Printed for information; the target is against the bare
    export."""
    start = time.perf_counter()
    conn = _keyed_with_copy(vault, dest, own)
    conn.execute("PRAGMA copy.synchronous = OFF")
    conn.execute("BEGIN")
    conn.execute("SELECT sqlcipher_export('copy')").fetchall()
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE copy")
    conn.close()
    fd = os.open(dest, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    elapsed = time.perf_counter() - start
    _remove(dest)
    return elapsed


def peerdesk_backup(vault: Path, dest: Path, own: str | None) -> float:
    """Seconds for the subject: unlock as the CLI does, back up (verified), close."""
    start = time.perf_counter()
    with Vault.unlock(vault, PASSPHRASE, checks="none") as opened:
        backup(opened, dest, own)
    elapsed = time.perf_counter() - start
    _remove(dest)
    return elapsed


def measure(contacts: int, rounds: int) -> bool:
    """One size: both modes, each interleaved with its own baseline (and the floor)."""
    ok = True
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        vault = working_copy(contacts_vault(contacts), folder)
        dest = folder / "backup.peerdesk"
        kdf = sorted(bare_kdf_open(vault) for _ in range(5))
        size_mb = vault.stat().st_size / 1e6
        copy_mb = _backup_size(vault, dest)
        print(f"{contacts:,} contacts: vault {size_mb:.1f} MB, backup {copy_mb:.1f} MB")
        print(f"  bare KDF open: median {kdf[2] * 1000:.0f} ms (n=5)")
        for label, own in (("vault's passphrase", None), ("--own-passphrase", OWN)):
            runs = (peerdesk_backup, bare_export, export_floor)
            times: list[list[float]] = [[], [], []]
            for run in runs:  # warm the page cache for all three
                run(vault, dest, own)
            for _ in range(rounds):
                for i, run in enumerate(runs):
                    times[i].append(run(vault, dest, own))
            subject, baseline, floor = times
            ok &= report_ratio(f"  backup ({label})", subject, baseline, TARGET)
            extra = median_ms(subject) - median_ms(floor)
            print(f"    one-transaction export (the floor): {spread(floor)}")
            over = median_ms(subject) / median_ms(floor)
            print(f"    backup over the floor: {extra:+.0f} ms ({over:.2f}x)")
    return ok


def _backup_size(vault: Path, dest: Path) -> float:
    with Vault.unlock(vault, PASSPHRASE, checks="none") as opened:
        backup(opened, dest)
    size = dest.stat().st_size / 1e6
    _remove(dest)
    return size


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else None
    sizes = [int(s) for s in sys.argv[2].split(",")] if len(sys.argv) > 2 else list(DEFAULT_ROUNDS)
    ok = True
    for contacts in sizes:
        ok &= measure(contacts, rounds or DEFAULT_ROUNDS.get(contacts, 5))
    print("all within target" if ok else "MISSED somewhere (see above)")


if __name__ == "__main__":
    main()
