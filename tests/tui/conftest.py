"""Fixtures for the Pilot tests: a vault that exists but is closed (as after a restart)."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def closed_vault(vault_path: Path) -> Path:
    """A vault created with PASSPHRASE and closed again; returns its path."""
    Vault.create(vault_path, PASSPHRASE).close()
    return vault_path
