"""Fixtures shared by every test folder.

No test may touch the real home directory: every location peerdesk could reach
(HOME, XDG dirs, the config dir, the vault default) is pointed into tmp_path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.vault import Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every directory peerdesk might use into this test's tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("PEERDESK_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("PEERDESK_VAULT", "PEERDESK_PASSPHRASE", "PEERDESK_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    """Where a test's vault lives; the folder does not exist yet."""
    return tmp_path / "vaultdir" / "vault.peerdesk"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    """A freshly created, unlocked vault (passphrase: PASSPHRASE), closed afterwards."""
    opened = Vault.create(vault_path, PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()
