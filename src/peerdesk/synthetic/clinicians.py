"""Clearly fictional clinicians, for the demo vault and the directory benchmarks.

Seeded, so the demo looks the same every time and a benchmark measures the same data.
Every phone is in the 555-0100..0199 range set aside for fiction and every email is at
example.org. The spread is plausible (trauma, critical incidents and relationships are
common specialties; most entries are vetted, some are due, expired, suspended or not
vetted yet) so the directory's filters have something to find.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from peerdesk import vocab
from peerdesk.models.clinicians import REVET_WINDOW_DAYS, ClinicianFields, fold
from peerdesk.vault import clinician_writes
from peerdesk.vault.store import Vault

_FIRST = (
    "Avery", "Jordan", "Maria", "José", "Priya", "Daniel", "Grace", "Samuel", "Aisha", "Renée",
    "Tomás", "Hannah", "Marcus", "Linh", "Olivia", "Kwame", "Sofia", "Ethan", "Zoë", "Noah",
    "Fatima", "Liam", "Chloé", "Isaac", "Mei", "Gabriel", "Nadia", "Owen", "Leah", "Rafael",
    "Imani", "Caleb", "Ingrid", "Mateo", "Ruth", "Desmond", "Yara", "Felix", "Naomi", "Hugo",
)  # fmt: skip
_LAST = (
    "Alvarez", "Brennan", "Castillo", "Dubois", "Eriksen", "Fairweather", "Gallagher", "Haddad",
    "Ibarra", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quinlan", "Ramírez", "Sørensen", "Thibault", "Underwood", "Vasquez", "Whitfield",
    "Xiong", "Yilmaz", "Zielinski", "Abernathy", "Bergström", "Coleman", "Delacroix",
    "Esposito", "Fitzgerald", "García", "Holloway", "Iverson", "Jiménez", "Kaplan", "Lorenz",
    "McAllister", "Nguyen",
)  # fmt: skip
_CREDENTIALS = (
    "PhD, Licensed Psychologist", "PsyD, Licensed Psychologist", "LCSW", "LICSW", "LPC",
    "LPCC", "LMFT", "MD, Psychiatrist", "PMHNP-BC", "LADC", "LCADC", "LMHC",
)  # fmt: skip
_PRACTICE_A = (
    "Harbor Light", "Blue Line", "Thin Line", "Steady Ground", "North Star", "Evergreen",
    "Quiet Harbor", "Shield", "Cedar Grove", "Lighthouse", "Front Range", "Riverbend",
)  # fmt: skip
_PRACTICE_B = (
    "Counseling", "Wellness Group", "Psychology Associates", "Behavioral Health",
    "Family Therapy", "Recovery Center", "Trauma Institute", "Clinic",
)  # fmt: skip
_REGIONS = {
    "Downtown": 20, "North County": 16, "East Valley": 14, "Harbor District": 12,
    "West Hills": 12, "Riverside": 10, "South Shore": 8, "Statewide": 8,
}  # fmt: skip
_AREA_CODES = ("202", "206", "312", "415", "503", "617", "702", "919")
_LANGUAGES = {
    "Spanish": 18, "Vietnamese": 4, "Tagalog": 4, "French": 3, "Mandarin": 3,
    "American Sign Language": 3, "Somali": 2, "Portuguese": 2, "Polish": 2, "Arabic": 2,
}  # fmt: skip
_MODALITIES = {
    "CBT": 30, "EMDR": 22, "CPT": 16, "Prolonged Exposure": 10, "DBT": 8, "ACT": 8,
    "Motivational Interviewing": 10, "Gottman Method": 6, "Solution-Focused": 6,
    "Critical Incident Stress Management": 10, "Medication management": 5,
}  # fmt: skip
_INSURANCE = {
    "Agency EAP": 40, "Blue Cross": 20, "Aetna": 14, "Cigna": 12, "UnitedHealthcare": 12,
    "Workers' comp": 10, "Tricare": 5, "Medicaid": 6, "Sliding scale": 8,
}  # fmt: skip
_SPECIALTIES = {
    "trauma": 30, "critical-incident": 28, "relationship": 18, "work-stress": 16,
    "alcohol": 12, "substance-use": 10, "depression": 14, "anxiety": 14, "sleep": 8,
    "grief": 10, "family": 10, "anger": 8, "burnout": 12, "suicidal-thoughts": 9,
    "health": 4, "financial": 2, "legal": 3, "career": 4, "other": 1,
}  # fmt: skip
_EXPERIENCE = (
    "Former dispatcher; has worked with three local agencies since 2015.",
    "Contract clinician for the regional critical incident stress team.",
    "Spouse of a retired sergeant; runs a group for police families.",
    "Ride-along trained; understands shift work and court schedules.",
    "Twelve years with a sheriff's office EAP.",
    "Trained peer team members in the 2023 academy class.",
    None,
)
_NOTES = (
    "Evening appointments on Tuesdays and Thursdays.",
    "Prefers a call over email for first contact.",
    "Waitlist about two weeks; ask for the first-responder slot.",
    "Office has a separate side entrance.",
    "Can see officers and spouses together.",
    None,
    None,
)
# Share of vetting states: vetted, re-vet due, expired, suspended, not vetted.
_STATES = {"vetted": 66, "revet-due": 12, "expired": 10, "suspended": 7, "unvetted": 5}
VETTED_BY = ("Sgt. R. Okonkwo (team lead)", "Dr. L. Park (clinical advisor)", "Team lead")


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _some(rng: random.Random, weights: dict[str, int], low: int, high: int) -> tuple[str, ...]:
    chosen: list[str] = []
    for _ in range(rng.randint(low, high)):
        item = _pick(rng, weights)
        if item not in chosen:
            chosen.append(item)
    return tuple(chosen)


def _ascii(word: str) -> str:
    return fold(word).replace("ø", "o").encode("ascii", "ignore").decode()


def _phone(rng: random.Random) -> str:
    area, line = rng.choice(_AREA_CODES), rng.randint(0, 99)
    style = rng.random()
    if style < 0.4:
        return f"+1 {area} 555 01{line:02d}"
    if style < 0.8:
        return f"({area}) 555-01{line:02d}"
    return f"{area}-555-01{line:02d} ext. {rng.randint(1, 40)}"


def clinician_fields(rng: random.Random, today: date) -> ClinicianFields:
    """One plausible, clearly fictional clinician as of `today`."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    credentials = rng.choice(_CREDENTIALS)
    state = _pick(rng, _STATES)
    vetted_on, revet_due = _dates(rng, today, state)
    languages = ("English", *_some(rng, _LANGUAGES, 0, 2)) if rng.random() < 0.4 else ("English",)
    return ClinicianFields(
        name=f"{first} {last}",
        credentials=credentials,
        practice=f"{rng.choice(_PRACTICE_A)} {rng.choice(_PRACTICE_B)}",
        phones=tuple(_phone(rng) for _ in range(rng.choice((1, 1, 1, 2)))),
        email=f"{_ascii(first)}.{_ascii(last)}@example.org",
        address=f"{rng.randint(10, 9900)} Example Street, Suite {rng.randint(100, 480)}",
        region=_pick(rng, _REGIONS),
        telehealth=rng.random() < 0.6,
        languages=languages,
        specialties=vocab.in_topic_order(_some(rng, _SPECIALTIES, 2, 6)),
        modalities=_some(rng, _MODALITIES, 1, 3),
        insurance=_some(rng, _INSURANCE, 1, 4),
        accepting_new_clients=rng.random() < 0.7,
        first_responder_experience=rng.choice(_EXPERIENCE),
        vetted_by=rng.choice(VETTED_BY) if vetted_on else None,
        vetted_on=vetted_on,
        revet_due=revet_due,
        suspended=state == "suspended",
        notes=rng.choice(_NOTES),
    )


def _dates(rng: random.Random, today: date, state: str) -> tuple[date | None, date | None]:
    """Vetting dates that give `state` today (a year between vetting and re-vet)."""
    if state == "unvetted":
        return None, None
    if state == "revet-due":
        due = today + timedelta(days=rng.randint(0, REVET_WINDOW_DAYS))
    elif state == "expired":
        due = today - timedelta(days=rng.randint(1, 200))
    else:  # vetted, or suspended with whatever dates it had
        due = today + timedelta(days=rng.randint(REVET_WINDOW_DAYS + 1, 360))
    return due - timedelta(days=365), due


def generate(
    count: int, *, today: date, seed: int = 11
) -> Iterator[tuple[str, ClinicianFields, datetime]]:
    """(UUID, fields, updated_at) for `count` clinicians; the same seed gives the same ones."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible fiction, not a secret
    for _ in range(count):
        clinician_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        fields = clinician_fields(rng, today)
        changed = fields.vetted_on or today - timedelta(days=rng.randint(1, 90))
        yield clinician_id, fields, datetime.combine(changed, time(9), tzinfo=UTC)


def fill(vault: Vault, *, count: int, today: date, seed: int = 11) -> int:
    """Add `count` fictional clinicians in one transaction; returns how many."""
    with vault.transaction() as conn:
        return clinician_writes.store_many(conn, generate(count, today=today, seed=seed), new=True)
