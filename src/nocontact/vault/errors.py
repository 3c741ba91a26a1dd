"""The vault's one exception family. Messages name what failed, never what was sealed."""

from __future__ import annotations


class VaultError(Exception):
    """Sealing, opening or key wrapping failed."""


class InvalidKey(VaultError):
    """A public or secret key string is not a valid age X25519 key."""


class WrongPassphrase(VaultError):
    """The passphrase does not unwrap this key (or the wrapped key was altered)."""


class NotARecipient(VaultError):
    """This secret key cannot open the sealed blob (or its header was altered)."""


class Corrupted(VaultError):
    """The blob is truncated, altered or not a vault blob at all."""
