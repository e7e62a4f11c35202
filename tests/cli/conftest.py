"""Fixtures for the CLI tests: the `cli` runner and a closed vault as a peer has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_template
from tests.support.cli import Cli


@pytest.fixture
def cli(vault_path: Path) -> Cli:
    return Cli(vault_path)


@pytest.fixture
def made_vault(vault_path: Path, vault_template: Path) -> Path:
    """A closed vault at vault_path (passphrase: PASSPHRASE), as a peer would have it."""
    return copy_template(vault_template, vault_path)
