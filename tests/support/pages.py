"""Decrypt every page of a SQLCipher 4 file, to prove what is (not) left inside it.

SQLCipher's own API only shows live rows; a wiped note could still sit in a freed
page or a stale cell. This reads the raw file the way SQLCipher does (defaults of
sqlcipher3 0.6.4: PBKDF2-HMAC-SHA512, 256,000 iterations, AES-256-CBC, 4096-byte
pages with an 80-byte reserve holding a 16-byte IV and a 64-byte HMAC; page 1
starts with the 16-byte salt) and returns the plaintext of all pages, free ones too.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
KDF_ITER = 256_000


def decrypted_pages(path: Path, passphrase: str) -> bytes:
    raw = path.read_bytes()
    salt = raw[:SALT]
    key = hashlib.pbkdf2_hmac(
        "sha512", unicodedata.normalize("NFC", passphrase).encode(), salt, KDF_ITER, 32
    )
    plain = bytearray()
    for offset in range(0, len(raw) - len(raw) % PAGE, PAGE):
        page = raw[offset : offset + PAGE]
        start = SALT if offset == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain += decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()
    return bytes(plain)


def table_leaf_pages(path: Path, passphrase: str, root: int) -> list[int]:
    """Page numbers (1-based) of the leaves of the table b-tree rooted at `root`.

    Lets a test damage a page that holds rows of one table and nothing else, by
    walking the b-tree the way SQLite does (interior table pages are type 0x05 with
    a 4-byte left child per cell and a right child in the header; leaves are 0x0D).
    """
    raw = path.read_bytes()
    key = hashlib.pbkdf2_hmac(
        "sha512",
        unicodedata.normalize("NFC", passphrase).encode(),
        raw[:SALT],
        KDF_ITER,
        32,
    )

    def page(number: int) -> bytes:
        offset = (number - 1) * PAGE
        cipher_page = raw[offset : offset + PAGE]
        start = SALT if number == 1 else 0
        iv = cipher_page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        body = decryptor.update(cipher_page[start : PAGE - RESERVE]) + decryptor.finalize()
        return bytes(start) + body

    leaves: list[int] = []
    pending = [root]
    while pending:
        number = pending.pop()
        data = page(number)
        head = 100 if number == 1 else 0
        kind = data[head]
        if kind == 0x0D:
            leaves.append(number)
            continue
        assert kind == 0x05, f"page {number} is not a table b-tree page"
        cells = int.from_bytes(data[head + 3 : head + 5], "big")
        pending.append(int.from_bytes(data[head + 8 : head + 12], "big"))
        for i in range(cells):
            pointer = int.from_bytes(data[head + 12 + 2 * i : head + 14 + 2 * i], "big")
            pending.append(int.from_bytes(data[pointer : pointer + 4], "big"))
    return sorted(leaves)
