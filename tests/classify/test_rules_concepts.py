"""Concept rules (r5): self-harm from co-occurring cue families, self-harm reported about
the ex by a proxy, surveillance stated as the sender's current knowledge; and the guards
(innocent keys, bridges, pills, overwork idioms) that keep them from firing on logistics."""

import pytest

from nocontact.core.classify.idioms import neutralise_idioms
from nocontact.core.classify.preprocess import prepare
from nocontact.core.classify.rules import apply_rules
from nocontact.core.classify.rules_concepts import CONCEPT_RULES
from nocontact.core.taxonomy import Category


def rule_category(text: str) -> Category | None:
    hit = apply_rules(prepare(text))
    return hit.category if hit else None


def concept_names(text: str) -> list[str]:
    prepared = prepare(text)
    return [rule.name for rule in CONCEPT_RULES if rule.matches(prepared)]


@pytest.mark.parametrize("text", [
    # two families near each other: farewell + affairs, possessions + farewell, burden + ...
    "The passwords for the bills are on the fridge. You'll need them soon.",
    "Rehomed the cat with my sister today. Sorry for everything.",
    "Everything's in the blue envelope. Forgive me.",
    "i'm just a burden to all of you. goodbye",
    "Gave my records to my brother. He'll look after them. Forgive me.",
    "Checking out tonight. Sorry for everything.",
    # a strong cue alone: means in hand, finality, the sender at a place of ending
    "I've saved up enough of my tablets now",
    "This is the last message you'll ever get from me",
    "Don't let the kids be the ones to find me",
    "Standing on the viaduct. Long way down from here.",
    "Looked up how much it takes. I've got double that.",
    "Razor blades are on the side of the bath. Night.",
])
def test_self_harm_concepts_fire_on_new_wordings(text: str) -> None:
    assert rule_category(text) == Category.SELF_HARM


@pytest.mark.parametrize("text", [
    "He tried to hang himself last night, he's in the Royal now",
    "Just so you know she took an overdose on Friday",
    "his brother here. he's on suicide watch after saturday",
    "Dean's threatening to kill himself if you don't answer",
])
def test_self_harm_reported_about_the_ex_by_a_proxy(text: str) -> None:
    assert rule_category(text) == Category.SELF_HARM
    assert any("reported about the ex" in n for n in concept_names(text))


@pytest.mark.parametrize("text", [
    "The GPS in your car is still linked to my account",
    "I've still got a spare key. Never did hand it back.",
    "No alarm on the back, is there",
    "Bet you didn't think I'd still know the code for your gate",
    "Your doorbell camera still shows up on my phone",
    "Drove past your flat twice, you've moved the telly",
])
def test_surveillance_by_implication_is_a_threat(text: str) -> None:
    assert rule_category(text) == Category.THREAT


@pytest.mark.parametrize("text", [
    "You still have the key to the meter cupboard, can you leave it out for the reader?",
    "Can you drop the spare key round so the plumber can get in Thursday?",
    "Pick-up is at the bridge car park at 5, the kids want chips after",
    "I'm sat by the bridge waiting, where are you? Handover's at 5.",
    "The pills for the dog are in the cupboard above the kettle",
    "I'm killing myself working double shifts to pay for the kids' shoes",
    "Saw a fox in your garden when I dropped the kids off, thought they'd like to know",
    "One more time: the school trip money is due Friday",
])
def test_hard_negatives_fire_no_safety_rule(text: str) -> None:
    assert rule_category(text) not in (Category.SELF_HARM, Category.THREAT)


def test_overwork_idiom_is_rewritten_but_real_intent_is_not() -> None:
    assert "kill" not in neutralise_idioms("i'm killing myself working doubles")
    assert neutralise_idioms("i'm killing myself tonight") == "i'm killing myself tonight"
    assert rule_category("I'm going to kill myself tonight") == Category.SELF_HARM


def test_police_arriving_too_late_is_a_threat_but_a_farewell_note_is_not() -> None:
    assert rule_category("Ring the police if you like. By the time they get here it'll be "
                         "too late.") == Category.THREAT
    assert rule_category("By the time you read this it will be too late") != Category.THREAT
