"""Small builders the clinician tests share (real vaults, real files, no stubs)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from peerdesk.interchange import directory_csv
from peerdesk.models.clinicians import Clinician, ClinicianFields
from peerdesk.vault import Vault, clinician_writes

TODAY = date(2026, 3, 14)
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
HEADER = "id,name,phones,email,specialties,telehealth,vetted_on,revet_due"


def fields(name: str = "Dr. Ada Example", **changes: object) -> ClinicianFields:
    base: dict[str, object] = {
        "name": name,
        "credentials": "PhD, Licensed Psychologist",
        "practice": "Harbor Light Counseling",
        "phones": ("+1 555 0100",),
        "email": "ada@example.org",
        "region": "Downtown",
        "telehealth": True,
        "languages": ("English", "Spanish"),
        "specialties": ("trauma", "critical-incident"),
        "modalities": ("EMDR",),
        "insurance": ("Agency EAP",),
        "accepting_new_clients": True,
        "vetted_by": "Team lead",
        "vetted_on": date(2026, 1, 10),
        "revet_due": date(2027, 1, 10),
    }
    base.update(changes)
    return ClinicianFields(**base).validated()  # type: ignore[arg-type]


def add(vault: Vault, f: ClinicianFields, clinician_id: str | None = None) -> str:
    with vault.transaction() as conn:
        return clinician_writes.add(conn, f, NOW, clinician_id)


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_of(items: list[Clinician]) -> str:
    return directory_csv(items)
