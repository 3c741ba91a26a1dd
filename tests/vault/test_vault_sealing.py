"""Sealing to public keys, opening with secret keys, and crypto-shredding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nocontact.vault import (
    Corrupted,
    InvalidKey,
    NotARecipient,
    VaultError,
    generate_keypair,
    is_sealed,
    open_sealed,
    seal,
)

BODY = b"I know where you work now. Answer me or else."

FRIEND = generate_keypair()
SURVIVOR = generate_keypair()
SEALED_ONCE = seal(BODY, [FRIEND.public])


def test_seal_then_open_round_trip_and_ciphertext_hides_text() -> None:
    blob = seal(BODY, [FRIEND.public])
    assert is_sealed(blob)
    assert BODY not in blob
    assert b"work" not in blob
    assert open_sealed(blob, FRIEND.secret) == BODY


def test_every_recipient_can_open_a_blob_sealed_to_two() -> None:
    blob = seal(BODY, [FRIEND.public, SURVIVOR.public])
    assert open_sealed(blob, FRIEND.secret) == BODY
    assert open_sealed(blob, SURVIVOR.secret) == BODY


def test_not_a_recipient_is_told_so_without_content() -> None:
    blob = seal(BODY, [FRIEND.public])
    with pytest.raises(NotARecipient) as info:
        open_sealed(blob, SURVIVOR.secret)
    assert "work" not in str(info.value)
    assert info.value.__cause__ is not None


def test_holding_only_public_keys_opens_nothing() -> None:
    blob = seal(BODY, [FRIEND.public])
    with pytest.raises(InvalidKey):
        open_sealed(blob, FRIEND.public)


def test_tampered_payload_is_corrupted_not_silently_changed() -> None:
    blob = bytearray(seal(BODY, [FRIEND.public]))
    blob[-5] ^= 0x40
    with pytest.raises(Corrupted):
        open_sealed(bytes(blob), FRIEND.secret)


def test_truncated_and_foreign_blobs_are_corrupted() -> None:
    blob = seal(BODY, [FRIEND.public])
    with pytest.raises(Corrupted):
        open_sealed(blob[: len(blob) - 10], FRIEND.secret)
    with pytest.raises(Corrupted):
        open_sealed(b"plain text pretending to be sealed", FRIEND.secret)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_single_flipped_byte_never_yields_a_different_plaintext(data: st.DataObject) -> None:
    blob = bytearray(SEALED_ONCE)
    index = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
    bit = data.draw(st.integers(min_value=0, max_value=7))
    blob[index] ^= 1 << bit
    try:
        opened = open_sealed(bytes(blob), FRIEND.secret)
    except VaultError:
        return
    # age's header is text; a flip may land in ignorable whitespace only if it opens intact.
    assert opened == BODY


def test_lost_key_means_the_message_is_gone() -> None:
    # Crypto-shredding: a new key pair for the same person opens nothing sealed before.
    blob = seal(BODY, [FRIEND.public])
    replacement = generate_keypair()
    with pytest.raises(NotARecipient):
        open_sealed(blob, replacement.secret)


def test_each_seal_has_its_own_file_key() -> None:
    a = seal(BODY, [FRIEND.public])
    b = seal(BODY, [FRIEND.public])
    assert a != b


def test_bad_recipient_lists_are_refused() -> None:
    with pytest.raises(InvalidKey):
        seal(BODY, [])
    with pytest.raises(InvalidKey):
        seal(BODY, ["age1notakey"])
    with pytest.raises(TypeError):
        seal(BODY, FRIEND.public)
