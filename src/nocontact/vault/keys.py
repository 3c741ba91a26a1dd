"""Key pairs and passphrase wrapping of secret keys.

A key pair is an age X25519 identity: the public half (``age1…``) seals, the secret half
(``AGE-SECRET-KEY-1…``) opens. A secret key is only ever stored wrapped by a passphrase:
Argon2id (memory-hard, RFC 9106) derives a 256-bit key from the passphrase and a random salt,
and ChaCha20-Poly1305 encrypts the secret under it, with the whole header (format, KDF
parameters, salt) as associated data so that no header byte can be changed unnoticed.

We do not use age's own passphrase mode: its scrypt work factor is fixed by the library at
about a gigabyte of memory and seconds of CPU per unwrap, which a small home server or a
test suite cannot afford, and pyrage offers no way to tune it. Argon2id's cost is stored in
each blob, so it can be raised later without breaking older blobs.
"""

from __future__ import annotations

import secrets
import struct
from dataclasses import dataclass

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from pyrage import IdentityError, x25519

from nocontact.vault.errors import Corrupted, InvalidKey, VaultError, WrongPassphrase

MAGIC = b"NCWRAP1\n"
_PARAMS = struct.Struct(">IIB")  # time_cost, memory_kib, parallelism
SALT_BYTES = 16
NONCE_BYTES = 12
_HEADER_BYTES = len(MAGIC) + _PARAMS.size + SALT_BYTES + NONCE_BYTES
# Refuse absurd costs from a tampered header instead of trying to allocate them.
_MAX_TIME_COST = 64
_MAX_MEMORY_KIB = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost. The default is RFC 9106's second recommended option."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    def __post_init__(self) -> None:
        if not 1 <= self.time_cost <= _MAX_TIME_COST:
            raise ValueError("time_cost out of range")
        if not 8 * self.parallelism <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise ValueError("memory_kib out of range")
        if not 1 <= self.parallelism <= 255:
            raise ValueError("parallelism out of range")


DEFAULT_KDF = KdfParams()
# For tests only: still Argon2id, with the smallest cost the algorithm allows.
FAST_INSECURE_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


@dataclass(frozen=True, slots=True)
class KeyPair:
    public: str
    secret: str

    def __repr__(self) -> str:  # never print the secret half
        return f"KeyPair(public={self.public!r}, secret=<hidden>)"


def generate_keypair() -> KeyPair:
    identity = x25519.Identity.generate()
    return KeyPair(public=str(identity.to_public()), secret=str(identity))


def public_key_of(secret: str) -> str:
    try:
        return str(x25519.Identity.from_str(secret).to_public())
    except IdentityError as exc:
        raise InvalidKey("not an age X25519 secret key") from exc


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    try:
        return hash_secret_raw(
            secret=passphrase.encode("utf-8"),
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=32,
            type=Type.ID,
        )
    except HashingError as exc:
        raise VaultError("key derivation failed") from exc


def wrap_secret(secret: str, passphrase: str, params: KdfParams = DEFAULT_KDF) -> bytes:
    """Encrypt a secret key under a passphrase. The result is safe to store."""
    public_key_of(secret)  # refuse to wrap something that is not a key
    if not passphrase:
        raise VaultError("an empty passphrase cannot wrap a key")
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    header = (
        MAGIC
        + _PARAMS.pack(params.time_cost, params.memory_kib, params.parallelism)
        + salt
        + nonce
    )
    key = _derive(passphrase, salt, params)
    return header + ChaCha20Poly1305(key).encrypt(nonce, secret.encode("ascii"), header)


def unwrap_secret(blob: bytes, passphrase: str) -> str:
    """Recover a wrapped secret key; WrongPassphrase if it does not open."""
    if len(blob) <= _HEADER_BYTES or not blob.startswith(MAGIC):
        raise Corrupted("not a wrapped key")
    header, ciphertext = blob[:_HEADER_BYTES], blob[_HEADER_BYTES:]
    offset = len(MAGIC)
    time_cost, memory_kib, parallelism = _PARAMS.unpack_from(header, offset)
    offset += _PARAMS.size
    salt = header[offset : offset + SALT_BYTES]
    nonce = header[offset + SALT_BYTES :]
    try:
        params = KdfParams(time_cost, memory_kib, parallelism)
    except ValueError as exc:
        raise Corrupted("wrapped key has impossible KDF parameters") from exc
    key = _derive(passphrase, salt, params)
    try:
        secret = ChaCha20Poly1305(key).decrypt(nonce, ciphertext, header).decode("ascii")
    except InvalidTag as exc:
        raise WrongPassphrase("the passphrase does not open this key") from exc
    except UnicodeDecodeError as exc:
        raise Corrupted("wrapped key holds no key") from exc
    public_key_of(secret)
    return secret


def wrapped_params(blob: bytes) -> KdfParams:
    """The KDF cost a wrapped key was made with (to decide whether to re-wrap it)."""
    if len(blob) <= _HEADER_BYTES or not blob.startswith(MAGIC):
        raise Corrupted("not a wrapped key")
    try:
        return KdfParams(*_PARAMS.unpack_from(blob, len(MAGIC)))
    except ValueError as exc:
        raise Corrupted("wrapped key has impossible KDF parameters") from exc
