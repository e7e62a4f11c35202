"""A name in letters three lines tall, for an officer reading the card from the next car.

A terminal has one size of type, so the large letters are drawn, like Textual's
`Digits`, with box-drawing strokes in a 3x3 cell (and a blank column between
letters). The font knows A-Z and the few signs names use; a letter with an accent
is drawn as its base letter (Ø as O), because three lines leave no room for the
mark, so the name exactly as written always stands in plain bold right under it.
A name with letters the font cannot draw at all (李小龍, Ленина), or too long for
two rows of large letters in the room there is, is shown in the plain line alone.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

MAX_ROWS = 2  # rows of large letters; more would push the phone off an 80x24 card
GLYPH_WIDTH = 4  # three columns of strokes and a blank one
_GLYPHS: dict[str, tuple[str, str, str]] = {
    "A": ("╭─╮", "├─┤", "╵ ╵"),
    "B": ("┌─╮", "├─┤", "└─╯"),
    "C": ("╭─╴", "│  ", "╰─╴"),
    "D": ("┌─╮", "│ │", "└─╯"),
    "E": ("┌─╴", "├─ ", "└─╴"),
    "F": ("┌─╴", "├─ ", "╵  "),
    "G": ("╭─╴", "│╶┐", "╰─┘"),
    "H": ("╷ ╷", "├─┤", "╵ ╵"),
    "I": ("╶┬╴", " │ ", "╶┴╴"),
    "J": ("  ╷", "  │", "╰─╯"),
    "K": ("╷╭╴", "├┤ ", "╵╰╴"),
    "L": ("╷  ", "│  ", "└─╴"),
    "M": ("╭┬╮", "│╵│", "╵ ╵"),
    "N": ("╭╮╷", "│││", "╵╰╯"),
    "O": ("╭─╮", "│ │", "╰─╯"),
    "P": ("┌─╮", "├─╯", "╵  "),
    "Q": ("╭─╮", "│ │", "╰─┼"),
    "R": ("┌─╮", "├┬╯", "╵╰╴"),
    "S": ("╭─╴", "╰─╮", "╶─╯"),
    "T": ("╶┬╴", " │ ", " ╵ "),
    "U": ("╷ ╷", "│ │", "╰─╯"),
    "V": ("╷ ╷", "╲ ╱", " ╵ "),
    "W": ("╷ ╷", "│╷│", "╰┴╯"),
    "X": ("╮ ╭", "╰┬╯", "╭┴╮"),
    "Y": ("╷ ╷", "╰┬╯", " ╵ "),
    "Z": ("╶─┐", "╭─╯", "└─╴"),
    "-": ("   ", "╶─╴", "   "),
    "'": (" ╷ ", "   ", "   "),
    ".": ("   ", "   ", " • "),
    " ": ("   ", "   ", "   "),
}
# Latin letters that are not a base letter plus a mark, so NFKD leaves them alone.
_BASE = str.maketrans({"Ø": "O", "Ł": "L", "Đ": "D", "Æ": "AE", "Œ": "OE", "Þ": "TH", "ẞ": "SS"})


def fold(name: str) -> str | None:
    """The name as the font draws it ("Zoë Müller-Øvrebø" -> "ZOE MULLER-OVREBO"), or
    None when a letter has no glyph."""
    upper = name.upper().replace("\u2019", "'").translate(_BASE)
    base = "".join(
        ch for ch in unicodedata.normalize("NFKD", upper) if not unicodedata.combining(ch)
    )
    base = " ".join(base.split())
    if not base or any(ch not in _GLYPHS for ch in base):
        return None
    return base


def rows_of(name: str, width: int) -> list[str]:
    """The folded name in rows of large letters that fit `width` columns, broken at
    spaces and after hyphens; [] when it cannot be drawn in MAX_ROWS rows."""
    folded = fold(name)
    per_row = width // GLYPH_WIDTH
    if folded is None or per_row < 1:
        return []
    pieces = [piece for word in folded.split(" ") for piece in _after_hyphens(word)]
    rows: list[str] = []
    for piece in pieces:
        if rows:
            glue = "" if rows[-1].endswith("-") else " "
            if len(rows[-1] + glue + piece) <= per_row:
                rows[-1] += glue + piece
                continue
        if len(piece) > per_row:
            return []
        rows.append(piece)
    return rows if len(rows) <= MAX_ROWS else []


def _after_hyphens(word: str) -> list[str]:
    parts = word.split("-")
    return [part + "-" for part in parts[:-1]] + [parts[-1]]


def drawn(row: str) -> list[str]:
    """One row of text as its three lines of strokes."""
    return ["".join(_GLYPHS[ch][line] + " " for ch in row).rstrip() for line in range(3)]


class BigName(Widget):
    """`name` in large letters as wide as the widget allows (nothing when it cannot)."""

    def __init__(self, name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.person = name

    def lines(self, width: int) -> list[str]:
        return [line for row in rows_of(self.person, width) for line in drawn(row)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n".join(self.lines(self.size.width)), no_wrap=True)
