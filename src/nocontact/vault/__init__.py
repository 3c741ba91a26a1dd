"""Sealing, key wrapping and crypto-shredding. Pure: no Django, no files, no CLI."""

from nocontact.vault.errors import (
    Corrupted,
    InvalidKey,
    NotARecipient,
    VaultError,
    WrongPassphrase,
)
from nocontact.vault.keys import (
    DEFAULT_KDF,
    FAST_INSECURE_KDF,
    KdfParams,
    KeyPair,
    generate_keypair,
    public_key_of,
    unwrap_secret,
    wrap_secret,
    wrapped_params,
)
from nocontact.vault.sealing import is_sealed, open_sealed, seal

__all__ = [
    "DEFAULT_KDF",
    "FAST_INSECURE_KDF",
    "Corrupted",
    "InvalidKey",
    "KdfParams",
    "KeyPair",
    "NotARecipient",
    "VaultError",
    "WrongPassphrase",
    "generate_keypair",
    "is_sealed",
    "open_sealed",
    "public_key_of",
    "seal",
    "unwrap_secret",
    "wrap_secret",
    "wrapped_params",
]
