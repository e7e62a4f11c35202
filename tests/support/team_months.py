"""Realistic teams' months for tests of reports over time: peers, contacts, late ones.

Contacts come from peerdesk.synthetic (plausible mixes of modes, topics and risks),
seeded, so a test's team is the same on every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peerdesk.models.contacts import ContactFields
from peerdesk.reports import MonthCounts, tally
from peerdesk.reports.files import document, dumps
from peerdesk.synthetic import contacts as synthetic


def export_id(month: str, peer: int, version: int = 0) -> str:
    """A fixed export id per month, peer and re-export."""
    digits = month.replace("-", "") + f"{peer:04d}{version:04d}"
    return digits.rjust(32, "0")


@dataclass
class Team:
    """Each peer's contacts per month; `late` adds one contact after a publication."""

    seed: int
    peers: int
    contacts: dict[str, list[list[ContactFields]]] = field(default_factory=dict)
    versions: dict[tuple[str, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def month(self, month: str, low: int = 5, high: int = 14) -> None:
        year, number = int(month[:4]), int(month[5:])
        self.contacts[month] = [
            [
                synthetic.contact_fields(
                    self.rng, date(year, number, 1 + self.rng.randrange(28)), with_text=False
                )
                for _ in range(self.rng.randint(low, high))
            ]
            for _ in range(self.peers)
        ]

    def late(self, month: str, peer: int) -> ContactFields:
        """One more contact of `month` logged by `peer`, who exports the month again."""
        year, number = int(month[:4]), int(month[5:])
        contact = synthetic.contact_fields(self.rng, date(year, number, 28), with_text=False)
        self.contacts[month][peer].append(contact)
        self.versions[(month, peer)] = self.versions.get((month, peer), 0) + 1
        return contact

    def files(self, months: list[str]) -> tuple[list[MonthCounts], list[str], list[str]]:
        """Every peer's file of each month: counts, export ids and senders."""
        counts: list[MonthCounts] = []
        ids: list[str] = []
        owners: list[str] = []
        for month in months:
            for peer, contacts in enumerate(self.contacts[month]):
                counts.append(tally(month, contacts))
                ids.append(export_id(month, peer, self.versions.get((month, peer), 0)))
                owners.append(f"peer-{peer}")
        return counts, ids, owners


def write_files(team: Team, folder: Path, months: tuple[str, ...]) -> list[str]:
    """Each peer's file of each month, as `report month --format json` writes them
    (one file per peer, month and re-export; one already written is left as it is)."""
    names: list[str] = []
    for month in months:
        for peer, contacts in enumerate(team.contacts[month]):
            version = team.versions.get((month, peer), 0)
            path = folder / f"{month}-peer{peer}-{version}.json"
            if not path.exists():
                doc = document(
                    tally(month, contacts),
                    vault_id=f"{peer + 1:032x}",
                    sequence=10 * int(month[5:]) + version + 1,
                )
                path.write_text(dumps(doc))
            names.append(str(path))
    return names
