"""The only module that talks to sqlcipher3 directly.

It owns the traps listed in shared/SECURITY.md: the key must be the first statement,
a wrong key is silent until the first read, SQLCipher logs to stderr, a missing path
is silently created, a missing cipher means plaintext, temp files may be plaintext.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlcipher3 import dbapi2

from peerdesk import messages
from peerdesk.progress import Progress, silent
from peerdesk.vault.errors import (
    EncryptionUnavailable,
    InvalidPassphrase,
    VaultCannotOpen,
    VaultDamaged,
    WrongPassphrase,
)

Connection = Any  # sqlcipher3 ships no type stubs; this alias documents intent.
DatabaseError = dbapi2.DatabaseError
OperationalError = dbapi2.OperationalError

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26

# Set on every connection, then read back: a value that does not stick stops the open.
HARDENING: tuple[tuple[str, str, str], ...] = (
    # (pragma, value to set, value expected on read-back)
    ("cipher_memory_security", "ON", "1"),
    ("temp_store", "MEMORY", "2"),
    ("secure_delete", "ON", "1"),
    ("foreign_keys", "ON", "1"),
)

INTEGRITY_STEPS = 2  # quick_check, then cipher_integrity_check

# SQLCipher 4's key derivation (the defaults peerdesk never changes; doctor reports them).
KDF_HASH = "sha512"
KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16  # the first bytes of every SQLCipher file
# Text SQLCipher itself takes as a raw key, its salt optional, and runs no KDF over:
# a passphrase of this shape always meant that to SQLCipher, so it must go on doing so.
RAW_KEY_TEXT = re.compile(r"[xX]'(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{96})'")


class VaultKey:
    """The key SQLCipher would derive from a passphrase and a file's salt, derived once.

    Every connection keyed with a passphrase runs the KDF again (~130 ms of CPU each).
    Where one step keys a file several times (a backup under its own passphrase and its
    check, a restore's staged copy, a salvage that reopens a damaged vault after every
    failed read), a key derived once (SQLCipher's raw-key form, with the salt) serves
    them all, and the file stays exactly what a passphrase opens: the same PBKDF2 over
    the same salt. hashlib's PBKDF2 is ~16% slower than SQLCipher's own (measured:
    161 vs 139 ms), so a single open (the unlock the peer waits on) keys with the
    passphrase. It lives no longer than the passphrase it came from (Python can wipe
    neither), and never prints itself.
    """

    __slots__ = ("_value",)

    def __init__(self, key: bytes, salt: bytes) -> None:
        self._value = f"x'{key.hex()}{salt.hex()}'"

    def __repr__(self) -> str:
        return "VaultKey(<hidden>)"

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> VaultKey:
        """Run the KDF (in the calling thread: hashlib lets other threads run meanwhile).

        A passphrase shaped like SQLCipher's raw key (see RAW_KEY_TEXT) is a key to
        SQLCipher, so it is one here too: a vault keyed with it by SQLCipher opens.
        """
        text = normalise_passphrase(passphrase)
        if RAW_KEY_TEXT.fullmatch(text):
            digits = text[2:-1]
            return cls(bytes.fromhex(digits[:64]), bytes.fromhex(digits[64:]) or salt)
        derived = hashlib.pbkdf2_hmac(KDF_HASH, text.encode(), salt, KDF_ITERATIONS, KEY_BYTES)
        return cls(derived, salt)

    @classmethod
    def for_new_file(cls, passphrase: str) -> VaultKey:
        """A key with a fresh salt, which SQLCipher writes as the new file's first bytes."""
        return cls.derive(passphrase, os.urandom(SALT_BYTES))

    @property
    def pragma_value(self) -> str:
        """The quoted value for `PRAGMA key = ...` (PRAGMA cannot bind)."""
        return f'"{self._value}"'

    @property
    def bound_value(self) -> str:
        """The value to bind to `ATTACH .. KEY ?` (quotes there would be key text)."""
        return self._value


Secret = str | VaultKey  # a passphrase (SQLCipher runs the KDF) or a key derived once


def key_for(path: Path, passphrase: str) -> VaultKey:
    """The key of the file at `path`, from the salt it starts with (SQLCipher reads
    the same 16 bytes).

    A file too short to hold a salt (empty, or cut) has none to share: it gets a key
    with a fresh salt, which SQLCipher treats exactly as a passphrase (an empty file
    opens as an empty database, a cut one is refused). So does a file that cannot be
    read or is not a regular file, for `connect` to report in its own words.
    """
    salt = _salt_of(path)
    if len(salt) < SALT_BYTES:
        return VaultKey.for_new_file(passphrase)
    return VaultKey.derive(passphrase, salt)


def _salt_of(path: Path) -> bytes:
    """The first bytes of the regular file at `path`, or b"" when it is none.

    A FIFO swapped in after the caller's is_file() would block a plain open (and its
    read) forever, and a read would eat a writer's bytes: opened without waiting and
    read only once it proves a regular file. An OSError here (missing, unreadable)
    is left for `connect` to meet again and report in its own words.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return b""
    try:
        return os.read(fd, SALT_BYTES) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


def normalise_passphrase(passphrase: str) -> str:
    """NFC form, so a passphrase typed as NFD (e.g. on macOS) opens an NFC vault."""
    if not passphrase:
        raise InvalidPassphrase(messages.PASSPHRASE_EMPTY)
    if "\x00" in passphrase:
        raise InvalidPassphrase(messages.PASSPHRASE_BAD_CHARACTER)
    return unicodedata.normalize("NFC", passphrase)


def sql_string(value: str) -> str:
    """A single-quoted SQL literal. Only for PRAGMA key/rekey, which cannot bind."""
    return "'" + value.replace("'", "''") + "'"


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def connect(path: Path, passphrase: Secret, *, mode: str) -> Connection:
    """Open and key `path`, proving the key on a first read.

    `mode` is a SQLite URI mode: "rw" for existing vaults (never creates a file),
    "ro" for a damaged vault, "rwc" only from the explicit create step.
    Raises WrongPassphrase (wrong key or damaged page 1) or VaultDamaged (right key,
    damaged schema pages) with nothing on stderr.
    """
    conn = _keyed(path, passphrase, mode=mode)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            # Page 1 that does not decrypt is NOTADB: a wrong key, or page 1 itself damaged
            # (SQLCipher cannot tell them apart). CORRUPT comes only after page 1's HMAC
            # passed, so the passphrase is right and a later page of the schema (or a file
            # cut short after page 1) is damaged; measured with flipped bytes on every page.
            code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
            if code == SQLITE_CORRUPT:
                raise VaultDamaged(messages.VAULT_DAMAGED_UNREADABLE) from None
            if code == SQLITE_NOTADB or "not a database" in str(exc):
                raise WrongPassphrase(messages.WRONG_PASSPHRASE) from None
            raise VaultCannotOpen(
                messages.VAULT_CANNOT_OPEN.format(path=path, reason=exc)
            ) from None
        harden(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def connect_unread(path: Path, passphrase: Secret) -> Connection:
    """A read-only connection, keyed and hardened, that has not read a page yet.

    SQLCipher runs the KDF on the first read, so this costs well under a millisecond
    and the KDF runs in whichever thread reads first (the background check's worker).
    Only for a file another connection has just proved the passphrase on.
    """
    conn = _keyed(path, passphrase, mode="ro")
    try:
        harden(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _keyed(path: Path, passphrase: Secret, *, mode: str) -> Connection:
    """Open `path` and set the key as the first statement; nothing is read yet."""
    key = (
        passphrase.pragma_value
        if isinstance(passphrase, VaultKey)
        else sql_string(normalise_passphrase(passphrase))
    )
    try:
        # cached_statements=0: with cipher_memory_security ON every allocation SQLite
        # makes outside its small per-connection lookaside pool costs an mlock and an
        # munlock system call. Cached statements hold that pool, so with a cache every
        # row a bulk write touches paid ~50 system calls (a 10,000-clinician import
        # took 5-7 s after unlock); without one it is 2-3x faster overall, and parsing
        # a statement again costs tens of microseconds. Measured in docs/performance.md.
        conn = dbapi2.connect(
            _uri(path, mode),
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            cached_statements=0,
        )
    except OperationalError as exc:
        raise VaultCannotOpen(messages.VAULT_CANNOT_OPEN.format(path=path, reason=exc)) from None
    try:
        conn.execute(f"PRAGMA key = {key}")  # must be the first statement
        conn.execute("PRAGMA cipher_log_level = NONE")  # before the first read
        require_cipher(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def require_cipher(conn: Connection) -> None:
    """Refuse to continue unless SQLCipher is really active on this connection."""
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise EncryptionUnavailable(messages.VAULT_NOT_ENCRYPTED)


def harden(conn: Connection) -> None:
    """Apply the safety pragmas and read each one back."""
    for name, value, expected in HARDENING:
        conn.execute(f"PRAGMA {name} = {value}")
        row = conn.execute(f"PRAGMA {name}").fetchone()
        if row is None or str(row[0]) != expected:
            raise EncryptionUnavailable(messages.VAULT_SETTING_REFUSED.format(name=name))


def _all_rows(conn: Connection, sql: str) -> list[Any]:
    """Every row of `sql`, its cursor closed here, on the thread that ran it.

    The checks run in a worker thread. A cursor left for Python's collector can be
    finalized on the app's thread while the worker closes the connection: with the
    check's progress drawn meanwhile, the damaged-vault test crashed the process
    (SIGSEGV in the collector) in about one run in four; with the cursors closed
    here, in none of 28.
    """
    cursor = conn.cursor()
    try:
        return list(cursor.execute(sql).fetchall())
    finally:
        cursor.close()


def integrity_problems(conn: Connection, progress: Progress = silent) -> list[str]:
    """What quick_check and cipher_integrity_check report; empty means healthy.

    Each is one C loop over every page (SQLite's progress handler is not called
    inside it), so `progress` hears the two checks as two steps, not pages.
    """
    problems: list[str] = []
    checking = messages.PROGRESS_CHECK_VAULT
    try:
        progress(checking, 0, INTEGRITY_STEPS)
        rows = _all_rows(conn, "PRAGMA quick_check")
        problems += [str(r[0]) for r in rows if str(r[0]) != "ok"]
        progress(checking, 1, INTEGRITY_STEPS)
        problems += [str(r[0]) for r in _all_rows(conn, "PRAGMA cipher_integrity_check")]
    except DatabaseError as exc:
        problems.append(str(exc))
    progress(checking, INTEGRITY_STEPS, INTEGRITY_STEPS)
    return problems


def cipher_facts(conn: Connection) -> dict[str, str]:
    """SQLCipher version and KDF settings, for `peerdesk doctor`."""
    facts = {
        "cipher_version": str(conn.execute("PRAGMA cipher_version").fetchone()[0]),
        "cipher_provider": str(conn.execute("PRAGMA cipher_provider_version").fetchone()[0]),
        "sqlite_version": str(dbapi2.sqlite_version),
    }
    for (line,) in conn.execute("PRAGMA cipher_settings"):
        # e.g. "PRAGMA kdf_iter = 256000;"
        name, _, value = str(line).removeprefix("PRAGMA ").rstrip(";").partition(" = ")
        facts[name] = value
    return facts
