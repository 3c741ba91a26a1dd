"""Lexicon rules (r4) and idiom guards: new wordings of the same act fire, figures of
speech that borrow safety words do not."""

import pytest

from nocontact.core.classify import classify
from nocontact.core.classify.idioms import neutralise_idioms
from nocontact.core.classify.preprocess import prepare
from nocontact.core.classify.rules import apply_rules
from nocontact.core.taxonomy import Category


def rule_category(text: str) -> Category | None:
    hit = apply_rules(prepare(text))
    return hit.category if hit else None


@pytest.mark.parametrize("text", [
    "Would be a terrible shame if the cat went missing while you're at work",
    "I kept the videos. Your boss would love them.",
    "got all ur pics still. the group chat would love them",
    "Things will get nasty for you if you don't drop it",
    "Your routine is so predictable",
    "Funny how your kitchen light comes on at 6 every morning",
    "Love the new curtains",
    "Your new fella drives a blue van doesn't he",
    "Changing your number won't stop me, got the new one",
    "I can see every text you send",
    "Heard you're going to Tash's party, see you there",
    "Your sister should be careful walking home in the dark",
    "I still have a key to your flat",
])
def test_lexicon_threats_fire(text: str) -> None:
    assert rule_category(text) == Category.THREAT


@pytest.mark.parametrize("text", [
    "I've written letters for everyone",
    "Sorted out my will and the insurance. You won't have to deal with me soon.",
    "I won't be a burden to anyone much longer",
    "the kids would be happier without me in it",
    "Took the whole bottle",
    "I'll be gone by morning",
    "Sitting in the car with the engine running",
    "Been to two chemists today, got enough now",
    "I'm going to swallow every pill in the house",
])
def test_lexicon_self_harm_fires(text: str) -> None:
    assert rule_category(text) == Category.SELF_HARM


@pytest.mark.parametrize("text", [
    "I'm dying to see the kids this weekend, can we swap to Saturday?",
    "Killing it at work by the looks of it, well done",
    "The deadline is killing me, can you pay your half of the trip by Friday?",
    "I'd kill for a coffee before handover",
    "Jake's got practice at the tennis court, pick up is 6",
    "Meet at the food court at 2 for the handover",
    "Can you send the school photos to your mum, she asked for them",
    "Is there any way out of the lease early?",
    "It'd be a shame if we couldn't agree on the holidays",
])
def test_hard_negatives_fire_no_threat_or_self_harm_rule(text: str) -> None:
    assert rule_category(text) not in (Category.THREAT, Category.SELF_HARM)


@pytest.mark.parametrize(("text", "not_category"), [
    ("I'm dying to see the kids this weekend, can we do Saturday instead of Sunday?",
     Category.THREAT),
    ("Killing it at work by the looks of LinkedIn. Proud of you x", Category.THREAT),
    ("Reminder: your tennis court booking is confirmed for Sat 10:00.", Category.LEGAL),
    ("Your Uber Eats order from the food court is on its way", Category.LEGAL),
    ("I'd kill for a coffee, meet at Costa for handover?", Category.THREAT),
])
def test_hard_negatives_are_not_raised_by_the_whole_classifier(
        text: str, not_category: Category) -> None:
    assert classify(text).category not in (not_category, Category.SELF_HARM)


def test_idiom_guard_leaves_threats_aimed_at_a_person_alone() -> None:
    assert neutralise_idioms("i'm killing you") == "i'm killing you"
    assert neutralise_idioms("you're dying for what you did") == "you're dying for what you did"
    assert "court" not in neutralise_idioms("see you on the tennis court")
    assert neutralise_idioms("see you in court") == "see you in court"


def test_threat_and_self_harm_found_together_both_reported() -> None:
    hit = apply_rules(prepare("I still have the photos, your boss gets them. Then I'm gone "
                              "for good."))
    assert hit is not None and hit.category == Category.THREAT
    assert any(r.startswith("self_harm") for r in hit.reasons)


@pytest.mark.parametrize(("text", "expected"), [
    ("Get your free trial now!", None),
    ("Get 20% off your next takeaway with code SAVE20", None),
    ("You'll be hearing from my lawyer, and you'll lose the lot", None),
    ("Sheriff is serving the order this week", Category.LEGAL),
    ("I'm at the station. Next train, I'm stepping off the platform.", Category.SELF_HARM),
    ("You think you're safe at your nan's? You're not.", Category.THREAT),
])
def test_r4_guards_and_additions(text: str, expected: Category | None) -> None:
    assert rule_category(text) == expected
