"""Find and remove what an interrupted backup or restore left behind.

Backups and restores work on hidden siblings (`.<name>.backup-peerdesk-<hex16>`,
`.<name>.restore-peerdesk-<hex16>`, `.<name>.before-restore-peerdesk-<hex16>`, each
possibly with -wal/-shm/-journal) and remove them when they end, success or failure.
Only a killed process (kill -9, power cut) leaves them. They are encrypted, but they
are full copies that retention never reaches, so note text wiped from the vault may
live on in them: the CLI mentions them on every command and `peerdesk doctor
--remove-leftovers` deletes them.

Deleting is the dangerous half, so a file counts as a leftover only when all of this
holds: its name has the exact shape `temp_sibling` makes (the fixed `peerdesk` marker
and 16 hex digits, which no person's own backup names carry); restores' copies carry
this vault's own name; it is a regular file (not a symlink) and not the vault itself
(by identity, so a vault whose name looks like a leftover is never listed); and its
bytes look like an encrypted SQLCipher file (empty, or a whole number of pages that
does not start with the plaintext SQLite header). This module prints nothing and
imports no UI.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

PURPOSES = ("backup", "restore", "before-restore")
MARKER = "peerdesk"
TOKEN_HEX = 16
PAGE_SIZE = 4096
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_PLAIN_HEADER = b"SQLite format 3\x00"
_LEFTOVER = re.compile(
    r"^\.(?P<name>.+)\.(?P<purpose>backup|restore|before-restore)"
    rf"-{MARKER}-[0-9a-f]{{{TOKEN_HEX}}}(?P<side>-wal|-shm|-journal)?$"
)


def temp_sibling(path: Path, purpose: str) -> Path:
    """A hidden, unguessable name next to `path` that `find` recognises as a leftover."""
    assert purpose in PURPOSES
    token = secrets.token_hex(TOKEN_HEX // 2)
    return path.with_name(f".{path.name}.{purpose}-{MARKER}-{token}")


def find(vault_path: Path) -> list[Path]:
    """Leftovers in the vault's folder: the vault's own, and those of backups written there.

    Backups written to other folders leave their leftovers there; peerdesk does not
    record where backups went, so it cannot look.
    """
    folder = Path(os.path.realpath(vault_path)).parent  # restores work beside the real file
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [entry for entry in entries if is_leftover(vault_path, entry)]


def is_leftover(vault_path: Path, path: Path) -> bool:
    """True only for a file this vault's backups or restores made and left (see above)."""
    match = _LEFTOVER.match(path.name)
    if match is None:
        return False
    names = {Path(vault_path).name, Path(os.path.realpath(vault_path)).name}
    if match["purpose"] != "backup" and match["name"] not in names:
        return False  # a restore only ever stages next to its own vault
    try:
        found = os.lstat(path)
    except OSError:
        return False
    if not _is_regular(found.st_mode) or _same_file(found, Path(vault_path)):
        return False
    if match["side"]:
        return True  # -wal/-shm/-journal beside a staged copy; their headers are plain
    return _looks_encrypted(path, found.st_size)


def remove(vault_path: Path, paths: list[Path]) -> list[Path]:
    """Delete the given leftovers of `vault_path`; returns those that were removed.

    Each is checked again just before it goes: never delete anything this module did
    not name, nor the vault, nor a file that does not look like an encrypted copy.
    """
    removed: list[Path] = []
    for path in paths:
        if not is_leftover(vault_path, path):
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _same_file(found: os.stat_result, vault_path: Path) -> bool:
    """Whether `found` is the vault (its own name, a hard link, or a symlink's target)."""
    try:
        vault = os.stat(vault_path)
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (vault.st_dev, vault.st_ino)


def _looks_encrypted(path: Path, size: int) -> bool:
    """Empty (a staged file before its copy), or whole pages without the plain header."""
    if size == 0:
        return True
    if size % PAGE_SIZE:
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_PLAIN_HEADER))
    except OSError:
        return False
    return head != _PLAIN_HEADER
