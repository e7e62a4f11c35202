"""`peerdesk doctor` and the core function behind it, on healthy and damaged files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.doctor import examine
from peerdesk.vault import Vault
from peerdesk.vault.sqlcipher import cipher_facts
from tests.conftest import PASSPHRASE
from tests.support.cli import WRONG_PASSPHRASE, Cli, lines, vault_files

PAGE = 4096


def test_doctor_reports_a_healthy_vault(cli: Cli, made_vault: Path) -> None:
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        facts = cipher_facts(vault.conn)
    result = cli("doctor", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert str(made_vault) in out
    assert facts["cipher_version"] in out
    assert f"kdf_iter {facts['kdf_iter']}" in out
    assert f"{messages.DOCTOR_FILE_MODE}: 0600" in out
    assert f"{messages.DOCTOR_DIR_MODE}: 0700" in out
    assert "Not readable as plain SQLite" in out
    assert messages.DOCTOR_INTEGRITY_OK in out
    assert messages.DOCTOR_PROBLEM_MARK not in out
    assert messages.DOCTOR_ALL_OK in out


def test_doctor_with_wrong_passphrase(cli: Cli, made_vault: Path) -> None:
    before = vault_files(made_vault)
    result = cli("doctor", env={"PEERDESK_PASSPHRASE": WRONG_PASSPHRASE})
    assert result.exit_code == 1
    assert messages.WRONG_PASSPHRASE in result.stdout
    assert messages.DOCTOR_FOUND_PROBLEMS.format(count=1, path=made_vault) == result.stderr.strip()
    assert vault_files(made_vault) == before


def flipped_copy(src: Path, dest: Path, offset: int) -> Path:
    dest.parent.mkdir(mode=0o700)
    shutil.copy2(src, dest)
    data = bytearray(dest.read_bytes())
    assert len(data) > offset + 16
    for i in range(offset, offset + 16):
        data[i] ^= 0xFF
    dest.write_bytes(bytes(data))
    return dest


def test_doctor_reports_a_damaged_page_clearly(cli: Cli, made_vault: Path, tmp_path: Path) -> None:
    damaged = flipped_copy(made_vault, tmp_path / "copy" / "vault.peerdesk", PAGE + 200)
    result = Cli(damaged)("doctor", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    integrity = next(
        line for line in result.stdout.splitlines() if messages.DOCTOR_INTEGRITY in line
    )
    assert integrity.startswith(messages.DOCTOR_PROBLEM_MARK)
    assert "DAMAGED" in integrity
    assert "peerdesk restore" in integrity


def test_doctor_reports_a_damaged_first_page(cli: Cli, made_vault: Path, tmp_path: Path) -> None:
    damaged = flipped_copy(made_vault, tmp_path / "copy" / "vault.peerdesk", 100)
    result = Cli(damaged)("doctor", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    assert (
        f"{messages.DOCTOR_PROBLEM_MARK} {messages.DOCTOR_UNLOCK}: {messages.WRONG_PASSPHRASE}"
        in " ".join(result.stdout.split())
    )


def test_doctor_flags_loose_permissions(cli: Cli, made_vault: Path) -> None:
    made_vault.chmod(0o644)
    made_vault.parent.chmod(0o755)
    result = cli("doctor", "--passphrase-stdin", input=lines(PASSPHRASE))
    assert result.exit_code == 1
    assert "0644, should be 0600" in result.stdout
    assert "0755, should be 0700" in result.stdout
    assert messages.DOCTOR_FOUND_PROBLEMS.format(count=2, path=made_vault) in result.stderr


def test_doctor_catches_a_plain_sqlite_file(vault_path: Path) -> None:
    vault_path.parent.mkdir(mode=0o700)
    plain = sqlite3.connect(vault_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    vault_path.chmod(0o600)

    report = examine(vault_path, PASSPHRASE)

    plaintext = next(c for c in report.checks if c.label == messages.DOCTOR_PLAINTEXT)
    assert not plaintext.ok
    assert plaintext.detail == messages.DOCTOR_PLAINTEXT_HEADER
    assert not report.ok


def test_examine_returns_a_report_without_printing(
    made_vault: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    report = examine(made_vault, PASSPHRASE)
    assert capfd.readouterr() == ("", "")
    assert report.ok
    assert report.problems == ()
    labels = [check.label for check in report.checks]
    assert labels == [
        messages.DOCTOR_FILE_MODE,
        messages.DOCTOR_DIR_MODE,
        messages.DOCTOR_PLAINTEXT,
        messages.DOCTOR_LEFTOVERS,
        messages.DOCTOR_CORE_DUMPS,
        messages.DOCTOR_PLATFORM,
        messages.DOCTOR_UNLOCK,
        messages.DOCTOR_SQLCIPHER,
        messages.DOCTOR_KDF,
        messages.DOCTOR_INTEGRITY,
        messages.DOCTOR_SCHEMA,
    ]
    # examine() closed the vault: it opens again straight away.
    Vault.unlock(made_vault, PASSPHRASE).close()
