"""The CLI fixtures (`cli`, `made_vault`) for the referral tests, from tests/cli."""

from __future__ import annotations

from tests.cli.conftest import cli, made_vault
from tests.tui.conftest import closed_vault

__all__ = ["cli", "closed_vault", "made_vault"]
