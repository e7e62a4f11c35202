"""peerdesk's own key derivation against SQLCipher's, on the same file, interleaved.

Why the unlock leaves its KDF to SQLCipher: a backup, a restore and a salvage derive
a key in Python (hashlib) once and key several opens with it, but both run OpenSSL's
PBKDF2 and not the same OpenSSL: hashlib uses the one Python was built against,
SQLCipher's wheel bundles its own. This times the first connection of an unlock both
ways (it is on the path from Enter to home) and prints both versions.

  subject:  sqlcipher.key_for + connect with the derived key (what unlock would do)
  baseline: connect + PRAGMA key with the passphrase + first read (the bare KDF open)

Run: python -m benchmarks.bench_kdf [runs]
"""

from __future__ import annotations

import ssl
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.fixtures import PASSPHRASE, bare_kdf_open, contacts_vault, working_copy
from benchmarks.timing import interleaved, report_ratio
from peerdesk.vault.sqlcipher import connect, key_for


def derived_open(path: Path) -> float:
    """Seconds for the salt read, hashlib's PBKDF2 and the keyed first read."""
    start = time.perf_counter()
    conn = connect(path, key_for(path, PASSPHRASE), mode="rw")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def sqlcipher_openssl(path: Path) -> str:
    conn = connect(path, key_for(path, PASSPHRASE), mode="ro")
    try:
        return str(conn.execute("PRAGMA cipher_provider_version").fetchone()[0])
    finally:
        conn.close()


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(contacts_vault(1000), Path(folder))
        print(f"hashlib: {ssl.OPENSSL_VERSION}; SQLCipher: {sqlcipher_openssl(path)}")
        subject, baseline = interleaved(
            runs, lambda: derived_open(path), lambda: bare_kdf_open(path)
        )
        # The bar for keying the unlock itself with a derived key: no slower than
        # SQLCipher's own KDF, since the peer waits on it. Missed where Python's OpenSSL
        # is the older one, which is why the unlock keys with the passphrase.
        report_ratio("first unlock connection, hashlib KDF / SQLCipher KDF", subject, baseline, 1.0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
