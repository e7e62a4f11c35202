"""The core never imports Textual, Rich or typer: `peerdesk --help`, reports and scripts
stay fast, and the vault can be reviewed without the UI. Every module under src/peerdesk
except the TUI and the CLI packages is checked, so a new module is covered the day it
lands. (The import-linter contracts in pyproject.toml say the same statically; this
test proves it at run time, where a lazy import would also show.)"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Runs in a fresh interpreter. The walk uses pkgutil.iter_modules on folders, which
# does not import anything, so the excluded TUI package is never loaded by the walk.
CHILD = r"""
import importlib, importlib.util, json, pkgutil, sys
import peerdesk

EXCLUDED = ("peerdesk.tui", "peerdesk.cli", "peerdesk.__main__")

def excluded(name):
    # By whole package name: a prefix test would also skip e.g. peerdesk.cli_something.
    return any(name == e or name.startswith(e + ".") for e in EXCLUDED)

def walk(paths, prefix):
    for info in pkgutil.iter_modules(paths, prefix):
        if excluded(info.name):
            continue
        yield info.name
        if info.ispkg:
            spec = importlib.util.find_spec(info.name)
            yield from walk(spec.submodule_search_locations, info.name + ".")

names = ["peerdesk", *walk(peerdesk.__path__, "peerdesk.")]
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "typer"))
print(json.dumps({"modules": names, "ui_modules": loaded}))
"""


@pytest.mark.slow
def test_core_modules_never_import_textual_or_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    modules = set(report["modules"])
    assert {
        "peerdesk",
        "peerdesk.paths",
        "peerdesk.messages",
        "peerdesk.vault",
        "peerdesk.vault.store",
        "peerdesk.vault.backup",
        "peerdesk.vault.sqlcipher",
        "peerdesk.vault.migrations",
        "peerdesk.models.contacts",
        "peerdesk.models.clinicians",
        "peerdesk.models.referrals",
        "peerdesk.models.ranking",
        "peerdesk.reports.files",
        "peerdesk.synthetic.demo",
        "peerdesk.interchange",
    } <= modules
    assert not any(m.split(".")[:2] in (["peerdesk", "tui"], ["peerdesk", "cli"]) for m in modules)
    assert report["ui_modules"] == []
