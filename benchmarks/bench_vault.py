"""Vault costs beside baselines measured in the same run. Prints JSON.

- unwrap: our Argon2id (default cost) + ChaCha20-Poly1305 against age's own scrypt
  passphrase mode (pyrage.passphrase, cost fixed by the library) — the choice docs/threat-model.md
  explains. Each is timed on one unwrap, the operation a sign-in pays.
- seal/open: age X25519 sealing of a 4 KiB message against a bare ChaCha20-Poly1305 encryption of
  the same bytes (the floor any authenticated encryption pays).

Usage: .venv/bin/python benchmarks/bench_vault.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable

import pyrage
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nocontact.vault import (
    DEFAULT_KDF,
    generate_keypair,
    open_sealed,
    seal,
    unwrap_secret,
    wrap_secret,
)


def timed(fn: Callable[[], object], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    pair = generate_keypair()
    passphrase = "a passphrase of several ordinary words"
    ours = wrap_secret(pair.secret, passphrase, DEFAULT_KDF)
    age_wrapped = pyrage.passphrase.encrypt(pair.secret.encode(), passphrase)
    unwrap_ours = timed(lambda: unwrap_secret(ours, passphrase), rounds)
    unwrap_age = timed(lambda: pyrage.passphrase.decrypt(age_wrapped, passphrase), rounds)

    body = os.urandom(4096)
    sealed = seal(body, [pair.public])
    key, nonce = ChaCha20Poly1305.generate_key(), os.urandom(12)
    many = 200
    seal_s = timed(lambda: [seal(body, [pair.public]) for _ in range(many)], rounds) / many
    open_s = timed(lambda: [open_sealed(sealed, pair.secret) for _ in range(many)], rounds) / many
    aead_s = timed(
        lambda: [ChaCha20Poly1305(key).encrypt(nonce, body, None) for _ in range(many)], rounds
    ) / many
    print(json.dumps({
        "rounds": rounds,
        "kdf": {"time_cost": DEFAULT_KDF.time_cost, "memory_kib": DEFAULT_KDF.memory_kib,
                "parallelism": DEFAULT_KDF.parallelism},
        "unwrap_argon2id_s": round(unwrap_ours, 4),
        "baseline_unwrap_age_scrypt_s": round(unwrap_age, 4),
        "unwrap_ratio_ours_to_age": round(unwrap_ours / unwrap_age, 3),
        "seal_4k_ms": round(seal_s * 1000, 4),
        "open_4k_ms": round(open_s * 1000, 4),
        "baseline_chacha20poly1305_4k_ms": round(aead_s * 1000, 4),
        "seal_ratio_to_baseline": round(seal_s / aead_s, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
