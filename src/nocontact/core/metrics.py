"""Classifier evaluation metrics (pure Python): per-class precision/recall/F1, macro-F1,
micro-F1 over multi-label sets, confusion matrix."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def per_class(gold: Sequence[str], pred: Sequence[str],
              labels: Sequence[str]) -> dict[str, ClassScores]:
    if len(gold) != len(pred):
        raise ValueError("gold and predicted lists differ in length")
    scores = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores[label] = ClassScores(*_prf(tp, fp, fn), support=tp + fn, predicted=tp + fp)
    return scores


def macro_f1(scores: dict[str, ClassScores], only_present: bool = True) -> float:
    """Mean F1 over labels; by default over labels that occur in gold or predictions."""
    used = [s.f1 for s in scores.values() if not only_present or s.support or s.predicted]
    return sum(used) / len(used) if used else 0.0


def micro_f1(gold: Iterable[Iterable[str]], pred: Iterable[Iterable[str]]) -> float:
    tp = fp = fn = 0
    for g_labels, p_labels in zip(gold, pred, strict=True):
        g, p = set(g_labels), set(p_labels)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return _prf(tp, fp, fn)[2]


def confusion(gold: Sequence[str], pred: Sequence[str],
              labels: Sequence[str]) -> list[list[int]]:
    """Rows are gold labels, columns predictions, in `labels` order."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix
