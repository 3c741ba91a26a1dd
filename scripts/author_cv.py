"""Leave-one-author-out estimate: for each author in data/training/authored/ (the file name
up to its first "-"), train on every other training file and score the whole classifier
(rules + model) on that author's messages.

This is how the model's settings are chosen without touching the sealed held-out rounds:
each author wrote alone, so a fold measures how the classifier meets a new person's wording.
Prints JSON: per fold and the mean. Usage: python scripts/author_cv.py [--c 8] [--baseline]
(--baseline also scores a model trained without any authored file, on every author).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

import model_training
from build_model import AUTHORED, DATA, TRAIN_FILES, is_dev, training_rows
from model_training import Row, fit

from nocontact.core.classify import engine
from nocontact.core.classify.engine import classify_with
from nocontact.core.classify.evaluate import score
from nocontact.core.classify.model import LinearModel
from nocontact.core.taxonomy import Category, Classification


def misses(rows: list[Row], model: LinearModel) -> list[str]:
    """Alert-category errors on fictional training rows, for reading (never user data)."""
    urgent = {"threat", "self_harm", "legal"}
    found = []
    for row in rows:
        got = classify_with(model, str(row["text"]))
        gold = str(row["category"])
        if gold != got.category.value and (gold in urgent or got.category.value in urgent):
            found.append(f"{gold} -> {got.category.value} {got.reasons[:2]}: {row['text']!s:.200}")
    return found


def summary(rows: list[Row], model: LinearModel | dict[str, Classification]
            ) -> dict[str, float]:
    """Scores of a model on rows, or of predictions already made (text -> result)."""
    if isinstance(model, dict):
        report = score(rows, model.__getitem__)
    else:
        report = score(rows, lambda text: classify_with(model, text))
    figures = {"macro_f1": report.macro_f1, "tactic_micro_f1": report.tactic_micro_f1}
    figures |= {f"recall_{k}": v for k, v in report.safety_recall.items()}
    figures["precision_threat"] = report.per_class["threat"].precision
    figures["precision_self_harm"] = report.per_class["self_harm"].precision
    return {k: round(v, 3) for k, v in figures.items()}


def mean(folds: dict[str, dict[str, float]]) -> dict[str, float]:
    if not folds:
        return {}
    keys = next(iter(folds.values())).keys()
    return {k: round(statistics.fmean(f[k] for f in folds.values()), 3) for k in keys}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--c", type=float, default=8.0)
    parser.add_argument("--max-features", type=int, default=60000)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--weight", type=float, default=model_training.HANDWRITTEN_WEIGHT,
                        help="weight of hand-written rows")
    parser.add_argument("--composed-weight", type=float, default=model_training.COMPOSED_WEIGHT)
    parser.add_argument("--public-weight", type=float, default=model_training.PUBLIC_WEIGHT)
    parser.add_argument("--threshold", action="append", default=[], metavar="CATEGORY=P",
                        help="try another model alert threshold, e.g. threat=0.3")
    parser.add_argument("--errors", action="store_true", help="print alert-category errors")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="try another value of a number in engine.py, "
                             "e.g. OTHER_MIN_PROBABILITY=0.7")
    parser.add_argument("--skip", action="append", default=[], metavar="AUTHOR",
                        help="train on this author but do not score a fold for it")
    args = parser.parse_args()
    model_training.HANDWRITTEN_WEIGHT = args.weight
    model_training.COMPOSED_WEIGHT = args.composed_weight
    model_training.PUBLIC_WEIGHT = args.public_weight
    for item in args.set:
        name, value = item.split("=")
        assert isinstance(getattr(engine, name), float), name
        setattr(engine, name, float(value))
    for item in args.threshold:
        name, value = item.split("=")
        engine.SAFETY_THRESHOLD[Category(name)] = float(value)

    base = training_rows([DATA / name for name in TRAIN_FILES])
    base_train = [r for r in base if not is_dev(str(r["text"]))]
    base_dev = [r for r in base if is_dev(str(r["text"]))]
    authors: dict[str, list[Row]] = {}
    for path in sorted(AUTHORED.glob("*.jsonl")):  # "prev-round3" belongs to author "prev"
        authors.setdefault(path.stem.split("-")[0], []).extend(training_rows([path]))
    out: dict[str, object] = {"c": args.c, "weight": args.weight,
                              "composed_weight": args.composed_weight,
                              "public_weight": args.public_weight, "set": args.set,
                              "thresholds": {k.value: v for k, v in
                                             engine.SAFETY_THRESHOLD.items()},
                              "authors": {k: len(v) for k, v in authors.items()}}

    if args.baseline:
        model, _ = fit(base_train, base_dev, c=args.c, max_features=args.max_features)
        folds = {name: summary(rows, model) for name, rows in authors.items()
                 if name not in args.skip}
        scored = [r for name, rows in authors.items() if name not in args.skip for r in rows]
        out["without_authored"] = {"folds": folds, "mean": mean(folds),
                                   "pooled": summary(scored, model)}

    folds = {}
    pooled_rows: list[Row] = []
    predictions: dict[str, Classification] = {}
    for name, held in authors.items():
        if name in args.skip:
            continue
        others = [r for other, rows in authors.items() if other != name for r in rows]
        train = base_train + [r for r in others if not is_dev(str(r["text"]))]
        dev = base_dev + [r for r in others if is_dev(str(r["text"]))]
        model, _ = fit(train, dev, c=args.c, max_features=args.max_features)
        folds[name] = summary(held, model)
        pooled_rows += held
        predictions |= {str(r["text"]): classify_with(model, str(r["text"])) for r in held}
        if args.errors:
            print(f"== {name}", *misses(held, model), sep="\n", file=sys.stderr)
    out["leave_one_author_out"] = {"folds": folds, "mean": mean(folds),
                                   "pooled": summary(pooled_rows, predictions)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
