"""The encrypted store. Never imports Textual or Rich (a test proves it).

Public surface: `Vault` (create, unlock, settings, change_passphrase, close),
`backup`/`restore`, `InstanceLock`, `Settings`, and the typed errors.
"""

from peerdesk.vault.backup import backup, restore, verify_copy
from peerdesk.vault.errors import (
    BackupError,
    EncryptionUnavailable,
    InvalidPassphrase,
    InvalidSetting,
    RestoreError,
    VaultBusy,
    VaultCannotOpen,
    VaultError,
    VaultExists,
    VaultMissing,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
)
from peerdesk.vault.instance_lock import InstanceLock
from peerdesk.vault.settings import Settings
from peerdesk.vault.store import Health, Vault

__all__ = [
    "BackupError",
    "EncryptionUnavailable",
    "Health",
    "InstanceLock",
    "InvalidPassphrase",
    "InvalidSetting",
    "RestoreError",
    "Settings",
    "Vault",
    "VaultBusy",
    "VaultCannotOpen",
    "VaultError",
    "VaultExists",
    "VaultMissing",
    "VaultReadOnly",
    "VaultTooNew",
    "WrongPassphrase",
    "backup",
    "restore",
    "verify_copy",
]
