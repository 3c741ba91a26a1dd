"""Write data/training/concepts.jsonl: messages composed by the concept grammar in
training_concepts.py (implicit self-harm, proxy reports of the ex's attempt, surveillance by
implication, and hard negatives), in the same voices and frames as grammar.jsonl.
Deterministic (seeded). Held-out rounds are read only to drop a composed message that equals
one of them word for word.

Usage: python scripts/make_concept_data.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import make_grammar_data as GD
import make_training_data as M
import training_concepts as TC

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "training" / "concepts.jsonl"
SEED = 20261127


def rows() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    held_out = GD.held_out_texts()
    out: list[dict[str, object]] = []
    for category, n in TC.COUNTS.items():
        seen: set[str] = set()
        tries = 0
        while len(seen) < n and tries < n * 30:
            tries += 1
            text, tactics = TC.concept_message(rng, category)
            if category != "self_harm":
                # self-harm rows carry their own proxy wording; the grammar's proxy frames
                # ("X told me to tell you") would teach that any relayed message is self-harm
                text = GD.frame(rng, text, category)
            text = M.style(rng, text, category)
            if text in seen or text.strip().lower() in held_out:
                continue
            seen.add(text)
            out.append({"text": text, "category": category, "tactics": sorted(tactics),
                        "source": "concepts"})
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
