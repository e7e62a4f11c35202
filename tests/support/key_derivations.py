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
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        conn.execute("PRAGMA cipher_log_level = NONE")
        return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        conn.close()


def keyed_by_sqlcipher(source: Path, source_passphrase: str, dest: Path, passphrase: str) -> Path:
    """A copy of `source` made the way peerdesk made them before: SQLCipher's own KDF
    over the passphrase text, SQLCipher's own salt."""
    conn = dbapi2.connect(str(source))
    try:
        conn.execute("PRAGMA key = '" + source_passphrase.replace("'", "''") + "'")
        conn.execute("ATTACH DATABASE ? AS older KEY ?", (str(dest), passphrase))
        conn.execute("SELECT sqlcipher_export('older')")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA older.user_version = {version}")
        conn.execute("DETACH DATABASE older")
    finally:
        conn.close()
    return dest
