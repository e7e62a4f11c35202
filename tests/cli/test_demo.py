"""`peerdesk demo --no-tui`: a throwaway vault that never touches the real one."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.paths import default_vault_path
from peerdesk.synthetic.demo import create_demo, seed_demo
from peerdesk.vault import Settings, Vault
from tests.support.cli import Cli


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where tempfile puts the demo folder during this test."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_demo_no_tui_prints_a_vault_that_opens_with_the_printed_passphrase(
    cli: Cli, temp_root: Path, vault_path: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real" / "vault.peerdesk"
    result = cli("demo", "--no-tui", env={"PEERDESK_VAULT": str(real)}, with_vault=False)
    assert result.exit_code == 0, result.output
    path_match = re.search(r"^Demo vault .*: (.+)$", result.stdout, re.MULTILINE)
    pass_match = re.search(r"^Demo passphrase: (\S+)$", result.stdout, re.MULTILINE)
    assert path_match and pass_match
    demo_path = Path(path_match.group(1))
    assert demo_path.is_relative_to(temp_root)
    assert demo_path != default_vault_path()
    assert not real.exists()
    assert not vault_path.exists()
    assert messages.CLI_DEMO_KEPT.format(folder=demo_path.parent) in result.stdout
    with Vault.unlock(demo_path, pass_match.group(1)) as vault:
        assert vault.settings().idle_lock_minutes == 30


def test_demo_ignores_the_vault_option(cli: Cli, temp_root: Path, vault_path: Path) -> None:
    result = cli("demo", "--no-tui")
    assert result.exit_code == 0
    assert not vault_path.exists()
    assert len(list(temp_root.iterdir())) == 1


def test_two_demos_get_different_folders_and_passphrases(temp_root: Path) -> None:
    first, second = create_demo(), create_demo()
    try:
        assert first.folder != second.folder
        assert first.passphrase != second.passphrase
    finally:
        first.remove()
        second.remove()
    assert list(temp_root.iterdir()) == []


def test_seed_demo_changes_settings_of_any_vault(vault: Vault) -> None:
    assert vault.settings() == Settings()
    seed_demo(vault)
    assert vault.settings().idle_lock_minutes == 30
