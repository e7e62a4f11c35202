"""Typed errors of the vault. Each carries one sentence a peer can understand.

Callers (CLI, TUI) show `str(error)` as it is; they never need a traceback.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base of every error the vault raises on purpose."""


class WrongPassphrase(VaultError):
    """The key did not decrypt page 1. SQLCipher cannot tell this from a damaged page 1."""


class VaultDamaged(VaultError):
    """Page 1 decrypted (its HMAC passed, so the passphrase is right), but the pages that
    list the vault's tables are damaged, so nothing in it can be read.

    Not a WrongPassphrase: the lockout must not count it as a wrong guess, and the
    peer must not be told to doubt a passphrase that is right.
    """


class VaultMissing(VaultError):
    """There is no file where the vault should be."""


class VaultExists(VaultError):
    """Create was asked to overwrite an existing file."""


class VaultBusy(VaultError):
    """Another peerdesk process holds the vault's instance lock."""


class EncryptionUnavailable(VaultError):
    """SQLCipher is not active or refused a safety setting: never go on in plaintext."""


class VaultTooNew(VaultError):
    """The schema is newer than this version of peerdesk knows."""


class VaultReadOnly(VaultError):
    """A write was attempted on a vault opened read-only after a failed integrity check."""


class InvalidPassphrase(VaultError):
    """The passphrase is empty or holds a character SQLCipher cannot take."""


class InvalidSetting(VaultError):
    """A setting value is outside what peerdesk accepts."""


class BackupError(VaultError):
    """A backup could not be written or verified; nothing was left behind."""


class RestoreError(VaultError):
    """A restore could not go ahead or was rolled back; the vault is as it was."""


class VaultCannotOpen(VaultError):
    """The file exists but SQLite cannot open it (permissions, a folder, I/O)."""
