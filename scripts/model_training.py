"""Fitting the classifier's linear model: shared by build_model.py (the shipped model) and
author_cv.py (leave-one-author-out estimates). Pure in-memory; writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from nocontact.core.classify.features import analyse
from nocontact.core.classify.model import FloatArray, LinearModel
from nocontact.core.classify.preprocess import prepare
from nocontact.core.taxonomy import Category, Tactic

Row = dict[str, object]
# Hand-written rows are fewer but closer to real inboxes than template rows.
HANDWRITTEN_WEIGHT = 3.0
# Composed rows (templates, grammar, concept pairs, boundary lines) and public data.
COMPOSED_WEIGHT = 1.0
PUBLIC_WEIGHT = 1.0
THRESHOLDS_ON_WRITTEN = True
_COMPOSED = ("template", "grammar", "concepts", "boundary")


def read_rows(paths: Iterable[Path]) -> list[Row]:
    """Rows of the given files in order, the first copy of each text only."""
    rows, seen = [], set()
    for path in paths:
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            rows.append(row)
    return rows


def is_handwritten(row: Row) -> bool:
    source = str(row["source"])
    return source == "handwritten" or source.startswith(("authored-", "heldout-"))


def row_weight(row: Row) -> float:
    if is_handwritten(row):
        return HANDWRITTEN_WEIGHT
    return COMPOSED_WEIGHT if str(row["source"]).startswith(_COMPOSED) else PUBLIC_WEIGHT


def dev_threshold(prob: FloatArray, gold: np.ndarray) -> float:
    """The tactic threshold with the best F1 on the dev rows (0.5 when they have no case)."""
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


def fit(train: Sequence[Row], dev: Sequence[Row], *, c: float, max_features: int,
        version: str = "in-memory") -> tuple[LinearModel, list[float]]:
    """The model (arrays as shipped) and the tactic thresholds chosen on `dev`."""
    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=2,
                                 max_features=max_features, dtype=np.float64)
    x = vectoriser.fit_transform([prepare(str(r["text"])) for r in train])
    categories = [c_.value for c_ in Category]
    tactics = [t.value for t in Tactic]
    weights = np.array([row_weight(r) for r in train])
    cat_head = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    cat_head.fit(x, [str(r["category"]) for r in train], sample_weight=weights)
    order = [list(cat_head.classes_).index(name) for name in categories]

    # Thresholds are chosen on hand-written dev rows: composed rows are easier (the model is
    # surer of them) and would set thresholds too high for real wording.
    written = [r for r in dev if is_handwritten(r)]
    if THRESHOLDS_ON_WRITTEN and len(written) >= 100:
        dev = written
    x_dev = vectoriser.transform([prepare(str(r["text"])) for r in dev])
    tac_w, tac_b, tac_t = [], [], []
    for tactic in tactics:
        head = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        head.fit(x, [tactic in r["tactics"] for r in train],  # type: ignore[operator]
                 sample_weight=weights)
        tac_w.append(head.coef_[0])
        tac_b.append(head.intercept_[0])
        gold = np.array([tactic in r["tactics"] for r in dev])  # type: ignore[operator]
        tac_t.append(dev_threshold(head.predict_proba(x_dev)[:, 1], gold))

    terms = vectoriser.get_feature_names_out().tolist()
    model = LinearModel(
        version=version,
        categories=tuple(categories),
        tactics=tuple(tactics),
        vocabulary={t: i for i, t in enumerate(terms)},
        terms=terms,
        idf=vectoriser.idf_.astype(np.float32).astype(np.float64),
        cat_weights=np.ascontiguousarray(cat_head.coef_[order].T.astype(np.float32),
                                         dtype=np.float64),
        cat_bias=cat_head.intercept_[order].astype(np.float32).astype(np.float64),
        tac_weights=np.ascontiguousarray(np.array(tac_w).T.astype(np.float32),
                                         dtype=np.float64),
        tac_bias=np.array(tac_b, dtype=np.float32).astype(np.float64),
        tac_thresholds=np.array(tac_t, dtype=np.float32).astype(np.float64),
    )
    return model, tac_t
