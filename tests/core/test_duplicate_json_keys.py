"""A JSON file that names a key twice is refused, in month files and directory files.

json.loads keeps the last of two equal keys: a lead reading the file sees the first
number while a merge would add the second. Each reader refuses the file instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.interchange.reading import DirectoryFileError, read_directory
from peerdesk.reports.files import ReportFileError, document, dumps, read_exports
from tests.support.months import month


def test_a_month_file_with_a_repeated_figure_is_refused(tmp_path: Path) -> None:
    text = dumps(document(month()))
    contacts = json.loads(text)["counts"]["figures"]["contacts"]
    needle = f'"contacts": {contacts}'
    assert text.count(needle) == 1
    doubled = text.replace(needle, f'"contacts": 999, {needle}')
    path = tmp_path / "a.json"
    path.write_text(doubled)
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert caught.value.problems == [
        messages.REPORT_FILE_DUPLICATE_KEY.format(file=path, key="contacts")
    ]


def test_a_month_file_with_a_repeated_top_key_is_refused(tmp_path: Path) -> None:
    text = dumps(document(month()))
    path = tmp_path / "a.json"
    path.write_text(text.replace("{", '{"label": "A", ', 1))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert "twice" in caught.value.problems[0]


def test_a_directory_file_with_a_repeated_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(
        '{"format": "peerdesk-directory", "version": 1, "clinicians": '
        '[{"name": "Dr. A", "region": "north", "region": "south"}]}'
    )
    with pytest.raises(DirectoryFileError) as refused:
        read_directory(path)
    assert str(refused.value) == messages.DIRECTORY_JSON_DUPLICATE_KEY.format(key="region")
