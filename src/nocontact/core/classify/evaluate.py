"""Scoring the classifier against gold JSON Lines, and binary manipulation detection on
MentalManip (evaluation only: never trained on)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nocontact.core import metrics
from nocontact.core.classify.model import ClassifierError
from nocontact.core.taxonomy import Category, Classification, Tactic

Classifier = Callable[[str], Classification]
CATEGORIES = [c.value for c in Category]
TACTICS = [t.value for t in Tactic]
# Published baselines for binary detection on MentalManip_con_test.json (MentalMAD paper,
# arXiv 2505.15255), macro-F1 in percent.
MENTALMANIP_BASELINES = {"GPT-5 Chat": 57.0, "LLaMA3-70B": 63.7,
                         "MiniCPM3-4B fine-tuned (best)": 72.9}


@dataclass
class CategoryReport:
    n: int
    per_class: dict[str, metrics.ClassScores]
    macro_f1: float
    safety_recall: dict[str, float]
    tactic_micro_f1: float
    confusion: list[list[int]]
    labels: list[str] = field(default_factory=lambda: list(CATEGORIES))
    skipped_lines: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "per_class": {k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4),
                              "f1": round(v.f1, 4), "support": v.support}
                          for k, v in self.per_class.items()},
            "macro_f1": round(self.macro_f1, 4),
            "recall": {k: round(v, 4) for k, v in self.safety_recall.items()},
            "tactic_micro_f1": round(self.tactic_micro_f1, 4),
            "confusion": {"labels": self.labels, "rows_gold_cols_predicted": self.confusion},
            "skipped_lines": self.skipped_lines,
        }


def read_gold(path: Path) -> tuple[list[dict[str, object]], list[int]]:
    rows, skipped = [], []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if (not isinstance(row.get("text"), str) or row.get("category") not in CATEGORIES
                        or not set(row.get("tactics", [])) <= set(TACTICS)):
                    raise ValueError
            except (ValueError, AttributeError):
                skipped.append(line_no)
                continue
            rows.append(row)
    return rows, skipped


def score(rows: Iterable[dict[str, object]], classifier: Classifier) -> CategoryReport:
    gold_c, pred_c, gold_t, pred_t = [], [], [], []
    for row in rows:
        result = classifier(str(row["text"]))
        gold_c.append(str(row["category"]))
        pred_c.append(result.category.value)
        gold_t.append([str(t) for t in row.get("tactics", [])])  # type: ignore[attr-defined]
        pred_t.append([t.value for t in result.tactics])
    per_class = metrics.per_class(gold_c, pred_c, CATEGORIES)
    return CategoryReport(
        n=len(gold_c),
        per_class=per_class,
        macro_f1=metrics.macro_f1(per_class),
        safety_recall={c: per_class[c].recall for c in ("threat", "self_harm", "legal")},
        tactic_micro_f1=metrics.micro_f1(gold_t, pred_t),
        confusion=metrics.confusion(gold_c, pred_c, CATEGORIES),
    )


def score_file(path: Path, classifier: Classifier) -> CategoryReport:
    try:
        rows, skipped = read_gold(path)
    except OSError as exc:
        raise ClassifierError(f"cannot read evaluation file {path.name}") from exc
    report = score(rows, classifier)
    report.skipped_lines = skipped
    return report


def score_mentalmanip(path: Path, classifier: Classifier) -> dict[str, object]:
    """Binary: a dialogue is predicted manipulative when any tactic is found in it."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClassifierError(f"cannot read MentalManip file {path.name}") from exc
    gold, pred = [], []
    for item in items:
        gold.append("manipulative" if str(item["manipulative"]) == "1" else "not")
        result = classifier(str(item["dialogue"]))
        pred.append("manipulative" if result.tactics else "not")
    per_class = metrics.per_class(gold, pred, ["manipulative", "not"])
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    return {
        "n": len(gold),
        "macro_f1": round(100 * metrics.macro_f1(per_class, only_present=False), 1),
        "accuracy": round(100 * accuracy, 1),
        "f1_manipulative": round(100 * per_class["manipulative"].f1, 1),
        "f1_not": round(100 * per_class["not"].f1, 1),
        "baselines_macro_f1": MENTALMANIP_BASELINES,
    }
