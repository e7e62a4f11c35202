"""Text that is safe to put on a terminal: the one output helper every command uses.

A value from the vault, from a file or from the command line may hold an escape
sequence (it can move the cursor, rewrite what a peer sees, retitle the window or
scribble over scrollback), a newline (it forges a line of output or breaks a Markdown
table), or a bidi override, zero-width or other format character (it makes text read
differently from what it is). `printable()` turns each such character into a visible escape like
`\\x1b` or `\\u202e`, so the value is still recognisable and nothing is hidden.

Core module: no textual, rich or typer here, so reports and the vault can use it.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

# Every format character (Unicode category Cf, as of Unicode 15): the soft hyphen, bidi
# marks, embeddings, overrides and isolates, zero-width characters, the byte-order mark,
# invisible operators, interlinear annotation and tag characters. They draw nothing (or
# something other than themselves) yet change how text reads. A regex class, so that a
# check runs in C: unicodedata.category per character is ~50x slower over an import.
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
# DEL and C1 controls, the format characters, line and paragraph separators, lone
# surrogates (what undecodable bytes on the command line become). C0 controls are
# added below, with or without the newline.
_OTHERS = f"\x7f-\x9f{FORMAT_CHARACTERS}\u2028\u2029\ud800-\udfff"
_UNSAFE = f"[\x00-\x1f{_OTHERS}]"
_UNSAFE_BUT_NEWLINE = f"[\x00-\x09\x0b-\x1f{_OTHERS}]"
# Inside a JSON string, json.dumps already escapes C0 controls; these are the rest.
_UNSAFE_IN_JSON = f"[{_OTHERS}]"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled on first use: the three classes cost ~1 ms to compile, and start-up
    (this module is on the way to the unlock screen) only ever sees plain ASCII."""
    return re.compile(pattern)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_escape(match: re.Match[str]) -> str:
    """\\uXXXX, or the surrogate pair JSON spells a character beyond U+FFFF with."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def printable(text: str) -> str:
    """`text` with every control, bidi and invisible character shown as an escape.

    Newlines are escaped too: one value stays on one line.
    """
    if text.isprintable() and text.isascii():
        return text
    return _compiled(_UNSAFE).sub(_escape, text)


def printable_lines(text: str) -> str:
    """Like printable(), but newlines stay: for sentences and blocks made of lines."""
    if text.isprintable() and text.isascii():
        return text
    return _compiled(_UNSAFE_BUT_NEWLINE).sub(_escape, text)


def short(text: str, width: int = 40) -> str:
    """printable(), cut to `width` characters: for naming a bad value in a sentence."""
    shown = printable(text)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def columns(headers: list[str], cells: list[list[str]]) -> str:
    """Plain aligned columns: readable in any terminal and when copied as text.

    Every cell is made printable (one line, no escape sequences): cells hold names,
    ids and text from the vault or from files. The command line's tables and the
    app's listings that mirror a command (the publication log) share this layout.
    """
    rows = [[printable(c) for c in row] for row in cells]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def json_text(obj: object) -> str:
    """Indented JSON, non-ASCII kept readable, but nothing a terminal would act on.

    json.dumps already escapes C0 controls; DEL, C1 controls, bidi and invisible
    characters get \\uXXXX escapes here, so the text parses back to the same values.
    """
    import json  # here, not at the top: start-up never writes JSON (docs/performance.md)

    text = json.dumps(obj, indent=2, ensure_ascii=False)
    return _compiled(_UNSAFE_IN_JSON).sub(_json_escape, text)


class _ValueFormatter(string.Formatter):
    """Formats a sentence with every value made printable, whatever its type.

    `{value!r}` quotes the printable form rather than Python's repr, so a newline in a
    value reads `\\x0a` in every sentence, never `\\n` in some and `\\x0a` in others.
    """

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "r":
            return "'" + printable(str(value)) + "'"
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        return printable(super().format_field(value, format_spec))


_FORMATTER = _ValueFormatter()


class Sentence(str):
    """A fixed sentence whose `.format()` makes each value printable.

    Every message with a placeholder is one (see peerdesk.messages). Values are paths,
    names and text from the command line, files or the vault: a newline in one would
    forge a line of output (`--vault $'/x/no\\nFORGED'`), an escape sequence would act
    on the terminal. The sentence's own line breaks stay; only what fills it is escaped.
    """

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return _FORMATTER.vformat(str(self), args, kwargs)


def sentences(namespace: dict[str, Any]) -> None:
    """Turn every upper-case str constant with a placeholder into a Sentence, in place."""
    for name, value in list(namespace.items()):
        if name.isupper() and type(value) is str and "{" in value:
            namespace[name] = Sentence(value)
