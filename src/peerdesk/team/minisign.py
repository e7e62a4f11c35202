"""Ed25519 signatures in the minisign format, so anyone can check them with `minisign -V`.

The format (https://jedisct1.github.io/minisign/) is small and fixed:

    public key:  base64("Ed" || key id (8 bytes) || Ed25519 public key (32 bytes))
    signature:   untrusted comment: <free text, not signed>
                 base64("ED" || key id || Ed25519(BLAKE2b-512(file)))
                 trusted comment: <text>
                 base64(Ed25519(signature (64 bytes) || trusted comment))

The trusted comment is signed (the "global" signature), which is where peerdesk puts
what must not be replayed or rolled back: a directory's sequence number, a month's
export number, the team. Written here over `cryptography`'s Ed25519 and the standard
library's BLAKE2b instead of py-minisign: that library's current release needs a
`cryptography` with no macOS-Intel wheel, and the one before it is untyped. The
format is checked against the reference tool in the tests, both ways.

Secret keys never leave the vault, so there is no secret-key file format here: the
vault keeps the 32-byte Ed25519 seed and the key id.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PUBLIC_ALGORITHM = b"Ed"
PREHASHED = b"ED"  # signs BLAKE2b-512 of the data: minisign's default since 0.8
LEGACY = b"Ed"  # signs the data itself; read, never written
KEY_ID_BYTES = 8
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
MAX_SIGNATURE_BYTES = 4096  # a .minisig file is about 300 bytes


class SignatureError(ValueError):
    """A signature that does not prove what it claims. Subclasses say why, in words."""


class MalformedSignature(SignatureError):
    """Not a minisign signature at all (damaged, truncated, another kind of file)."""


class OtherKey(SignatureError):
    """Made by another key than the one it is checked against."""


class BadSignature(SignatureError):
    """Made by the right key id, but the data or the trusted comment were changed."""


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key with its minisign key id."""

    key_id: bytes
    key: bytes

    def text(self) -> str:
        """The base64 line minisign's `-P` option takes (starts with "RW")."""
        return base64.b64encode(PUBLIC_ALGORITHM + self.key_id + self.key).decode("ascii")

    def key_id_text(self) -> str:
        return key_id_text(self.key_id)

    def file_text(self) -> str:
        """A minisign .pub file: what `minisign -V -p FILE` reads."""
        return f"{UNTRUSTED_PREFIX}minisign public key {self.key_id_text()}\n{self.text()}\n"


@dataclass(frozen=True, repr=False)
class SecretKey:
    """An Ed25519 seed with its key id. repr() never shows the seed."""

    key_id: bytes
    seed: bytes

    def __repr__(self) -> str:
        return f"SecretKey(key_id={self.key_id.hex()})"

    def public(self) -> PublicKey:
        raw = Ed25519PrivateKey.from_private_bytes(self.seed).public_key()
        return PublicKey(self.key_id, raw.public_bytes(Encoding.Raw, PublicFormat.Raw))


def key_id_text(key_id: bytes) -> str:
    """A key id as minisign prints it: the 8 bytes as a little-endian number, in hex."""
    return key_id[::-1].hex().upper()


def generate() -> SecretKey:
    """A new key: a random seed and a random key id, as `minisign -G` makes them."""
    return SecretKey(secrets.token_bytes(KEY_ID_BYTES), secrets.token_bytes(32))


def parse_public_key(text: str) -> PublicKey:
    """A public key from its base64 line (or a whole .pub file); ValueError if it is not one."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    raw = _b64(line)
    if raw is None or len(raw) != 2 + KEY_ID_BYTES + 32 or raw[:2] != PUBLIC_ALGORITHM:
        raise ValueError("not a minisign public key")
    return PublicKey(raw[2 : 2 + KEY_ID_BYTES], raw[2 + KEY_ID_BYTES :])


def sign(key: SecretKey, data: bytes, *, trusted_comment: str, untrusted_comment: str) -> str:
    """The text of a .minisig file for `data`, prehashed as minisign does by default."""
    for comment in (trusted_comment, untrusted_comment):
        if "\n" in comment or "\r" in comment:
            raise ValueError("a minisign comment is one line")
    private = Ed25519PrivateKey.from_private_bytes(key.seed)
    signature = private.sign(hashlib.blake2b(data, digest_size=64).digest())
    global_signature = private.sign(signature + trusted_comment.encode("utf-8"))
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{base64.b64encode(PREHASHED + key.key_id + signature).decode('ascii')}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode('ascii')}\n"
    )


@dataclass(frozen=True)
class ParsedSignature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes


def parse_signature(text: str) -> ParsedSignature:
    """The parts of a .minisig file; MalformedSignature if it is not one."""
    if len(text) > MAX_SIGNATURE_BYTES:
        raise MalformedSignature("too long for a signature")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from JSON: no file holds one
        raise MalformedSignature("not text") from None
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    if len(lines) != 4:
        raise MalformedSignature("a signature has four lines")
    untrusted, body, trusted, tail = lines
    if not untrusted.startswith(UNTRUSTED_PREFIX) or not trusted.startswith(TRUSTED_PREFIX):
        raise MalformedSignature("comment lines missing")
    raw, global_signature = _b64(body), _b64(tail)
    if raw is None or len(raw) != 2 + KEY_ID_BYTES + 64 or raw[:2] not in (PREHASHED, LEGACY):
        raise MalformedSignature("not a minisign signature line")
    if global_signature is None or len(global_signature) != 64:
        raise MalformedSignature("not a minisign global signature")
    return ParsedSignature(
        raw[:2],
        raw[2 : 2 + KEY_ID_BYTES],
        raw[2 + KEY_ID_BYTES :],
        trusted[len(TRUSTED_PREFIX) :],
        global_signature,
    )


def verify(key: PublicKey, data: bytes, signature_text: str) -> str:
    """The trusted comment, once the signature is proved to be `key`'s over `data`.

    Raises MalformedSignature, OtherKey or BadSignature (all SignatureError).
    """
    parsed = parse_signature(signature_text)
    if not secrets.compare_digest(parsed.key_id, key.key_id):
        raise OtherKey("signed by another key")
    public = Ed25519PublicKey.from_public_bytes(key.key)
    message = data if parsed.algorithm == LEGACY else hashlib.blake2b(data, digest_size=64).digest()
    try:
        public.verify(parsed.signature, message)
        public.verify(
            parsed.global_signature, parsed.signature + parsed.trusted_comment.encode("utf-8")
        )
    except InvalidSignature:
        raise BadSignature("the signature does not match") from None
    return parsed.trusted_comment


def _b64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
