"""SQLite and SQLCipher errors as one sentence a peer understands.

A full disk, an I/O error or a busy database surfaces as a `sqlcipher3.dbapi2`
error, not as one of peerdesk's own vault errors; its message is SQLite's English
and may quote SQL. Callers that must never show a traceback (the command line) ask
here for the sentence, chosen by SQLite's primary result code alone, so nothing
the exception carries is ever printed.
"""

from __future__ import annotations

import sys

from peerdesk import messages

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26

_SENTENCES = {
    SQLITE_FULL: messages.SQLITE_FULL,
    SQLITE_IOERR: messages.SQLITE_IOERR,
    SQLITE_READONLY: messages.SQLITE_READONLY,
    SQLITE_BUSY: messages.SQLITE_BUSY,
    # LOCKED is a conflict inside one process, not another program: seen after a
    # rekey that failed silently on a full disk. Only the plain sentence is true.
    SQLITE_LOCKED: messages.SQLITE_OTHER,
    SQLITE_CORRUPT: messages.SQLITE_CORRUPT,
    SQLITE_NOTADB: messages.SQLITE_CORRUPT,
}


def is_sqlite_error(exc: BaseException) -> bool:
    """True for any sqlcipher3 error; never imports SQLCipher to find out.

    If sqlcipher3 was never imported, no code could have raised one of its errors.
    """
    dbapi2 = sys.modules.get("sqlcipher3.dbapi2")
    return dbapi2 is not None and isinstance(exc, dbapi2.Error)


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code (the low byte of the extended code), if known."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def sentence_for(exc: BaseException) -> str:
    """The sentence for a SQLite error: what happened, and that nothing was saved."""
    code = primary_code(exc)
    return messages.SQLITE_OTHER if code is None else _SENTENCES.get(code, messages.SQLITE_OTHER)
