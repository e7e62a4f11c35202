"""Where peerdesk keeps things on each system, and vaults at awkward paths.

The README's table of locations is checked against platformdirs' own per-system
classes (computed here for a user called `<you>`), so it cannot drift from what
the code does on Windows and macOS. Real vaults are then made at paths a peer's
laptop really has: a folder with spaces (`Peer Support`), a non-ASCII user name
(`Zoë Ångström`, `警察`), and a path over Windows' old 260-character limit, each
created, unlocked, locked against a second process, backed up and restored,
through the library and through the real command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest

from peerdesk import crisis, messages
from peerdesk.paths import APP_NAME, VAULT_FILENAME, lock_path_for
from peerdesk.vault import InstanceLock, Vault, VaultBusy
from peerdesk.vault.backup import backup, restore, verify_copy
from peerdesk.vault.instance_lock import LOCK_SUBFOLDER
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
YOU = "<you>"


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def windows_locations(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """platformdirs' Windows answers; the known folders are what Windows names them."""
    local = rf"C:\Users\{YOU}\AppData\Local"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", rf"C:\Users\{YOU}\AppData\Roaming")
    dirs = platformdirs.windows.Windows(appname=APP_NAME, appauthor=False)

    def win(path: str, *parts: str) -> str:  # joined here with "/", there with "\"
        return "\\".join([path.replace("/", "\\"), *parts])

    return {
        "vault": win(dirs.user_data_dir, VAULT_FILENAME),
        "crisis": win(dirs.user_config_dir, crisis.FILENAME),
        "locks": win(dirs.user_state_dir, LOCK_SUBFOLDER),
    }


def posix_locations(
    cls: type[platformdirs.macos.MacOS] | type[platformdirs.unix.Unix],
    home: str,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, str]:
    monkeypatch.setenv("HOME", home)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    dirs = cls(appname=APP_NAME, appauthor=False)
    return {
        "vault": f"{dirs.user_data_dir}/{VAULT_FILENAME}".replace(home, "~"),
        "crisis": f"{dirs.user_config_dir}/{crisis.FILENAME}".replace(home, "~"),
        "locks": f"{dirs.user_state_dir}/{LOCK_SUBFOLDER}".replace(home, "~"),
    }


@pytest.mark.parametrize("system", ["Windows", "macOS", "Linux"])
def test_readme_says_where_things_live(system: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if system == "Windows":
        found = windows_locations(monkeypatch)
    elif system == "macOS":
        found = posix_locations(platformdirs.macos.MacOS, f"/Users/{YOU}", monkeypatch)
    else:
        found = posix_locations(platformdirs.unix.Unix, f"/home/{YOU}", monkeypatch)
    text = readme()
    (row,) = [line for line in text.splitlines() if line.startswith(f"| {system} |")]
    for what, path in found.items():
        assert f"`{path}`" in row, f"README's {system} row lacks the {what}: {path}"


AWKWARD = {
    "spaces": Path("Peer Support Team") / "my vault.peerdesk",
    "non-ascii": Path("Zoë Ångström") / "警察 Ärzte" / "vault.peerdesk",
    # Over Windows' old MAX_PATH (260) with every part short enough for any system.
    "long": Path(*[f"folder {n:02d} of a deep tree" for n in range(12)]) / "vault.peerdesk",
}


@pytest.fixture(params=sorted(AWKWARD))
def awkward_vault(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / AWKWARD[request.param]
    if request.param == "long":
        assert len(str(path)) > 260
    return path


def test_a_vault_at_an_awkward_path_works(awkward_vault: Path, tmp_path: Path) -> None:
    vault = Vault.create(awkward_vault, PASSPHRASE)
    try:
        with pytest.raises(VaultBusy):
            InstanceLock.acquire(awkward_vault)  # a second peerdesk is kept out
        assert lock_path_for(awkward_vault.resolve()).is_file()
        copy = backup(vault, awkward_vault.with_name("backup copy ü.peerdesk"))
    finally:
        vault.close()
    assert verify_copy(copy, PASSPHRASE, None) > 0
    restore(awkward_vault, copy, PASSPHRASE)
    Vault.unlock(awkward_vault, PASSPHRASE).close()
    with InstanceLock.acquire(awkward_vault):  # closed vaults let go of their locks
        pass


def peerdesk(*args: str, stdin: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The real command: argv as bytes from the system, decoded by Python itself."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HOME=str(home), LANG="C.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "peerdesk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_the_command_line_takes_an_awkward_vault(awkward_vault: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    vault = ["--vault", str(awkward_vault)]
    for args in (
        ["init", "--passphrase-stdin"],
        ["doctor", "--passphrase-stdin"],
        ["backup", "--passphrase-stdin", str(awkward_vault.with_name("backup ü.peerdesk"))],
    ):
        done = peerdesk(*vault, *args, stdin=PASSPHRASE + "\n", home=home)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Traceback" not in done.stderr
    assert (
        messages.DOCTOR_ALL_OK
        in peerdesk(
            *vault, "doctor", "--passphrase-stdin", stdin=PASSPHRASE + "\n", home=home
        ).stdout
    )
    assert awkward_vault.with_name("backup ü.peerdesk").is_file()


def test_a_drive_without_file_identities_keeps_the_path_lock(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows reports st_ino 0 on some network and FAT drives: every vault there would
    share one identity sidecar and block each other. The path lock still holds."""
    Vault.create(vault_path, PASSPHRASE).close()
    other = vault_path.with_name("other.peerdesk")
    Vault.create(other, PASSPHRASE).close()
    real_stat = os.stat

    def no_identity(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if str(path).endswith(".peerdesk"):
            return os.stat_result((found.st_mode, 0, found.st_dev, *tuple(found)[3:10]))
        return found

    monkeypatch.setattr(os, "stat", no_identity)
    with InstanceLock.acquire(vault_path) as first:
        assert first.identity_path is None
        with pytest.raises(VaultBusy):
            InstanceLock.acquire(vault_path)
        with InstanceLock.acquire(other):  # a second vault on that drive still opens
            pass
