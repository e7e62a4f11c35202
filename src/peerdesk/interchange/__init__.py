"""Directory files in and out (CSV and JSON), with their checks. No Textual, no Rich.

Public surface:
- read_directory(path) -> ParsedDirectory: read and check a file, touching no vault;
- import_file(vault, path, now=None, dry_run=False, accept_lookalikes=False) -> ImportPlan
  and import_parsed(vault, parsed, ...): preview and all-or-nothing upsert by id; the
  plan holds every changed field (FieldChange) and every look-alike name (LookAlike);
- preview_lines(plan, width) -> PreviewLine list and attention(plan): what both faces
  show of a plan;
- export_directory(conn, path, kind, overwrite=False) -> int, directory_csv, directory_json;
- DirectoryFileError (a file that cannot be read at all; str() is one sentence),
  RowProblem (one bad field of one row), FORMATS, detect_format.
The format is documented in docs/directory-format.md.
"""

from peerdesk.interchange import signing
from peerdesk.interchange.cells import COLUMNS, FileRecord, RowProblem, neutralise, unneutralise
from peerdesk.interchange.importing import (
    FieldChange,
    ImportPlan,
    PlannedRecord,
    import_file,
    import_parsed,
)
from peerdesk.interchange.lookalikes import LookAlike
from peerdesk.interchange.preview import (
    PreviewLine,
    attention,
    preview_lines,
    value_text,
    wrapped,
)
from peerdesk.interchange.reading import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    DirectoryFileError,
    ParsedDirectory,
    detect_format,
    read_directory,
)
from peerdesk.interchange.writing import (
    FORMATS,
    directory_csv,
    directory_json,
    export_directory,
)

__all__ = [
    "COLUMNS",
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "DirectoryFileError",
    "FieldChange",
    "FileRecord",
    "ImportPlan",
    "LookAlike",
    "ParsedDirectory",
    "PlannedRecord",
    "PreviewLine",
    "RowProblem",
    "attention",
    "detect_format",
    "directory_csv",
    "directory_json",
    "export_directory",
    "import_file",
    "import_parsed",
    "neutralise",
    "preview_lines",
    "read_directory",
    "signing",
    "unneutralise",
    "value_text",
    "wrapped",
]
