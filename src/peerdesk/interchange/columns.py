"""Checking a CSV directory column by column: each distinct cell once, by the row's rules.

A 10,000-row file is 210,000 cells, and most columns hold few distinct values (yes and
no, a handful of regions, a few hundred language lists): reading each cell of each row
through its parser and its field check was most of an import's time. So each column's
distinct cells are read once, by exactly the functions a single row uses
(cells.csv_cell_value: the parsers of cells.from_values, then ClinicianFields' field
checks), and every row takes its values from that table: one look-up per cell.

Nothing is vouched for that from_values would refuse or word differently. A row is
left to from_values (None in the answer) when any of its cells holds a character
that does not show as itself (a plain line break is fine in the fields that allow
one, as from_values allows it), when any cell's check refuses it, or when its vetting
dates do not fit together (the one check across two fields). from_values then reads
that row as it always did and reports every problem in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peerdesk.interchange.cells import (
    COLUMNS,
    MULTI_LINE_FIELDS,
    REFUSED,
    FileRecord,
    csv_cell_value,
)
from peerdesk.models.clinicians import FIELD_NAMES, TEXT_LIMITS, ClinicianFields

# A column of ids all in the canonical form parse_id gives back, one per line.
_CANONICAL_IDS = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*")


def quick_records(
    header: Sequence[str], rows: Sequence[list[str]], locations: Sequence[str]
) -> list[FileRecord | None]:
    """For each row (its cells as csv.reader gave them, in `header`'s order, at most one
    per column), its record if it has no problem at all, else None."""
    count = len(rows)
    if not count:
        return []
    width = len(header)
    # A short row's missing cells read as empty ones, as in from_values.
    padded = [
        cells if len(cells) == width else cells + [""] * (width - len(cells)) for cells in rows
    ]
    given = dict(zip(header, zip(*padded, strict=True), strict=True))
    left: set[int] = set()  # rows for from_values
    read: dict[str, Sequence[object]] = {}
    for column in COLUMNS:
        cells = given.get(column)
        if cells is None:  # a column the file does not have: every cell empty
            empty = csv_cell_value(column, "")
            if empty is REFUSED:  # never so today: the header must have a name
                left |= set(range(count))
            read[column] = (empty,) * count
            continue
        left |= _hiding(cells, column in MULTI_LINE_FIELDS)
        quick = _plain(column, cells)
        if quick is not None:
            read[column] = quick
            continue
        table = {cell: csv_cell_value(column, cell) for cell in set(cells)}
        refused = {cell for cell, value in table.items() if value is REFUSED}
        if refused:
            left |= {row for row, cell in enumerate(cells) if cell in refused}
        read[column] = list(map(table.__getitem__, cells))
    left |= _dates_apart(read["vetted_on"], read["revet_due"], left)
    ids, moments = read["id"], read["updated_at"]
    records: list[FileRecord | None] = []
    for row, values in enumerate(zip(*(read[name] for name in FIELD_NAMES), strict=True)):
        if row in left:
            records.append(None)
        else:
            fields = ClinicianFields(*values)
            records.append(FileRecord(locations[row], ids[row], fields, moments[row]))  # type: ignore[arg-type]
    return records


def _plain(column: str, cells: Sequence[str]) -> list[object] | None:
    """The column's values when C-level checks over the whole column vouch for every cell
    (the everyday file), else None (the column is read cell by cell).

    Ids: all in canonical form, each its own value. Text fields (TEXT_LIMITS): every cell
    printable, with nothing to trim or unguard and within the field's limit, so that its
    value is the cell itself, or None for an empty optional one.
    """
    if column == "id":
        joined = "\n".join(cells) + "\n"
        return list(cells) if _CANONICAL_IDS.fullmatch(joined) else None
    limit = TEXT_LIMITS.get(column)
    if limit is None or not "".join(cells).isprintable() or max(map(len, cells)) > limit:
        return None
    bounded = "\x00" + "\x00".join(cells) + "\x00"  # a file holds no NUL (reading._decode)
    if " \x00" in bounded or "\x00 " in bounded or "\x00'" in bounded:
        return None  # something to trim, or a formula guard to take off
    empty = csv_cell_value(column, "")
    if empty is REFUSED and "" in cells:
        return None  # a required field left empty: the row's problem is worded cell by cell
    return [cell or empty for cell in cells]


def _hiding(cells: Sequence[str], multi_line: bool) -> set[int]:
    """The rows whose cell in this column holds a character that does not show as itself
    (a line break allowed where from_values allows one); one C call for a clean column.

    Every field's check refuses such a character as well (so the tests cannot tell this
    check is here); it stays so that no row with one is vouched for by the table,
    whatever a check of the future lets through, and from_values words it."""
    if "".join(cells).isprintable():
        return set()
    return {
        row
        for row, cell in enumerate(cells)
        if not cell.isprintable() and not (multi_line and cell.replace("\n", "").isprintable())
    }


def _dates_apart(vetted: Sequence[object], revet: Sequence[object], left: set[int]) -> set[int]:
    """The rows not `left` already whose vetting dates ClinicianFields.check() refuses
    together: one without the other, or a re-vet day not after the vetting day."""
    return {
        row
        for row, (on, due) in enumerate(zip(vetted, revet, strict=True))
        if row not in left and ((on is None) != (due is None) or (on is not None and due <= on))  # type: ignore[operator]
    }
