"""`peerdesk backup` of a vault whose schema pages are damaged names the damage.

The passphrase is right (page 1 decrypted), so the peer must not be told it may be
wrong; nothing can be copied out, so no backup file is written.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.helpers import add_contacts
from tests.support.cli import Cli, lines
from tests.support.damage import damage_a_schema_page


def test_backup_of_a_vault_with_a_damaged_schema_page(vault_path: Path, tmp_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        add_contacts(vault, 30)
    damage_a_schema_page(vault_path, PASSPHRASE)
    data = vault_path.read_bytes()
    dest = tmp_path / "b.peerdesk"

    result = Cli(vault_path)("backup", str(dest), "--passphrase-stdin", input=lines(PASSPHRASE))

    assert result.exit_code == 1
    assert " ".join(messages.VAULT_DAMAGED_UNREADABLE.split()) in " ".join(result.stderr.split())
    assert messages.WRONG_PASSPHRASE not in result.stderr
    assert not dest.exists()
    assert vault_path.read_bytes() == data
