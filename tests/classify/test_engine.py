"""Layering: rules before the model, windows, reasons, taxonomy examples."""

import re

import numpy as np
import pytest

from nocontact.core.classify import classify, classify_with
from nocontact.core.classify.model import LinearModel, shipped_model
from nocontact.core.taxonomy import Category, Tactic

TAXONOMY_EXAMPLES = [
    ("Hearing moved to March 3, 9am. My attorney emailed yours the new schedule.", "legal", set()),
    ("Can I get the kids at 5 instead of 6 Friday? Also my drill is still in your garage.",
     "logistics", set()),
    ("Happy birthday. I know you don't want to hear from me but I still think about us.",
     "hoovering", {"pretext", "flattery"}),
    ("You were always crazy. Everyone knows it now.", "hoovering", {"provocation"}),
    ("I'm parked across the street. Come out or I'm coming in.", "threat", {"intimidation"}),
    ("Nobody would even notice if I was gone. Tonight I end it.", "self_harm", {"pity"}),
]


@pytest.mark.parametrize(("text", "category", "tactics"), TAXONOMY_EXAMPLES)
def test_taxonomy_examples(text: str, category: str, tactics: set[str]) -> None:
    result = classify(text)
    assert result.category.value == category
    assert {t.value for t in result.tactics} == tactics


def biased_model(category: Category) -> LinearModel:
    """A real LinearModel whose only opinion is a huge bias towards one category."""
    real = shipped_model()
    bias = np.full(len(real.categories), -20.0)
    bias[real.categories.index(category.value)] = 20.0
    zeros = np.zeros_like(real.cat_weights)
    return LinearModel(real.version, real.categories, real.tactics, real.vocabulary, real.terms,
                       real.idf, zeros, bias, np.zeros_like(real.tac_weights),
                       np.full(len(real.tactics), -20.0), real.tac_thresholds)


@pytest.mark.parametrize(("text", "rule_category"), [
    ("I will kill you", Category.THREAT),
    ("I took all my pills", Category.SELF_HARM),
])
def test_model_cannot_downgrade_a_rule_threat_or_self_harm(text: str,
                                                           rule_category: Category) -> None:
    for model_says in (Category.LOGISTICS, Category.OTHER, Category.LEGAL, Category.HOOVERING):
        result = classify_with(biased_model(model_says), text)
        assert result.category == rule_category
        assert any(r.startswith(rule_category.value) for r in result.reasons)


def test_model_may_raise_urgency_above_a_rule() -> None:
    text = "My lawyer filed the papers today. See you outside the court."
    result = classify_with(biased_model(Category.THREAT), text)
    assert result.category == Category.THREAT


def leaning_model(category: Category, p: float) -> LinearModel:
    """A real LinearModel giving `category` probability p and hoovering the rest."""
    real = biased_model(category)
    bias = np.full(len(real.categories), -50.0)
    bias[real.categories.index(category.value)] = 0.0
    bias[real.categories.index(Category.HOOVERING.value)] = float(np.log((1 - p) / p))
    return LinearModel(real.version, real.categories, real.tactics, real.vocabulary, real.terms,
                       real.idf, real.cat_weights, bias, real.tac_weights, real.tac_bias,
                       real.tac_thresholds)


def test_model_alone_cannot_alert_as_threat_without_a_threat_word() -> None:
    """r6 cue gate: a model sure of threat on plain pressure gives hoovering."""
    result = classify_with(biased_model(Category.THREAT), "Answer me. I mean it.")
    assert result.category not in (Category.THREAT, Category.SELF_HARM)


def test_self_harm_gate_holds_below_its_bypass_and_yields_above_it() -> None:
    text = "Answer me. I mean it."
    assert classify_with(leaning_model(Category.SELF_HARM, 0.6), text).category == \
        Category.HOOVERING
    assert classify_with(leaning_model(Category.SELF_HARM, 0.9), text).category == \
        Category.SELF_HARM


@pytest.mark.parametrize("alert", [Category.THREAT, Category.SELF_HARM])
def test_a_model_alert_lifts_a_legal_rule_at_even_odds_but_not_below(alert: Category) -> None:
    """r7: self-harm that names the police or a hearing is still self-harm (r6 did this for
    threats); a weak model opinion leaves the legal rule standing."""
    text = "Call the police if you want. By the hearing on the 12th it will all be over."
    assert classify_with(leaning_model(alert, 0.6), text).category == alert
    assert classify_with(leaning_model(alert, 0.4), text).category == Category.LEGAL


def test_model_does_not_relabel_a_rule_self_harm_as_threat() -> None:
    text = "Come back or I swear I'm going to kill myself"
    assert classify_with(biased_model(Category.THREAT), text).category == Category.SELF_HARM


def test_without_rules_the_model_decides() -> None:
    result = classify_with(biased_model(Category.LOGISTICS), "hello there")
    assert result.category == Category.LOGISTICS
    assert result.reasons[0].startswith("model: logistics")


def test_threat_at_the_end_of_a_long_email_is_found() -> None:
    filler = "We need to talk about the garden furniture and the summer plans. " * 40
    result = classify(filler + "And by the way, I'll burn your house down.")
    assert result.category == Category.THREAT


def test_quoted_reply_does_not_drive_the_category() -> None:
    text = ("Can you have Leo on Saturday at 10?\n\nOn Mon, 3 Jan 2025, Sam <s@example.org> "
            "wrote:\n> Stop or I'll call the police and get a restraining order hearing")
    assert classify(text).category == Category.LOGISTICS


def test_empty_message_is_other() -> None:
    assert classify("   ").category == Category.OTHER
    assert classify("").category == Category.OTHER


def test_threat_always_carries_intimidation() -> None:
    assert Tactic.INTIMIDATION in classify("I saw you at the gym with him").tactics


def test_invalid_sender_role_is_refused() -> None:
    with pytest.raises(ValueError):
        classify("hi", sender_role="boss")


MESSAGES = [
    "You are the most selfish and cruel person I have ever met, everyone at the party agreed",
    "I miss the way you laughed at my stupid jokes on Sunday mornings in bed",
    "I'm parked across the street. Come out or I'm coming in.",
    "Please pay the electric bill by Friday, it is still in my name and overdue",
    "The hearing has been moved to March 3 at 9am in the family court",
    "Nobody would even notice if I was gone. Tonight I end it.",
]


def _word_runs(text: str, n: int) -> set[str]:
    words = re.findall(r"[a-z']+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("text", MESSAGES)
def test_reasons_never_quote_more_than_a_few_words(text: str) -> None:
    runs = _word_runs(text, 3)
    for reason in classify(text).reasons:
        quoted = re.findall(r'"([^"]*)"', reason)
        assert all(len(q.split()) <= 2 for q in quoted)
        assert not (_word_runs(reason, 3) & runs), reason


def tiny_model(term_pushes: Category) -> LinearModel:
    """One known word that pushes hard towards a category; everything else leans hoovering."""
    real = shipped_model()
    weights = np.zeros((1, len(real.categories)))
    weights[0, real.categories.index(term_pushes.value)] = 60.0
    bias = np.zeros(len(real.categories))
    bias[real.categories.index("hoovering")] = 5.0
    n_tac = len(real.tactics)
    return LinearModel("tiny", real.categories, real.tactics, {"w:zorblax": 0}, ["w:zorblax"],
                       np.ones(1), weights, bias, np.zeros((1, n_tac)), np.full(n_tac, -20.0),
                       np.full(n_tac, 0.5))


def test_most_urgent_window_wins_for_a_long_text() -> None:
    filler = " ".join(["garden"] * 400)
    result = classify_with(tiny_model(Category.LEGAL), filler + " zorblax")
    assert result.category == Category.LEGAL
    short = classify_with(tiny_model(Category.LEGAL), "garden garden")
    assert short.category == Category.HOOVERING
