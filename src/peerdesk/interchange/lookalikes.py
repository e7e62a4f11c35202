"""New clinicians whose name looks like another's: how a forged copy of a real one hides.

A tampered directory can add a second "Avery Castillo" with the attacker's phone under a
new id: an upsert by id never touches the real one, so nothing in the preview says
"changed". So every clinician an import would add is compared, by `name_key` (no case,
accents, spaces, punctuation or invisible characters), with every clinician in the vault
and every other record in the file. Of two new records with the same key, the later one
is flagged, naming the first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from peerdesk.models.clinicians import name_key


@dataclass(frozen=True)
class LookAlike:
    """A clinician the import would add whose name looks like another clinician's."""

    location: str  # where the new record is in the file
    id: str  # the id it would be added under
    name: str
    other_name: str
    other_id: str  # the other clinician's id (for a new record, the one it would get)
    other_location: str | None  # where the other is in the file; None: in the vault only


class Entry(NamedTuple):
    """One record of the file, as the comparison needs it (a tuple: one per row of an
    import of 10,000)."""

    location: str
    id: str  # for a new record, the id it would be added under
    name: str
    new: bool


def find(vault_names: Mapping[str, str], entries: Sequence[Entry]) -> tuple[LookAlike, ...]:
    """Every new entry whose name key equals a vault clinician's or another entry's.

    `vault_names` maps id -> name as stored. A vault clinician is named in preference to
    a record of the file, because the one already trusted is the one being imitated.
    """
    if not any(entry.new for entry in entries):
        return ()  # the everyday re-import: no key to build for 10,000 stored names
    in_vault: dict[str, tuple[str, str]] = {}
    for clinician_id, name in vault_names.items():
        in_vault.setdefault(name_key(name), (clinician_id, name))
    keys = [name_key(entry.name) for entry in entries]
    in_file: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        in_file.setdefault(key, []).append(index)
    found: list[LookAlike] = []
    for index, entry in enumerate(entries):
        key = keys[index]
        if not entry.new or not key:
            continue
        vault_match = in_vault.get(key)
        if vault_match is not None:
            other_id, other_name = vault_match
            found.append(
                LookAlike(entry.location, entry.id, entry.name, other_name, other_id, None)
            )
            continue
        for other in in_file[key]:
            earlier = entries[other]
            if other != index and (not earlier.new or other < index):
                found.append(
                    LookAlike(
                        entry.location,
                        entry.id,
                        entry.name,
                        earlier.name,
                        earlier.id,
                        earlier.location,
                    )
                )
                break
    return tuple(found)
