"""Write data/training/boundary.jsonl (r6): short intimidation, provocation, pity and
flattery labelled `hoovering` (taxonomy.md: pressure short of a threat is hoovering +
intimidation), next to short real threats and self-harm in the same register.
Deterministic (seeded). A composed text equal to a held-out text is dropped.

Usage: python scripts/make_boundary_data.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import make_training_data as M
import training_boundary as B
import training_grammar as G
from make_grammar_data import held_out_texts

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "training" / "boundary.jsonl"
SEED = 20261125
COUNTS = {"hoovering": 1400, "threat": 350, "self_harm": 150}


def _expand(rng: random.Random, pattern: str) -> str:
    saved = dict(G.G)
    G.G.update(B.B)
    G.G.update(B.THING_PLACE)
    try:
        return G.expand(rng, pattern)
    finally:
        G.G.clear()
        G.G.update(saved)


def compose(rng: random.Random, category: str) -> tuple[str, set[str]]:
    if category == "hoovering":
        tactics, pattern = rng.choice(B.HOOVERING)
        return _expand(rng, pattern), set(tactics.split(","))
    if category == "threat":
        return _expand(rng, rng.choice(B.THREAT)), {"intimidation"}
    return _expand(rng, rng.choice(B.SELF_HARM)), {"pity"}


def rows() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    held_out = held_out_texts()
    out: list[dict[str, object]] = []
    for category, n in COUNTS.items():
        seen: set[str] = set()
        tries = 0
        while len(seen) < n and tries < n * 30:
            tries += 1
            text, tactics = compose(rng, category)
            text = M.style(rng, text, category)
            if text in seen or text.strip().lower() in held_out:
                continue
            seen.add(text)
            out.append({"text": text, "category": category, "tactics": sorted(tactics),
                        "source": "boundary"})
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
