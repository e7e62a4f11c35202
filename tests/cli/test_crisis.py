"""Crisis lines: plain JSON in the config folder, readable without the vault."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.crisis import (
    CrisisLine,
    CrisisLinesInvalid,
    default_crisis_lines,
    default_path,
    load_crisis_lines,
    save_crisis_lines,
)
from peerdesk.vault.private_files import file_mode
from tests.support.cli import Cli


def test_defaults_when_the_file_is_missing(tmp_path: Path) -> None:
    lines = load_crisis_lines(tmp_path / "nothing-here.json")
    assert lines == default_crisis_lines()
    by_id = {line.id: line for line in lines}
    assert by_id["988"].how == "Call or text 988"
    assert by_id["copline"].number == "1-800-267-5463"
    assert not by_id["eap"].is_set
    assert not by_id["on-call-clinician"].is_set


def test_default_path_is_in_the_config_dir(tmp_path: Path) -> None:
    assert default_path() == tmp_path / "config" / "crisis-lines.json"


def test_save_then_load_round_trip_private_and_atomic(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "crisis-lines.json"
    lines = [
        *default_crisis_lines()[:2],
        CrisisLine(
            id="eap",
            name="Agency EAP",
            how="Call 555-0100, press 2",
            number="555-0100",
            verified_on=date(2025, 1, 31),
            note="Ask for the first-responder desk.",
        ),
    ]
    save_crisis_lines(path, lines)
    assert load_crisis_lines(path) == lines
    assert file_mode(path) == 0o600
    assert file_mode(path.parent) == 0o700
    save_crisis_lines(path, lines[:1])
    assert load_crisis_lines(path) == lines[:1]
    assert [p.name for p in path.parent.iterdir()] == ["crisis-lines.json"]


def test_save_refuses_duplicate_ids(tmp_path: Path) -> None:
    line = default_crisis_lines()[0]
    with pytest.raises(ValueError, match="unique"):
        save_crisis_lines(tmp_path / "c.json", [line, line])
    assert not (tmp_path / "c.json").exists()


def _entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "988",
        "name": "988",
        "how": "Call or text 988",
        "number": "988",
        "verified_on": None,
        "note": "",
    }
    entry.update(changes)
    return entry


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"version": 1, "lines": [', messages.CRISIS_PROBLEM_NOT_JSON.format(line=1)),
        ("[]", messages.CRISIS_PROBLEM_SHAPE),
        ('{"version": 1}', messages.CRISIS_PROBLEM_SHAPE),
        (
            json.dumps({"version": 7, "lines": []}),
            messages.CRISIS_PROBLEM_VERSION.format(found=7),
        ),
        (
            json.dumps({"version": 1, "lines": ["988"]}),
            messages.CRISIS_PROBLEM_ENTRY.format(entry=1),
        ),
        (
            json.dumps({"version": 1, "lines": [_entry(number=988)]}),
            messages.CRISIS_PROBLEM_FIELD.format(entry=1, field="number"),
        ),
        (
            json.dumps({"version": 1, "lines": [_entry(name="")]}),
            messages.CRISIS_PROBLEM_ID_NAME.format(entry=1),
        ),
        (
            json.dumps({"version": 1, "lines": [_entry(), _entry()]}),
            messages.CRISIS_PROBLEM_DUPLICATE.format(id="988"),
        ),
        (
            json.dumps({"version": 1, "lines": [_entry(verified_on="last tuesday")]}),
            messages.CRISIS_PROBLEM_DATE.format(entry=1),
        ),
        (
            json.dumps({"version": 1, "lines": [_entry(verified_on=20250131)]}),
            messages.CRISIS_PROBLEM_DATE.format(entry=1),
        ),
    ],
)
def test_malformed_file_gives_one_sentence_naming_file_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "crisis-lines.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CrisisLinesInvalid) as caught:
        load_crisis_lines(path)
    assert str(caught.value) == messages.CRISIS_FILE_INVALID.format(path=path, problem=problem)


def test_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    not_text = tmp_path / "binary.json"
    not_text.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CrisisLinesInvalid, match=str(not_text)):
        load_crisis_lines(not_text)
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    with pytest.raises(CrisisLinesInvalid, match="cannot be read"):
        load_crisis_lines(folder)


def test_crisis_command_prints_the_defaults_without_a_vault(cli: Cli, vault_path: Path) -> None:
    result = cli("crisis")
    assert result.exit_code == 0
    assert "988 Suicide & Crisis Lifeline: Call or text 988" in result.stdout
    assert "1-800-267-5463" in result.stdout
    assert f"{messages.CRISIS_EAP_NAME}: {messages.CRISIS_NOT_SET}" in result.stdout
    assert messages.CRISIS_EMERGENCY in result.stdout
    assert not vault_path.parent.exists()


def test_crisis_command_shows_saved_lines(cli: Cli) -> None:
    lines = default_crisis_lines()
    lines[2] = CrisisLine(
        "eap", "Agency EAP", "Call 555-0100", "555-0100", date(2025, 3, 1), "24/7"
    )
    save_crisis_lines(None, lines)
    result = cli("crisis")
    assert result.exit_code == 0
    assert "Agency EAP: Call 555-0100 (verified 2025-03-01)" in result.stdout
    assert "24/7" in result.stdout


def test_crisis_command_on_a_broken_file_still_shows_the_defaults(cli: Cli) -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    result = cli("crisis")
    assert result.exit_code == 1
    assert "Call or text 988" in result.stdout
    assert str(path) in result.stderr
    assert "The default crisis lines are shown instead." in result.stderr
