"""The month file a peer exports and a team lead merges: JSON, counts only.

    {"format": "peerdesk-month", "version": 4, "month": "2026-03",
     "export_id": "<32 hex: random, 128 bits>", "label": null,
     "vault_id": "<32 hex: random, the same on every month of one vault>",
     "sequence": <this vault's month exports so far, this one included>,
     "counts": {"figures": {...}, "tables": {...}}, "checksum": "sha256:<hex>"}

Versions 1 (no vault_id, no sequence) and 2 still merge. The vault id and the
sequence let a merge count the newer of two exports of one month from one vault, and
say so; a joined peer's file is also sealed and signed (peerdesk.reports.sealed), and
then the peer's key, not the vault id, says whose it is. Version 3 adds the tables
who the contacts were for, group kinds, first contact or follow-up, and the `video`
mode (TABLES_SINCE, IDS_SINCE); version 4 the contacts by duration bin (how long,
as counts: no contact's minutes). An older file has none of them, and a merge shows
those tables as "not recorded" when such a file had contacts they would count.

The checksum is SHA-256 over the canonical JSON (sorted keys, no spaces, ASCII) of
everything except "checksum". It catches a file damaged or edited by hand; it is not
a signature: anyone can recompute it. The export id lets a merge refuse the same
export twice; it is random, so it says nothing about the peer. There is no creation
time (a timestamp could tell when, and so who, exported) and no day anywhere.

Reading collects every problem of every file, each as one sentence naming the file,
so a merge can refuse with the full list before printing anything. A file may hold
only the keys, tables, figures and category ids of its version; anything else is
refused by name (shown with peerdesk.safe_text, so an escape sequence or a newline in
an id never reaches a terminal or a Markdown table). A peerdesk that adds an id
writes a new file version.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from peerdesk import messages
from peerdesk.progress import Progress, counted, silent
from peerdesk.regular_files import read_regular
from peerdesk.reports.counts import (
    CONTACTS,
    FIGURES,
    FOLLOWUPS_COMPLETED,
    GROUP_PEOPLE,
    MINUTES,
    OPTIONAL_TABLES,
    REFERRALS,
    SPECS,
    TABLES,
    MonthCounts,
    spec_of,
)
from peerdesk.safe_text import json_text, printable, short
from peerdesk.strict_json import DuplicateKey, unique_keys
from peerdesk.team.sealing import is_sealed
from peerdesk.validation import FIRST_MONTH, HEAD_COUNT_MAX, LAST_MONTH, MINUTES_MAX

if TYPE_CHECKING:  # cryptography loads only when a sealed month is opened
    from peerdesk.team.minisign import PublicKey

FORMAT = "peerdesk-month"
VERSION = 4
MAX_BYTES = 1 << 20  # a month file is a few kilobytes
# What a file of each version may hold, and nothing else.
KEYS_V1 = frozenset({"format", "version", "month", "export_id", "label", "counts", "checksum"})
KEYS_V2 = KEYS_V1 | {"vault_id", "sequence"}
KEYS_BY_VERSION = {1: KEYS_V1, 2: KEYS_V2, 3: KEYS_V2, 4: KEYS_V2}
KEYS = KEYS_BY_VERSION[VERSION]
# The tables and ids a version added: a file of an earlier version may not hold them.
TABLES_SINCE: dict[str, int] = {
    "group_kind": 3,
    "for_whom": 3,
    "first_or_followup": 3,
    "duration": 4,
}
IDS_SINCE: dict[tuple[str, str], int] = {("mode", "video"): 3}
MAX_SEQUENCE = 10**9
COUNTS_KEYS = frozenset({"figures", "tables"})
LABEL_MAX_CHARS = 40
# No peer logs a million contacts in a month; minutes and people are per contact.
MAX_COUNT = 1_000_000
FIGURE_MAX: dict[str, int] = {
    CONTACTS: MAX_COUNT,
    MINUTES: MAX_COUNT * MINUTES_MAX,
    GROUP_PEOPLE: MAX_COUNT * HEAD_COUNT_MAX,
    FOLLOWUPS_COMPLETED: MAX_COUNT,
    REFERRALS: MAX_COUNT,
}
MAX_DIGITS = len(str(max(FIGURE_MAX.values()))) + 1
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])", re.ASCII)
_EXPORT_ID = re.compile(r"[0-9a-f]{32}")  # also the shape of a vault id


class ReportFileError(ValueError):
    """One or more month files cannot be used; `problems` holds one sentence each."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class MonthExport:
    """A month file as read: its counts, its export id and the peer's optional label.

    `vault_id` and `sequence` are None in a version 1 file; `signer` is the peer's key
    when the file was sealed and signed (set by the reader of sealed files).
    """

    counts: MonthCounts
    export_id: str
    label: str | None
    source: str  # how to name the file in a sentence
    vault_id: str | None = None
    sequence: int | None = None
    signer: PublicKey | None = None


def new_export_id() -> str:
    return secrets.token_hex(16)


def canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def checksum_of(document: Mapping[str, Any]) -> str:
    """sha256 of the canonical JSON of every field except the checksum itself."""
    body = {k: v for k, v in document.items() if k != "checksum"}
    return "sha256:" + sha256(canonical(body)).hexdigest()


def tables_of(version: int) -> list[str]:
    """The tables a month file of `version` holds, in output order."""
    return [spec.name for spec in TABLES if TABLES_SINCE.get(spec.name, 1) <= version]


def ids_of(version: int, table: str) -> list[str]:
    """The category ids a month file of `version` may hold in `table`."""
    return [c.id for c in spec_of(table).choices if IDS_SINCE.get((table, c.id), 1) <= version]


def document(
    counts: MonthCounts,
    *,
    label: str | None = None,
    export_id: str | None = None,
    vault_id: str | None = None,
    sequence: int | None = None,
    version: int | None = None,
) -> dict[str, Any]:
    """The month file's content, checksum included: version 3 given a vault id and a
    sequence, else version 1 (which a merge still reads).

    `version` writes an earlier one (2 needs a vault id and a sequence), as an older
    peerdesk would have: the tables it does not hold are left out, and so are the ids,
    where a count is a ValueError (the table would no longer add up).
    """
    if version is None:
        version = VERSION if vault_id is not None and sequence is not None else 1
    if version not in KEYS_BY_VERSION or (version >= 2) != (vault_id is not None):
        raise ValueError(f"no month file version {version} with vault id {vault_id!r}")
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "month": counts.month,
        "export_id": export_id or new_export_id(),
        "label": label,
    }
    if version >= 2:
        doc["vault_id"], doc["sequence"] = vault_id, sequence
    doc["counts"] = {
        "figures": dict(counts.figures),
        "tables": _tables_for(counts, version),
    }
    doc["checksum"] = checksum_of(doc)
    return doc


def _tables_for(counts: MonthCounts, version: int) -> dict[str, dict[str, int]]:
    held = set(tables_of(version))
    out: dict[str, dict[str, int]] = {}
    for name, cells in counts.tables.items():
        if name in SPECS and name not in held:
            continue
        newer = {cid for cid in cells if IDS_SINCE.get((name, cid), 1) > version}
        if any(cells[cid] for cid in newer):
            raise ValueError(f"a version {version} month file has no id {sorted(newer)[0]}")
        out[name] = {cid: v for cid, v in cells.items() if cid not in newer}
    return out


def dumps(doc: Mapping[str, Any]) -> str:
    """The file's text: readable JSON, with nothing in it a terminal would act on."""
    return json_text(doc) + "\n"


def _bounded_int(digits: str) -> int:
    """json's int parser, refusing numbers no month file has (and int()'s 4,300-digit cap)."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _NumberTooLong
    return int(digits)


class _NumberTooLong(ValueError):
    pass


def _load(text: str, source: str) -> object:
    try:
        return json.loads(text, parse_int=_bounded_int, object_pairs_hook=unique_keys)
    except DuplicateKey as exc:
        raise ReportFileError(
            [messages.REPORT_FILE_DUPLICATE_KEY.format(file=source, key=short(exc.key))]
        ) from None
    except json.JSONDecodeError as exc:
        raise ReportFileError(
            [messages.REPORT_FILE_NOT_JSON.format(file=source, line=exc.lineno)]
        ) from None
    except _NumberTooLong:
        raise ReportFileError(
            [messages.REPORT_FILE_NUMBER_TOO_LONG.format(file=source, digits=MAX_DIGITS)]
        ) from None
    except RecursionError:
        raise ReportFileError([messages.REPORT_FILE_TOO_DEEP.format(file=source)]) from None
    except ValueError:
        raise ReportFileError([messages.REPORT_FILE_NOT_JSON.format(file=source, line=1)]) from None


def parse(text: str, source: str) -> MonthExport:
    """A month file's text to a MonthExport, or ReportFileError with every problem.

    Only what a file of its version holds is read: any other key, table, figure or
    category id is refused, named (shown safely), never carried into a team report.
    Counts are whole numbers from 0 to a bound no peer's month reaches.
    """
    source = printable(source)
    doc = _load(text, source)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ReportFileError([messages.REPORT_FILE_NOT_MONTH.format(file=source)])
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ReportFileError([messages.REPORT_FILE_NEWER.format(file=source, version=version)])
    if version not in KEYS_BY_VERSION or isinstance(version, bool):
        raise ReportFileError(
            [messages.REPORT_FILE_VERSION.format(file=source, version=_shown(version))]
        )
    if doc.get("checksum") != checksum_of(doc):
        raise ReportFileError([messages.REPORT_FILE_CHECKSUM.format(file=source)])
    problems: list[str] = []

    def bad(field: str, why: str) -> None:
        problems.append(messages.REPORT_FILE_BAD_FIELD.format(file=source, field=field, why=why))

    def unknown(what: str, key: object) -> None:
        problems.append(
            messages.REPORT_FILE_UNKNOWN.format(
                file=source, what=what, id=_shown(key), version=version
            )
        )

    assert isinstance(version, int)
    for key in doc:
        if key not in KEYS_BY_VERSION[version]:
            unknown(messages.REPORT_WHAT_KEY, key)
    month, export_id, label = doc.get("month"), doc.get("export_id"), doc.get("label")
    vault_id, sequence = doc.get("vault_id"), doc.get("sequence")
    if version >= 2:
        if not isinstance(vault_id, str) or not _EXPORT_ID.fullmatch(vault_id):
            bad("vault id", messages.REPORT_WHY_EXPORT_ID)
        if (
            isinstance(sequence, bool)
            or not isinstance(sequence, int)
            or not 1 <= sequence <= MAX_SEQUENCE
        ):
            bad("sequence", messages.REPORT_WHY_SEQUENCE.format(max=MAX_SEQUENCE))
    if (
        not isinstance(month, str)
        or not _MONTH.fullmatch(month)
        or not FIRST_MONTH <= month <= LAST_MONTH
    ):
        bad("month", messages.REPORT_WHY_MONTH)
    if not isinstance(export_id, str) or not _EXPORT_ID.fullmatch(export_id):
        bad("export id", messages.REPORT_WHY_EXPORT_ID)
    if label is not None and not isinstance(label, str):
        bad("label", messages.REPORT_WHY_LABEL)
    elif isinstance(label, str) and (len(label) > LABEL_MAX_CHARS or printable(label) != label):
        bad("label", messages.REPORT_WHY_LABEL_TEXT.format(max=LABEL_MAX_CHARS))
    counts = doc.get("counts")
    if not isinstance(counts, dict):
        bad("counts", messages.REPORT_WHY_OBJECT)
        raise ReportFileError(problems)
    for key in counts:
        if key not in COUNTS_KEYS:
            unknown(messages.REPORT_WHAT_KEY, f"counts.{key}")
    raw_figures = counts.get("figures")
    figures = _count_map(raw_figures, "figures", bad, FIGURE_MAX)
    if isinstance(raw_figures, dict):
        for name in raw_figures:
            if name not in FIGURE_MAX:
                unknown(messages.REPORT_WHAT_FIGURE, name)
    tables: dict[str, dict[str, int]] = {}
    raw_tables = counts.get("tables")
    if not isinstance(raw_tables, dict):
        bad("tables", messages.REPORT_WHY_OBJECT)
    else:
        held = tables_of(version)
        for name, cells in raw_tables.items():
            if name not in held:
                unknown(messages.REPORT_WHAT_TABLE, name)
                continue
            known = dict.fromkeys(ids_of(version, name), MAX_COUNT)
            tables[name] = _count_map(cells, f"table {name}", bad, known)
            for cid in cells if isinstance(cells, dict) else ():
                if cid not in known:
                    unknown(messages.REPORT_WHAT_ID.format(table=name), cid)
    for figure in FIGURES:
        if isinstance(raw_figures, dict) and figure not in raw_figures:
            bad(f"figure {figure}", messages.REPORT_WHY_MISSING)
    for name in tables_of(version):
        missing = isinstance(raw_tables, dict) and name not in raw_tables
        if missing and name not in OPTIONAL_TABLES:
            bad(f"table {name}", messages.REPORT_WHY_MISSING)
    if problems:
        raise ReportFileError(problems)
    problems += _consistency(figures, tables, source)
    if problems:
        raise ReportFileError(problems)
    assert isinstance(month, str) and isinstance(export_id, str)
    return MonthExport(
        MonthCounts(month, figures, tables),
        export_id,
        label,
        source,
        vault_id if isinstance(vault_id, str) else None,
        sequence if isinstance(sequence, int) else None,
    )


def _shown(value: object) -> str:
    """A value from a file, quoted for a sentence: printable, one line, short."""
    return short(repr(value) if not isinstance(value, str) else f"'{value}'")


def _count_map(raw: object, field: str, bad: Any, known: Mapping[str, int]) -> dict[str, int]:
    """The known cells of `raw`, each a whole number from 0 to its bound."""
    if not isinstance(raw, dict):
        bad(field, messages.REPORT_WHY_OBJECT)
        return {}
    out: dict[str, int] = {}
    for key, value in raw.items():
        if key not in known:
            continue  # named as unknown by the caller
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            bad(f"{field} {key}", messages.REPORT_WHY_COUNT)
        elif value > known[key]:
            bad(f"{field} {key}", messages.REPORT_WHY_COUNT_TOO_BIG.format(max=known[key]))
        else:
            out[key] = value
    return out


def _consistency(
    figures: Mapping[str, int], tables: Mapping[str, Mapping[str, int]], source: str
) -> list[str]:
    """Tables that partition a figure or a cell must add up to it; no topic above the
    contacts."""
    problems = []
    for name, cells in tables.items():
        spec = spec_of(name)
        head: tuple[str, int] | None = None
        if spec.total and (cells or name not in OPTIONAL_TABLES):
            head = spec.total, figures.get(spec.total, 0)
        elif spec.total_cell:
            owner, cid = spec.total_cell
            head = f"{owner} {cid}", tables.get(owner, {}).get(cid, 0)
        if head is not None and sum(cells.values()) != head[1]:
            problems.append(
                messages.REPORT_FILE_NOT_ADDING_UP.format(
                    file=source,
                    table=name,
                    got=sum(cells.values()),
                    figure=head[0],
                    expected=head[1],
                )
            )
        if spec.at_least and any(v > figures.get(spec.at_least, 0) for v in cells.values()):
            problems.append(
                messages.REPORT_FILE_BAD_FIELD.format(
                    file=source, field=f"table {name}", why=messages.REPORT_WHY_TOPIC_ABOVE
                )
            )
    return problems


class SealedOpener(Protocol):
    """Opens a sealed month (peerdesk.reports.sealed.LeadOpener): the month file's text
    and the key that signed it, or ReportFileError with the sentence."""

    def __call__(self, data: bytes, source: str) -> tuple[str, PublicKey]: ...


def read_exports(
    paths: Sequence[Path],
    *,
    month: str | None = None,
    opener: SealedOpener | None = None,
    any_month: bool = False,
    progress: Progress = silent,
) -> list[MonthExport]:
    """Read and check every file; ReportFileError lists every problem of every file.
    `progress` hears how many files were read (peerdesk.progress).

    All must be for one month (`month` if given, else the first readable file's),
    unless `any_month` (a quarter's or a year's merge checks its months itself). A
    sealed file needs `opener` (the lead's keys). The same version 1 export may not
    appear twice; newer files say which vault or peer they are from, and
    peerdesk.reports.senders keeps one export per sender and month.
    """
    problems: list[str] = []
    exports: list[MonthExport] = []
    reading = messages.PROGRESS_MERGE_READING
    for path in counted(paths, len(paths), reading, progress, every=1):
        source = printable(str(path))
        try:
            # Only a regular file, at most one byte past the limit: a FIFO would block.
            data = read_regular(path, MAX_BYTES)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            problems.append(messages.REPORT_FILE_UNREADABLE.format(file=source, reason=reason))
            continue
        if len(data) > MAX_BYTES:
            problems.append(messages.REPORT_FILE_TOO_LARGE.format(file=source))
            continue
        signer: PublicKey | None = None
        if is_sealed(data):
            if opener is None:
                problems.append(messages.REPORT_FILE_SEALED_NEEDS_LEAD.format(file=source))
                continue
            try:
                text, signer = opener(data, source)
            except ReportFileError as exc:
                problems += exc.problems
                continue
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                problems.append(messages.REPORT_FILE_NOT_UTF8.format(file=source))
                continue
        try:
            export = parse(text, source)
        except ReportFileError as exc:
            problems += exc.problems
            continue
        if signer is not None:
            if export.vault_id is None:  # a sealed file holds a version 2 month or later
                problems.append(messages.REPORT_FILE_SEALED_OLD.format(file=source))
                continue
            export = replace(export, signer=signer)
        exports.append(export)
    expected = month or (exports[0].counts.month if exports else None)
    seen: dict[str, MonthExport] = {}
    for export in exports:
        if not any_month and export.counts.month != expected:
            problems.append(
                messages.REPORT_FILE_OTHER_MONTH.format(
                    file=export.source, month=export.counts.month, expected=expected
                )
            )
        first = seen.get(export.export_id)
        if first is not None and export.vault_id is None:
            problems.append(
                messages.REPORT_FILE_REPEATED.format(file=export.source, first=first.source)
            )
        elif first is not None and _content(first) != _content(export):
            # One export id, two contents: one of the files was made up from the other.
            problems.append(
                messages.REPORT_FILE_SAME_ID_OTHER_COUNTS.format(
                    file=export.source, first=first.source
                )
            )
        seen.setdefault(export.export_id, export)
    if problems:
        raise ReportFileError(problems)
    return exports


def _content(export: MonthExport) -> tuple[object, ...]:
    return (export.counts, export.vault_id, export.sequence, export.signer, export.label)


def write_new(path: Path, text: str, *, force: bool) -> Path:
    """Write `text` to `path` atomically (temp file in the same folder, then rename).

    Refuses an existing path unless `force`; FileExistsError carries the sentence.
    """
    return write_new_bytes(path, text.encode("utf-8"), force=force)


def write_new_bytes(path: Path, data: bytes, *, force: bool) -> Path:
    """As write_new, for bytes (a sealed month is not text)."""
    path = path.expanduser().absolute()
    if not force and (path.exists() or path.is_symlink()):
        raise FileExistsError(messages.REPORT_FILE_EXISTS.format(path=path))
    fd, temp = tempfile.mkstemp(prefix=".peerdesk-report-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
