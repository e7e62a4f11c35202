"""SQLite's own errors, turned into vault errors with a sentence a peer understands.

Why this exists: a full disk, an I/O error or a busy file raises sqlcipher3's
OperationalError or DatabaseError, and callers that catch only `VaultError` let it
through; in the terminal app that reached Textual's crash report, which prints local
variables (a form's note and handle). So every connection the `Vault` hands out is
wrapped by `guard`: each statement, fetch and row it reads raises one of the classes
below instead, whatever repository ran it.

The classes are sqlcipher3 errors of the same kind as well (`VaultDiskFull` is an
OperationalError, `VaultDamaged` a DatabaseError) and keep `sqlite_errorcode`, so code
that already catches those (backup, the monthly counts) works unchanged. Their text is
always one of our sentences, never SQLite's message: nothing a peer typed can reach it.
Errors of other kinds (a constraint, a programming mistake) pass through untouched: they
are bugs, and the app's crash handler ends those with a fixed sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from peerdesk import messages
from peerdesk.vault.errors import VaultError
from peerdesk.vault.sqlcipher import Connection, DatabaseError, OperationalError

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# When an error carries no code (raised above the C layer), its fixed English text says
# which one it is. Matched on SQLite's wording, never shown.
_CODE_BY_TEXT = (
    ("database or disk is full", SQLITE_FULL),
    ("disk i/o error", SQLITE_IOERR),
    ("readonly database", SQLITE_READONLY),
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("malformed", SQLITE_CORRUPT),
    ("not a database", SQLITE_NOTADB),
)


class VaultStorageError(VaultError, DatabaseError):  # type: ignore[misc]
    """SQLite could not read or write the vault file; the transaction was rolled back.

    `kind` is a stable id a caller may choose its own wording by (the TUI says what
    happened to the open form); `sqlite_errorcode` is SQLite's primary code.
    """

    kind = "storage"

    def __init__(self, sentence: str, code: int) -> None:
        super().__init__(sentence)
        self.sqlite_errorcode = code


class VaultDiskFull(VaultStorageError, OperationalError):  # type: ignore[misc]
    """SQLITE_FULL: the disk (or the vault's page limit) is full."""

    kind = "disk-full"


class VaultIOError(VaultStorageError, OperationalError):  # type: ignore[misc]
    """SQLITE_IOERR / SQLITE_CANTOPEN: the operating system failed a read or write."""

    kind = "io"


class VaultNotWritable(VaultStorageError, OperationalError):  # type: ignore[misc]
    """SQLITE_READONLY: the file or its folder lost write permission."""

    kind = "not-writable"


class VaultFileBusy(VaultStorageError, OperationalError):  # type: ignore[misc]
    """SQLITE_BUSY: another program holds the file past busy_timeout."""

    kind = "busy"


class VaultDamaged(VaultStorageError):
    """SQLITE_CORRUPT / SQLITE_NOTADB: a page failed its check (HMAC or structure)."""

    kind = "damaged"


_CLASSES: dict[int, tuple[type[VaultStorageError], str]] = {
    SQLITE_FULL: (VaultDiskFull, messages.VAULT_DISK_FULL),
    SQLITE_IOERR: (VaultIOError, messages.VAULT_IO_ERROR),
    SQLITE_CANTOPEN: (VaultIOError, messages.VAULT_IO_ERROR),
    SQLITE_READONLY: (VaultNotWritable, messages.VAULT_NOT_WRITABLE),
    SQLITE_BUSY: (VaultFileBusy, messages.VAULT_FILE_BUSY),
    # LOCKED is a conflict inside this process, not another program's: seen after a
    # rekey that failed silently on a full disk. Only the plain sentence is true then.
    SQLITE_LOCKED: (VaultStorageError, messages.VAULT_STORAGE_PLAIN),
    SQLITE_CORRUPT: (VaultDamaged, messages.VAULT_FILE_DAMAGED),
    SQLITE_NOTADB: (VaultDamaged, messages.VAULT_FILE_DAMAGED),
}


def is_sqlite_error(exc: BaseException) -> bool:
    """True for any error SQLite or SQLCipher raised (typed storage errors included)."""
    return isinstance(exc, DatabaseError)


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a sqlcipher3 error (extended codes folded)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code:
        return code & 0xFF
    return _code_by_text(exc)


def _code_by_text(exc: BaseException) -> int | None:
    text = str(exc).lower()
    for fragment, found in _CODE_BY_TEXT:
        if fragment in text:
            return found
    return None


def translate_nested(exc: BaseException) -> VaultStorageError | None:
    """Like `translate`, for an error SQLite reports with its generic code and the text
    of a statement run inside another: `sqlcipher_export` does, for a full disk or a
    damaged page it meets. Only for such errors, whose text is SQLite's own."""
    typed = translate(exc)
    code = _code_by_text(exc) if typed is None and isinstance(exc, DatabaseError) else None
    if code is None or code not in _CLASSES:
        return typed
    cls, sentence = _CLASSES[code]
    return cls(sentence, code)


def translate(exc: BaseException) -> VaultStorageError | None:
    """The typed vault error for a SQLite storage error; None for any other error."""
    if isinstance(exc, VaultStorageError):
        return exc
    if not isinstance(exc, DatabaseError):
        return None
    code = primary_code(exc)
    if code is None or code not in _CLASSES:
        return None
    cls, sentence = _CLASSES[code]
    return cls(sentence, code)


def sentence_for(exc: BaseException) -> str:
    """One sentence for any error from the vault layer, never SQLite's or Python's text.

    A vault error says its own sentence; a SQLite error gets the sentence of its kind,
    or one naming only its numeric code.
    """
    typed = translate(exc)
    if typed is not None:
        return str(typed)
    if isinstance(exc, VaultError):
        return str(exc)
    code = primary_code(exc) if isinstance(exc, DatabaseError) else None
    return messages.VAULT_STORAGE_FAILED.format(code=code if code is not None else "unknown")


def _raise_typed(exc: BaseException) -> NoReturn:
    typed = translate(exc)
    if typed is None:
        raise exc
    raise typed from None


@contextmanager
def mapped() -> Iterator[None]:
    """Run a block whose SQLite storage errors should surface as typed vault errors."""
    try:
        yield
    except DatabaseError as exc:
        _raise_typed(exc)


class GuardedCursor:
    """A cursor whose fetches and iteration raise typed vault errors."""

    __slots__ = ("_raw",)

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def fetchone(self) -> Any:
        try:
            return self._raw.fetchone()
        except DatabaseError as exc:
            _raise_typed(exc)

    def fetchall(self) -> list[Any]:
        try:
            return list(self._raw.fetchall())
        except DatabaseError as exc:
            _raise_typed(exc)

    def fetchmany(self, size: int = 1) -> list[Any]:
        try:
            return list(self._raw.fetchmany(size))
        except DatabaseError as exc:
            _raise_typed(exc)

    def __iter__(self) -> GuardedCursor:
        return self

    def __next__(self) -> Any:
        try:
            return next(self._raw)
        except DatabaseError as exc:
            _raise_typed(exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


class GuardedConnection:
    """A connection whose statements raise typed vault errors; all else is the real one."""

    __slots__ = ("raw",)

    def __init__(self, raw: Connection) -> None:
        object.__setattr__(self, "raw", raw)

    def execute(self, sql: str, parameters: Any = ()) -> GuardedCursor:
        try:
            return GuardedCursor(self.raw.execute(sql, parameters))
        except DatabaseError as exc:
            _raise_typed(exc)

    def executemany(self, sql: str, rows: Any) -> GuardedCursor:
        try:
            return GuardedCursor(self.raw.executemany(sql, rows))
        except DatabaseError as exc:
            _raise_typed(exc)

    def executescript(self, script: str) -> GuardedCursor:
        try:
            return GuardedCursor(self.raw.executescript(script))
        except DatabaseError as exc:
            _raise_typed(exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.raw, name, value)


def guard(conn: Connection) -> Connection:
    """Wrap a raw connection once; a guarded one is returned as it is."""
    return conn if isinstance(conn, GuardedConnection) else GuardedConnection(conn)
