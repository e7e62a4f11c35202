"""The handoff card: the clinician's details as text, and a QR code drawn in text.

Nothing is sent anywhere: the officer scans the code from the peer's screen.

What the code holds (the peer chooses): a vCard 3.0 with the name, every phone, the
email and the address, or a `tel:` link for the first phone. vCard text values are
escaped as RFC 6350 says (backslash, comma, semicolon, newline), encoded as UTF-8
(so "Zoë Müller-Øvrebø" survives), lines end in CRLF; lines are not folded (QR
readers do not need it and it would only make the code bigger).

How the code is drawn (one convention everywhere, CLI and TUI): a dark module is
ink, a light module is a space, like a QR code printed on paper. Each text line
holds two rows of modules with full (█), upper half (▀) and lower half (▄) blocks,
so modules stay about square in a terminal cell; the code carries a quiet zone of 4
light modules (plus one light row at the bottom when the row count is odd). The
pattern is in the characters themselves, never in colour alone, so a plain-text copy
keeps it; on screen it is drawn dark-on-light (black on white) explicitly, because
phone scanners read inverted codes poorly and most terminals are light-on-dark.
`parse_blocks` reads such text back into modules (tests prove the round trip).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import segno

from peerdesk import messages, vocab
from peerdesk.models.clinicians import VETTING_STATUSES, Clinician, ClinicianFields

QUIET_ZONE = 4
VCARD = "vcard"
TEL = "tel"
QR_KINDS = (VCARD, TEL)
FULL, UPPER, LOWER, EMPTY = "\u2588", "\u2580", "\u2584", " "
_BLOCKS = {(True, True): FULL, (True, False): UPPER, (False, True): LOWER, (False, False): EMPTY}
_MODULES = {char: pair for pair, char in _BLOCKS.items()}
_EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*([0-9]+)$", re.IGNORECASE)

Matrix = tuple[tuple[bool, ...], ...]  # True: a dark module


class NoPhone(ValueError):
    """A tel: code was asked for a clinician without a phone."""


def escape_text(value: str) -> str:
    """A vCard text value escaped per RFC 6350 section 3.4."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def vcard(fields: ClinicianFields) -> str:
    """A vCard 3.0 with the name, phones, email and address (CRLF line ends)."""
    name = escape_text(fields.name)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{name};;;;", f"FN:{name}"]
    lines += [f"TEL:{escape_text(phone)}" for phone in fields.phones]
    if fields.email:
        lines.append(f"EMAIL:{escape_text(fields.email)}")
    if fields.address:
        # The free-text address goes whole in ADR's street part; no TYPE parameters
        # anywhere, since every byte makes the code bigger on an 80x24 screen.
        lines.append(f"ADR:;;{escape_text(fields.address)};;;;")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def tel_uri(phone: str) -> str:
    """An RFC 3966 tel: URI: digits and a leading +, separators dropped, x123 -> ;ext=123."""
    extension = _EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    digits = "".join(ch for ch in number if ch.isdigit())
    plus = "+" if number.strip().startswith("+") else ""
    uri = f"tel:{plus}{digits}"
    return f"{uri};ext={extension.group(1)}" if extension else uri


def payload(fields: ClinicianFields, kind: str) -> str:
    """What the code holds: the vCard, or the tel: URI of the first phone (NoPhone)."""
    if kind == TEL:
        if not fields.phones:
            raise NoPhone(messages.CARD_NO_PHONE)
        return tel_uri(fields.phones[0])
    return vcard(fields)


def qr_matrix(text: str, *, border: int = QUIET_ZONE) -> Matrix:
    """The QR code's modules with its quiet zone, UTF-8 byte mode, lowest error level
    that fits (segno raises it when that costs no size)."""
    code = segno.make(text, encoding="utf-8", error="l", micro=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=border))


def code_size(text: str, *, border: int = QUIET_ZONE) -> tuple[int, int]:
    """(columns, lines) the drawing of `text`'s code would take, without building it.

    The version (so the size) does not depend on the mask, and choosing the mask is
    most of segno's work (~15 ms for a vCard), so a fixed mask answers in ~3 ms.
    """
    code = segno.make(text, encoding="utf-8", error="l", micro=False, mask=0)
    modules = int(code.symbol_size(scale=1, border=border)[0])
    return modules, (modules + 1) // 2


def render_blocks(matrix: Matrix) -> list[str]:
    """Two module rows per line: dark modules are ink (█ ▀ ▄), light ones spaces."""
    rows = list(matrix)
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


@dataclass(frozen=True)
class CardLine:
    label: str
    value: str


def card_lines(clinician: Clinician, today: date) -> list[CardLine]:
    """The card's details in reading order; empty fields left out, each phone its line."""
    f = clinician.fields
    labels = messages.CARD_LABELS
    lines = [CardLine(labels["credentials"], f.credentials or "")]
    lines.append(CardLine(labels["practice"], f.practice or ""))
    lines += [CardLine(labels["phones"], phone) for phone in f.phones]
    lines.append(CardLine(labels["email"], f.email or ""))
    lines.append(CardLine(labels["address"], f.address or ""))
    lines.append(
        CardLine(
            labels["telehealth"],
            messages.CARD_TELEHEALTH_YES if f.telehealth else messages.CARD_TELEHEALTH_NO,
        )
    )
    status = vocab.label_of(VETTING_STATUSES, clinician.vetting_status(today))
    lines.append(CardLine(labels["status"], status))
    return [line for line in lines if line.value]


def card_text(clinician: Clinician, today: date, kind: str) -> str:
    """The whole card as plain text (the CLI prints it): details, then the code."""
    width = max(len(label) for label in messages.CARD_LABELS.values()) + 2
    out = [clinician.name, ""]
    for line in card_lines(clinician, today):
        value = line.value.replace("\n", "\n" + " " * width)
        out.append(f"{(line.label + ':').ljust(width)}{value}")
    out.append("")
    out.append(messages.CARD_QR_CAPTION.format(kind=messages.CARD_QR_KINDS[kind]))
    return "\n".join(out)
