"""A directory file of many new clinicians, for tests of long imports (every kind).

The names say where a leak of a row would show: progress wording, a log, a temp file.
"""

from __future__ import annotations

from pathlib import Path

HEADER = "id,name,phones,email,specialties,telehealth,region"


def directory_file(path: Path, rows: int) -> Path:
    """`rows` clinicians with no id (all new), written as a CSV at `path`."""
    lines = [HEADER]
    lines += [
        f",Canary Zephyrine {i},+1 202 555 {i % 10000:04d},,trauma,yes,Downtown"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
