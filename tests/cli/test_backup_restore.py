"""`peerdesk backup FILE` and `peerdesk restore FILE` against real vault files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.vault import Settings, Vault, WrongPassphrase
from peerdesk.vault.backup import verify_copy
from tests.conftest import PASSPHRASE
from tests.support.cli import (
    BACKUP_PASSPHRASE,
    WRONG_PASSPHRASE,
    Cli,
    lines,
    vault_files,
)


def set_idle(path: Path, minutes: int, passphrase: str = PASSPHRASE) -> None:
    with Vault.unlock(path, passphrase) as vault:
        vault.save_settings(replace(vault.settings(), idle_lock_minutes=minutes))


def idle(path: Path, passphrase: str = PASSPHRASE) -> int:
    with Vault.unlock(path, passphrase) as vault:
        return vault.settings().idle_lock_minutes


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    folder = tmp_path / "backups"
    folder.mkdir()
    return folder / "vault-backup.peerdesk"


def test_backup_then_restore_brings_the_old_setting_back(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    set_idle(made_vault, 10)
    made = cli("backup", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    assert made.exit_code == 0
    assert messages.CLI_BACKUP_DONE.format(path=backup_file) in made.stdout
    set_idle(made_vault, 20)

    restored = cli(
        "restore", str(backup_file), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE)
    )
    assert restored.exit_code == 0
    assert messages.CLI_RESTORE_DONE.format(path=made_vault, backup=backup_file) in restored.stdout
    assert idle(made_vault) == 10


def test_backup_with_own_passphrase_opens_only_with_that(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    result = cli(
        "backup",
        str(backup_file),
        "--own-passphrase",
        "--passphrase-stdin",
        input=lines(PASSPHRASE, BACKUP_PASSPHRASE),
    )
    assert result.exit_code == 0
    assert messages.CLI_BACKUP_DONE_OWN.format(path=backup_file) in result.stdout
    verify_copy(backup_file, BACKUP_PASSPHRASE, None)
    with pytest.raises(WrongPassphrase):
        verify_copy(backup_file, PASSPHRASE, None)


def test_backup_own_passphrase_from_environment(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    env = {"PEERDESK_PASSPHRASE": PASSPHRASE, "PEERDESK_NEW_PASSPHRASE": BACKUP_PASSPHRASE}
    result = cli("backup", str(backup_file), "--own-passphrase", env=env)
    assert result.exit_code == 0
    verify_copy(backup_file, BACKUP_PASSPHRASE, None)


def test_backup_refuses_an_existing_file(cli: Cli, made_vault: Path, backup_file: Path) -> None:
    backup_file.write_bytes(b"precious")
    result = cli("backup", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.BACKUP_EXISTS.format(path=backup_file)
    assert backup_file.read_bytes() == b"precious"


def test_backup_into_a_missing_folder_is_refused(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nowhere" / "b.peerdesk"
    result = cli("backup", str(target), "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.CLI_BACKUP_NO_FOLDER.format(path=target.parent)


def test_backup_with_wrong_passphrase_writes_nothing(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    before = vault_files(made_vault)
    result = cli("backup", str(backup_file), "--passphrase-stdin", input=lines(WRONG_PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.WRONG_PASSPHRASE
    assert list(backup_file.parent.iterdir()) == []
    assert vault_files(made_vault) == before


def test_restore_of_a_garbage_file_leaves_the_vault_as_it_was(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    backup_file.write_bytes(b"not a backup at all" * 500)
    before = vault_files(made_vault)
    result = cli(
        "restore", str(backup_file), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE)
    )
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(
        messages.RESTORE_NOT_VALID.split("{path}")[0] + str(backup_file)
    )
    assert result.stderr.strip().endswith("Nothing was changed.")
    assert vault_files(made_vault) == before


def test_restore_with_wrong_passphrase_changes_nothing(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    cli("backup", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    set_idle(made_vault, 20)
    before = vault_files(made_vault)
    result = cli(
        "restore", str(backup_file), "--yes", "--passphrase-stdin", input=lines(WRONG_PASSPHRASE)
    )
    assert result.exit_code == 1
    assert messages.WRONG_PASSPHRASE.rstrip(".") in result.stderr
    assert vault_files(made_vault) == before


def test_restore_of_a_missing_file_is_named(cli: Cli, made_vault: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.peerdesk"
    result = cli("restore", str(missing), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.BACKUP_MISSING.format(path=missing)


def test_restore_asks_before_replacing_and_no_keeps_the_vault(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    cli("backup", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    set_idle(made_vault, 20)
    before = vault_files(made_vault)
    result = cli("restore", str(backup_file), input="n\n")
    assert result.exit_code == 1
    assert messages.CLI_RESTORE_CONFIRM.format(path=made_vault, backup=backup_file) in result.stderr
    assert vault_files(made_vault) == before


def test_restore_confirmed_at_the_prompt(cli: Cli, made_vault: Path, backup_file: Path) -> None:
    set_idle(made_vault, 10)
    cli("backup", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    set_idle(made_vault, 20)
    result = cli("restore", str(backup_file), input="y\n" + lines(PASSPHRASE))
    assert result.exit_code == 0
    assert idle(made_vault) == 10


def test_restore_with_stdin_passphrases_needs_yes(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    cli("backup", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    before = vault_files(made_vault)
    result = cli("restore", str(backup_file), "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 2
    assert "--yes" in result.stderr
    assert vault_files(made_vault) == before


def test_restore_of_own_passphrase_backup_into_a_new_place(
    cli: Cli, made_vault: Path, backup_file: Path, tmp_path: Path
) -> None:
    cli(
        "backup",
        str(backup_file),
        "--own-passphrase",
        "--passphrase-stdin",
        input=lines(PASSPHRASE, BACKUP_PASSPHRASE),
    )
    fresh = Cli(tmp_path / "laptop2" / "vault.peerdesk")
    result = fresh("restore", str(backup_file), env={"PEERDESK_PASSPHRASE": BACKUP_PASSPHRASE})
    assert result.exit_code == 0
    assert idle(fresh.vault_path, BACKUP_PASSPHRASE) == Settings().idle_lock_minutes


def test_restore_yes_of_an_empty_file_keeps_the_vault(
    cli: Cli, made_vault: Path, backup_file: Path
) -> None:
    backup_file.touch()
    set_idle(made_vault, 20)
    before = vault_files(made_vault)
    result = cli(
        "restore", str(backup_file), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE)
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.RESTORE_NOT_VALID.format(
        path=backup_file, reason=messages.RESTORE_EMPTY_FILE
    )
    assert vault_files(made_vault) == before
    assert idle(made_vault) == 20


def test_a_read_of_a_damaged_vault_says_so_on_stderr(cli: Cli, made_vault: Path) -> None:
    with Vault.unlock(made_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"filler-{i}", '"' + "x" * 200 + '"') for i in range(400)],
        )
        # The whole-file check is due (a day since the last, here never): a command
        # then reads every page, damage included, and opens the vault read-only.
        conn.execute("DELETE FROM settings WHERE key = 'full_check_passed_at'")
    data = bytearray(made_vault.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit in a page in the middle (not page 1)
    made_vault.write_bytes(bytes(data))
    result = cli("settings", "show", env={"PEERDESK_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0
    assert messages.VAULT_DAMAGED_READ_ONLY in result.stderr
    assert "idle" in result.stdout.lower()


def test_restore_of_a_folder_says_it_is_a_folder(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    before = vault_files(made_vault)
    result = cli("restore", str(folder), "--yes", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.BACKUP_IS_FOLDER.format(path=folder)
    assert vault_files(made_vault) == before
