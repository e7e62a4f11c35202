"""A directory file cannot carry a character that does not show as itself.

Zero-width, bidi and other format characters make a second "Avery Castillo" that reads
the same as the vetted one but is not equal to it; control characters act on a terminal.
Every such character in any field of a CSV or JSON file is a row problem: one sentence
naming the field and the code point, never the character itself, and nothing is written.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from peerdesk.interchange import COLUMNS, import_file, read_directory
from peerdesk.validation import hidden_character
from peerdesk.vault import Vault, clinicians
from tests.core.clinician_helpers import HEADER, NOW, write_csv

ID1 = "11111111-1111-4111-8111-111111111111"

HIDDEN = [
    "\u200b",  # zero width space
    "\u200c",  # zero width non-joiner
    "\u200d",  # zero width joiner
    "\u2060",  # word joiner
    "\ufeff",  # a byte order mark inside text
    "\u202a",  # left-to-right embedding
    "\u202b",  # right-to-left embedding
    "\u202c",  # pop directional formatting
    "\u202d",  # left-to-right override
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2067",  # right-to-left isolate
    "\u2068",  # first strong isolate
    "\u2069",  # pop directional isolate
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u061c",  # arabic letter mark
    "\u00ad",  # soft hyphen (another format character)
    "\u2064",  # invisible plus
    "\U000e0041",  # tag latin capital letter a, beyond U+FFFF
    "\u2028",  # line separator
    "\x1b",  # escape: a terminal escape sequence starts here
    "\x07",  # bell
    "\x85",  # next line (C1)
    "\x9b",  # the one-byte CSI
]


def code(char: str) -> str:
    return f"U+{ord(char):04X}"


def json_file(path: Path, items: Sequence[Mapping[str, object]]) -> Path:
    doc = {"format": "peerdesk-directory", "version": 1, "clinicians": list(items)}
    path.write_text(json.dumps(doc), encoding="utf-8")  # ASCII: every character escaped
    return path


def assert_refused_naming(vault: Vault, path: Path, location: str, field: str, char: str) -> None:
    plan = import_file(vault, path, now=NOW)
    assert not plan.written
    (problem,) = plan.problems
    assert (problem.location, problem.field) == (location, field)
    assert code(char) in problem.sentence
    assert char not in problem.sentence
    assert problem.sentence.startswith(f"The {field} contains the ")
    assert clinicians.total(vault.conn) == 0


@pytest.mark.parametrize("char", HIDDEN, ids=code)
def test_a_hidden_character_in_a_csv_name_is_a_row_problem_naming_it(
    vault: Vault, tmp_path: Path, char: str
) -> None:
    path = write_csv(tmp_path / "d.csv", [HEADER, f",Avery{char}Castillo,,,,,,"])
    assert_refused_naming(vault, path, "line 2", "name", char)


@pytest.mark.parametrize("char", HIDDEN, ids=code)
def test_a_hidden_character_in_a_json_name_is_a_row_problem_naming_it(
    vault: Vault, tmp_path: Path, char: str
) -> None:
    path = json_file(tmp_path / "d.json", [{"name": f"Avery{char}Castillo"}])
    assert_refused_naming(vault, path, "clinicians[0]", "name", char)


# A good value for each column, and where in it the character goes.
GOOD = {
    "id": ID1,
    "name": "Dr. Ada Example",
    "credentials": "LCSW",
    "practice": "Harbor Light",
    "phones": "+1 555 0100",
    "email": "ada@example.org",
    "address": "1 Main St",
    "region": "Downtown",
    "telehealth": "yes",
    "languages": "English",
    "specialties": "trauma",
    "modalities": "EMDR",
    "insurance": "Agency EAP",
    "accepting_new_clients": "no",
    "first_responder_experience": "Ten years",
    "vetted_by": "Team lead",
    "vetted_on": "2026-01-10",
    "revet_due": "2027-01-10",
    "suspended": "no",
    "notes": "Prefers email",
    "updated_at": "2026-03-14T09:30:00+00:00",
}
LISTS = {"phones", "languages", "specialties", "modalities", "insurance"}


def with_hidden(value: str, char: str) -> str:
    return value[:2] + char + value[2:]


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_every_column_of_both_formats_refuses_a_direction_override(
    vault: Vault, tmp_path: Path, column: str, kind: str
) -> None:
    assert set(GOOD) == set(COLUMNS)
    values: dict[str, object] = dict(GOOD)
    values[column] = with_hidden(GOOD[column], "\u202e")
    if kind == "csv":
        cells = [str(values[c]).replace('"', '""') for c in COLUMNS]
        path = write_csv(tmp_path / "d.csv", [",".join(COLUMNS), ",".join(f'"{c}"' for c in cells)])
        location = "line 2"
    else:
        item = {c: [v] if c in LISTS else v for c, v in values.items()}
        item.update(telehealth=True, accepting_new_clients=False, suspended=False)
        if column in ("telehealth", "accepting_new_clients", "suspended"):
            item[column] = values[column]  # text where a yes/no belongs, as a person wrote it
        path = json_file(tmp_path / "d.json", [item])
        location = "clinicians[0]"
    assert_refused_naming(vault, path, location, column, "\u202e")


def test_the_good_row_of_that_test_imports(vault: Vault, tmp_path: Path) -> None:
    """The same row without the character is fine, so each refusal above is the character's."""
    path = write_csv(tmp_path / "d.csv", [",".join(COLUMNS), ",".join(GOOD[c] for c in COLUMNS)])
    plan = import_file(vault, path, now=NOW)
    assert plan.written and not plan.problems and len(plan.added) == 1


def test_line_breaks_and_tabs_stay_allowed_where_text_may_have_lines(
    vault: Vault, tmp_path: Path
) -> None:
    item = {"id": ID1, "name": "Dr. Lines", "notes": "one\r\ntwo\n\tthree", "address": "1\n2"}
    plan = import_file(vault, json_file(tmp_path / "d.json", [item]), now=NOW)
    assert plan.written and not plan.problems
    stored = clinicians.get(vault.conn, ID1)
    assert stored is not None and stored.fields.notes == "one\ntwo\n\tthree"
    # A lone carriage return is not a line break a screen shows as one.
    item["notes"] = "one\rtwo"
    plan = import_file(vault, json_file(tmp_path / "d.json", [item]), now=NOW)
    assert [(p.field, "U+000D" in p.sentence) for p in plan.problems] == [("notes", True)]
    # In a one-line field, a line break or a tab is refused, named by its code point.
    for char in ("\n", "\t"):
        item = {"name": "Dr." + char + "Tab"}
        plan = import_file(vault, json_file(tmp_path / "d.json", [item]), now=NOW)
        assert [(p.field, code(char) in p.sentence) for p in plan.problems] == [("name", True)]


def test_a_leading_byte_order_mark_is_allowed_and_one_inside_a_cell_is_not(
    vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(("\ufeff" + HEADER + "\n,Dr. Bom,,,,,,\n").encode("utf-8"))
    assert [r.fields.name for r in read_directory(path).records] == ["Dr. Bom"]
    path.write_bytes((HEADER + "\n,Dr.\ufeffBom,,,,,,\n").encode("utf-8"))
    (problem,) = read_directory(path).problems
    assert problem.field == "name" and "U+FEFF" in problem.sentence


def test_a_lone_surrogate_in_json_is_a_row_problem_not_a_crash(
    vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "d.json"
    path.write_text(
        '{"format": "peerdesk-directory", "version": 1, "clinicians": '
        '[{"name": "Dr. \\ud800 Half", "phones": ["555 \\udfff 0100"]}]}',
        encoding="utf-8",
    )
    plan = import_file(vault, path, now=NOW)
    assert [(p.field, "U+D800" in p.sentence, "U+DFFF" in p.sentence) for p in plan.problems] == [
        ("name", True, False),
        ("phones", False, True),
    ]
    assert clinicians.total(vault.conn) == 0


def test_one_hidden_character_among_a_thousand_rows_writes_nothing(
    vault: Vault, tmp_path: Path
) -> None:
    lines = [HEADER] + [f",Clinician {i:04d},555-01{i % 100:02d},,trauma,no,," for i in range(1000)]
    lines[1 + 500] = ",Clinician\u200b0500,555-0100,,trauma,no,,"
    plan = import_file(vault, write_csv(tmp_path / "big.csv", lines), now=NOW)
    assert not plan.written
    assert [(p.location, p.field) for p in plan.problems] == [("line 502", "name")]
    assert clinicians.total(vault.conn) == 0


def test_hidden_character_knows_every_character_that_does_not_show() -> None:
    """This Python's own tables: every Cc, Cf, Zl, Zp and Cs character is caught, and
    tab and newline only where line breaks are allowed."""
    for number in range(0x110000):
        char = chr(number)
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            assert hidden_character(f"a{char}b", allow_newlines=False) == char, code(char)
            if char not in "\t\n":
                assert hidden_character(f"a{char}b", allow_newlines=True) == char, code(char)
    assert hidden_character("a\tb\nc\r\nd", allow_newlines=True) is None
    assert hidden_character("José Núñez 中文 O'Brien\u00a0Jr.", allow_newlines=False) is None
