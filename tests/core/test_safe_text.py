"""The one output helper, and the SQLite error sentences, on hostile values."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest
from sqlcipher3 import dbapi2

from peerdesk import messages
from peerdesk.safe_text import json_text, printable, printable_lines, short
from peerdesk.vault.sqlite_errors import is_sqlite_error, sentence_for

HOSTILE = [
    ("\x1b[2J", "\\x1b[2J"),
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
    ("\x9b31m", "\\x9b31m"),  # the one-byte CSI of 8-bit terminals
    ("a\nb\rc\td", "a\\x0ab\\x0dc\\x09d"),
    ("\x7f\x00", "\\x7f\\x00"),
    ("\u202eevil\u202c", "\\u202eevil\\u202c"),
    ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
    ("\u2066iso\u2069", "\\u2066iso\\u2069"),
    ("line\u2028sep", "line\\u2028sep"),
    ("bad\udcffbyte", "bad\\udcffbyte"),
    ("soft\u00adhyphen", "soft\\xadhyphen"),
    ("tag\U000e0041", "tag\\U000e0041"),  # a tag character: invisible, beyond U+FFFF
    ("Zoë Müller-Øvrebø 中文", "Zoë Müller-Øvrebø 中文"),
]


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_printable_shows_every_unsafe_character_as_an_escape(raw: str, shown: str) -> None:
    assert printable(raw) == shown
    assert printable(shown) == shown  # escapes are plain text: printing twice is the same


def test_every_control_format_and_separator_character_is_escaped() -> None:
    """Whatever this Python's Unicode tables call Cc, Cf, Zl or Zp never prints raw."""
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            assert printable(char).startswith("\\"), f"U+{code:04X}"
            assert char not in json_text(char), f"U+{code:04X}"


def test_printable_lines_keeps_only_line_breaks() -> None:
    assert printable_lines("one\ntwo\x1b[2J") == "one\ntwo\\x1b[2J"


def test_short_cuts_after_escaping() -> None:
    assert short("\x1b" * 100, 10) == "\\x1b\\x1b\\…"


@pytest.mark.parametrize(("raw", "_shown"), HOSTILE)
def test_json_text_round_trips_and_holds_nothing_unsafe(raw: str, _shown: str) -> None:
    text = json_text({"v": raw})
    assert printable_lines(text) == text
    assert json.loads(text) == {"v": raw}


def test_sqlite_errors_get_a_sentence_by_code_not_their_message() -> None:
    conn = dbapi2.connect(":memory:")
    conn.execute("PRAGMA max_page_count = 2")
    conn.execute("CREATE TABLE t (x)")
    with pytest.raises(dbapi2.Error) as caught:
        conn.executemany("INSERT INTO t VALUES (?)", [("secret note " * 100,)] * 100)
    assert is_sqlite_error(caught.value)
    assert sentence_for(caught.value) == messages.VAULT_DISK_FULL
    assert not is_sqlite_error(RuntimeError("x"))
    assert sentence_for(RuntimeError("x")) == messages.VAULT_STORAGE_FAILED.format(code="unknown")


def test_safe_text_is_core_and_imports_no_terminal_library() -> None:
    code = (
        "import sys, peerdesk.safe_text;"
        "print(sorted(m for m in ('textual', 'rich', 'typer', 'sqlcipher3') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
