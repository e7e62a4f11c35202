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
