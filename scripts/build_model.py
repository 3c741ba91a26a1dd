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
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from nocontact.core.classify.features import analyse
from nocontact.core.classify.model import MANIFEST_NAME, MODEL_DIR
from nocontact.core.classify.preprocess import prepare
from nocontact.core.taxonomy import Category, Tactic

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "training"
TRAIN_FILES = ("generated.jsonl", "grammar.jsonl", "public.jsonl", "handwritten.jsonl",
               "concepts.jsonl", "boundary.jsonl")
DEV_PERCENT = 15
MODEL_FILE = "classifier.npz"
HANDWRITTEN_WEIGHT = 3.0


def load_rows() -> list[dict[str, object]]:
    rows, seen = [], set()
    for name in TRAIN_FILES:
        for line in (DATA / name).open(encoding="utf-8"):
            row = json.loads(line)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
    return rows


def is_dev(text: str) -> bool:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 100 < DEV_PERCENT


def dev_threshold(prob: np.ndarray, gold: np.ndarray) -> float:
    """The tactic threshold with the best F1 on the dev split (0.5 when dev has no case)."""
    best_t, best_f1 = 0.5, -1.0
    if not gold.any():
        return best_t
    for t in np.arange(0.2, 0.81, 0.05):
        pred = prob >= t
        tp = float((pred & gold).sum())
        f1 = 2 * tp / (pred.sum() + gold.sum())
        if f1 > best_f1 + 1e-9:
            best_t, best_f1 = float(t), f1
    return best_t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-features", type=int, default=60000)
    parser.add_argument("--c", type=float, default=8.0)
    args = parser.parse_args()

    rows = load_rows()
    train = [r for r in rows if not is_dev(str(r["text"]))]
    dev = [r for r in rows if is_dev(str(r["text"]))]
    with (DATA / "dev.jsonl").open("w", encoding="utf-8") as fh:
        for r in dev:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    texts = [prepare(str(r["text"])) for r in train]
    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=2,
                                 max_features=args.max_features, dtype=np.float64)
    x = vectoriser.fit_transform(texts)
    categories = [c.value for c in Category]
    tactics = [t.value for t in Tactic]

    y_cat = [str(r["category"]) for r in train]
    # Hand-written rows are fewer but closer to real inboxes than template rows.
    weights = np.array([HANDWRITTEN_WEIGHT if r["source"] == "handwritten" else 1.0
                        for r in train])
    cat_head = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
    cat_head.fit(x, y_cat, sample_weight=weights)
    order = [list(cat_head.classes_).index(c) for c in categories]
    cat_weights = cat_head.coef_[order].T
    cat_bias = cat_head.intercept_[order]

    tac_w, tac_b, tac_t = [], [], []
    x_dev = vectoriser.transform([prepare(str(r["text"])) for r in dev])
    for tactic in tactics:
        y = [tactic in r["tactics"] for r in train]  # type: ignore[operator]
        head = LogisticRegression(C=args.c, max_iter=3000, class_weight="balanced")
        head.fit(x, y, sample_weight=weights)
        tac_w.append(head.coef_[0])
        tac_b.append(head.intercept_[0])
        gold = np.array([tactic in r["tactics"] for r in dev])  # type: ignore[operator]
        tac_t.append(dev_threshold(head.predict_proba(x_dev)[:, 1], gold))

    terms = vectoriser.get_feature_names_out().tolist()
    assert all("\n" not in t for t in terms)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        vocabulary=np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8),
        idf=vectoriser.idf_.astype(np.float32),
        cat_weights=cat_weights.astype(np.float32),
        cat_bias=cat_bias.astype(np.float32),
        tac_weights=np.array(tac_w).T.astype(np.float32),
        tac_bias=np.array(tac_b, dtype=np.float32),
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
