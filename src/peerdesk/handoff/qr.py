"""A QR code as modules, and as text a terminal draws and a phone scans.

One convention everywhere, CLI and TUI: a dark module is ink, a light module is a
space, like a QR code printed on paper. Each text line holds two rows of modules with
full (█), upper half (▀) and lower half (▄) blocks, because a terminal cell is about
twice as tall as it is wide: a module is one column by half a line, about square. The
pattern is in the characters themselves, never in colour alone, so a plain-text copy
keeps it; on screen it is drawn dark-on-light (black on white) explicitly, because
phone scanners read inverted codes poorly and most terminals are light-on-dark.

A scanner's reach grows with the size of a module, so the code shown alone is drawn
`scale` times larger (each module `scale` columns by `scale` half-lines) as far as
the terminal allows. ISO 18004 asks for a quiet zone of four light modules; the card
keeps four beside the details, and the code shown alone may narrow it down to one
module when that buys a larger scale: it is drawn in a white field, so the light
margin runs on to the field's edges anyway, and phone scanners read a one-module zone
(the team's QR screen relies on the same).
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

QUIET_ZONE = 4
MIN_QUIET_ZONE = 1  # the narrowest quiet zone the code shown alone may use
FULL, UPPER, LOWER, EMPTY = "\u2588", "\u2580", "\u2584", " "
_BLOCKS = {(True, True): FULL, (True, False): UPPER, (False, True): LOWER, (False, False): EMPTY}
_MODULES = {char: pair for pair, char in _BLOCKS.items()}

Matrix = tuple[tuple[bool, ...], ...]  # True: a dark module


def qr_matrix(text: str, *, border: int = QUIET_ZONE) -> Matrix:
    """The QR code's modules with its quiet zone, UTF-8 byte mode, lowest error level
    that fits (segno raises it when that costs no size)."""
    code = segno.make(text, encoding="utf-8", error="l", micro=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=border))


def symbol_modules(text: str) -> int:
    """The code's width in modules without its quiet zone, without building it.

    The version (so the size) does not depend on the mask, and choosing the mask is
    most of segno's work (~15 ms for a vCard), so a fixed mask answers in ~3 ms.
    """
    code = segno.make(text, encoding="utf-8", error="l", micro=False, mask=0)
    return int(code.symbol_size(scale=1, border=0)[0])


def code_size(text: str, *, border: int = QUIET_ZONE) -> tuple[int, int]:
    """(columns, lines) the drawing of `text`'s code would take at scale 1."""
    return drawing_size(symbol_modules(text), scale=1, border=border)


def drawing_size(modules: int, *, scale: int, border: int) -> tuple[int, int]:
    """(columns, lines) a code of `modules` takes drawn at `scale` with `border`."""
    side = (modules + 2 * border) * scale
    return side, (side + 1) // 2


@dataclass(frozen=True)
class Fit:
    """How a code is drawn in a given room: module size and quiet zone, in modules."""

    scale: int  # each module is `scale` columns wide and `scale` half-lines tall
    border: int
    columns: int
    lines: int


def fit(modules: int, columns: int, lines: int, *, min_border: int = MIN_QUIET_ZONE) -> Fit | None:
    """The largest scale whose drawing fits columns x lines with at least `min_border`
    of quiet zone, then the widest zone (up to four) at that scale; None: none fits."""
    for scale in range(max(1, min(columns, 2 * lines) // max(modules, 1)), 0, -1):
        for border in range(QUIET_ZONE, min_border - 1, -1):
            width, height = drawing_size(modules, scale=scale, border=border)
            if width <= columns and height <= lines:
                return Fit(scale, border, width, height)
    return None


def scale_matrix(matrix: Matrix, scale: int) -> Matrix:
    """Every module repeated `scale` times across and down."""
    if scale == 1:
        return matrix
    out: list[tuple[bool, ...]] = []
    for row in matrix:
        wide = tuple(module for module in row for _ in range(scale))
        out += [wide] * scale
    return tuple(out)


def render_blocks(matrix: Matrix, *, scale: int = 1) -> list[str]:
    """Two module rows per line: dark modules are ink (█ ▀ ▄), light ones spaces."""
    rows = list(scale_matrix(matrix, scale))
    if len(rows) % 2:
        rows.append(tuple(False for _ in rows[0]))
    return [
        "".join(_BLOCKS[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[0::2], rows[1::2], strict=True)
    ]


def parse_blocks(lines: list[str], width: int) -> Matrix:
    """The modules a block drawing shows (trailing spaces lost in a copy are light)."""
    out: list[tuple[bool, ...]] = []
    for line in lines:
        cells = [_MODULES[ch] for ch in line.ljust(width)]
        out.append(tuple(cell[0] for cell in cells))
        out.append(tuple(cell[1] for cell in cells))
    return tuple(out)


def text_size(matrix: Matrix) -> tuple[int, int]:
    """(columns, lines) the block drawing takes."""
    return len(matrix[0]), (len(matrix) + 1) // 2
