"""The encrypted store. Never imports Textual or Rich (a test proves it).

Public surface: `Vault` (create, unlock, settings, change_passphrase, close),
`InstanceLock`, `Settings`, and the typed errors. Backups: `peerdesk.vault.backup`
(its functions share the submodule's name, so they are not re-exported here).

Names are loaded on first use (PEP 562): `peerdesk` takes the instance lock and
draws the unlock screen before anything needs SQLCipher, and start-up time is a
measured target (docs/performance.md).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peerdesk.vault.errors import (
        BackupError,
        EncryptionUnavailable,
        InvalidPassphrase,
        InvalidSetting,
        RestoreError,
        VaultBusy,
        VaultCannotOpen,
        VaultDamaged,
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

_HOME = {
    "InstanceLock": "instance_lock",
    "Settings": "settings",
    "Health": "store",
    "Vault": "store",
}
_ERRORS = (
    "BackupError",
    "EncryptionUnavailable",
    "InvalidPassphrase",
    "InvalidSetting",
    "RestoreError",
    "VaultBusy",
    "VaultCannotOpen",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultMissing",
    "VaultReadOnly",
    "VaultTooNew",
    "WrongPassphrase",
)
_HOME.update(dict.fromkeys(_ERRORS, "errors"))

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
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultMissing",
    "VaultReadOnly",
    "VaultTooNew",
    "WrongPassphrase",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"peerdesk.vault.{module}"), name)
    globals()[name] = value
    return value
