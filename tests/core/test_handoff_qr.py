"""The handoff card's QR code: it decodes to exactly the clinician's details, and the
terminal drawing is that same matrix (read back from the block characters)."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk import handoff
from peerdesk.models.clinicians import Clinician, ClinicianFields
from tests.support.referrals import NOW, clinician, decode

TEL_CODE = "tel:+15035550142"  # a version 1 code: 21 modules

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


@pytest.mark.parametrize(
    "fields",
    [
        accented(),
        clinician("Dr. Ana Ruiz", TODAY, practice="Ruiz, Ortega & Partners"),
        clinician("Łukasz Żółć, 李小龍", TODAY, phones=(), email=None, address="ул. Ленина 1"),
    ],
)
def test_vcard_code_decodes_to_exactly_the_details(fields: ClinicianFields) -> None:
    text = handoff.vcard(fields)
    matrix = handoff.qr_matrix(text)
    assert decode(matrix) == text.encode("utf-8")


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


@pytest.mark.parametrize("scale", [2, 3, 4])
def test_a_scaled_drawing_is_the_same_code_with_larger_modules(scale: int) -> None:
    matrix = handoff.qr_matrix(TEL_CODE, border=1)
    lines = handoff.render_blocks(matrix, scale=scale)
    width = len(matrix[0]) * scale
    assert {len(line) for line in lines} == {width}
    assert len(lines) == (len(matrix) * scale + 1) // 2
    parsed = handoff.parse_blocks(lines, width)
    scaled = handoff.scale_matrix(matrix, scale)
    assert parsed[: len(scaled)] == scaled
    # Each module is `scale` columns wide and `scale` half-lines tall: read back at 1/scale
    # it is the very matrix.
    assert tuple(row[::scale] for row in parsed[: len(scaled) : scale]) == matrix
    assert decode(parsed, scale=2) == TEL_CODE.encode()
    drawn = parsed[: len(scaled)]
    assert handoff.drawing_size(21, scale=scale, border=1) == handoff.text_size(drawn)


@pytest.mark.parametrize(
    ("room", "expected"),
    [
        # The code alone at 80x24 (one line under it) and 120x40: the largest scale first,
        # then the widest quiet zone that still fits at that scale.
        ((80, 23), handoff.Fit(scale=2, border=1, columns=46, lines=23)),
        ((120, 39), handoff.Fit(scale=3, border=2, columns=75, lines=38)),
        ((29, 15), handoff.Fit(scale=1, border=4, columns=29, lines=15)),
        ((23, 12), handoff.Fit(scale=1, border=1, columns=23, lines=12)),
        ((22, 40), None),  # narrower than the code with a one-module zone
        ((80, 11), None),
    ],
)
def test_fit_picks_the_largest_scale_then_the_widest_quiet_zone(
    room: tuple[int, int], expected: handoff.Fit | None
) -> None:
    modules = handoff.symbol_modules(TEL_CODE)
    assert modules == 21
    assert handoff.fit(modules, *room) == expected


def test_fit_beside_the_details_keeps_the_full_quiet_zone() -> None:
    assert handoff.fit(21, 80, 23, min_border=4) == handoff.Fit(1, 4, 29, 15)
    assert handoff.fit(21, 58, 29, min_border=4) == handoff.Fit(2, 4, 58, 29)
    assert handoff.fit(21, 28, 40, min_border=4) is None
