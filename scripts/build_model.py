"""Train the shipped classifier model from data/training and write it into the package.

TF-IDF over word 1–2-grams and character 3–5-grams (the analyser in
nocontact.core.classify.features), a multinomial logistic-regression head for the category
and one binary logistic regression per tactic. Weights are saved as numpy arrays in an npz
(no pickle) with a manifest holding its SHA-256. Deterministic split: a row goes to the dev
split when a hash of its text says so; dev rows are never trained on and are written to
data/training/dev.jsonl. heldout.jsonl is never read here.

Usage: python scripts/build_model.py [--max-features N]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from model_training import Row, fit, read_rows

from nocontact.core.classify.model import MANIFEST_NAME, MODEL_DIR

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "training"
TRAIN_FILES = ("generated.jsonl", "grammar.jsonl", "public.jsonl", "handwritten.jsonl",
               "concepts.jsonl", "boundary.jsonl")
# Messages written by hand by several independent authors (see docs/classifier.md).
AUTHORED = DATA / "authored"
DEV_PERCENT = 15
MODEL_FILE = "classifier.npz"


def training_paths() -> list[Path]:
    return [DATA / name for name in TRAIN_FILES] + sorted(AUTHORED.glob("*.jsonl"))


def held_out_texts() -> set[str]:
    """Sealed held-out texts (data/heldout/), read only so that a training row that happens
    to say the same ("ok", a common phrase) is left out of training."""
    return {str(json.loads(line)["text"]).strip().lower()
            for path in sorted((ROOT / "data" / "heldout").glob("*.jsonl"))
            for line in path.open(encoding="utf-8")}


def training_rows(paths: list[Path] | None = None) -> list[Row]:
    held_out = held_out_texts()
    return [r for r in read_rows(training_paths() if paths is None else paths)
            if str(r["text"]).strip().lower() not in held_out]


def is_dev(text: str) -> bool:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 100 < DEV_PERCENT


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-features", type=int, default=60000)
    parser.add_argument("--c", type=float, default=8.0)
    args = parser.parse_args()

    rows = training_rows()
    train = [r for r in rows if not is_dev(str(r["text"]))]
    dev = [r for r in rows if is_dev(str(r["text"]))]
    with (DATA / "dev.jsonl").open("w", encoding="utf-8") as fh:
        for r in dev:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    model, tac_t = fit(train, dev, c=args.c, max_features=args.max_features)
    categories, tactics = list(model.categories), list(model.tactics)
    y_cat = [str(r["category"]) for r in train]
    terms = model.terms
    assert all("\n" not in t for t in terms)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        vocabulary=np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8),
        idf=model.idf.astype(np.float32),
        cat_weights=model.cat_weights.astype(np.float32),
        cat_bias=model.cat_bias.astype(np.float32),
        tac_weights=model.tac_weights.astype(np.float32),
        tac_bias=model.tac_bias.astype(np.float32),
        tac_thresholds=np.array(tac_t, dtype=np.float32),
    )
    blob = buffer.getvalue()
    digest = hashlib.sha256(blob).hexdigest()
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / MODEL_FILE).write_bytes(blob)
    manifest = {
        "version": f"tfidf-lr-{datetime.now(UTC):%Y%m%d}-{digest[:8]}",
        "file": MODEL_FILE,
        "sha256": digest,
        "categories": categories,
        "tactics": tactics,
        "features": len(terms),
        "trained_on": dict(Counter(str(r["source"]).split(" ")[0] for r in train)),
        "train_rows": len(train),
        "dev_rows": len(dev),
        "category_counts": dict(Counter(y_cat)),
        "parameters": {"C": args.c, "max_features": args.max_features, "min_df": 2},
        "tactic_thresholds_from_dev": {t: round(float(v), 2) for t, v in zip(tactics, tac_t,
                                                                               strict=True)},
    }
    (MODEL_DIR / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n",
                                           encoding="utf-8")
    print(json.dumps({k: manifest[k] for k in ("version", "features", "train_rows", "dev_rows")}))
    print(f"model file: {len(blob) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
