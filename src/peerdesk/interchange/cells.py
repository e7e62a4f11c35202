"""One clinician as the cells of a directory file, and back.

Both formats share the column names (COLUMNS) and these conversions; CSV adds the
formula neutralisation, JSON keeps lists and booleans typed. Reading a record
collects every problem of the row instead of stopping at the first, because the
import reports every bad field at once.

Formula neutralisation (CSV only) must round-trip: on export a cell that matches
`'*[=+\\-@\\t\\r]` (formula triggers, possibly already behind apostrophes) gets one
more leading apostrophe; on import one leading apostrophe is removed from a cell
matching `'+[=+\\-@\\t\\r]`. So "=Dr. Plus" is written '=Dr. Plus, "+1 555 0100" is
written '+1 555 0100, "'=x" is written ''=x, and each reads back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from peerdesk import messages
from peerdesk.models.clinicians import (
    FIELD_NAMES,
    LIST_SEPARATOR,
    Clinician,
    ClinicianFields,
    checked_field,
    parse_id,
)
from peerdesk.safe_text import short
from peerdesk.validation import InvalidInput, parse_date, refuse_hidden

COLUMNS: tuple[str, ...] = ("id", *FIELD_NAMES, "updated_at")
LIST_FIELDS = frozenset({"phones", "languages", "specialties", "modalities", "insurance"})
BOOL_FIELDS = frozenset({"telehealth", "accepting_new_clients", "suspended"})
DATE_FIELDS = frozenset({"vetted_on", "revet_due"})
MULTI_LINE_FIELDS = frozenset({"address", "first_responder_experience", "notes"})
TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0", ""})

_NEEDS_GUARD = re.compile(r"^'*[=+\-@\t\r]")
_GUARDED = re.compile(r"^'+[=+\-@\t\r]")


@dataclass(frozen=True)
class RowProblem:
    """One bad field of one row: where (a CSV line or a JSON index), which field, why."""

    location: str
    field: str
    sentence: str


@dataclass(frozen=True)
class FileRecord:
    """One good row of a directory file. id None: the file gave none (a new clinician)."""

    location: str
    id: str | None
    fields: ClinicianFields
    updated_at: datetime | None


def neutralise(cell: str) -> str:
    """What a spreadsheet would run as a formula gets a leading apostrophe (reversibly)."""
    return "'" + cell if _NEEDS_GUARD.match(cell) else cell


def unneutralise(cell: str) -> str:
    """Undo `neutralise`: drop one apostrophe, only in front of a formula trigger."""
    return cell[1:] if cell[:1] == "'" and _GUARDED.match(cell) else cell


# --- out ----------------------------------------------------------------------
def to_json_object(clinician: Clinician) -> dict[str, object]:
    """The record as a JSON object: lists as arrays, booleans as booleans, null if empty."""
    f = clinician.fields
    out: dict[str, object] = {"id": clinician.id}
    for name in FIELD_NAMES:
        value = getattr(f, name)
        if name in LIST_FIELDS:
            out[name] = list(value)
        elif name in DATE_FIELDS:
            out[name] = value.isoformat() if value else None
        else:
            out[name] = value
    out["updated_at"] = clinician.updated_at.astimezone(UTC).isoformat(timespec="seconds")
    return out


def to_csv_cells(clinician: Clinician) -> list[str]:
    """The record as neutralised CSV cells in COLUMNS order."""
    obj = to_json_object(clinician)
    cells: list[str] = []
    for column in COLUMNS:
        value = obj[column]
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list):
            text = f"{LIST_SEPARATOR} ".join(value)
        else:
            text = "" if value is None else str(value)
        cells.append(neutralise(text))
    return cells


# --- in -----------------------------------------------------------------------
def from_values(
    values: Mapping[str, object], location: str
) -> tuple[FileRecord | None, list[RowProblem]]:
    """A record from a row's values (CSV text or JSON values), or every problem in it."""
    problems: list[RowProblem] = []  # in column order: id, the fields, updated_at
    # Most rows hold only printable text: one C call over the whole row spares 21 checks.
    hiding = not _printable(values)
    try:
        raw = values.get("id")
        clinician_id = _id(_shown(raw, "id") if hiding else raw, "id")
    except InvalidInput as exc:
        clinician_id = None
        problems.append(RowProblem(location, exc.field, str(exc)))
    typed: dict[str, object] = {}
    for column, parse in _FIELD_PARSERS:
        try:
            raw = values.get(column)
            typed[column] = parse(_shown(raw, column) if hiding else raw, column)
        except InvalidInput as exc:
            problems.append(RowProblem(location, exc.field, str(exc)))
    try:
        raw = values.get("updated_at")
        updated_at = _moment(_shown(raw, "updated_at") if hiding else raw, "updated_at")
    except InvalidInput as exc:
        updated_at = None
        problems.append(RowProblem(location, exc.field, str(exc)))
    bad = {p.field for p in problems}
    if "name" in bad:
        return None, problems
    clean, found = ClinicianFields(**typed).check()  # type: ignore[arg-type]
    problems += [RowProblem(location, p.field, str(p)) for p in found if p.field not in bad]
    if problems or clean is None:
        return None, problems
    return FileRecord(location, clinician_id, clean, updated_at), []


def _printable(values: Mapping[str, object]) -> bool:
    """True when no text of the row holds a character that does not show as itself
    (false too for a line break, which _shown then allows where it belongs)."""
    try:
        return "".join(values.values()).isprintable()  # type: ignore[arg-type]
    except TypeError:  # JSON: lists, booleans, numbers, null
        pass
    texts: list[str] = []
    for value in values.values():
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            texts += [item for item in value if isinstance(item, str)]
    return "".join(texts).isprintable()


def _shown(raw: object, column: str) -> object:
    """`raw` unchanged, or InvalidInput naming the column and the code point of a
    character that does not show as itself (a control, format or separator character).

    Checked here, before any field's own check, for every column (ids, dates and yes/no
    values too), so that each such character gets the same one sentence and a look-alike
    name cannot be made with one. Text is checked as it will be stored, trimmed: the
    whitespace around a cell is dropped, not refused.
    """
    if isinstance(raw, str):
        refuse_hidden(raw.strip(), column, allow_newlines=column in MULTI_LINE_FIELDS)
    elif isinstance(raw, list):
        for item in raw:
            if isinstance(item, str):
                refuse_hidden(item.strip(), column)
    return raw


def _text(raw: object, column: str) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InvalidInput(column, messages.DIRECTORY_NOT_TEXT.format(field=column))
    return raw.strip()


def _list(raw: object, column: str) -> tuple[str, ...]:
    if isinstance(raw, list):
        if not all(isinstance(item, str) for item in raw):
            raise InvalidInput(column, messages.DIRECTORY_NOT_TEXT_LIST.format(field=column))
        return tuple(raw)
    return tuple(_text(raw, column).split(LIST_SEPARATOR))


def _bool(raw: object, column: str) -> bool:
    if isinstance(raw, bool):
        return raw
    word = _text(raw, column).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InvalidInput(
        column, messages.DIRECTORY_BAD_BOOLEAN.format(field=column, value=short(word))
    )


def _id(raw: object, column: str) -> str | None:
    text = _text(raw, column)
    return parse_id(text) if text else None


def _day(raw: object, column: str) -> date | None:
    text = _text(raw, column)
    return parse_date(text, column) if text else None


def _moment(raw: object, column: str) -> datetime | None:
    text = _text(raw, column)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            column, messages.DIRECTORY_BAD_TIMESTAMP.format(value=short(text))
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _optional(raw: object, column: str) -> str | None:
    return _text(raw, column) or None


def _parser_for(column: str) -> Callable[[object, str], object]:
    if column in LIST_FIELDS:
        return _list
    if column in BOOL_FIELDS:
        return _bool
    if column in DATE_FIELDS:
        return _day
    return _text if column == "name" else _optional


# How each ClinicianFields column is read, decided once rather than per cell: an
# import reads 21 cells in each of 10,000 rows.
_FIELD_PARSERS = tuple((column, _parser_for(column)) for column in FIELD_NAMES)
_PARSER_OF: dict[str, Callable[[object, str], object]] = {
    **dict(_FIELD_PARSERS),
    "id": _id,
    "updated_at": _moment,
}

REFUSED = object()  # what csv_cell_value gives for a cell from_values would report


def csv_cell_value(column: str, raw: str) -> object:
    """One CSV cell as from_values stores it in a row without hidden characters:
    trimmed, the formula guard taken off, parsed and checked by the same functions;
    REFUSED where from_values would report a problem (that row is then read by
    from_values, which words the problem). Pure, so a column's repeated cells are
    read once (interchange.columns)."""
    cell = raw.strip()
    if cell[:1] == "'":
        cell = unneutralise(cell)
    try:
        return checked_field(column, _PARSER_OF[column](cell, column))
    except InvalidInput:
        return REFUSED
