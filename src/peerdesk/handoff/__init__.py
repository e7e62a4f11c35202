"""The referral handoff card: the clinician's details, a QR code of them, and the
code drawn in text. Nothing is sent anywhere: the officer scans the code from the
peer's screen.

What the code holds (the peer chooses): a vCard 3.0 of the clinician's public details
(vcard.py, with the name split by names.py), or a `tel:` link for the first valid
phone (phones.py reads the directory's phone entries). How it is drawn: qr.py.
card.py says what the card lists, the same for the CLI and the TUI.
"""

from __future__ import annotations

from peerdesk.handoff.card import (
    QR_KINDS,
    TEL,
    VCARD,
    CardLine,
    NoPhone,
    card_lines,
    card_text,
    payload,
    phone_text,
    tel_uri,
)
from peerdesk.handoff.names import NameParts, name_parts
from peerdesk.handoff.phones import DEFAULT_REGION, Phone, first_valid, read_phone
from peerdesk.handoff.qr import (
    EMPTY,
    FULL,
    LOWER,
    MIN_QUIET_ZONE,
    QUIET_ZONE,
    UPPER,
    Fit,
    Matrix,
    code_size,
    drawing_size,
    fit,
    parse_blocks,
    qr_matrix,
    render_blocks,
    scale_matrix,
    symbol_modules,
    text_size,
)
from peerdesk.handoff.vcard import escape_text, vcard

__all__ = [
    "DEFAULT_REGION",
    "EMPTY",
    "FULL",
    "LOWER",
    "MIN_QUIET_ZONE",
    "QR_KINDS",
    "QUIET_ZONE",
    "TEL",
    "UPPER",
    "VCARD",
    "CardLine",
    "Fit",
    "Matrix",
    "NameParts",
    "NoPhone",
    "Phone",
    "card_lines",
    "card_text",
    "code_size",
    "drawing_size",
    "escape_text",
    "first_valid",
    "fit",
    "name_parts",
    "parse_blocks",
    "payload",
    "phone_text",
    "qr_matrix",
    "read_phone",
    "render_blocks",
    "scale_matrix",
    "symbol_modules",
    "tel_uri",
    "text_size",
    "vcard",
]
