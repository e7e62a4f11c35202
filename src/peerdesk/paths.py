"""Where peerdesk keeps things on disk.

Everything is overridable so that tests and `peerdesk demo` never touch the real
vault: `--vault` / `PEERDESK_VAULT` for the vault, `PEERDESK_CONFIG_DIR` for the
plain (non-confidential) config folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "peerdesk"
VAULT_FILENAME = "vault.peerdesk"
VAULT_ENV = "PEERDESK_VAULT"
CONFIG_ENV = "PEERDESK_CONFIG_DIR"


def default_vault_path() -> Path:
    """The vault in the platform's user data dir, unless PEERDESK_VAULT says otherwise."""
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / VAULT_FILENAME


def config_dir() -> Path:
    """The plain config folder. Only public information (crisis lines) lives here."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def lock_path_for(vault_path: Path) -> Path:
    """The sidecar file whose flock says 'a peerdesk has this vault open'."""
    return vault_path.with_name(vault_path.name + ".lock")
