"""`peerdesk init` and `peerdesk passphrase`, with every passphrase source."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.paths import default_vault_path
from peerdesk.vault import Vault, WrongPassphrase
from peerdesk.vault.private_files import file_mode
from tests.conftest import PASSPHRASE
from tests.support.cli import NEW_PASSPHRASE, WRONG_PASSPHRASE, Cli, lines, vault_files


def opens_with(path: Path, passphrase: str) -> bool:
    try:
        Vault.unlock(path, passphrase).close()
    except WrongPassphrase:
        return False
    return True


# --- init ----------------------------------------------------------------------
def test_init_from_stdin_creates_a_private_vault(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 0
    assert messages.CLI_INIT_DONE.format(path=vault_path) in result.stdout
    assert messages.NO_RECOVERY_WARNING in result.stderr
    assert file_mode(vault_path) == 0o600
    assert file_mode(vault_path.parent) == 0o700
    assert opens_with(vault_path, PASSPHRASE)


def test_init_from_environment(cli: Cli, vault_path: Path) -> None:
    result = cli("init", env={"PEERDESK_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0
    assert opens_with(vault_path, PASSPHRASE)


def test_init_prompt_hides_input_and_asks_twice(cli: Cli, vault_path: Path) -> None:
    # First pair does not match, so the prompt asks again; nothing typed is echoed
    # (the Cli helper fails the test if a passphrase reaches the output).
    typed = lines(PASSPHRASE, WRONG_PASSPHRASE, PASSPHRASE, PASSPHRASE)
    result = cli("init", input=typed)
    assert result.exit_code == 0
    assert messages.PROMPT_NEW_PASSPHRASE in result.stderr
    assert messages.PROMPT_REPEAT in result.stderr
    assert opens_with(vault_path, PASSPHRASE)
    assert not opens_with(vault_path, WRONG_PASSPHRASE)


def test_init_shows_the_strength_of_a_new_passphrase(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 0
    assert messages.STRENGTH_STRONG in result.stderr


@pytest.mark.parametrize("weak", ["sunshine", "x", "Summer2024!", "Tr0ub4dor&3", "police 123"])
def test_init_refuses_a_passphrase_below_the_floor(cli: Cli, vault_path: Path, weak: str) -> None:
    result = cli("init", "--passphrase-stdin", input=lines(weak))
    assert result.exit_code == 1
    assert messages.PASSPHRASE_TOO_WEAK in result.stderr
    assert weak not in result.output
    assert not vault_path.exists()


def test_init_rates_only_the_first_72_characters(cli: Cli, vault_path: Path) -> None:
    """zxcvbn refuses longer input; a long passphrase is rated by its start."""
    long_one = PASSPHRASE + " " + "x" * 100
    assert cli("init", "--passphrase-stdin", input=lines(long_one)).exit_code == 0
    assert opens_with(vault_path, long_one)
    weak_start = "a" * 72 + " plum ferry orbit lantern"
    other = Cli(vault_path.parent.parent / "other" / "vault.peerdesk")
    assert other("init", "--passphrase-stdin", input=lines(weak_start)).exit_code == 1


def test_passphrase_change_refuses_one_below_the_floor(cli: Cli, made_vault: Path) -> None:
    before = vault_files(made_vault)
    result = cli("passphrase", "--passphrase-stdin", input=lines(PASSPHRASE, "sunshine1"))
    assert result.exit_code == 1
    assert messages.PASSPHRASE_TOO_WEAK in result.stderr
    assert vault_files(made_vault) == before
    assert opens_with(made_vault, PASSPHRASE)


def test_init_creates_a_private_folder_and_says_so(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 0
    assert messages.VAULT_FOLDER_CREATED.format(folder=vault_path.parent) in result.stderr
    assert file_mode(vault_path.parent) == 0o700


def test_init_tightens_an_open_folder_and_says_so(cli: Cli, vault_path: Path) -> None:
    vault_path.parent.mkdir()
    vault_path.parent.chmod(0o777)
    result = cli("init", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 0
    said = messages.VAULT_FOLDER_TIGHTENED.format(folder=vault_path.parent, mode="0777")
    assert said in result.stderr
    assert file_mode(vault_path.parent) == 0o700
    assert opens_with(vault_path, PASSPHRASE)


def test_init_in_a_private_folder_says_nothing_about_it(cli: Cli, vault_path: Path) -> None:
    vault_path.parent.mkdir(mode=0o700)
    result = cli("init", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 0
    assert str(vault_path.parent) + " " not in result.stderr
    assert "0700" not in result.stderr


def test_init_refuses_an_existing_vault(cli: Cli, made_vault: Path) -> None:
    before = vault_files(made_vault)
    result = cli("init", "--passphrase-stdin", input=lines(NEW_PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.VAULT_EXISTS.format(path=made_vault)
    assert vault_files(made_vault) == before
    assert opens_with(made_vault, PASSPHRASE)


def test_init_with_stdin_ended_says_so_and_creates_nothing(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--passphrase-stdin", input="")
    assert result.exit_code == 1
    assert messages.STDIN_ENDED.format(what=messages.WHAT_NEW) in result.stderr
    assert not vault_path.exists()


def test_init_refuses_an_empty_passphrase(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--passphrase-stdin", input="\n")
    assert result.exit_code == 1
    assert messages.PASSPHRASE_EMPTY in result.stderr
    assert not vault_path.exists()


def test_init_keeps_spaces_inside_a_stdin_passphrase(cli: Cli, vault_path: Path) -> None:
    result = cli("init", "--passphrase-stdin", input=" " + PASSPHRASE + " \r\n")
    assert result.exit_code == 0
    assert opens_with(vault_path, " " + PASSPHRASE + " ")
    assert not opens_with(vault_path, PASSPHRASE)


def test_peerdesk_vault_variable_is_honoured(cli: Cli, tmp_path: Path) -> None:
    elsewhere = tmp_path / "from-env" / "v.peerdesk"
    result = cli(
        "init",
        env={"PEERDESK_VAULT": str(elsewhere), "PEERDESK_PASSPHRASE": PASSPHRASE},
        with_vault=False,
    )
    assert result.exit_code == 0
    assert opens_with(elsewhere, PASSPHRASE)


def test_vault_option_wins_over_the_variable(cli: Cli, vault_path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "from-env" / "v.peerdesk"
    result = cli("init", env={"PEERDESK_VAULT": str(elsewhere), "PEERDESK_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0
    assert vault_path.is_file()
    assert not elsewhere.exists()


def test_default_vault_is_in_the_user_data_dir(cli: Cli, isolated_home: Path) -> None:
    result = cli("init", env={"PEERDESK_PASSPHRASE": PASSPHRASE}, with_vault=False)
    assert result.exit_code == 0
    default = default_vault_path()
    assert default.is_relative_to(isolated_home)
    assert opens_with(default, PASSPHRASE)


# --- passphrase ----------------------------------------------------------------
def test_passphrase_change_from_stdin_current_then_new(cli: Cli, made_vault: Path) -> None:
    result = cli("passphrase", "--passphrase-stdin", input=lines(PASSPHRASE, NEW_PASSPHRASE))
    assert result.exit_code == 0
    assert messages.CLI_PASSPHRASE_CHANGED in result.stdout
    assert opens_with(made_vault, NEW_PASSPHRASE)
    assert not opens_with(made_vault, PASSPHRASE)


def test_passphrase_stdin_order_matters(cli: Cli, made_vault: Path) -> None:
    before = vault_files(made_vault)
    result = cli("passphrase", "--passphrase-stdin", input=lines(NEW_PASSPHRASE, PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.WRONG_PASSPHRASE
    assert vault_files(made_vault) == before


def test_passphrase_change_from_environment(cli: Cli, made_vault: Path) -> None:
    env = {"PEERDESK_PASSPHRASE": PASSPHRASE, "PEERDESK_NEW_PASSPHRASE": NEW_PASSPHRASE}
    result = cli("passphrase", env=env)
    assert result.exit_code == 0
    assert opens_with(made_vault, NEW_PASSPHRASE)
    assert not opens_with(made_vault, PASSPHRASE)


def test_passphrase_change_by_prompt(cli: Cli, made_vault: Path) -> None:
    result = cli("passphrase", input=lines(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE))
    assert result.exit_code == 0
    assert opens_with(made_vault, NEW_PASSPHRASE)


def test_passphrase_wrong_current_changes_nothing(cli: Cli, made_vault: Path) -> None:
    before = vault_files(made_vault)
    result = cli("passphrase", "--passphrase-stdin", input=lines(WRONG_PASSPHRASE, NEW_PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.WRONG_PASSPHRASE
    assert vault_files(made_vault) == before


def test_passphrase_same_as_old_is_refused(cli: Cli, made_vault: Path) -> None:
    result = cli("passphrase", "--passphrase-stdin", input=lines(PASSPHRASE, PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.PASSPHRASE_SAME
    assert opens_with(made_vault, PASSPHRASE)


@pytest.mark.parametrize("command", ["passphrase", "backup", "doctor"])
def test_missing_vault_is_named_and_nothing_is_created(
    cli: Cli, vault_path: Path, tmp_path: Path, command: str
) -> None:
    args = [command, str(tmp_path / "b.peerdesk")] if command == "backup" else [command]
    result = cli(*args, "--passphrase-stdin", input=lines(PASSPHRASE, NEW_PASSPHRASE))
    assert result.exit_code == 1
    assert result.stderr.strip() == messages.VAULT_MISSING.format(path=vault_path)
    assert not vault_path.parent.exists()
