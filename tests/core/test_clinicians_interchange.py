"""Directory files in and out against a real vault: round trips, neutralisation, all or
nothing, and every kind of bad row reported with its place and field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from peerdesk.interchange import (
    DirectoryFileError,
    export_directory,
    import_file,
    neutralise,
    read_directory,
    unneutralise,
)
from peerdesk.vault import Vault, clinicians, contacts
from peerdesk.vault.transactions import table_counts
from tests.core.clinician_helpers import HEADER, NOW, add, fields, write_csv

ID1 = "11111111-1111-4111-8111-111111111111"
ID2 = "22222222-2222-4222-8222-222222222222"


def everything(vault: Vault) -> list[object]:
    return list(clinicians.every(vault.conn))


def tricky(vault: Vault) -> None:
    """Clinicians whose text a spreadsheet would run, or Rich would style."""
    add(vault, fields("=Dr. Plus", phones=("+1 555 0100", "-555 0101")), ID1)
    add(
        vault,
        fields(
            "[red]Dr. X[/]",
            practice="@home practice",
            notes="'=already quoted\n-dash line\n\ttabbed",
            address="'plain apostrophe",
            credentials="+LCSW",
            languages=("Français", "中文"),
        ),
        ID2,
    )
    add(vault, fields("Zoë Ordinary", email=None, phones=(), specialties=()))


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_import_export_is_identical_bytes_and_records(
    vault: Vault, tmp_path: Path, vault_path: Path, kind: str
) -> None:
    tricky(vault)
    first = tmp_path / f"first.{kind}"
    assert export_directory(vault.conn, first, kind) == 3
    with Vault.create(tmp_path / "other" / "v.peerdesk", "another passphrase") as other:
        plan = import_file(other, first, now=NOW + timedelta(days=9))
        assert plan.written and len(plan.added) == 3 and not plan.problems
        assert everything(other) == everything(vault)
        second = tmp_path / f"second.{kind}"
        export_directory(other.conn, second, kind)
    assert second.read_bytes() == first.read_bytes()
    # Importing the same file into the vault it came from changes nothing.
    again = import_file(vault, first)
    assert (again.added, again.changed, again.unchanged) == ((), (), 3)


def test_formula_cells_are_neutralised_in_csv_and_read_back_exactly(
    vault: Vault, tmp_path: Path
) -> None:
    tricky(vault)
    out = tmp_path / "d.csv"
    export_directory(vault.conn, out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so spreadsheets read UTF-8
    text = raw.decode("utf-8-sig")
    assert "'=Dr. Plus" in text
    assert "'+1 555 0100; -555 0101" in text
    assert "'@home practice" in text
    assert "'+LCSW" in text
    assert "''=already quoted" in text
    assert '"\'plain apostrophe"' not in text and "'plain apostrophe" in text
    assert "[red]Dr. X[/]" in text
    for cell in text.split(","):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    stored = clinicians.get(vault.conn, ID2)
    assert stored is not None and stored.name == "[red]Dr. X[/]"


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1 555 0100", "-x", "@a", "\tx", "\rx", "'=x", "''+x", "'x", "'", "plain", ""],
)
def test_neutralise_round_trips_every_shape(value: str) -> None:
    guarded = neutralise(value)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unneutralise(guarded) == value


def test_a_hand_made_csv_without_apostrophes_keeps_plus_phones(
    vault: Vault, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "d.csv", [HEADER, ",Dr. A,+1 555 0100,,trauma,yes,,"])
    plan = import_file(vault, path, now=NOW)
    (added,) = plan.added
    assert added.id_assigned
    stored = clinicians.get(vault.conn, added.id)
    assert stored is not None
    assert stored.fields.phones == ("+1 555 0100",)
    assert stored.fields.telehealth is True
    assert stored.updated_at == NOW


def test_json_and_csv_with_the_same_content_give_the_same_records(
    vault: Vault, tmp_path: Path
) -> None:
    csv_path = write_csv(
        tmp_path / "d.csv",
        [HEADER, f"{ID1},Dr. A,+1 555 0100; 555-0101,a@example.org,trauma; grief,1,"
         "2026-01-01,2027-01-01"],
    )  # fmt: skip
    json_path = tmp_path / "d.json"
    item = {
        "id": ID1,
        "name": "Dr. A",
        "phones": ["+1 555 0100", "555-0101"],
        "email": "a@example.org",
        "specialties": ["grief", "trauma"],
        "telehealth": True,
        "vetted_on": "2026-01-01",
        "revet_due": "2027-01-01",
    }
    doc = {"format": "peerdesk-directory", "version": 1, "clinicians": [item]}
    json_path.write_text(json.dumps(doc))
    from_csv = read_directory(csv_path).records
    from_json = read_directory(json_path).records
    assert [r.fields for r in from_csv] == [r.fields for r in from_json]
    assert from_csv[0].fields.specialties == ("trauma", "grief")  # vocabulary order


def test_upsert_reports_added_changed_unchanged_and_leaves_others_alone(
    vault: Vault, tmp_path: Path
) -> None:
    add(vault, fields("Kept", phones=("555-0100",)), ID1)
    add(vault, fields("Changes", email="old@example.org"), ID2)
    absent = add(vault, fields("Not In File"))
    export = tmp_path / "all.json"
    export_directory(vault.conn, export, "json")
    doc = json.loads(export.read_text())
    doc["clinicians"] = [c for c in doc["clinicians"] if c["id"] != absent]
    for item in doc["clinicians"]:
        if item["id"] == ID2:
            item["email"] = "new@example.org"
            item["updated_at"] = "2026-05-01T08:00:00+00:00"
    doc["clinicians"].append({"name": "Brand New", "phones": ["555-0199"]})
    export.write_text(json.dumps(doc))

    preview = import_file(vault, export, dry_run=True)
    assert not preview.written
    assert clinicians.get(vault.conn, ID2).fields.email == "old@example.org"  # type: ignore[union-attr]
    plan = import_file(vault, export, now=NOW)
    for got in (preview, plan):
        assert [a.name for a in got.added] == ["Brand New"]
        assert got.added[0].id_assigned and got.added[0].location == "clinicians[2]"
        assert [(c.id, c.changed) for c in got.changed] == [(ID2, ("email",))]
        assert (got.unchanged, got.left_alone) == (1, 1)
    changed = clinicians.get(vault.conn, ID2)
    kept = clinicians.get(vault.conn, ID1)
    assert changed is not None and kept is not None
    assert changed.fields.email == "new@example.org"
    assert changed.updated_at.isoformat() == "2026-05-01T08:00:00+00:00"
    assert kept.updated_at == NOW  # untouched: unchanged records are not written
    assert clinicians.get(vault.conn, absent) is not None  # never deleted


BAD_ROWS = [
    ("not-a-uuid,Dr. A,,,,,,", "id"),
    (",,,,,,,", None),  # a blank row is skipped, not an error
    (", ,555-0100,,,,,", "name"),
    (",Dr. A,,nobody-at-example,,,,", "email"),
    (",Dr. A,call me,,,,,", "phones"),
    (",Dr. A,,,golf,,,", "specialties"),
    (",Dr. A,,,,maybe,,", "telehealth"),
    (",Dr. A,,,,,2026-02-30,2027-01-01", "vetted_on"),
    (",Dr. A,,,,,14/03/2026,2027-01-01", "vetted_on"),
    (",Dr. A,,,,,2026-01-01,", "revet_due"),
    (",Dr. A,,,,,2026-01-01,2025-01-01", "revet_due"),
    (",Dr. A,,,,,,,extra cell", "row"),
    (",\x1b[31mDr. A,,,,,,", "name"),
    (f",{'x' * 5000},,,,,,", "name"),
]


@pytest.mark.parametrize(("row", "field"), BAD_ROWS)
def test_every_kind_of_bad_csv_row_is_reported_with_line_and_field(
    vault: Vault, tmp_path: Path, row: str, field: str | None
) -> None:
    path = write_csv(tmp_path / "d.csv", [HEADER, f"{ID1},Good One,,,,,,", row])
    plan = import_file(vault, path, now=NOW)
    if field is None:
        assert plan.written and not plan.problems
        return
    assert not plan.written
    assert [(p.location, p.field) for p in plan.problems] == [("line 3", field)]
    assert clinicians.total(vault.conn) == 0


def test_a_bad_row_reports_every_bad_field_and_duplicates_name_the_first_line(
    vault: Vault, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            f'{ID1},"Multi\nLine Name",,,,,,',  # a quoted newline: the row starts on line 2
            f"{ID2},Dr. B,x,bad,golf,perhaps,2026-13-01,",
            f"{ID2},Dr. C,,,,,,",
        ],
    )
    plan = import_file(vault, path)
    got = [(p.location, p.field) for p in plan.problems]
    assert ("line 2", "name") in got  # a newline in a one-line field
    assert sorted(f for loc, f in got if loc == "line 4") == [
        "email",
        "phones",
        "specialties",
        "telehealth",
        "vetted_on",
    ]
    (dup,) = [p for p in plan.problems if p.location == "line 5"]
    assert dup.field == "id" and "line 4" in dup.sentence


def test_bad_json_items_are_reported_by_index(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    items = [
        {"name": "Fine"},
        "not an object",
        {"name": "X", "nickname": "unknown key"},
        {"name": 7},
        {"name": "Y", "phones": [5550100]},
        {"name": "Z", "telehealth": "sometimes"},
    ]
    path.write_text(json.dumps({"format": "peerdesk-directory", "version": 1, "clinicians": items}))
    plan = import_file(vault, path)
    assert [(p.location, p.field) for p in plan.problems] == [
        ("clinicians[1]", "row"),
        ("clinicians[2]", "nickname"),
        ("clinicians[3]", "name"),
        ("clinicians[4]", "phones"),
        ("clinicians[5]", "telehealth"),
    ]
    assert clinicians.total(vault.conn) == 0


def test_one_bad_row_among_a_thousand_changes_nothing(vault: Vault, tmp_path: Path) -> None:
    add(vault, fields("Already Here"), ID1)
    before = [c for c in everything(vault)]
    lines = [HEADER] + [f",Clinician {i:04d},555-01{i % 100:02d},,trauma,no,," for i in range(1000)]
    lines[1 + 617] = ",Clinician bad,,bad@@example.org,,,,"
    lines.append(f"{ID1},Renamed,,,,,,")
    path = write_csv(tmp_path / "big.csv", lines)
    plan = import_file(vault, path, now=NOW)
    assert not plan.written
    assert [(p.location, p.field) for p in plan.problems] == [("line 619", "email")]
    assert everything(vault) == before
    # Fixed, the same file imports all of it in one go.
    lines[1 + 617] = ",Clinician fixed,,fixed@example.org,,,,"
    plan = import_file(vault, write_csv(path, lines), now=NOW)
    assert plan.written and len(plan.added) == 1000 and len(plan.changed) == 1
    assert clinicians.total(vault.conn) == 1001


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"name,phones\nDr. \xff\xfe,1\n", "not UTF-8 text (first bad byte on line 2)"),
        (b"name,shoe size\nA,9\n", "Unknown column 'shoe size'"),
        (b"name,name\nA,B\n", "appears more than once"),
        (b"email\na@example.org\n", "no 'name' column"),
        (b'name\n"unclosed\n', "cannot be read at line"),
        (b"bin\x00ary", "not a text file"),
    ],
)
def test_unreadable_csv_files_get_one_sentence(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(content)
    with pytest.raises(DirectoryFileError) as refused:
        read_directory(path)
    assert words in str(refused.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"clinicians": [', "not valid JSON (line 1"),
        ("[]", '"clinicians" list'),
        ('{"format": "peerdesk-directory", "version": 2, "clinicians": []}', '"version": 1'),
        ('{"format": "x", "version": 1, "clinicians": []}', "peerdesk-directory"),
        ('{"format": "peerdesk-directory", "version": 1, "clinicians": [], "x": 1}', '"x"'),
    ],
)
def test_unreadable_json_files_get_one_sentence(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "d.json"
    path.write_text(content)
    with pytest.raises(DirectoryFileError) as refused:
        read_directory(path)
    assert words in str(refused.value)


def test_giant_files_and_rows_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.interchange import reading

    path = write_csv(tmp_path / "d.csv", [HEADER] + [",A,,,,,,"] * 5)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 40)
    with pytest.raises(DirectoryFileError, match="too big"):
        read_directory(path)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10_000)
    monkeypatch.setattr(reading, "MAX_ROWS", 4)
    with pytest.raises(DirectoryFileError, match="more than 4 clinicians"):
        read_directory(path)
    huge = tmp_path / "huge.csv"
    huge.write_text("name\n" + "x" * 200_000 + "\n")
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10**6)
    with pytest.raises(DirectoryFileError, match="line"):
        read_directory(huge)  # the csv module's own cell limit, as one sentence


def test_export_holds_only_the_directory(vault: Vault, tmp_path: Path) -> None:
    from datetime import date

    from peerdesk.models.contacts import ContactFields

    with vault.transaction() as conn:
        contacts.add(
            conn,
            ContactFields(date(2026, 3, 1), topics=("sleep",), note="SECRET-NOTE", handle="S."),
            NOW,
        )
    add(vault, fields())
    for kind in ("csv", "json"):
        out = tmp_path / f"d.{kind}"
        export_directory(vault.conn, out, kind)
        data = out.read_bytes()
        assert b"SECRET-NOTE" not in data and b"sleep" not in data
    assert table_counts(vault.conn)["contacts"] == 1


def test_export_refuses_an_existing_file_unless_told(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    out.write_text("keep me")
    with pytest.raises(DirectoryFileError, match="already exists"):
        export_directory(vault.conn, out, "csv")
    assert out.read_text() == "keep me"
    export_directory(vault.conn, out, "csv", overwrite=True)
    assert out.read_text(encoding="utf-8-sig").startswith("id,name,")
    assert list(tmp_path.glob(".d.csv.*")) == []  # no temp file left behind


def test_unchanged_record_with_new_updated_at_stays_unchanged(vault: Vault, tmp_path: Path) -> None:
    add(vault, fields(), ID1)
    out = tmp_path / "d.json"
    export_directory(vault.conn, out, "json")
    doc = json.loads(out.read_text())
    doc["clinicians"][0]["updated_at"] = "2030-01-01T00:00:00+00:00"
    out.write_text(json.dumps(doc))
    plan = import_file(vault, out)
    assert plan.unchanged == 1
    stored = clinicians.get(vault.conn, ID1)
    assert stored is not None and stored.updated_at == NOW
    assert replace(stored.fields) == fields()


DOCS = Path(__file__).resolve().parents[2] / "docs" / "examples"


def test_the_documented_samples_import_cleanly_and_agree(vault: Vault, tmp_path: Path) -> None:
    csv_plan = import_file(vault, DOCS / "directory-sample.csv", dry_run=True)
    json_records = read_directory(DOCS / "directory-sample.json").records
    csv_records = read_directory(DOCS / "directory-sample.csv").records
    assert not csv_plan.problems and len(csv_plan.added) == 3
    assert json_records == tuple(
        replace(r, location=j.location) for r, j in zip(csv_records, json_records, strict=True)
    )
    import_file(vault, DOCS / "directory-sample.json")
    out = tmp_path / "again.csv"
    export_directory(vault.conn, out, "csv")
    assert out.read_bytes() == (DOCS / "directory-sample.csv").read_bytes()
