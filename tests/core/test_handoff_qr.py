"""The handoff card's QR code: it decodes to exactly the clinician's details, and the
terminal drawing is that same matrix (read back from the block characters)."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk import handoff
from peerdesk.models.clinicians import Clinician, ClinicianFields
from tests.support.referrals import NOW, clinician, decode

TODAY = date(2026, 3, 14)
LONG_ADDRESS = (
    "Suite 1200, Harborview Professional Building; 4500 Northwest Boulevard of the "
    "Pacific Veterans\nSpringfield, Oregon 97477, United States of America"
)


def accented() -> ClinicianFields:
    return clinician(
        "Zoë Müller-Øvrebø",
        TODAY,
        credentials="Psy.D., LMFT",
        phones=("+47 22 33 44 55", "(503) 555-0142 x12"),
        email="zoe.muller@example.org",
        address=LONG_ADDRESS,
    )


def test_vcard_escapes_and_lists_every_detail() -> None:
    card = handoff.vcard(accented())
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "FN:Zoë Müller-Øvrebø\r\n" in card
    assert "TEL:+47 22 33 44 55\r\nTEL:(503) 555-0142 x12\r\n" in card
    assert "EMAIL:zoe.muller@example.org\r\n" in card
    assert (
        "ADR:;;Suite 1200\\, Harborview Professional Building\\; 4500 Northwest Boulevard of "
        "the Pacific Veterans\\nSpringfield\\, Oregon 97477\\, United States of America;;;;\r\n"
    ) in card
    assert card.endswith("END:VCARD\r\n")
    assert handoff.escape_text("a\\b,c;d\r\ne") == "a\\\\b\\,c\\;d\\ne"


@pytest.mark.parametrize(
    "fields",
    [
        accented(),
        clinician("Dr. Ana Ruiz", TODAY),
        clinician("Łukasz Żółć, 李小龍", TODAY, phones=(), email=None, address="ул. Ленина 1"),
    ],
)
def test_vcard_code_decodes_to_exactly_the_details(fields: ClinicianFields) -> None:
    text = handoff.vcard(fields)
    matrix = handoff.qr_matrix(text)
    assert decode(matrix) == text.encode("utf-8")


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("(503) 555-0142 x12", "tel:5035550142;ext=12"),
        ("+47 22 33 44 55", "tel:+4722334455"),
        ("+1 555.0100 ext. 7", "tel:+15550100;ext=7"),
    ],
)
def test_tel_code_decodes_to_the_first_phone(phone: str, uri: str) -> None:
    fields = clinician("Dr. Ana Ruiz", TODAY, phones=(phone, "555-0199"))
    assert handoff.payload(fields, handoff.TEL) == uri
    assert decode(handoff.qr_matrix(uri)) == uri.encode()


def test_tel_code_needs_a_phone() -> None:
    with pytest.raises(handoff.NoPhone):
        handoff.payload(clinician("No Phone", TODAY, phones=()), handoff.TEL)


def test_the_text_drawing_is_the_same_matrix_with_its_quiet_zone() -> None:
    text = handoff.vcard(accented())
    matrix = handoff.qr_matrix(text)
    bare = handoff.qr_matrix(text, border=0)
    size = len(bare)
    assert len(matrix) == size + 2 * handoff.QUIET_ZONE
    # The quiet zone is 4 light modules on every side.
    for row in matrix[: handoff.QUIET_ZONE] + matrix[-handoff.QUIET_ZONE :]:
        assert not any(row)
    for row in matrix:
        assert not any(row[: handoff.QUIET_ZONE]) and not any(row[-handoff.QUIET_ZONE :])
    assert handoff.code_size(text) == handoff.text_size(matrix)  # the cheap size is right
    lines = handoff.render_blocks(matrix)
    assert set("".join(lines)) <= {handoff.FULL, handoff.UPPER, handoff.LOWER, " "}
    assert len(lines) == (len(matrix) + 1) // 2
    # Copied as plain text, trailing spaces may be lost: the parse pads them back.
    parsed = handoff.parse_blocks([line.rstrip() for line in lines], len(matrix[0]))
    assert parsed[: len(matrix)] == matrix
    assert not any(parsed[len(matrix) :][0]) if len(parsed) > len(matrix) else True
    # And the drawing itself, read back, still decodes to the details.
    assert decode(parsed) == text.encode("utf-8")


def test_card_text_lists_the_details_in_order() -> None:
    card = handoff.card_text(Clinician("x" * 36, accented(), NOW), TODAY, handoff.VCARD)
    lines = card.splitlines()
    assert lines[0] == "Zoë Müller-Øvrebø"
    labels = [line.split(":")[0] for line in lines if not line.startswith(" ") and ":" in line]
    assert labels[:7] == [
        "Credentials", "Phone", "Phone", "Email", "Address", "Telehealth", "Vetting",
    ]  # fmt: skip
    # The address's second line is indented under the first.
    address = lines.index(next(line for line in lines if line.startswith("Address:")))
    assert lines[address + 1].strip() == "Springfield, Oregon 97477, United States of America"
    assert lines[address + 1].startswith("  ")
