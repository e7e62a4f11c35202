"""Find and remove what an interrupted backup or restore left behind.

Backups and restores work on hidden siblings (`.<name>.backup-<hex>`,
`.<name>.restore-<hex>`, `.<name>.before-restore-<hex>`, each possibly with -wal/-shm/
-journal) and remove them when they end, success or failure. Only a killed process
(kill -9, power cut) leaves them. They are encrypted, but they are full copies that
retention never reaches, so note text wiped from the vault may live on in them: the
CLI mentions them on every command and `peerdesk doctor --remove-leftovers` deletes
them. This module prints nothing and imports no UI.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

PURPOSES = ("backup", "restore", "before-restore")
_LEFTOVER = re.compile(
    r"^\.(?P<name>.+)\.(?P<purpose>backup|restore|before-restore)-[0-9a-f]{8}"
    r"(?:-wal|-shm|-journal)?$"
)


def temp_sibling(path: Path, purpose: str) -> Path:
    """A hidden, unguessable name next to `path` that `find` recognises as a leftover."""
    assert purpose in PURPOSES
    return path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(4)}")


def find(vault_path: Path) -> list[Path]:
    """Leftovers in the vault's folder: the vault's own, and those of backups written there.

    Backups written to other folders leave their leftovers there; peerdesk does not
    record where backups went, so it cannot look.
    """
    folder = Path(vault_path).absolute().parent
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [entry for entry in entries if _LEFTOVER.match(entry.name) and entry.is_file()]


def remove(paths: list[Path]) -> list[Path]:
    """Delete the given leftovers; returns those that were removed."""
    removed: list[Path] = []
    for path in paths:
        if not _LEFTOVER.match(path.name):
            continue  # never delete anything this module did not name
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed
