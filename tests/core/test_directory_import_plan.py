"""What an import plan says about a forged file, against a real vault.

A tampered copy of the directory changes a vetted clinician's phone, or vets a suspended
one again, or adds a second "Avery Castillo" under a new id. The plan must hold every
changed field with both values, the vetting status before and after, and every new
clinician named like another; and a look-alike must stop the write until accepted.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from peerdesk.interchange import (
    FieldChange,
    export_directory,
    import_file,
    preview_lines,
    value_text,
)
from peerdesk.interchange.preview import FIELD, RECORD, STATUS, WARNING
from peerdesk.models.clinicians import FIELD_NAMES, ClinicianFields, name_key
from peerdesk.vault import Vault, clinicians
from tests.core.clinician_helpers import NOW, add, fields

TODAY = date(2026, 3, 14)
ID1 = "11111111-1111-4111-8111-111111111111"
ID2 = "22222222-2222-4222-8222-222222222222"
REAL_PHONE = "+1 202 555 0142"
FORGED_PHONE = "+1 900 555 0199"


def exported(vault: Vault, path: Path) -> dict[str, object]:
    export_directory(vault.conn, path, "json", overwrite=True)
    return dict(json.loads(path.read_text(encoding="utf-8")))


def items(doc: dict[str, object]) -> list[dict[str, object]]:
    found = doc["clinicians"]
    assert isinstance(found, list)
    return found


def write(path: Path, doc: dict[str, object]) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def vetted(name: str = "Avery Castillo", **changes: object) -> ClinicianFields:
    base: dict[str, object] = {
        "phones": (REAL_PHONE,),
        "vetted_on": TODAY - timedelta(days=30),
        "revet_due": TODAY + timedelta(days=300),
    }
    base.update(changes)
    return fields(name, **base)


def test_the_tampered_phone_is_planned_with_its_old_and_new_value(
    vault: Vault, tmp_path: Path
) -> None:
    add(vault, vetted(), ID1)
    doc = exported(vault, tmp_path / "d.json")
    items(doc)[0]["phones"] = [FORGED_PHONE]
    path = write(tmp_path / "d.json", doc)
    plan = import_file(vault, path, dry_run=True, today=TODAY)
    (record,) = plan.changed
    assert record.changes == (FieldChange("phones", (REAL_PHONE,), (FORGED_PHONE,)),)
    assert record.changed == ("phones",)
    assert (record.old_status, record.status, record.status_changes) == ("vetted", "vetted", False)
    lines = [(line.kind, line.text) for line in preview_lines(plan)]
    assert lines == [
        (RECORD, f"change Avery Castillo (clinicians[0]), id {ID1}:"),
        (FIELD, f"  Phones: '{REAL_PHONE}' -> '{FORGED_PHONE}'"),
    ]
    stored = clinicians.get(vault.conn, ID1)
    assert stored is not None and stored.fields.phones == (REAL_PHONE,)


def test_suspended_to_vetted_comes_first_in_words(vault: Vault, tmp_path: Path) -> None:
    add(vault, vetted(suspended=True), ID1)
    doc = exported(vault, tmp_path / "d.json")
    items(doc)[0].update(suspended=False, email="forged@example.org")
    plan = import_file(vault, write(tmp_path / "d.json", doc), dry_run=True, today=TODAY)
    (record,) = plan.changed
    assert (record.old_status, record.status, record.status_changes) == (
        "suspended",
        "vetted",
        True,
    )
    lines = [(line.kind, line.text) for line in preview_lines(plan)]
    assert lines[1] == (STATUS, "  VETTING STATUS CHANGES: Suspended -> Vetted")
    assert lines[2:] == [
        (FIELD, "  Email: 'ada@example.org' -> 'forged@example.org'"),
        (FIELD, "  Suspended: yes -> no"),
    ]


def test_a_status_that_changes_only_by_its_dates_is_shown_too(vault: Vault, tmp_path: Path) -> None:
    """Expired to vetted by moving revet_due: the status line names both statuses."""
    add(vault, vetted(vetted_on=TODAY - timedelta(days=400), revet_due=TODAY - timedelta(days=1)))
    doc = exported(vault, tmp_path / "d.json")
    items(doc)[0]["revet_due"] = (TODAY + timedelta(days=200)).isoformat()
    plan = import_file(vault, write(tmp_path / "d.json", doc), dry_run=True, today=TODAY)
    texts = [line.text for line in preview_lines(plan)]
    assert texts[1] == "  VETTING STATUS CHANGES: Vetting expired -> Vetted"
    assert texts[2] == f"  Re-vet due: {TODAY - timedelta(days=1)} -> {TODAY + timedelta(days=200)}"


def test_every_field_of_the_format_is_shown_old_and_new(vault: Vault, tmp_path: Path) -> None:
    old = ClinicianFields(name="Dr. Old")
    new = ClinicianFields(
        name="Dr. New",
        credentials="LCSW",
        practice="New Practice",
        phones=("555-0101", "555-0102"),
        email="new@example.org",
        address="1 New St\nSuite 2",
        region="North",
        telehealth=True,
        languages=("English",),
        specialties=("trauma", "grief"),
        modalities=("EMDR",),
        insurance=("Agency EAP",),
        accepting_new_clients=True,
        first_responder_experience="Ten years",
        vetted_by="Team lead",
        vetted_on=TODAY - timedelta(days=10),
        revet_due=TODAY + timedelta(days=300),
        suspended=True,
        notes="New notes",
    )
    add(vault, old, ID1)
    doc = exported(vault, tmp_path / "d.json")
    newer = exported_fields(new)
    items(doc)[0].update(newer)
    plan = import_file(vault, write(tmp_path / "d.json", doc), dry_run=True, today=TODAY)
    (record,) = plan.changed
    assert record.changed == FIELD_NAMES  # every field of the format, in its order
    texts = [line.text for line in preview_lines(plan, width=200)]
    assert texts[1] == "  VETTING STATUS CHANGES: Not vetted -> Suspended"
    assert texts[2:] == [
        "  Name: 'Dr. Old' -> 'Dr. New'",
        "  Credentials/licence: (empty) -> 'LCSW'",
        "  Practice: (empty) -> 'New Practice'",
        "  Phones: (empty) -> '555-0101; 555-0102'",
        "  Email: (empty) -> 'new@example.org'",
        "  Address: (empty) -> '1 New St\\x0aSuite 2'",  # one value, one line
        "  Region: (empty) -> 'North'",
        "  Telehealth: no -> yes",
        "  Languages: (empty) -> 'English'",
        "  Specialties: (empty) -> 'trauma; grief'",
        "  Modalities: (empty) -> 'EMDR'",
        "  Insurance/EAP accepted: (empty) -> 'Agency EAP'",
        "  Accepting new clients: no -> yes",
        "  First-responder experience: (empty) -> 'Ten years'",
        "  Vetted by: (empty) -> 'Team lead'",
        f"  Vetted on: (empty) -> {TODAY - timedelta(days=10)}",
        f"  Re-vet due: (empty) -> {TODAY + timedelta(days=300)}",
        "  Suspended: no -> yes",
        "  Notes: (empty) -> 'New notes'",
    ]


def exported_fields(f: ClinicianFields) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in FIELD_NAMES:
        value = getattr(f, name)
        out[name] = list(value) if isinstance(value, tuple) else value
        if isinstance(value, date):
            out[name] = value.isoformat()
    return out


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "(empty)"),
        ((), "(empty)"),
        (True, "yes"),
        (False, "no"),
        (date(2026, 1, 2), "2026-01-02"),
        (("a", "b"), "'a; b'"),
        ("(empty)", "'(empty)'"),  # text that reads like an empty value is quoted
        ("[bold]x[/bold]", "'[bold]x[/bold]'"),
        ("\x1b[2Jgone", "'\\x1b[2Jgone'"),
        ("Dr. \u202eevil", "'Dr. \\u202eevil'"),
    ],
)
def test_value_text_shows_each_value_unmistakably(value: object, shown: str) -> None:
    assert value_text(value) == shown


def test_values_the_vault_held_from_before_print_safely_and_wrap(
    vault: Vault, tmp_path: Path
) -> None:
    """An older peerdesk could store what the checks now refuse: the old value in the
    preview is escaped, and a value of 10,000 characters wraps to 80 columns."""
    add(vault, vetted(), ID1)
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE clinicians SET notes = ?, practice = ?, region = ? WHERE id = ?",
            ("\x1b]0;owned\x07\x1b[2J" + "x" * 10_000, "[bold]Evil[/bold]", "a\u202eb", ID1),
        )
    doc = exported(vault, tmp_path / "d.json")
    items(doc)[0].update(notes="Fine", practice="Plain", region="North")
    plan = import_file(vault, write(tmp_path / "d.json", doc), dry_run=True, today=TODAY)
    lines = preview_lines(plan)
    assert all(len(line.text) <= 80 for line in lines)
    assert all(line.text.isprintable() for line in lines)
    joined = "".join(line.text.strip() for line in lines)
    assert "'\\x1b]0;owned\\x07\\x1b[2J" in joined
    assert joined.count("x") >= 10_000  # in full, not cut
    assert "Practice: '[bold]Evil[/bold]' -> 'Plain'" in joined
    assert "Region: 'a\\u202eb' -> 'North'" in joined


@pytest.mark.parametrize(
    "lookalike",
    ["Avery Castillo", "AVERY CASTILLO", "Avéry Castillo", "avery  castillo.", "Avery-Castillo"],
)
def test_a_new_clinician_named_like_one_in_the_vault_is_flagged_and_not_written(
    vault: Vault, tmp_path: Path, lookalike: str
) -> None:
    add(vault, vetted(), ID1)
    doc = exported(vault, tmp_path / "d.json")
    items(doc).append({"name": lookalike, "phones": [FORGED_PHONE]})
    path = write(tmp_path / "d.json", doc)
    before = list(clinicians.every(vault.conn))
    plan = import_file(vault, path, now=NOW, today=TODAY)
    assert not plan.written and plan.ok
    (found,) = plan.lookalikes
    assert (found.location, found.name, found.other_name, found.other_id) == (
        "clinicians[1]",
        lookalike,
        "Avery Castillo",
        ID1,
    )
    assert found.other_location is None  # the one it imitates is in the vault
    assert list(clinicians.every(vault.conn)) == before
    lines = preview_lines(plan)
    assert lines[0].kind == WARNING and lines[0].text.startswith("LOOK-ALIKE NAMES: 1 new")
    said = " ".join(line.text.strip() for line in lines if line.kind == WARNING)
    assert f"the new clinician '{lookalike}' looks like 'Avery Castillo'" in said
    assert f"already in the directory (id {ID1})" in said
    # Accepted, it is written: the same plan, now stored.
    accepted = import_file(vault, path, now=NOW, today=TODAY, accept_lookalikes=True)
    assert accepted.written and len(accepted.lookalikes) == 1
    assert clinicians.total(vault.conn) == 2


def test_two_new_clinicians_named_alike_in_one_file_flag_the_second(
    vault: Vault, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "d.json",
        {
            "format": "peerdesk-directory",
            "version": 1,
            "clinicians": [
                {"name": "Robin Ngata"},
                {"id": ID2, "name": "Someone Else"},
                {"name": "ROBIN NGATA"},
            ],
        },
    )
    plan = import_file(vault, path, dry_run=True, today=TODAY)
    (found,) = plan.lookalikes
    assert (found.location, found.other_location, found.other_name) == (
        "clinicians[2]",
        "clinicians[0]",
        "Robin Ngata",
    )
    said = " ".join(line.text.strip() for line in preview_lines(plan) if line.kind == WARNING)
    assert "looks like 'Robin Ngata' at clinicians[0] of the same file" in said


def test_a_clinician_renamed_in_the_file_is_compared_by_both_names(
    vault: Vault, tmp_path: Path
) -> None:
    """The real one renamed away and a new one under its name: still flagged, naming the
    real one as the vault holds it; and a new one named like the new name as well."""
    add(vault, vetted(), ID1)
    doc = exported(vault, tmp_path / "d.json")
    items(doc)[0]["name"] = "Avery Castillo (retired)"
    items(doc).append({"name": "Avery Castillo"})
    items(doc).append({"name": "avery castillo retired"})
    plan = import_file(vault, write(tmp_path / "d.json", doc), dry_run=True, today=TODAY)
    assert [(f.location, f.other_name, f.other_location) for f in plan.lookalikes] == [
        ("clinicians[1]", "Avery Castillo", None),
        ("clinicians[2]", "Avery Castillo (retired)", "clinicians[0]"),
    ]


def test_different_names_and_a_plain_re_import_flag_nothing(vault: Vault, tmp_path: Path) -> None:
    add(vault, vetted(), ID1)
    doc = exported(vault, tmp_path / "d.json")
    plan = import_file(vault, write(tmp_path / "d.json", doc), dry_run=True, today=TODAY)
    assert plan.lookalikes == () and plan.unchanged == 1
    items(doc).append({"name": "Avery Castillo-Ruiz"})
    items(doc).append({"name": "Averil Castillo"})
    plan = import_file(vault, write(tmp_path / "d.json", doc), now=NOW, today=TODAY)
    assert plan.lookalikes == () and plan.written


def test_name_key_drops_case_accents_spacing_punctuation_and_invisibles() -> None:
    key = name_key("Avery Castillo")
    for name in ("AVERY CASTILLO", "Ávery Častillo", "Avery  Castillo.", "Ave\u200bry Castillo"):
        assert name_key(name) == key
    assert name_key("Avery Castilo") != key
    assert name_key("\uff21\uff56\uff45\uff52\uff59 Castillo") == key  # full-width (NFKD)
