"""The clinician as a vCard 3.0 for an officer's phone to save.

3.0 rather than 4.0: iOS and Android both import 3.0 from a scanned code, while
Android's own importer reads 4.0 only in part. What goes in is the clinician's public
details and nothing else: N (the name's parts, names.py) and FN (the name whole), ORG
(practice), TITLE (credentials), one TEL;TYPE=work,voice per entry that holds a valid
number (E.164, phones.py; an entry without one is left out, since a phone would save
a number nobody can dial), EMAIL and ADR (the free-text address whole in the street
part). Nothing about the officer, the contact or the team's vetting notes.

Text values are escaped as RFC 6350 section 3.4 says (backslash, comma, semicolon,
newline), encoded as UTF-8 (so "Zoë Müller-Øvrebø" survives), lines end in CRLF;
lines are not folded (QR readers do not need it and it would only make the code
bigger).
"""

from __future__ import annotations

from peerdesk.handoff.names import name_parts
from peerdesk.handoff.phones import DEFAULT_REGION, read_phone
from peerdesk.models.clinicians import ClinicianFields


def escape_text(value: str) -> str:
    """A vCard text value escaped per RFC 6350 section 3.4."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _values(values: tuple[str, ...] | str) -> str:
    """One component of a structured value: its values escaped, joined by commas."""
    items = (values,) if isinstance(values, str) else values
    return ",".join(escape_text(item) for item in items if item)


def vcard(fields: ClinicianFields, region: str = DEFAULT_REGION) -> str:
    """The vCard 3.0 text (CRLF line ends) of the clinician's public details."""
    parts = name_parts(fields.name)
    components = (parts.family, parts.given, parts.additional, parts.prefixes, parts.suffixes)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:" + ";".join(_values(component) for component in components),
        f"FN:{escape_text(fields.name)}",
    ]
    if fields.practice:
        lines.append(f"ORG:{escape_text(fields.practice)}")
    if fields.credentials:
        lines.append(f"TITLE:{escape_text(fields.credentials)}")
    dialled: list[str] = []
    for entry in fields.phones:
        phone = read_phone(entry, region)
        if phone.valid and phone.dial() not in dialled:
            dialled.append(phone.dial())
    lines += [f"TEL;TYPE=work,voice:{number}" for number in dialled]
    if fields.email:
        lines.append(f"EMAIL:{escape_text(fields.email)}")
    if fields.address:
        lines.append(f"ADR:;;{escape_text(fields.address)};;;;")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
