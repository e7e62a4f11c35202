"""A CSV directory checked column by column reads exactly as row by row did.

The column checks (interchange.columns) vouch for whole columns at once and hand every
row they cannot vouch for to from_values. A forged file hides one bad cell among
hundreds of good ones, so each case here puts one hostile cell into one column of a file
that is otherwise plain (the column's quick check must fail over to the cell by cell
one, the other columns stay quick) and compares the whole read with the oracle: every
row read by from_values on its own, the way every import read it before.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from peerdesk.interchange import COLUMNS, FileRecord, RowProblem, directory_csv, read_directory
from peerdesk.interchange.cells import REFUSED, csv_cell_value, from_values, unneutralise
from peerdesk.models.clinicians import TEXT_LIMITS, Clinician
from peerdesk.synthetic import clinicians as synthetic

ROWS = 300
PLACES = (0, 150, ROWS - 1)  # the hostile cell's rows: first, middle, last

HOSTILE: list[tuple[str, str]] = [
    ("name", "Avery\u200bCastillo"),  # zero-width space: a look-alike that is not equal
    ("name", "Dr. \u202eevil"),  # right-to-left override
    ("name", "Avery\nCastillo"),  # a line break where none is allowed
    ("name", ""),  # a required field left empty
    ("name", "x" * 201),  # one past the limit
    ("name", "  Avery Castillo  "),  # trimmed, not refused
    ("name", "'=Avery"),  # a formula guard to take off
    ("name", "'Avery"),  # an apostrophe that is not a guard
    ("name", "Avéry Castillo"),
    ("credentials", "\x1b[31mPhD"),  # an escape sequence
    ("practice", "x" * 201),
    ("region", "\u00a0Downtown"),  # a no-break space: not printable, trimmed
    ("vetted_by", "\t Team lead"),
    ("email", "not an email"),
    ("email", " ada@example.org "),
    ("address", "1 Main St\nSpringfield"),  # a line break where one is allowed
    ("address", "1 Main St\r\nSpringfield"),
    ("address", "1 Main St\rSpringfield"),  # a lone carriage return
    ("address", "x" * 501),
    ("notes", "Prefers email\u2028Calls back"),  # line separator
    ("notes", "x" * 4001),
    ("first_responder_experience", "Ten\tyears"),
    ("id", "ABCDEF00-0000-4000-8000-000000000000"),  # upper case: canonical once parsed
    ("id", "{abcdef00-0000-4000-8000-000000000000}"),
    ("id", "not-a-uuid"),
    ("id", ""),  # a new clinician
    ("phones", "+1 555 0100; +1 555 0100"),  # a repeat
    ("phones", "call me"),
    ("phones", "+1 555\u200b0100"),
    ("languages", "English; english; ENGLISH"),
    ("languages", ";".join(f"L{n}" for n in range(31))),  # past the most items
    ("specialties", "trauma; astrology"),
    ("specialties", "burnout; trauma; grief"),  # put in topic order
    ("modalities", "EMDR;; CPT ;"),
    ("insurance", "x" * 101),
    ("telehealth", "maybe"),
    ("telehealth", "YES"),
    ("suspended", ""),
    ("vetted_on", "2026-02-30"),
    ("vetted_on", ""),  # a re-vet day without a vetting day
    ("revet_due", "2020-01-01"),  # before the vetting day
    ("updated_at", "yesterday"),
    ("updated_at", "2026-01-01T10:00:00+02:00"),
]


def oracle(path: Path) -> tuple[tuple[FileRecord, ...], tuple[RowProblem, ...]]:
    """The file read one row at a time by from_values (duplicate ids as reading does)."""
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    header = [cell.strip().lower() for cell in next(reader)]
    records: list[FileRecord] = []
    problems: list[RowProblem] = []
    seen: set[str] = set()
    start = reader.line_num + 1
    for cells in reader:
        values = {
            column: unneutralise(cell.strip()) for column, cell in zip(header, cells, strict=False)
        }
        record, found = from_values(values, f"line {start}")
        start = reader.line_num + 1
        if record is not None and record.id is not None:
            assert record.id not in seen  # the cases repeat no id
            seen.add(record.id)
        if record is None:
            problems += found
        else:
            records.append(record)
    return tuple(records), tuple(problems)


def plain_file(path: Path, column: str | None = None, value: str = "") -> Path:
    """ROWS synthetic clinicians as a CSV, `value` in `column` at each of PLACES."""
    today = date(2026, 12, 1)
    items = [Clinician(cid, f, when) for cid, f, when in synthetic.generate(ROWS, today=today)]
    lines = list(csv.reader(io.StringIO(directory_csv(items), newline="")))
    if column is not None:
        index = lines[0].index(column)
        for row in PLACES:
            lines[row + 1][index] = value
            if column == "id" and value:  # one id three times would be two duplicates
                lines[row + 1][index] = value.replace("0000-4000", f"{row:04d}-4000")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(lines)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return path


def read(path: Path) -> tuple[tuple[FileRecord, ...], tuple[RowProblem, ...]]:
    parsed = read_directory(path)
    return parsed.records, parsed.problems


@pytest.mark.parametrize(("column", "value"), HOSTILE, ids=lambda v: repr(v)[:30])
def test_one_hostile_cell_in_a_plain_file_reads_as_row_by_row(
    tmp_path: Path, column: str, value: str
) -> None:
    path = plain_file(tmp_path / "d.csv", column, value)
    assert read(path) == oracle(path)


def test_the_cases_refuse_at_least_one_row_each_way(tmp_path: Path) -> None:
    """The hostile cells above do reach from_values: most are refused with a sentence."""
    refused = 0
    for number, (column, value) in enumerate(HOSTILE):
        _records, problems = oracle(plain_file(tmp_path / f"d{number}.csv", column, value))
        refused += bool(problems)
    assert refused >= len(HOSTILE) // 2


def test_a_plain_file_reads_as_row_by_row(tmp_path: Path) -> None:
    path = plain_file(tmp_path / "d.csv")
    records, problems = read(path)
    assert (records, problems) == oracle(path)
    assert len(records) == ROWS and not problems


def test_short_rows_and_missing_columns_read_as_row_by_row(tmp_path: Path) -> None:
    path = plain_file(tmp_path / "d.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    kept = [i for i, column in enumerate(header) if column not in ("notes", "revet_due", "id")]
    rows = list(csv.reader(lines))
    rows = [[row[i] for i in kept] for row in rows]
    rows[5] = rows[5][:3]  # a short row: the rest read as empty
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    assert read(path) == oracle(path)


@pytest.mark.parametrize("column", sorted(TEXT_LIMITS))
def test_a_text_field_check_is_only_its_length_for_plain_text(column: str) -> None:
    """What the column checks rely on for text: printable text with nothing to trim is
    its own value up to the field's limit, and refused past it."""
    limit = TEXT_LIMITS[column]
    assert csv_cell_value(column, "x" * limit) == "x" * limit
    assert csv_cell_value(column, "x" * (limit + 1)) is REFUSED
    assert csv_cell_value(column, "") is (REFUSED if column == "name" else None)


def test_every_column_has_a_cell_reader() -> None:
    for column in COLUMNS:
        csv_cell_value(column, "")  # none raises: each column has its parser
