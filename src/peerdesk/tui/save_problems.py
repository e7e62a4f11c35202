"""The sentence a form shows when its save failed, with the form still open.

A failed save must never cost what the peer typed, so the forms that hold typed text
(contact, clinician) and the colleague's-concern dialog stay open and say what happened
in words a peer understands.
Nothing here shows an exception's own text unless it is one of the vault's sentences:
Python's or SQLite's text may carry the values being saved.
"""

from __future__ import annotations

from peerdesk import messages
from peerdesk.vault.errors import VaultError
from peerdesk.vault.sqlite_errors import VaultDiskFull, VaultStorageError


def sentence(exc: BaseException, *, dialog: bool = False) -> str:
    """A fixed sentence for any failure of a save; never the exception's message.

    `dialog`: a small dialog saved with enter, not a form saved with ctrl+s that a lock
    keeps as a draft, so the sentence names the key that works there and promises no draft.
    """
    if isinstance(exc, VaultDiskFull):
        return messages.SAVE_FAILED_DISK_FULL_DIALOG if dialog else messages.SAVE_FAILED_DISK_FULL
    if isinstance(exc, VaultStorageError):
        again = messages.SAVE_FAILED_STORAGE_DIALOG if dialog else messages.SAVE_FAILED_STORAGE
        return again.format(reason=exc)
    if isinstance(exc, VaultError):
        return str(exc)
    return messages.SAVE_FAILED_UNEXPECTED_DIALOG if dialog else messages.SAVE_FAILED_UNEXPECTED
