"""The wheel must ship what the app needs at run time: styles and migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_tcss_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("peerdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    source_tcss = {
        "peerdesk/" + str(p.relative_to(ROOT / "src" / "peerdesk"))
        for p in (ROOT / "src" / "peerdesk").rglob("*.tcss")
    }
    assert source_tcss, "the TUI has no .tcss file"
    assert source_tcss <= names
    assert "peerdesk/vault/migrations/0001_settings.sql" in names
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
