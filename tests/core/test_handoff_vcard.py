"""What the handoff codes hold: the vCard's parts read back the way a phone reads them,
and the directory's phone entries read as numbers a phone can dial."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk import handoff, messages
from peerdesk.models.clinicians import Clinician, ClinicianFields
from tests.support.referrals import NOW, clinician, decode, read_vcard, vcard_values

TODAY = date(2026, 3, 14)


def awkward() -> ClinicianFields:
    """Every awkward input at once. Not validated: the directory's check refuses keypad
    letters and words in a phone today, but the card must read whatever a vault holds."""
    return ClinicianFields(
        name="Dr. Zoë Müller-Øvrebø, PhD",
        credentials="PhD, LCSW",
        practice="Harbor Counselling, LLC; Øvre Bygning\\Nord",
        phones=(
            "call the front desk",
            "503.555.0100 / 0101",
            "(503) 555-0142 x12",
            "1-800-THERAPY",
            "+47 22 33 44 55",
            "503-555-01",
        ),
        email="zoe.muller@example.org",
        address="Suite 1200, Harborview; 4500 NW Blvd\nSpringfield, OR 97477",
        notes="Vetting notes: never on the card",
        vetted_by="Sgt. Lead",
        first_responder_experience="Twenty years with the county",
        insurance=("EAP",),
        region="North",
    )


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Dr. Zoë Müller-Øvrebø, PhD", ("Müller-Øvrebø", "Zoë", "", ("Dr.",), ("PhD",))),
        ("Mary Ann Smith, Psy.D., LMFT", ("Smith", "Mary", "Ann", (), ("Psy.D.", "LMFT"))),
        ("Whitfield, Dana", ("Whitfield", "Dana", "", (), ())),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig", "", (), ())),
        ("Ana de la Cruz", ("de la Cruz", "Ana", "", (), ())),
        (
            "Prof. Dr. Martin Luther King Jr.",
            ("King", "Martin", "Luther", ("Prof.", "Dr."), ("Jr.",)),
        ),
        ("李小龍", ("", "李小龍", "", (), ())),
        ("Dr.", ("", "Dr.", "", (), ())),  # a title alone is still somebody's name
        ("  Zoë   Müller  ", ("Müller", "Zoë", "", (), ())),
    ],
)
def test_a_name_splits_into_the_vcard_parts(
    name: str, parts: tuple[str, str, str, tuple[str, ...], tuple[str, ...]]
) -> None:
    found = handoff.name_parts(name)
    assert (found.family, found.given, found.additional, found.prefixes, found.suffixes) == parts


def test_the_vcard_holds_every_part_a_phone_files_it_by() -> None:
    text = handoff.vcard(awkward())
    props = read_vcard(text)
    assert [p[0] for p in props[:2]] == ["BEGIN", "VERSION"]
    assert props[1][2] == (("3.0",),)
    assert vcard_values(text, "N") == [
        (("Müller-Øvrebø",), ("Zoë",), ("",), ("Dr.",), ("PhD",)),
    ]
    assert vcard_values(text, "FN") == [(("Dr. Zoë Müller-Øvrebø, PhD",),)]
    # The comma and semicolon of the practice are text, not separators.
    assert vcard_values(text, "ORG") == [(("Harbor Counselling, LLC; Øvre Bygning\\Nord",),)]
    assert vcard_values(text, "TITLE") == [(("PhD, LCSW",),)]
    tels = [(params, values) for name, params, values in props if name == "TEL"]
    assert tels == [
        (("TYPE=work,voice",), (("+15035550100",),)),  # the first of two numbers
        (("TYPE=work,voice",), (("+15035550142,12",),)),  # a pause, then the extension
        (("TYPE=work,voice",), (("+18008437279",),)),  # keypad letters dialled as digits
        (("TYPE=work,voice",), (("+4722334455",),)),
    ]  # the words and the short number are not numbers: left out
    assert vcard_values(text, "EMAIL") == [(("zoe.muller@example.org",),)]
    assert vcard_values(text, "ADR") == [
        (("",), ("",), ("Suite 1200, Harborview; 4500 NW Blvd\nSpringfield, OR 97477",))
        + (("",),) * 4
    ]
    assert props[-1][0] == "END"
    assert decode(handoff.qr_matrix(text)) == text.encode("utf-8")


def test_the_vcard_holds_only_the_clinicians_public_details() -> None:
    text = handoff.vcard(awkward())
    names = {name for name, _params, _values in read_vcard(text)}
    assert names == {"BEGIN", "VERSION", "N", "FN", "ORG", "TITLE", "TEL", "EMAIL", "ADR", "END"}
    for private in ("Vetting notes", "Sgt. Lead", "Twenty years", "EAP", "North"):
        assert private not in text


def test_a_newline_in_a_field_cannot_forge_a_property() -> None:
    """A field holding a line break and "NOTE:" stays inside its own property."""
    forged = ClinicianFields(
        name="Ana\r\nNOTE:forged",
        practice="Clinic\nURL:https://evil.example",
        credentials="LCSW\rX-TEAM:leak",
        address="1 Elm\\\r\nEND:VCARD",
        phones=("(503) 555-0142",),
    )
    text = handoff.vcard(forged)
    names = [name for name, _params, _values in read_vcard(text)]
    assert names == ["BEGIN", "VERSION", "N", "FN", "ORG", "TITLE", "TEL", "ADR", "END"]
    assert vcard_values(text, "ORG") == [(("Clinic\nURL:https://evil.example",),)]
    assert vcard_values(text, "ADR")[0][2] == ("1 Elm\\\nEND:VCARD",)
    assert handoff.escape_text("a\\b,c;d\r\ne") == "a\\\\b\\,c\\;d\\ne"


def test_an_empty_vcard_still_names_the_clinician() -> None:
    text = handoff.vcard(ClinicianFields(name="Łukasz Żółć"))
    assert [p[0] for p in read_vcard(text)] == ["BEGIN", "VERSION", "N", "FN", "END"]
    assert decode(handoff.qr_matrix(text)) == text.encode("utf-8")


@pytest.mark.parametrize(
    ("entry", "e164", "extension", "display", "complete"),
    [
        ("(503) 555-0142", "+15035550142", None, "(503) 555-0142", True),
        ("503.555.0100 / 0101", "+15035550100", None, "(503) 555-0100", False),
        ("(503) 555-0142 x12", "+15035550142", "12", "(503) 555-0142", True),
        ("+1 503 555 0142 ext. 7", "+15035550142", "7", "(503) 555-0142", True),
        ("1-800-THERAPY", "+18008437279", None, "(800) 843-7279", False),
        ("+47 22 33 44 55", "+4722334455", None, "+47 22 33 44 55", True),  # not national
        ("call the front desk", None, None, "call the front desk", True),
        ("+1 555 0100", None, None, "+1 555 0100", True),  # too short for any US number
        ("", None, None, "", True),
    ],
)
def test_a_phone_entry_reads_as_its_first_valid_number(
    entry: str, e164: str | None, extension: str | None, display: str, complete: bool
) -> None:
    phone = handoff.read_phone(entry)
    assert (phone.e164, phone.extension, phone.display, phone.complete) == (
        e164, extension, display, complete,
    )  # fmt: skip


def test_a_number_without_country_code_is_read_in_the_region_given() -> None:
    assert handoff.DEFAULT_REGION == "US"
    london = handoff.read_phone("020 7946 0018", "GB")
    assert (london.e164, london.display) == ("+442079460018", "020 7946 0018")
    assert handoff.read_phone("020 7946 0018").e164 is None  # not a US number


@pytest.mark.parametrize(
    ("phones", "uri"),
    [
        (("503.555.0100 / 0101", "555-0199"), "tel:+15035550100"),
        (("(503) 555-0142 x12",), "tel:+15035550142,12"),
        (("1-800-THERAPY",), "tel:+18008437279"),
        (("call the front desk", "+47 22 33 44 55"), "tel:+4722334455"),  # the first valid
    ],
)
def test_the_tel_code_holds_the_first_valid_number(phones: tuple[str, ...], uri: str) -> None:
    fields = ClinicianFields(name="Dr. Ana Ruiz", phones=phones)
    assert handoff.payload(fields, handoff.TEL) == uri
    assert decode(handoff.qr_matrix(uri)) == uri.encode()


def test_no_valid_phone_means_one_sentence_and_no_tel_code() -> None:
    with pytest.raises(handoff.NoPhone) as none:
        handoff.payload(clinician("No Phone", TODAY, phones=()), handoff.TEL)
    assert str(none.value) == messages.CARD_NO_PHONE
    fields = ClinicianFields(name="Dr. Ana Ruiz", phones=("503-555-01", "call the desk"))
    with pytest.raises(handoff.NoPhone) as invalid:
        handoff.payload(fields, handoff.TEL)
    sentence = str(invalid.value)
    assert sentence.count(".") == 1 and sentence.endswith("directory.")
    assert "(503-555-01; call the desk)" in sentence
    assert "TEL" not in handoff.vcard(fields)  # nor in the vCard


def test_the_card_lists_each_phone_as_read_and_says_what_it_left_out() -> None:
    lines = handoff.card_lines(Clinician("x" * 36, awkward(), NOW), TODAY)
    phones = [line.value for line in lines if line.label == messages.CARD_LABELS["phones"]]
    assert phones == [
        "call the front desk (not a number a phone can dial: left out of the codes)",
        "(503) 555-0100 (listed as 503.555.0100 / 0101)",
        "(503) 555-0142 ext. 12",
        "(800) 843-7279 (listed as 1-800-THERAPY)",
        "+47 22 33 44 55",
        "503-555-01 (not a number a phone can dial: left out of the codes)",
    ]
