"""Bad input through the real CLI, one row each: a clear sentence, no traceback, no change.

Each row runs one command on a real vault and checks the exit code, that stderr holds
the expected sentence (and, for peerdesk's own errors, exactly one line), that no
"Traceback" and no raw escape character reached the output, and that every file in
the vault's folder is byte for byte what it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from peerdesk import messages
from peerdesk.reports.files import MAX_BYTES
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, vault_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
HUGE = "99999999999999999999"
ESC = "\x1b]0;owned\x07\x1b[2J"
ARGV_REASON = "process list"


def _month_doc(**changes: object) -> dict[str, object]:
    """A real month file (all zeros) with some fields changed, then re-sealed."""
    from peerdesk.reports.counts import from_marginals
    from peerdesk.reports.files import checksum_of, document

    counts = from_marginals(
        "2026-03",
        contacts=0,
        minutes=0,
        group_people=0,
        followups_completed=0,
        tables={},
        referral_statuses=None,
    )
    doc = document(counts)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = doc
        for part in parents:
            target = target[part]
        target[last] = value
    doc["checksum"] = checksum_of(doc)
    return doc


def _json_bytes(doc: object) -> bytes:
    return json.dumps(doc).encode()


@dataclass(frozen=True)
class Row:
    """One bad input: the command's words ({f} is the file written from `file`)."""

    name: str
    args: tuple[str, ...]
    expected: str
    code: int = 1
    stdin: bytes | str | None = None
    file: bytes | None = None
    file_name: str = "input.json"
    env: dict[str, str] = field(default_factory=dict)
    one_line: bool = True  # usage errors (exit 2 from click) print a usage block


def _usage(name: str, args: tuple[str, ...], expected: str) -> Row:
    return Row(name, args, expected, code=2, one_line=False)


ROWS: list[Row] = [
    # months a calendar cannot count
    Row("month 0000-01", ("report", "month", "0000-01"), "outside the months"),
    Row("month 9999-12", ("report", "month", "9999-12"), "outside the months"),
    Row("month 2026-13", ("report", "month", "2026-13"), "is not a month"),
    Row("month in digits of another script", ("report", "month", "٢٠٢٦-٠٣"), "is not a month"),
    Row("merge --month 0000-01", ("report", "merge", "--month", "0000-01", "x"), "outside"),
    # numbers too big for SQLite
    _usage("contacts --limit huge", ("contacts", "list", "--limit", HUGE), "--limit"),
    _usage("clinicians --limit huge", ("clinicians", "list", "--limit", HUGE), "--limit"),
    _usage("followups done huge id", ("followups", "done", HUGE), "ID"),
    _usage("referrals status huge id", ("referrals", "status", HUGE, "closed"), "ID"),
    _usage(
        "referrals add huge contact",
        ("referrals", "add", "--contact", HUGE, "--clinician", "x"),
        "--contact",
    ),
    Row(
        "contacts add huge minutes",
        ("contacts", "add", "--topic", "sleep", "--minutes", "99999999"),
        "from 1 to 1440",
    ),
    Row(
        "contacts add huge head count",
        ("contacts", "add", "--topic", "sleep", "--mode", "group", "--head-count", HUGE),
        "from 1 to",
    ),
    Row("merge --min-cell huge", ("report", "merge", "--min-cell", HUGE, "x"), "from 3 to 100"),
    Row("settings set huge number", ("settings", "set", "min-cell", HUGE), "from 3 to 100"),
    Row("settings set 5,000 digits", ("settings", "set", "retention-days", "9" * 5000), "number"),
    # confidential text as an argument
    Row("--note X", ("contacts", "add", "--topic", "sleep", "--note", "X"), ARGV_REASON, 2),
    Row("--note=X", ("contacts", "add", "--topic", "sleep", "--note=X"), ARGV_REASON, 2),
    Row("--handle X", ("contacts", "add", "--topic", "sleep", "--handle", "X"), ARGV_REASON, 2),
    Row(
        "followups --handle X",
        ("followups", "add", "--due", "2026-01-01", "--handle", "X"),
        ARGV_REASON,
        2,
    ),
    Row(
        "followups --note X",
        ("followups", "add", "--due", "2026-01-01", "--note", "X"),
        ARGV_REASON,
        2,
    ),
    Row("--search X", ("contacts", "list", "--search", "X"), ARGV_REASON, 2),
    Row("--search=X", ("contacts", "list", "--search=X"), ARGV_REASON, 2),
    # text that is not UTF-8 or holds control characters
    Row(
        "note not UTF-8",
        ("contacts", "add", "--topic", "sleep", "--ask-note"),
        "not UTF-8",
        stdin=b"caf\xe9 \xff\n",
    ),
    Row(
        "handle not UTF-8",
        ("followups", "add", "--due", "2026-01-01", "--ask-handle"),
        "not UTF-8",
        stdin=b"\xc3\x28\n",
    ),
    Row("search not UTF-8", ("contacts", "list", "--ask-search"), "not UTF-8", stdin=b"\xff\n"),
    Row(
        "passphrase not UTF-8 on stdin",
        ("doctor", "--passphrase-stdin"),
        "not UTF-8",
        stdin=b"\xff\xfe\n",
    ),
    Row(
        "passphrase not UTF-8 after a note",
        ("contacts", "add", "--topic", "sleep", "--ask-note", "--passphrase-stdin"),
        "not UTF-8",
        stdin=b"fine\n\xff\n",
    ),
    Row(
        "passphrase not UTF-8 in the environment",
        ("doctor",),
        "PEERDESK_PASSPHRASE is not",
        env={"PEERDESK_PASSPHRASE": "ab\udcff"},
    ),
    Row(
        "stdin ends before the note",
        ("contacts", "add", "--topic", "sleep", "--ask-note"),
        "ended before the note",
        stdin="",
    ),
    Row(
        "note with an escape sequence",
        ("contacts", "add", "--topic", "sleep", "--ask-note"),
        "control characters",
        stdin=f"a{ESC}b\n",
    ),
    Row("topic with an escape sequence", ("contacts", "add", "--topic", ESC), "Unknown topic"),
    Row("clinician id with an escape sequence", ("clinicians", "show", ESC), "clinician"),
    # month files a merge must refuse
    Row(
        "merge: 5,000-digit number",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "digits",
        file=b'{"format": "peerdesk-month", "version": ' + b"7" * 5000 + b"}",
    ),
    Row(
        "merge: nested 100,000 deep",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "nested too deeply",
        file=b"[" * 100_000 + b"]" * 100_000,
    ),
    Row(
        "merge: over 1 MB",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "too large",
        file=b" " * (MAX_BYTES + 1),
    ),
    Row(
        "merge: not UTF-8",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "not UTF-8",
        file=b'{"format": "peerdesk-month\xff"}',
    ),
    Row(
        "merge: a JSON list",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "not a peerdesk",
        file=b"[1, 2]",
    ),
    Row(
        "merge: a JSON string",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "not a peerdesk",
        file=b'"peerdesk-month"',
    ),
    Row(
        "merge: null", ("report", "merge", "{f}", "--min-cell", "5"), "not a peerdesk", file=b"null"
    ),
    Row(
        "merge: free text as a topic id",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "unknown id in table topic",
        file=_json_bytes(_month_doc(**{"counts.tables.topic": {"Sgt Miller suicidal": 1}})),
    ),
    Row(
        "merge: an escape sequence in a table name",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "unknown table",
        file=_json_bytes(_month_doc(**{f"counts.tables.{ESC}": {}})),
    ),
    Row(
        "merge: a newline in a figure",
        ("report", "merge", "{f}", "--format", "md", "--min-cell", "5"),
        "unknown figure",
        file=_json_bytes(_month_doc(**{"counts.figures.a\n| b": 1})),
    ),
    Row(
        "merge: true as a count",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "a whole number",
        file=_json_bytes(_month_doc(**{"counts.figures.contacts": True})),
    ),
    Row(
        "merge: an escape sequence in the file name",
        ("report", "merge", "{f}", "--min-cell", "5"),
        "could not be read",
        file_name=f"m{ESC}.json",
    ),
    # directory files an import must refuse
    Row(
        "import: 5,000-digit number",
        ("clinicians", "import", "{f}"),
        "too long",
        file=b'{"clinicians": [], "n": ' + b"9" * 5000 + b"}",
    ),
    Row(
        "import: not UTF-8",
        ("clinicians", "import", "{f}"),
        "not UTF-8",
        file=b'{"clinicians": ["\xff"]}',
    ),
    Row(
        "import: nested 100,000 deep",
        ("clinicians", "import", "{f}"),
        "JSON",
        file=b"[" * 100_000 + b"]" * 100_000,
    ),
    Row("import: a JSON string", ("clinicians", "import", "{f}"), "JSON", file=b'"x"'),
    Row(
        "import: an escape sequence in a key",
        ("clinicians", "import", "{f}"),
        "Unknown key",
        file=_json_bytes({"clinicians": [], f"k{ESC}\nnext line": 1}),
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_bad_input_is_one_clear_sentence_and_changes_nothing(
    row: Row, cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / row.file_name
    if row.file is not None:
        target.write_bytes(row.file)
    args = [a.replace("{f}", str(target)) for a in row.args]
    before = vault_files(made_vault)
    stdin = row.stdin.decode("latin-1") if isinstance(row.stdin, bytes) else row.stdin
    result = _invoke(cli, args, row.stdin, {**ENV, **row.env})
    assert result.exit_code == row.code, result.output
    assert row.expected in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    if row.one_line:
        # A refused merge adds its summary line ("Nothing was merged: 1 problem(s) above.").
        lines = 2 if row.args[0] == "report" and "{f}" in row.args else 1
        assert len(result.stderr.strip().splitlines()) == lines, result.stderr
    assert stdin is None or not stdin.strip() or stdin.strip() not in result.output
    assert vault_files(made_vault) == before


def _invoke(cli: Cli, args: list[str], stdin: bytes | str | None, env: dict[str, str]) -> Any:
    from typer.testing import CliRunner

    from peerdesk.cli.root import app

    return CliRunner().invoke(app, ["--vault", str(cli.vault_path), *args], input=stdin, env=env)


def test_figures() -> None:
    """Keeps the count of rows visible in the test report."""
    assert len(ROWS) >= 40


# --- in a real process --------------------------------------------------------------
def _peerdesk(
    args: list[str], *, env: dict[bytes, bytes] | None = None
) -> subprocess.CompletedProcess[bytes]:
    base = dict(os.environb)
    base[b"PYTHONPATH"] = str(Path(__file__).parents[2] / "src").encode()
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "peerdesk", *args],
        env=base,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_a_passphrase_that_is_not_utf8_in_the_environment(made_vault: Path) -> None:
    before = vault_files(made_vault)
    done = _peerdesk(
        ["--vault", str(made_vault), "contacts", "list"],
        env={b"PEERDESK_PASSPHRASE": b"caf\xe9 \xff\xfe"},
    )
    assert done.returncode == 1
    assert done.stderr.decode() == messages.ENV_NOT_UTF8.format(name="PEERDESK_PASSPHRASE") + "\n"
    assert b"Traceback" not in done.stdout + done.stderr
    assert vault_files(made_vault) == before


@pytest.mark.slow
def test_a_note_as_an_argument_is_refused_before_the_vault_is_touched(made_vault: Path) -> None:
    before = vault_files(made_vault)
    done = _peerdesk(["--vault", str(made_vault), "contacts", "add", "--topic", "sleep",
                      "--note", "Sgt Miller"])  # fmt: skip
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert ARGV_REASON in stderr and "--ask-note" in stderr and "history" in stderr
    assert "Sgt Miller" not in stderr and stderr.count("\n") == 1
    assert vault_files(made_vault) == before


def test_a_note_that_is_not_utf8_gets_a_readable_sentence(cli: Cli, made_vault: Path) -> None:
    result = cli(
        "contacts",
        "add",
        "--topic",
        "sleep",
        "--ask-note",
        input=b"caf\xe9 \xff\n",  # type: ignore[arg-type]
        env={"PEERDESK_PASSPHRASE": PASSPHRASE},
    )
    assert result.exit_code == 1
    sentence = messages.STDIN_NOT_UTF8.format(what=messages.WHAT_NOTE)
    assert sentence.startswith("What standard input gave as the note is not UTF-8 text")
    assert sentence in " ".join(result.stderr.split())
