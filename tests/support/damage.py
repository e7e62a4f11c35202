"""Damage one page of a vault: contact rows no unlock reads, or the schema every open reads."""

from __future__ import annotations

from pathlib import Path

from tests.support.pages import PAGE, table_leaf_pages


def damage_a_contacts_page(vault_path: Path, passphrase: str, root: int) -> int:
    """Flip one byte inside the first leaf of the contacts table; returns its number.

    Only a read of those rows (a list, a search, a whole-file check) meets the damage:
    unlock, the follow-ups due and the settings never read that page.
    """
    page = table_leaf_pages(vault_path, passphrase, root)[0]
    data = bytearray(vault_path.read_bytes())
    data[(page - 1) * PAGE + 2000] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    return page


def schema_pages(vault_path: Path, passphrase: str) -> list[int]:
    """The leaves of the schema's b-tree (rooted at page 1): the pages that list the tables.

    Found by walking the file, not written down: every migration moves them.
    """
    return table_leaf_pages(vault_path, passphrase, 1)


def damage_a_schema_page(vault_path: Path, passphrase: str) -> int:
    """Flip one byte inside the first page that lists the tables; returns its number."""
    page = schema_pages(vault_path, passphrase)[0]
    data = bytearray(vault_path.read_bytes())
    data[(page - 1) * PAGE + 2000] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    return page
