"""Crisis lines: public phone numbers that must be readable while the vault is locked.

That is why they live in a plain JSON file (`crisis-lines.json` in the config folder)
and not in the encrypted vault. Only public information goes there: the name of a
line, how to reach it, when someone last checked the number. Nothing about any
contact, officer or peer ever does. Core module: no Textual, no Rich.

File format (version 1)::

    {"version": 1, "lines": [{"id": "988", "name": "...", "how": "...", "number": "988",
                              "verified_on": "2025-01-31" or null, "note": "...",
                              "source": "where the number was checked" (optional)}]}

The two national lines ship with the day their numbers were last checked against
their official source (SHIPPED_CHECKS): a saved file that still holds a national
line's shipped number without a date of its own shows that check, so nobody reads
"not verified" next to 988 at 2 a.m.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from peerdesk import messages
from peerdesk.paths import config_dir
from peerdesk.platform_support import fsync_folder, make_open_file_private

FILENAME = "crisis-lines.json"
FORMAT_VERSION = 1
DIR_MODE = 0o700
_FIELDS = ("id", "name", "how", "number", "note", "source")
# National lines: the shipped number, the day it was last checked, and against what.
# Checked on 2026-12-01 against stored copies of copline.org's own page ("1-800-267-5463")
# and of the Wyoming health department's 988 page ("call or text 988"): recheck both
# against the live official sources (copline.org, 988lifeline.org) at each release.
SHIPPED_CHECKS: dict[str, tuple[str, date, str]] = {
    "988": ("988", date(2026, 12, 1), "health.wyo.gov (988 Lifeline page)"),
    "copline": ("1-800-267-5463", date(2026, 12, 1), "copline.org"),
}
EAP = "eap"
ON_CALL = "on-call-clinician"


class CrisisLinesInvalid(Exception):
    """The crisis lines file cannot be read; str() is one sentence naming file and problem.

    Callers fall back to `default_crisis_lines()` so the numbers are never out of reach.
    """


@dataclass(frozen=True)
class CrisisLine:
    """One line a peer can call or text. `id` is stable; the rest is editable."""

    id: str
    name: str
    how: str  # e.g. "Call or text 988"
    number: str  # what to dial; empty while a configurable entry is not set up
    verified_on: date | None = None  # when someone last checked the number works
    note: str = ""
    source: str = ""  # where it was checked (the official site of a national line)

    @property
    def is_set(self) -> bool:
        return bool(self.number.strip())


def default_crisis_lines() -> list[CrisisLine]:
    """What a new installation shows: two national lines and two entries to fill in."""
    return [
        with_shipped_check(
            CrisisLine(
                id="988",
                name=messages.CRISIS_988_NAME,
                how=messages.CRISIS_988_HOW,
                number="988",
            )
        ),
        with_shipped_check(
            CrisisLine(
                id="copline",
                name=messages.CRISIS_COPLINE_NAME,
                how=messages.CRISIS_COPLINE_HOW,
                number="1-800-267-5463",
            )
        ),
        CrisisLine(id=EAP, name=messages.CRISIS_EAP_NAME, how="", number=""),
        CrisisLine(id=ON_CALL, name=messages.CRISIS_ON_CALL_NAME, how="", number=""),
    ]


def with_shipped_check(line: CrisisLine) -> CrisisLine:
    """A national line still holding its shipped number, with no check of its own, shows
    the shipped check; a changed number or a date someone entered is left as it is."""
    shipped = SHIPPED_CHECKS.get(line.id)
    if shipped is None or line.verified_on is not None or line.number.strip() != shipped[0]:
        return line
    return replace(line, verified_on=shipped[1], source=line.source or shipped[2])


def checked_words(line: CrisisLine) -> str:
    """When (and against what) the number was last checked, for every face."""
    if line.verified_on and line.source:
        return messages.CRISIS_VERIFIED_AGAINST.format(
            date=line.verified_on.isoformat(), source=line.source
        )
    if line.verified_on:
        return messages.CRISIS_VERIFIED.format(date=line.verified_on.isoformat())
    return messages.CRISIS_UNVERIFIED


def on_call(lines: list[CrisisLine]) -> CrisisLine | None:
    """The on-call team clinician's line, if the file has one."""
    return next((line for line in lines if line.id == ON_CALL), None)


def with_line(lines: list[CrisisLine], changed: CrisisLine) -> list[CrisisLine]:
    """`lines` with `changed` replacing the line of its id (or added at the end)."""
    if any(line.id == changed.id for line in lines):
        return [changed if line.id == changed.id else line for line in lines]
    return [*lines, changed]


def default_path() -> Path:
    """`crisis-lines.json` in the plain config folder (PEERDESK_CONFIG_DIR overrides)."""
    return config_dir() / FILENAME


def load_crisis_lines(path: Path | None = None) -> list[CrisisLine]:
    """The saved lines, or the defaults when there is no file yet.

    Raises CrisisLinesInvalid for anything else that goes wrong, never a raw error:
    a person may be reading this in a hurry.
    """
    path = default_path() if path is None else Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return default_crisis_lines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _invalid(path, messages.CRISIS_PROBLEM_UNREADABLE.format(reason=reason)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _invalid(path, messages.CRISIS_PROBLEM_NOT_JSON.format(line=exc.lineno)) from None
    return _parse(path, data)


def _parse(path: Path, data: Any) -> list[CrisisLine]:
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise _invalid(path, messages.CRISIS_PROBLEM_SHAPE)
    if data.get("version") != FORMAT_VERSION:
        raise _invalid(path, messages.CRISIS_PROBLEM_VERSION.format(found=data.get("version")))
    lines: list[CrisisLine] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["lines"], start=1):
        if not isinstance(entry, dict):
            raise _invalid(path, messages.CRISIS_PROBLEM_ENTRY.format(entry=number))
        for field in _FIELDS:
            if not isinstance(entry.get(field, ""), str):
                raise _invalid(
                    path, messages.CRISIS_PROBLEM_FIELD.format(entry=number, field=field)
                )
        line_id = entry.get("id", "")
        if not line_id.strip() or not str(entry.get("name", "")).strip():
            raise _invalid(path, messages.CRISIS_PROBLEM_ID_NAME.format(entry=number))
        if line_id in seen:
            raise _invalid(path, messages.CRISIS_PROBLEM_DUPLICATE.format(id=line_id))
        seen.add(line_id)
        lines.append(
            with_shipped_check(
                CrisisLine(
                    id=line_id,
                    name=entry["name"],
                    how=entry.get("how", ""),
                    number=entry.get("number", ""),
                    verified_on=_parse_date(path, number, entry.get("verified_on")),
                    note=entry.get("note", ""),
                    source=entry.get("source", ""),
                )
            )
        )
    return lines


def _parse_date(path: Path, entry: int, value: Any) -> date | None:
    if value is None:
        return None
    problem = messages.CRISIS_PROBLEM_DATE.format(entry=entry)
    if not isinstance(value, str):
        raise _invalid(path, problem)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _invalid(path, problem) from None


def _invalid(path: Path, problem: str) -> CrisisLinesInvalid:
    return CrisisLinesInvalid(messages.CRISIS_FILE_INVALID.format(path=path, problem=problem))


def save_crisis_lines(path: Path | None, lines: list[CrisisLine]) -> Path:
    """Write the lines atomically: a 0600 temp file in the same folder, then os.replace.

    The folder is created 0700. A crash leaves either the old file or the new one.
    """
    path = default_path() if path is None else Path(path)
    ids = [line.id for line in lines]
    if len(set(ids)) != len(ids):
        raise ValueError("crisis line ids must be unique")
    payload = {
        "version": FORMAT_VERSION,
        "lines": [
            {
                "id": line.id,
                "name": line.name,
                "how": line.how,
                "number": line.number,
                "verified_on": line.verified_on.isoformat() if line.verified_on else None,
                "note": line.note,
                "source": line.source,
            }
            for line in lines
        ],
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            make_open_file_private(handle.fileno())
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    return path
