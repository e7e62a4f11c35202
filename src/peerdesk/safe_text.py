"""Text that is safe to put on a terminal: the one output helper every command uses.

A value from the vault, from a file or from the command line may hold an escape
sequence (it can move the cursor, rewrite what a peer sees, retitle the window or
scribble over scrollback), a newline (it forges a line of output or breaks a Markdown
table), or a bidi override or zero-width character (it makes text read differently
from what it is). `printable()` turns each such character into a visible escape like
`\\x1b` or `\\u202e`, so the value is still recognisable and nothing is hidden.

Core module: no textual, rich or typer here, so reports and the vault can use it.
"""

from __future__ import annotations

import json
import re

# C0 controls, DEL, C1 controls; bidi marks, embeddings, overrides and isolates;
# zero-width characters and the byte-order mark; line and paragraph separators; lone
# surrogates (what undecodable bytes on the command line become).
_OTHERS = "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_OTHERS}]")
_UNSAFE_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHERS}]")
# Inside a JSON string, json.dumps already escapes C0 controls; these are the rest.
_UNSAFE_IN_JSON = re.compile(f"[{_OTHERS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control, bidi and invisible character shown as an escape.

    Newlines are escaped too: one value stays on one line.
    """
    if text.isprintable() and text.isascii():
        return text
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Like printable(), but newlines stay: for sentences and blocks made of lines."""
    if text.isprintable() and text.isascii():
        return text
    return _UNSAFE_BUT_NEWLINE.sub(_escape, text)


def short(text: str, width: int = 40) -> str:
    """printable(), cut to `width` characters: for naming a bad value in a sentence."""
    shown = printable(text)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def json_text(obj: object) -> str:
    """Indented JSON, non-ASCII kept readable, but nothing a terminal would act on.

    json.dumps already escapes C0 controls; DEL, C1 controls, bidi and invisible
    characters get \\uXXXX escapes here, so the text parses back to the same values.
    """
    text = json.dumps(obj, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
