"""Key pairs and passphrase wrapping."""

from __future__ import annotations

import pytest

from nocontact.vault import (
    DEFAULT_KDF,
    FAST_INSECURE_KDF,
    Corrupted,
    InvalidKey,
    KdfParams,
    VaultError,
    WrongPassphrase,
    generate_keypair,
    public_key_of,
    unwrap_secret,
    wrap_secret,
    wrapped_params,
)
from nocontact.vault.keys import MAGIC

PASSPHRASE = "correct horse battery staple, in the friend's own words"


def test_keypair_halves_belong_together_and_repr_hides_secret() -> None:
    pair = generate_keypair()
    assert pair.public.startswith("age1")
    assert pair.secret.startswith("AGE-SECRET-KEY-1")
    assert public_key_of(pair.secret) == pair.public
    assert pair.secret not in repr(pair)
    assert generate_keypair().public != pair.public


def test_wrap_then_unwrap_returns_the_secret_and_stores_no_plain_key() -> None:
    pair = generate_keypair()
    blob = wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF)
    assert pair.secret.encode() not in blob
    assert PASSPHRASE.encode() not in blob
    assert unwrap_secret(blob, PASSPHRASE) == pair.secret


def test_two_wraps_of_one_key_differ() -> None:
    pair = generate_keypair()
    a = wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF)
    b = wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF)
    assert a != b  # fresh salt and nonce each time


def test_wrong_passphrase_is_refused_without_echoing_it() -> None:
    pair = generate_keypair()
    blob = wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF)
    with pytest.raises(WrongPassphrase) as info:
        unwrap_secret(blob, "the survivor's old init password")
    assert "survivor" not in str(info.value)
    assert info.value.__cause__ is not None
    assert pair.secret not in str(info.value)


@pytest.mark.parametrize("position", ["magic", "params", "salt", "nonce", "body", "tag"])
def test_any_altered_byte_stops_unwrapping(position: str) -> None:
    pair = generate_keypair()
    blob = bytearray(wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF))
    index = {
        "magic": 0,
        "params": len(MAGIC) + 3,  # low byte of time_cost: 1 -> 0 is out of range
        "salt": len(MAGIC) + 9 + 2,
        "nonce": len(MAGIC) + 9 + 16 + 3,
        "body": len(MAGIC) + 9 + 16 + 12 + 5,
        "tag": len(blob) - 1,
    }[position]
    blob[index] ^= 0x01
    with pytest.raises((WrongPassphrase, Corrupted)):
        unwrap_secret(bytes(blob), PASSPHRASE)


def test_tampered_cost_parameters_are_refused_before_any_allocation() -> None:
    pair = generate_keypair()
    blob = bytearray(wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF))
    blob[len(MAGIC) + 4 : len(MAGIC) + 8] = (0xFFFFFFFF).to_bytes(4, "big")
    with pytest.raises(Corrupted):
        unwrap_secret(bytes(blob), PASSPHRASE)


def test_lost_or_truncated_key_blob_is_corrupted() -> None:
    with pytest.raises(Corrupted):
        unwrap_secret(b"", PASSPHRASE)
    pair = generate_keypair()
    blob = wrap_secret(pair.secret, PASSPHRASE, FAST_INSECURE_KDF)
    with pytest.raises(Corrupted):
        unwrap_secret(blob[:30], PASSPHRASE)
    with pytest.raises((WrongPassphrase, Corrupted)):
        unwrap_secret(blob[:-4], PASSPHRASE)


def test_wrapping_refuses_non_keys_and_empty_passphrases() -> None:
    with pytest.raises(InvalidKey):
        wrap_secret("not a key", PASSPHRASE, FAST_INSECURE_KDF)
    with pytest.raises(VaultError):
        wrap_secret(generate_keypair().secret, "", FAST_INSECURE_KDF)


def test_cost_is_recorded_in_the_blob() -> None:
    params = KdfParams(time_cost=2, memory_kib=1024, parallelism=2)
    blob = wrap_secret(generate_keypair().secret, PASSPHRASE, params)
    assert wrapped_params(blob) == params
    assert DEFAULT_KDF.memory_kib >= 64 * 1024  # production default is memory-hard


def test_kdf_params_refuse_impossible_values() -> None:
    with pytest.raises(ValueError):
        KdfParams(time_cost=0)
    with pytest.raises(ValueError):
        KdfParams(memory_kib=4, parallelism=1)
