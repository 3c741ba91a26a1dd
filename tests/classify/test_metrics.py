"""Metrics on a tiny example computed by hand."""

import pytest

from nocontact.core import metrics

GOLD = ["threat", "threat", "legal", "other", "other"]
PRED = ["threat", "other", "legal", "other", "legal"]
LABELS = ["threat", "legal", "other", "hoovering"]


def test_per_class_precision_recall_f1() -> None:
    s = metrics.per_class(GOLD, PRED, LABELS)
    # threat: tp 1, fp 0, fn 1 -> P 1, R 0.5, F1 2/3
    assert (s["threat"].precision, s["threat"].recall) == (1.0, 0.5)
    assert s["threat"].f1 == pytest.approx(2 / 3)
    # legal: tp 1, fp 1, fn 0 -> P 0.5, R 1, F1 2/3
    assert (s["legal"].precision, s["legal"].recall) == (0.5, 1.0)
    # other: tp 1, fp 1, fn 1 -> 0.5, 0.5, 0.5
    assert s["other"].f1 == pytest.approx(0.5)
    assert s["hoovering"].support == 0 and s["hoovering"].predicted == 0


def test_macro_f1_ignores_labels_absent_from_gold_and_predictions() -> None:
    s = metrics.per_class(GOLD, PRED, LABELS)
    assert metrics.macro_f1(s) == pytest.approx((2 / 3 + 2 / 3 + 0.5) / 3)
    assert metrics.macro_f1(s, only_present=False) == pytest.approx((2 / 3 + 2 / 3 + 0.5) / 4)


def test_micro_f1_over_tactic_sets() -> None:
    gold = [["pity", "flattery"], [], ["provocation"]]
    pred = [["pity"], ["pretext"], ["provocation"]]
    # tp 2, fp 1, fn 1 -> P 2/3, R 2/3, F1 2/3
    assert metrics.micro_f1(gold, pred) == pytest.approx(2 / 3)


def test_confusion_rows_are_gold() -> None:
    m = metrics.confusion(GOLD, PRED, ["threat", "legal", "other"])
    assert m == [[1, 0, 1], [0, 1, 0], [0, 1, 1]]


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        metrics.per_class(["a"], [], ["a"])
