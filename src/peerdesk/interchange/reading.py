"""Read a directory file (CSV or JSON) into records and row problems, touching no vault.

A problem with the whole file (unreadable, too big, not UTF-8, empty, not JSON, an
unknown column) raises DirectoryFileError with one sentence. Problems with rows are
collected, every one with its place (CSV line, JSON index) and field, so the person
can fix them all in one go.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from peerdesk import messages
from peerdesk.interchange import collector, columns
from peerdesk.interchange.cells import (
    COLUMNS,
    FileRecord,
    RowProblem,
    from_values,
    unneutralise,
)
from peerdesk.models.clinicians import parse_id
from peerdesk.regular_files import NotARegularFile, read_regular
from peerdesk.safe_text import short
from peerdesk.strict_json import DuplicateKey, unique_keys
from peerdesk.validation import InvalidInput

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_ROWS = 50_000
JSON_FORMAT = "peerdesk-directory"
JSON_VERSION = 1
_JSON_KEYS = frozenset({"format", "version", "clinicians"})


WHOLE_ROW = "row"  # the field of a problem with the row as a whole
Row = dict[str, object] | RowProblem  # a row's values, or why it cannot be read at all
CsvRow = list[str] | RowProblem  # a CSV row's cells as read, or why it cannot be read


class DirectoryFileError(ValueError):
    """The file as a whole cannot be imported; str() is the sentence to show."""


@dataclass(frozen=True)
class ParsedDirectory:
    """What a file holds: its good records and every bad row's problems."""

    path: Path
    kind: str  # "csv" or "json"
    records: tuple[FileRecord, ...]
    problems: tuple[RowProblem, ...]


def detect_format(path: Path, text: str | None = None) -> str:
    """csv or json, from the suffix, else from the first character of the text."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".json"):
        return suffix[1:]
    if text is not None and text.lstrip()[:1] in ("{", "["):
        return "json"
    return "csv"


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, read once: a signature is checked over exactly what is parsed.

    Only a regular file is read (a FIFO or a device would never end)."""
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except IsADirectoryError:
        raise DirectoryFileError(messages.DIRECTORY_NOT_A_FILE.format(path=path)) from None
    except NotARegularFile:
        raise DirectoryFileError(messages.DIRECTORY_NOT_A_FILE.format(path=path)) from None
    except FileNotFoundError:
        raise DirectoryFileError(messages.DIRECTORY_FILE_MISSING.format(path=path)) from None
    except OSError as exc:
        raise DirectoryFileError(
            messages.DIRECTORY_FILE_UNREADABLE.format(path=path, reason=exc.strerror)
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise DirectoryFileError(
            messages.DIRECTORY_FILE_TOO_BIG.format(path=path, max=MAX_FILE_BYTES // 2**20)
        )
    return data


def read_directory(path: Path, data: bytes | None = None) -> ParsedDirectory:
    """Read and check a whole file (or its bytes, read before); nothing is stored.

    A CSV's cells are checked column by column (interchange.columns), and only a row
    that shows a problem there is read again by from_values, which finds and words
    every problem in it; a JSON file's rows are read by from_values one by one."""
    with collector.paused():
        return _read(path, read_file_bytes(path) if data is None else data)


def _read(path: Path, data: bytes) -> ParsedDirectory:
    text = _decode(path, data)
    kind = detect_format(path, text)
    header: list[str] = []
    values: Sequence[tuple[str, Row | list[str]]]
    if kind == "json":
        values = _json_rows(text)
        quick: list[FileRecord | None] = [None] * len(values)
    else:
        header, csv_values = _csv_rows(text)
        values, quick = csv_values, _quick_records(header, csv_values)
    records: list[FileRecord] = []
    problems: list[RowProblem] = []
    first_seen: dict[str, str] = {}
    for (location, row), record in zip(values, quick, strict=True):
        if isinstance(row, RowProblem):
            problems.append(row)
            continue
        if record is None:
            cells = row if isinstance(row, dict) else _cells_of(header, row)
            record, found = from_values(cells, location)
            clinician_id = record.id if record is not None else _id_of(cells)
        else:
            clinician_id, found = record.id, []
        if clinician_id is not None:
            if clinician_id in first_seen:
                sentence = messages.DIRECTORY_DUPLICATE_ID.format(
                    id=clinician_id, first=first_seen[clinician_id]
                )
                problems.append(RowProblem(location, "id", sentence))
                continue
            first_seen[clinician_id] = location
        if record is None:
            problems += found
            continue
        records.append(record)
    return ParsedDirectory(path, kind, tuple(records), tuple(problems))


def _id_of(row: dict[str, object]) -> str | None:
    """The row's id in canonical form, if it has a valid one (a bad one is reported
    by from_values); a duplicate is caught even when the first row was bad."""
    raw = row.get("id")
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return parse_id(raw)
    except InvalidInput:
        return None


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DirectoryFileError(messages.DIRECTORY_NOT_UTF8.format(path=path, line=line)) from None
    if not text.strip():
        raise DirectoryFileError(messages.DIRECTORY_FILE_EMPTY.format(path=path))
    if "\x00" in text:
        raise DirectoryFileError(messages.DIRECTORY_NOT_TEXT_FILE.format(path=path))
    return text


def _csv_rows(text: str) -> tuple[list[str], list[tuple[str, CsvRow]]]:
    """The header, and (\"line N\", cells as read) for every non-blank row; N is where
    the row starts. Cells are trimmed and unguarded later (columns, _cells_of)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except csv.Error as exc:
        raise DirectoryFileError(messages.DIRECTORY_BAD_CSV.format(line=1, reason=exc)) from None
    _check_header(header)
    rows: list[tuple[str, CsvRow]] = []
    # A line number cannot forge output: the plain str.format, not the Sentence's
    # (which makes every value printable), once per row of 10,000.
    at_line = str(messages.DIRECTORY_AT_LINE).format
    start = reader.line_num + 1
    try:
        for cells in reader:
            location = at_line(line=start)
            start = reader.line_num + 1
            if not "".join(cells).strip():  # a blank row (one C call, not 21)
                continue
            if len(rows) >= MAX_ROWS:
                raise DirectoryFileError(messages.DIRECTORY_TOO_MANY_ROWS.format(max=MAX_ROWS))
            if len(cells) > len(header):
                sentence = messages.DIRECTORY_TOO_MANY_CELLS.format(
                    found=len(cells), max=len(header)
                )
                rows.append((location, RowProblem(location, WHOLE_ROW, sentence)))
                continue
            rows.append((location, cells))
    except csv.Error as exc:
        raise DirectoryFileError(
            messages.DIRECTORY_BAD_CSV.format(line=reader.line_num, reason=exc)
        ) from None
    return header, rows


def _quick_records(header: list[str], values: list[tuple[str, CsvRow]]) -> list[FileRecord | None]:
    """columns.quick_records for the rows that were read, None for the rest."""
    good = [(location, row) for location, row in values if not isinstance(row, RowProblem)]
    found = iter(columns.quick_records(header, [row for _, row in good], [at for at, _ in good]))
    return [None if isinstance(row, RowProblem) else next(found) for _, row in values]


def _cells_of(header: list[str], cells: list[str]) -> dict[str, object]:
    """A CSV row's values by column: trimmed, the formula guard taken off."""
    row: dict[str, object] = {}
    for column, raw in zip(header, cells, strict=False):
        cell = raw.strip()
        # The formula guard only ever starts with an apostrophe.
        row[column] = unneutralise(cell) if cell[:1] == "'" else cell
    return row


def _check_header(header: list[str]) -> None:
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise DirectoryFileError(
            messages.DIRECTORY_UNKNOWN_COLUMN.format(
                column=short(unknown[0]), columns=", ".join(COLUMNS)
            )
        )
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise DirectoryFileError(
            messages.DIRECTORY_REPEATED_COLUMN.format(column=short(repeated[0]))
        )
    if "name" not in header:
        raise DirectoryFileError(messages.DIRECTORY_NO_NAME_COLUMN)


def _json_rows(text: str) -> list[tuple[str, Row]]:
    try:
        document = json.loads(text, object_pairs_hook=unique_keys)
    except DuplicateKey as exc:
        raise DirectoryFileError(
            messages.DIRECTORY_JSON_DUPLICATE_KEY.format(key=short(exc.key))
        ) from None
    except json.JSONDecodeError as exc:
        raise DirectoryFileError(
            messages.DIRECTORY_BAD_JSON.format(line=exc.lineno, column=exc.colno, reason=exc.msg)
        ) from None
    except RecursionError:
        raise DirectoryFileError(messages.DIRECTORY_JSON_SHAPE) from None
    except ValueError:  # int() refuses a number of more than 4,300 digits
        raise DirectoryFileError(messages.DIRECTORY_JSON_NUMBER_TOO_LONG) from None
    if not isinstance(document, dict) or not isinstance(document.get("clinicians"), list):
        raise DirectoryFileError(messages.DIRECTORY_JSON_SHAPE)
    extra = sorted(set(document) - _JSON_KEYS)
    if extra:
        raise DirectoryFileError(messages.DIRECTORY_JSON_UNKNOWN_KEY.format(key=short(extra[0])))
    if document.get("format") != JSON_FORMAT or document.get("version") != JSON_VERSION:
        raise DirectoryFileError(
            messages.DIRECTORY_JSON_VERSION.format(format=JSON_FORMAT, version=JSON_VERSION)
        )
    items = document["clinicians"]
    if len(items) > MAX_ROWS:
        raise DirectoryFileError(messages.DIRECTORY_TOO_MANY_ROWS.format(max=MAX_ROWS))
    rows: list[tuple[str, Row]] = []
    for index, item in enumerate(items):
        location = messages.DIRECTORY_AT_INDEX.format(index=index)
        if not isinstance(item, dict):
            problem = RowProblem(location, WHOLE_ROW, messages.DIRECTORY_ITEM_NOT_OBJECT)
            rows.append((location, problem))
            continue
        unknown = sorted(set(item) - set(COLUMNS))
        if unknown:
            key = short(unknown[0])  # the problem's field too: a key can be 10,000 characters
            sentence = messages.DIRECTORY_ITEM_UNKNOWN_KEY.format(key=key)
            rows.append((location, RowProblem(location, key, sentence)))
            continue
        rows.append((location, item))
    return rows
