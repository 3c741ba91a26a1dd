"""The one-final-message checker: brief, neutral and firm, or it says what to cut."""

from __future__ import annotations

import pytest

from nocontact.core.final_message import EXAMPLE, MAX_WORDS, Problem, check

FIRM = [
    EXAMPLE,
    "Do not contact me again. I will not reply.",
    "This relationship is over. Do not call me, text me or come to my home.",
    "I am ending contact. Please do not call me or write to me.",
]


@pytest.mark.parametrize("draft", FIRM)
def test_brief_neutral_firm_drafts_pass(draft):
    result = check(draft)
    assert result.ok, [(f.problem, draft[f.start : f.end]) for f in result.findings]


@pytest.mark.parametrize(
    ("draft", "problem", "flagged"),
    [
        ("I'm sorry it ended like this. Do not contact me.", Problem.APOLOGY, "sorry"),
        ("I apologise for everything. Goodbye.", Problem.APOLOGY, "apologise"),
        ("Do not contact me because you lied to me.", Problem.EXPLANATION, "because"),
        ("You always twisted my words. We are done.", Problem.EXPLANATION, "You always"),
        ("We are done. Do you understand?", Problem.QUESTION, "?"),
        ("Why did you do this to me.", Problem.QUESTION, "Why"),
        ("Can you stop writing to me.", Problem.QUESTION, "Can you"),
        ("I loved you once. We are done.", Problem.EMOTION, "loved"),
        ("I feel so hurt. Stop.", Problem.EMOTION, "feel"),
        ("I need some space for now.", Problem.OPEN_DOOR, "for now"),
        ("Do not contact me unless it is urgent.", Problem.OPEN_DOOR, "unless"),
        ("Maybe one day we can be friends.", Problem.OPEN_DOOR, "Maybe"),
        ("We are done. Let me know you got this.", Problem.INVITES_REPLY, "Let me know"),
        ("Call me if you need anything.", Problem.INVITES_REPLY, "Call me"),
    ],
)
def test_each_hook_is_flagged_where_it_is(draft, problem, flagged):
    result = check(draft)
    spans = [draft[f.start : f.end] for f in result.findings if f.problem is problem]
    assert flagged in spans
    assert not result.ok
    assert all(f.advice for f in result.findings)


def test_a_long_draft_is_too_long_even_when_each_sentence_is_fine():
    draft = " ".join(["Do not contact me."] * 4)
    assert Problem.TOO_LONG in check(draft).problems
    wordy = "Do not contact me " + "again " * MAX_WORDS + "."
    result = check(wordy)
    assert result.words > MAX_WORDS and Problem.TOO_LONG in result.problems


def test_an_empty_draft_is_not_ready():
    assert check("   ").problems == {Problem.EMPTY}


def test_curly_apostrophes_are_read_like_straight_ones():
    assert Problem.EXPLANATION in check("It’s just that I can’t. Goodbye.").problems
