"""Safety rules: each family fires on its cue and stays quiet on look-alikes."""

import pytest

from nocontact.core.classify.preprocess import prepare
from nocontact.core.classify.rules import apply_rules
from nocontact.core.taxonomy import Category, Tactic


def rule_category(text: str) -> Category | None:
    hit = apply_rules(prepare(text))
    return hit.category if hit else None


@pytest.mark.parametrize("text", [
    "I'm parked across the street. Come out or I'm coming in.",
    "u r d3ad",
    "I will k1ll you",
    "I saw you at the gym with him",
    "i know where ur staying now",
    "you'd better watch yourself",
    "I'll post your nudes everywhere",
    "Everyone at your work will see those videos",
    "I'll burn your house down",
    "If I can't have you no one can",
    "There's an airtag in your car, I see everything",
    "Y O U   A R E   D E A D",
    "Nice dress today.",
    "I'm gonna hurt your dog",
])
def test_threat_rules_fire(text: str) -> None:
    assert rule_category(text) == Category.THREAT


@pytest.mark.parametrize("text", [
    "Nobody would even notice if I was gone. Tonight I end it.",
    "im gonna kms",
    "I took all my pills, goodbye",
    "I don't want to live anymore without you",
    "I tried to kill myself last night",
    "you'd all be better off without me",
])
def test_self_harm_rules_fire(text: str) -> None:
    assert rule_category(text) == Category.SELF_HARM


@pytest.mark.parametrize("text", [
    "Hearing moved to March 3, 9am. My attorney emailed yours the new schedule.",
    "You will be served with the divorce papers on Monday.",
    "The protective order hearing is on the 14th.",
    "We act for your former partner. Without prejudice.",
    "Case number FD22P00123 is listed for a directions appointment.",
    "The police want a statement from you about the incident.",
])
def test_legal_rules_fire(text: str) -> None:
    assert rule_category(text) == Category.LEGAL


@pytest.mark.parametrize("text", [
    "I never meant to hurt you",
    "I'll take you to court and you'll regret it",
    "see you in court!!",
    "Can I get the kids at 5 instead of 6 Friday?",
    "Happy birthday. I still think about us.",
    "You were always crazy. Everyone knows it now.",
    "Your parcel is out for delivery",
])
def test_rules_stay_quiet_on_non_safety_text(text: str) -> None:
    assert rule_category(text) is None


def test_threat_outranks_self_harm_and_legal() -> None:
    hit = apply_rules(prepare("My lawyer filed the papers. I'll kill you and then kill myself."))
    assert hit is not None
    assert hit.category == Category.THREAT
    assert any(r.startswith("threat") for r in hit.reasons)
    assert any(r.startswith("self_harm") for r in hit.reasons)


def test_rule_tactics_follow_the_winning_category() -> None:
    threat = apply_rules(prepare("I'm outside your flat"))
    self_harm = apply_rules(prepare("I want to die"))
    assert threat is not None and threat.tactics == (Tactic.INTIMIDATION,)
    assert self_harm is not None and self_harm.tactics == (Tactic.PITY,)


@pytest.mark.parametrize(("text", "expected"), [
    # r7: pressure through the law and despair about the situation fire no alert rule...
    ("I'll ruin you in court. Every penny.", None),
    ("I will destroy you financially, see if I don't", None),
    ("Cant go on like this, my heads a mess", None),
    # ...while the same words aimed at a person or stating an end still do.
    ("I'll ruin your car and then you", Category.THREAT),
    ("I will destroy you", Category.THREAT),
    ("I can't go on. This is goodbye", Category.SELF_HARM),
])
def test_r7_narrowed_rules(text: str, expected: Category | None) -> None:
    assert rule_category(text) == expected
