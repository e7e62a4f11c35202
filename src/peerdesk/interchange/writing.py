"""Write the directory as CSV or JSON: only the directory, never contacts or referrals.

Output is deterministic (name order, fixed columns, no export time) so exporting,
importing and exporting again gives the same bytes. Files are written to a temporary
name beside the target and renamed into place, so a crash never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from peerdesk import messages
from peerdesk.interchange.cells import COLUMNS, to_csv_cells, to_json_object
from peerdesk.interchange.reading import JSON_FORMAT, JSON_VERSION, DirectoryFileError
from peerdesk.interchange.signing import sign_if_lead, signature_path
from peerdesk.models.clinicians import Clinician
from peerdesk.vault import clinicians
from peerdesk.vault.sqlcipher import Connection

FORMATS = ("csv", "json")
FILE_MODE = 0o600


def directory_csv(items: Iterable[Clinician]) -> str:
    """RFC 4180 CSV (CRLF line ends) with a header row; formula-looking cells neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(to_csv_cells(c) for c in items)
    return out.getvalue()


def directory_json(items: Iterable[Clinician]) -> str:
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "clinicians": [to_json_object(c) for c in items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_directory(conn: Connection, path: Path, kind: str, *, overwrite: bool = False) -> int:
    """Write every clinician to `path` as `kind` (csv or json); returns how many.

    CSV starts with a UTF-8 byte order mark so spreadsheet programs read accents right.
    A lead's vault also writes the signature beside it (FILE.minisig), numbering
    this directory; the signature is written first, so a crash between the two
    leaves a file that does not match it (refused), never an unsigned one accepted.
    Any other vault's export removes a signature file left beside FILE.
    """
    if path.exists() and not overwrite:
        raise DirectoryFileError(messages.DIRECTORY_EXPORT_EXISTS.format(path=path))
    if not path.parent.is_dir():
        raise DirectoryFileError(messages.DIRECTORY_EXPORT_NO_FOLDER.format(path=path.parent))
    items = list(clinicians.every(conn))
    if kind == "json":
        data = directory_json(items).encode("utf-8")
    else:
        data = directory_csv(items).encode("utf-8-sig")
    signature = sign_if_lead(conn, data)
    if signature is not None:
        _write_atomically(signature_path(path), signature.encode("ascii"))
    else:
        # An older signature beside FILE no longer matches what is written now: left
        # there, it would make a peer's import say the new file was tampered with.
        signature_path(path).unlink(missing_ok=True)
    _write_atomically(path, data)
    return len(items)


def _write_atomically(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
