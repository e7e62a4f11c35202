"""The sentence a form shows when its save failed, with the form still open.

A failed save must never cost what the peer typed, so the forms that hold typed text
(contact, clinician) stay open and say what happened in words a peer understands.
Nothing here shows an exception's own text unless it is one of the vault's sentences:
Python's or SQLite's text may carry the values being saved.
"""

from __future__ import annotations

from peerdesk import messages
from peerdesk.vault.errors import VaultError
from peerdesk.vault.sqlite_errors import VaultDiskFull, VaultStorageError


def sentence(exc: BaseException) -> str:
    """A fixed sentence for any failure of a save; never the exception's message."""
    if isinstance(exc, VaultDiskFull):
        return messages.SAVE_FAILED_DISK_FULL
    if isinstance(exc, VaultStorageError):
        return messages.SAVE_FAILED_STORAGE.format(reason=exc)
    if isinstance(exc, VaultError):
        return str(exc)
    return messages.SAVE_FAILED_UNEXPECTED
