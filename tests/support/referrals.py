"""Builders the referral tests share: clinicians in each vetting state, contacts, images."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import zxingcpp

from peerdesk.handoff import Matrix
from peerdesk.models.clinicians import ClinicianFields
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, clinician_writes, logbook

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def clinician(
    name: str, today: date, *, state: str = "vetted", **changes: object
) -> ClinicianFields:
    """A valid clinician; state: vetted, revet-due, expired, suspended or unvetted."""
    vetted_on: date | None = today - timedelta(days=300)
    revet_due: date | None = {
        "vetted": today + timedelta(days=200),
        "revet-due": today + timedelta(days=10),
        "expired": today - timedelta(days=5),
        "suspended": today + timedelta(days=200),
    }.get(state)
    if state == "unvetted":
        vetted_on = None
    base: dict[str, object] = {
        "name": name,
        "credentials": "LCSW",
        "phones": ("+1 555 0100",),
        "email": "someone@example.org",
        "address": "12 Elm Street, Springfield",
        "telehealth": False,
        "specialties": (),
        "accepting_new_clients": False,
        "vetted_by": "Team lead" if vetted_on else None,
        "vetted_on": vetted_on,
        "revet_due": revet_due,
        "suspended": state == "suspended",
    }
    base.update(changes)
    return ClinicianFields(**base).validated()  # type: ignore[arg-type]


def add_clinician(vault: Vault, fields: ClinicianFields) -> str:
    with vault.transaction() as conn:
        return clinician_writes.add(conn, fields, NOW)


def add_contact(
    vault: Vault, today: date, topics: tuple[str, ...], *, outcome: str = "referral"
) -> int:
    fields = ContactFields(contact_date=today, topics=topics, outcome=outcome, handle="blue car")
    return logbook.save_contact(vault, fields, today=today)


def decode(matrix: Matrix, scale: int = 4) -> bytes:
    """Decode a QR code from a grayscale image drawn from `matrix` (dark modules black)."""
    width, height = len(matrix[0]) * scale, len(matrix) * scale
    pixels = bytearray()
    for row in matrix:
        line = b"".join(bytes([0 if dark else 255]) * scale for dark in row)
        pixels += line * scale
    found = zxingcpp.read_barcode(memoryview(bytes(pixels)).cast("B", (height, width)))
    assert found is not None, "no QR code found in the image"
    return bytes(found.bytes)


Property = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]  # name, params, values


def read_vcard(text: str) -> list[Property]:
    """A vCard read back the way a phone reads it: one property a CRLF line, the name and
    its parameters before the first colon, then components split at unescaped `;` and
    values at unescaped `,` (not in TEL, whose value is a number where "," is a pause),
    with RFC 6350's escapes undone. Independent of the writer,
    so a missing escape shows up as a wrong split."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    out: list[Property] = []
    for line in text.split("\r\n")[:-1]:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        separators = ";" if name.upper() == "TEL" else ";,"
        components: list[tuple[str, ...]] = []
        values: list[str] = []
        current: list[str] = []
        chars = iter(value)
        for ch in chars:
            if ch == "\\":
                escaped = next(chars)
                current.append("\n" if escaped in "nN" else escaped)
            elif ch in separators:
                values.append("".join(current))
                current = []
                if ch == ";":
                    components.append(tuple(values))
                    values = []
            else:
                current.append(ch)
        values.append("".join(current))
        components.append(tuple(values))
        out.append((name.upper(), tuple(params), tuple(components)))
    return out


def vcard_values(text: str, name: str) -> list[tuple[tuple[str, ...], ...]]:
    """Every value of the property `name` in a vCard (components, each its values)."""
    return [values for prop, _params, values in read_vcard(text) if prop == name]
