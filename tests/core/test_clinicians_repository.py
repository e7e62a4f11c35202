"""The clinician repository against a real vault: storing, searching, filtering, status."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from peerdesk.models.clinicians import (
    EXPIRED,
    REVET_DUE,
    REVET_WINDOW_DAYS,
    SUSPENDED,
    UNVETTED,
    VETTED,
    ClinicianFields,
    vetting_status,
)
from peerdesk.validation import InvalidInput
from peerdesk.vault import Vault, clinician_writes, clinicians, directory
from peerdesk.vault.clinicians import DirectoryFilter
from tests.core.clinician_helpers import NOW, TODAY, add, fields


def names(vault: Vault, flt: DirectoryFilter, today: date = TODAY) -> list[str]:
    rows = clinicians.page(vault.conn, flt, today=today)
    assert clinicians.count(vault.conn, flt, today=today) == len(rows)
    return [r.name for r in rows]


def test_add_then_get_returns_every_field(vault: Vault) -> None:
    f = fields(address="1 Example Street\nSuite 2", notes="Evenings only.")
    cid = add(vault, f)
    stored = clinicians.get(vault.conn, cid)
    assert stored is not None
    assert stored.fields == f
    assert stored.updated_at == NOW
    assert len(cid) == 36


@pytest.mark.parametrize(
    ("vetted_on", "revet_due", "suspended", "expected"),
    [
        (date(2026, 1, 1), TODAY + timedelta(days=REVET_WINDOW_DAYS + 1), False, VETTED),
        (date(2026, 1, 1), TODAY + timedelta(days=REVET_WINDOW_DAYS), False, REVET_DUE),
        (date(2026, 1, 1), TODAY, False, REVET_DUE),
        (date(2025, 1, 1), TODAY - timedelta(days=1), False, EXPIRED),
        (date(2026, 1, 1), date(2027, 1, 1), True, SUSPENDED),
        (None, None, False, UNVETTED),
        (None, None, True, SUSPENDED),
    ],
)
def test_vetting_status_is_derived_from_dates_and_suspension(
    vault: Vault, vetted_on: date | None, revet_due: date | None, suspended: bool, expected: str
) -> None:
    assert vetting_status(vetted_on, revet_due, suspended, TODAY) == expected
    add(vault, fields(vetted_on=vetted_on, revet_due=revet_due, suspended=suspended))
    (row,) = clinicians.page(vault.conn, today=TODAY)
    assert row.status == expected
    for status in (VETTED, REVET_DUE, EXPIRED, SUSPENDED, UNVETTED):
        found = names(vault, DirectoryFilter(status=status))
        assert found == (["Dr. Ada Example"] if status == expected else [])


def test_search_is_prefix_case_and_accent_insensitive_over_every_searched_field(
    vault: Vault,
) -> None:
    add(vault, fields("José Núñez", practice="Steady Ground", region="North County"))
    add(vault, fields("Grace Lindqvist", specialties=("alcohol",), languages=("Tagalog",)))
    add(vault, fields("Omar Haddad", notes="Evening slots for shift workers", modalities=("CPT",)))
    assert names(vault, DirectoryFilter(search="jose")) == ["José Núñez"]
    assert names(vault, DirectoryFilter(search="NUN")) == ["José Núñez"]
    assert names(vault, DirectoryFilter(search="stea gro")) == ["José Núñez"]
    assert names(vault, DirectoryFilter(search="north")) == ["José Núñez"]
    assert names(vault, DirectoryFilter(search="alcoh")) == ["Grace Lindqvist"]  # the id
    assert names(vault, DirectoryFilter(search="Tagal")) == ["Grace Lindqvist"]
    assert names(vault, DirectoryFilter(search="shift")) == ["Omar Haddad"]
    assert names(vault, DirectoryFilter(search="cpt")) == ["Omar Haddad"]
    # A specialty's label is searchable as well as its id.
    assert names(vault, DirectoryFilter(search="marital")) == []
    add(vault, fields("Ines Moreau", specialties=("relationship",)))
    assert names(vault, DirectoryFilter(search="marital")) == ["Ines Moreau"]
    # FTS syntax typed into the box is only text.
    assert names(vault, DirectoryFilter(search='"jos*(')) == ["José Núñez"]
    assert names(vault, DirectoryFilter(search="jose OR grace")) == []
    assert names(vault, DirectoryFilter(search="!!!")) == []


def test_filters_combine_and_compare_ignoring_case(vault: Vault) -> None:
    add(vault, fields("A One", telehealth=True, insurance=("Agency EAP",), region="Downtown"))
    add(vault, fields("B Two", telehealth=False, languages=("Français",)))
    add(vault, fields("C Three", accepting_new_clients=False, specialties=("alcohol", "trauma")))
    assert names(vault, DirectoryFilter(telehealth=False)) == ["B Two"]
    assert names(vault, DirectoryFilter(accepting_new_clients=False)) == ["C Three"]
    assert names(vault, DirectoryFilter(language="francais")) == ["B Two"]
    assert names(vault, DirectoryFilter(insurance="agency eap", search="one")) == ["A One"]
    assert names(vault, DirectoryFilter(region="DOWNTOWN", telehealth=True)) == [
        "A One",
        "C Three",
    ]
    assert names(vault, DirectoryFilter(specialties=("alcohol", "trauma"))) == ["C Three"]
    assert names(vault, DirectoryFilter(specialties=("alcohol", "grief"))) == []
    # A partial value is not a match: "Down" is not the region "Downtown".
    assert names(vault, DirectoryFilter(region="Down")) == []


def test_page_is_in_name_order_and_offsets_through_the_list(vault: Vault) -> None:
    for name in ("émile zola", "Bea", "anna", "Carl"):
        add(vault, fields(name))
    assert names(vault, DirectoryFilter()) == ["anna", "Bea", "Carl", "émile zola"]
    second = clinicians.page(vault.conn, today=TODAY, limit=2, offset=2)
    assert [r.name for r in second] == ["Carl", "émile zola"]


def test_update_replaces_fields_search_and_filters(vault: Vault) -> None:
    cid = add(vault, fields("Old Name", region="Downtown"))
    later = NOW + timedelta(days=1)
    with vault.transaction() as conn:
        assert clinician_writes.update(conn, cid, fields("New Name", region="Riverside"), later)
    assert names(vault, DirectoryFilter(search="old")) == []
    assert names(vault, DirectoryFilter(search="new")) == ["New Name"]
    assert names(vault, DirectoryFilter(region="downtown")) == []
    stored = clinicians.get(vault.conn, cid)
    assert stored is not None and stored.updated_at == later


def test_save_validates_and_suspend_reactivate_round_trip(vault: Vault) -> None:
    with pytest.raises(InvalidInput) as bad:
        directory.save_clinician(vault, ClinicianFields(name="X", email="not-an-email"))
    assert bad.value.field == "email"
    cid = directory.save_clinician(vault, fields(), now=NOW)
    assert directory.set_suspended(vault, cid, True)
    assert names(vault, DirectoryFilter(status=SUSPENDED)) == ["Dr. Ada Example"]
    assert directory.set_suspended(vault, cid, False)
    assert names(vault, DirectoryFilter(status=VETTED)) == ["Dr. Ada Example"]
    assert not directory.set_suspended(vault, "00000000-0000-4000-8000-000000000000", True)
    with pytest.raises(KeyError):
        directory.save_clinician(
            vault, fields(), clinician_id="00000000-0000-4000-8000-000000000000"
        )


def test_choices_list_distinct_values_once(vault: Vault) -> None:
    add(vault, fields("A", languages=("English", "Spanish"), region="Downtown"))
    add(vault, fields("B", languages=("english", "Somali"), region="downtown"))
    got = clinicians.choices(vault.conn)
    assert got.languages == ("English", "Somali", "Spanish")
    assert len(got.regions) == 1
    assert got.insurance == ("Agency EAP",)


def test_find_accepts_a_unique_id_prefix(vault: Vault) -> None:
    first = add(vault, fields("A"), "aaaa1111-0000-4000-8000-000000000000")
    add(vault, fields("B"), "aaaa2222-0000-4000-8000-000000000000")
    assert [c.id for c in clinicians.find(vault.conn, "AAAA1")] == [first]
    assert len(clinicians.find(vault.conn, "aaaa")) == 2
    assert clinicians.find(vault.conn, "zz") == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"email": "a@b"}, "email"),
        ({"phones": ("555-CALL-NOW",)}, "phones"),
        ({"phones": ("12",)}, "phones"),
        ({"specialties": ("golf",)}, "specialties"),
        ({"languages": ("English; Spanish",)}, "languages"),
        ({"vetted_on": date(2026, 1, 1), "revet_due": None}, "revet_due"),
        ({"vetted_on": None, "revet_due": date(2026, 1, 1)}, "vetted_on"),
        ({"vetted_on": date(2026, 1, 1), "revet_due": date(2025, 1, 1)}, "revet_due"),
        ({"name": "x" * 201}, "name"),
        ({"notes": "bell\x07"}, "notes"),
        ({"insurance": tuple(f"Plan {i}" for i in range(31))}, "insurance"),
    ],
)
def test_bad_fields_name_the_field(changes: dict[str, object], field: str) -> None:
    base = replace(fields(), **changes)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as bad:
        base.validated()
    assert bad.value.field == field


def test_phones_with_a_plus_and_extension_are_fine() -> None:
    f = fields(phones=("+1 555 0100", "(202) 555-0142 ext. 12", "555.0100", "988"))
    assert f.phones == ("+1 555 0100", "(202) 555-0142 ext. 12", "555.0100", "988")


def test_the_demo_vault_has_about_forty_fictional_clinicians_in_every_state(
    vault: Vault,
) -> None:
    from peerdesk.synthetic.demo import DEMO_CLINICIANS, seed_demo

    seed_demo(vault)
    today = date.today()
    rows = clinicians.page(vault.conn, today=today, limit=1000)
    assert len(rows) == DEMO_CLINICIANS == 40
    assert {r.status for r in rows} == {VETTED, REVET_DUE, EXPIRED, SUSPENDED, UNVETTED}
    assert len({s for r in rows for s in r.specialties}) >= 12
    for c in clinicians.every(vault.conn):
        assert all("555-01" in p or "555 01" in p for p in c.fields.phones)
        assert c.fields.email is None or c.fields.email.endswith("@example.org")
