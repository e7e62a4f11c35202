"""The month file: checksum, validation, merge refusals with one sentence per problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.reports import add_up, team_report
from peerdesk.reports import files as report_files
from peerdesk.reports.files import ReportFileError, document, dumps, parse, read_exports
from tests.support.months import month


def write(folder: Path, name: str, doc: dict[str, object]) -> Path:
    path = folder / name
    path.write_text(dumps(doc))
    return path


def test_a_document_round_trips_and_carries_no_day_and_no_time(tmp_path: Path) -> None:
    doc = document(month(), label="JD", vault_id="ab" * 16, sequence=3)
    assert set(doc) == report_files.KEYS and doc["version"] == 4
    assert doc["checksum"] == report_files.checksum_of(doc)
    read = parse(dumps(doc), "a.json")
    assert read.counts == month() and read.label == "JD" and read.export_id == doc["export_id"]
    assert (read.vault_id, read.sequence) == ("ab" * 16, 3)
    assert document(month())["export_id"] != document(month())["export_id"]


def test_a_version_1_document_holds_only_version_1_tables() -> None:
    """Without a vault id it is the file an older peerdesk wrote: none of the new tables."""
    doc = document(month(), label="JD")
    assert set(doc) == {"format", "version", "month", "export_id", "label", "counts", "checksum"}
    read = parse(dumps(doc), "a.json")
    new = {"for_whom", "group_kind", "first_or_followup", "duration"}
    assert set(read.counts.tables) == set(month().tables) - new
    assert "video" not in read.counts.tables["mode"]  # a mode version 3 added
    assert {**read.counts.tables["mode"], "video": 0} == month().tables["mode"]
    others = set(read.counts.tables) - {"mode"}
    assert all(read.counts.tables[t] == month().tables[t] for t in others)


def test_merge_of_known_files_gives_known_totals(tmp_path: Path) -> None:
    files = [
        write(tmp_path, "a.json", document(month(cruiser=10, phone=6, sleep=12, done=1))),
        write(tmp_path, "b.json", document(month(cruiser=20, phone=1, sleep=3, done=2))),
        write(tmp_path, "c.json", document(month(cruiser=0, phone=2, sleep=0, done=0))),
    ]
    exports = read_exports(files)
    total = add_up([e.counts for e in exports])
    assert total.figures["contacts"] == 39 and total.figures["minutes"] == 39 * 15
    assert total.tables["mode"]["cruiser"] == 30 and total.tables["mode"]["phone"] == 9
    assert total.tables["topic"]["sleep"] == 15 and total.figures["followups_completed"] == 3
    report = team_report([e.counts for e in exports], [e.export_id for e in exports], 5)
    assert report.peers == 3 and report.figures["contacts"] == 39
    assert report.figures["followups_completed"] is None  # 3 is small


def test_a_tampered_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    doc = document(month())
    doc["counts"]["figures"]["contacts"] += 1
    path = write(tmp_path, "edited.json", doc)
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert caught.value.problems == [
        f"{path} was changed after it was exported (its checksum does not match); "
        "ask the peer to export it again."
    ]


def test_a_different_month_and_a_repeated_export_are_refused(tmp_path: Path) -> None:
    march = document(month())
    a = write(tmp_path, "a.json", march)
    copy = write(tmp_path, "copy.json", march)
    april = write(tmp_path, "april.json", document(month("2026-04")))
    with pytest.raises(ReportFileError) as caught:
        read_exports([a, copy, april])
    assert caught.value.problems == [
        f"{copy} is the same export as {a} (export id repeated); each peer's month may be "
        "merged once.",
        f"{april} is for 2026-04, not 2026-03; merge one month at a time.",
    ]
    with pytest.raises(ReportFileError, match="is for 2026-03, not 2026-04"):
        read_exports([a], month="2026-04")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "is not valid JSON (line 1)"),
        ("[1, 2]", "is not a peerdesk month file"),
        ('{"format": "peerdesk-month", "version": 5}', "made by a newer peerdesk"),
        ('{"format": "peerdesk-month", "version": "1"}', "unknown file version '1'"),
        ('{"format": "peerdesk-month", "version": 1}', "checksum does not match"),
    ],
)
def test_bad_files_get_one_sentence(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    (problem,) = caught.value.problems
    assert problem.startswith(str(path)) and expected in problem


def _resealed(doc: dict[str, object]) -> dict[str, object]:
    doc["checksum"] = report_files.checksum_of(doc)
    return doc


def test_a_resealed_file_that_does_not_add_up_is_refused(tmp_path: Path) -> None:
    doc = document(month())
    doc["counts"]["tables"]["mode"]["phone"] = 7
    doc["counts"]["figures"]["minutes"] = -5
    path = write(tmp_path, "x.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert caught.value.problems == [
        f"{path} has a bad figures minutes: a whole number of 0 or more."
    ]
    doc["counts"]["figures"]["minutes"] = 5
    path = write(tmp_path, "y.json", _resealed(doc))
    with pytest.raises(ReportFileError, match="mode gives 17 but contacts is 16"):
        read_exports([path])


def test_unknown_keys_tables_and_ids_are_refused_by_name(tmp_path: Path) -> None:
    """A version 1 file holds only version 1 ids: free text in an id never gets merged."""
    doc = document(month())
    doc["counts"]["tables"]["topic"]["Sgt Miller suicidal"] = 7
    doc["counts"]["tables"]["mood"] = {"calm": 8}
    doc["counts"]["figures"]["\x1b]0;owned\x07"] = 1
    doc["counts"]["extra"] = {}
    doc["note"] = "hello"
    path = write(tmp_path, "n.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path, write(tmp_path, "o.json", document(month()))])
    problems = caught.value.problems
    assert len(problems) == 5
    assert all(p.startswith(f"{path} has an unknown ") for p in problems)
    joined = "\n".join(problems)
    for shown in (
        "key 'note'",
        "key 'counts.extra'",
        "table 'mood'",
        "figure '\\x1b]0;owned\\x07'",
    ):
        assert shown in joined
    assert "id in table topic 'Sgt Miller suicidal'" in joined
    assert "\x1b" not in joined and "\x07" not in joined


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("contacts", True, "a whole number of 0 or more"),
        ("contacts", 1.5, "a whole number of 0 or more"),
        ("contacts", 1_000_001, "at most 1000000"),
        ("minutes", 2 * 10**9, "at most 1440000000"),
    ],
)
def test_counts_are_bounded_whole_numbers(
    tmp_path: Path, where: str, value: object, expected: str
) -> None:
    doc = document(month())
    doc["counts"]["figures"][where] = value
    path = write(tmp_path, "x.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert any(expected in p and f"figures {where}" in p for p in caught.value.problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe not text", "is not UTF-8 text"),
        (b'{"format": "peerdesk-month", "n": ' + b"9" * 5000 + b"}", "more than"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"null", "is not a peerdesk month file"),
        (b'"peerdesk-month"', "is not a peerdesk month file"),
        (b"[]", "is not a peerdesk month file"),
        (b'{"format": "peerdesk-month", "version": "\\u001b[2J"}', "\\x1b[2J"),
    ],
)
def test_hostile_files_get_one_sentence(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    (problem,) = caught.value.problems
    assert problem.startswith(str(path)) and expected in problem
    assert "\x1b" not in problem


def test_missing_and_unreadable_files_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    big = tmp_path / "big.json"
    big.write_text(" " * (report_files.MAX_BYTES + 1))
    with pytest.raises(ReportFileError) as caught:
        read_exports([missing, big])
    assert caught.value.problems == [
        f"{missing} could not be read: No such file or directory.",
        f"{big} is too large to be a month file.",
    ]


def test_write_new_refuses_an_existing_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.json"
    report_files.write_new(target, "one", force=False)
    with pytest.raises(FileExistsError, match="already exists"):
        report_files.write_new(target, "two", force=False)
    report_files.write_new(target, "three", force=True)
    assert target.read_text() == "three"
    assert [p.name for p in folder.iterdir()] == ["out.json"]
    assert json.loads(dumps(document(month())))["version"] == 1
