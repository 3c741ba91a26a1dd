"""Sealing bytes to public keys with the age format (X25519 recipients).

age gives every sealed blob its own random file key, wrapped once per recipient, and encrypts
the payload with ChaCha20-Poly1305 in authenticated chunks. So each message is shredded on
its own: deleting a blob deletes the only copy of its file key, and nothing else needs to
change. Whoever holds only public keys can seal but never open.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyrage
from pyrage import DecryptError, EncryptError, IdentityError, RecipientError, x25519

from nocontact.vault.errors import Corrupted, InvalidKey, NotARecipient, VaultError

AGE_MAGIC = b"age-encryption.org/v1\n"
_NO_MATCHING_KEY = "No matching keys found"


def _recipient(public: str) -> x25519.Recipient:
    try:
        return x25519.Recipient.from_str(public)
    except RecipientError as exc:
        raise InvalidKey("not an age X25519 public key") from exc


def seal(data: bytes, recipients: Sequence[str]) -> bytes:
    """Encrypt ``data`` so that any one of ``recipients`` (age1… keys) can open it."""
    if isinstance(recipients, str):
        raise TypeError("recipients must be a sequence of keys, not one string")
    if not recipients:
        raise InvalidKey("sealing needs at least one recipient")
    parsed = [_recipient(r) for r in dict.fromkeys(recipients)]
    try:
        sealed: bytes = pyrage.encrypt(data, parsed)
    except EncryptError as exc:
        raise VaultError("sealing failed") from exc
    return sealed


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(AGE_MAGIC)


def open_sealed(blob: bytes, secret: str) -> bytes:
    """Decrypt a sealed blob with one secret key (AGE-SECRET-KEY-1…)."""
    try:
        identity = x25519.Identity.from_str(secret)
    except IdentityError as exc:
        raise InvalidKey("not an age X25519 secret key") from exc
    if not is_sealed(blob):
        raise Corrupted("not a sealed blob")
    try:
        opened: bytes = pyrage.decrypt(blob, [identity])
    except DecryptError as exc:
        if str(exc) == _NO_MATCHING_KEY:
            raise NotARecipient("this key is not a recipient of the sealed blob") from exc
        raise Corrupted("the sealed blob is damaged or was altered") from exc
    return opened
