"""Count the key derivations a step runs, and open a file the way any SQLCipher tool would.

Opening with the passphrase alone proves a file is still what that passphrase opens,
whatever key form peerdesk used to write it. (The count is the `derivations` fixture in
tests/conftest.py.)
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2


def opens_with_passphrase_alone(path: Path, passphrase: str) -> int:
    """Plain SQLCipher, keyed as any SQLCipher tool would: the number of tables read."""
    conn = dbapi2.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = '{passphrase}'")
        conn.execute("PRAGMA cipher_log_level = NONE")
        return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        conn.close()
