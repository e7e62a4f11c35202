"""JSON objects that name a key twice are refused, not resolved.

`json.loads` keeps the last of two equal keys silently. In a file people read and
peerdesk merges, a person reading it sees one value and the merge uses another, so
a file that names a key twice is refused instead. Core module: standard library only.
"""

from __future__ import annotations

from typing import Any


class DuplicateKey(ValueError):
    """An object in the document names `key` more than once."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`object_pairs_hook` for json.loads: the object as a dict, or DuplicateKey."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise DuplicateKey(key)
        found[key] = value
    return found
