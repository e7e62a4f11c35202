"""Fixtures shared by every test folder.

No test may touch the real home directory: every location peerdesk could reach
(HOME, XDG dirs, the config dir, the vault default, TMPDIR) is pointed into tmp_path.
Tests run in parallel (pytest-xdist), so nothing here may be a fixed shared path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from peerdesk.vault import Vault

PASSPHRASE = "correct horse battery staple"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`pytest -n auto` (the test command) runs two workers per core: most tests spend
    their time waiting (on the KDF in the app's worker thread, on Pilot pauses, on child
    processes), so one worker per core left half the CPU idle (measured on 2 cores:
    173 s with 2 workers, 111 s with 4)."""
    return 2 * len(os.sched_getaffinity(0))


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


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR is this test's own folder, so Python-level temp files (ours, the child
    processes', the libraries') land where the canary scan reads everything.

    tempfile caches its folder on first use, hence the reset on both sides. SQLite
    caches its own at first use in a process, so canary checks still scan the shared
    temp folders too (bounded to files changed during the test).
    """
    folder = tmp_path / "TMPDIR"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    tempfile.tempdir = None
    try:
        yield folder
    finally:
        tempfile.tempdir = None


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    """Where a test's vault lives; the folder does not exist yet."""
    return tmp_path / "vaultdir" / "vault.peerdesk"


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of one closed vault made by Vault.create with PASSPHRASE, once per
    test process: creating runs the KDF (~140 ms), copying the folder takes ~1 ms.

    Made with HOME and the XDG folders pointed into its own temp folder, since the
    per-test isolation is not in place for a session fixture.
    """
    root = tmp_path_factory.mktemp("vault-template")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            patch.setenv(name, str(root / name.lower()))
        Vault.create(root / "vaultdir" / "vault.peerdesk", PASSPHRASE).close()
    return root / "vaultdir"


def copy_template(template: Path, vault_path: Path) -> Path:
    """Put a copy of the template vault at vault_path (0700 folder, 0600 files kept).

    Every copy in one test process shares the template's salt; tests of what
    creating a vault does (salt, modes, the lock) call Vault.create themselves.
    """
    shutil.copytree(template, vault_path.parent, copy_function=shutil.copy2)
    return vault_path


@pytest.fixture
def closed_vault(vault_path: Path, vault_template: Path) -> Path:
    """A vault with PASSPHRASE that exists but is closed (as after a restart)."""
    return copy_template(vault_template, vault_path)


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    """A freshly created, unlocked vault (passphrase: PASSPHRASE), closed afterwards."""
    opened = Vault.create(vault_path, PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The salts of every PBKDF2 run in this process, the real function doing the work:
    lets a test prove a step derived a vault's key once."""
    real: Callable[..., bytes] = hashlib.pbkdf2_hmac
    salts: list[bytes] = []

    def counted(name: str, password: bytes, salt: bytes, *args: Any) -> bytes:
        salts.append(salt)
        return real(name, password, salt, *args)

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", counted)
    return salts
