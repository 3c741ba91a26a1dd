"""The optional "one final message": checks that a draft is brief, neutral and firm.

A final message that apologises, explains, asks or pours out feelings gives the ex something to
argue with, a question to answer, or a hook to pull the person back. This checker flags those
things so the person can cut them; it never sends anything. English only for now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

MAX_WORDS = 40
MAX_SENTENCES = 3

EXAMPLE = "I am ending all contact. Do not contact me again in any way. I will not reply."


class Problem(StrEnum):
    TOO_LONG = "too_long"
    APOLOGY = "apology"
    EXPLANATION = "explanation"
    QUESTION = "question"
    EMOTION = "emotion"
    OPEN_DOOR = "open_door"
    INVITES_REPLY = "invites_reply"
    EMPTY = "empty"


ADVICE: dict[Problem, str] = {
    Problem.TOO_LONG: (
        f"Keep it short: {MAX_WORDS} words and {MAX_SENTENCES} sentences at most. "
        "The longer it is, the more there is to argue with."
    ),
    Problem.APOLOGY: (
        "Leave out apologies. You do not owe one, and it invites them to 'forgive' you."
    ),
    Problem.EXPLANATION: (
        "Leave out reasons and explanations. Every reason is something they can argue with."
    ),
    Problem.QUESTION: "Leave out questions. A question asks for an answer.",
    Problem.EMOTION: (
        "Leave out feelings. They are yours, and they can be used to pull you back in."
    ),
    Problem.OPEN_DOOR: ("Be firm: words like 'maybe', 'for now' or 'unless' leave a door open."),
    Problem.INVITES_REPLY: "Do not ask for a reply, a call or a meeting.",
    Problem.EMPTY: "Write one or two plain sentences, for example: " + EXAMPLE,
}


def _words(*phrases: str) -> re.Pattern[str]:
    body = "|".join(p.replace(" ", r"\s+") for p in phrases)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


PATTERNS: dict[Problem, re.Pattern[str]] = {
    Problem.APOLOGY: _words(
        "sorry",
        "apologi[sz]e\\w*",
        "apology",
        "forgive",
        "my fault",
        "i regret",
        "i didn'?t mean",
        "i never meant",
        "excuse me",
    ),
    Problem.EXPLANATION: _words(
        "because",
        "since",
        "the reason",
        "that'?s why",
        "so that",
        "due to",
        "as you know",
        "you made me",
        "you always",
        "you never",
        "it'?s just that",
        "i need you to understand",
        "i want you to know",
        "after what you",
        "after everything",
        "the truth is",
    ),
    Problem.EMOTION: _words(
        "love\\w*",
        "hate\\w*",
        "miss\\w*",
        "hurt\\w*",
        "angry",
        "anger",
        "sad\\w*",
        "heart\\w*",
        "afraid",
        "scared",
        "cry\\w*",
        "tears",
        "devastat\\w*",
        "pain\\w*",
        "upset",
        "lonely",
        "happy",
        "happiness",
        "feel\\w*",
        "care about",
        "broken",
        "always be",
        "memories",
        "good times",
        "wish",
        "hope\\w*",
    ),
    Problem.OPEN_DOOR: _words(
        "maybe",
        "perhaps",
        "for now",
        "for a while",
        "for the time being",
        "right now",
        "at the moment",
        "i think",
        "i guess",
        "kind of",
        "sort of",
        "unless",
        "until",
        "someday",
        "one day",
        "if you change",
        "need space",
        "need some space",
        "a break",
        "take a break",
        "not ready",
        "we'?ll see",
    ),
    Problem.INVITES_REPLY: _words(
        "reply to me",
        "respond to me",
        "answer me",
        "call me",
        "text me",
        "write back",
        "write to me",
        "let me know",
        "get back to me",
        "talk soon",
        "meet me",
        "let'?s meet",
        "see you",
        "let'?s talk",
        "can we talk",
        "we need to talk",
        "hear from you",
    ),
}

# A question written without its question mark: a wh-word, or a verb then "you"/"we"/"i".
_QUESTION_START = re.compile(
    r"(?:^|[.!]\s+)(?:(?:why|how|what|when|where|who)\b|"
    r"(?:can|could|would|will|do|did|does|are|is|was|were|should|have|has)\s+(?:you|we|i|it)\b)",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|don't|won't)\b", re.IGNORECASE)
_TURN = re.compile(r"\b(?:but|if|unless|except|and then)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    start: int  # character span in the draft, for highlighting on the page
    end: int
    advice: str


@dataclass(frozen=True, slots=True)
class Check:
    findings: tuple[Finding, ...]
    words: int
    sentences: int

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def problems(self) -> frozenset[Problem]:
        return frozenset(f.problem for f in self.findings)


def _negated(before: str) -> bool:
    """True when the sentence so far says "not" with no "but"/"if" after it."""
    clause = re.split(r"[.!?]", before)[-1]
    negations = list(_NEGATION.finditer(clause))
    return bool(negations) and not _TURN.search(clause[negations[-1].end() :])


def check(draft: str) -> Check:
    """Every reason the draft is not yet brief, neutral and firm (none: it is ready)."""
    text = draft.replace("’", "'")
    words = len(_WORD.findall(text))
    sentences = sum(1 for s in _SENTENCE.findall(text) if _WORD.search(s))
    findings: list[Finding] = []
    if words == 0:
        return Check((Finding(Problem.EMPTY, 0, 0, ADVICE[Problem.EMPTY]),), 0, 0)
    if words > MAX_WORDS or sentences > MAX_SENTENCES:
        findings.append(Finding(Problem.TOO_LONG, 0, len(draft), ADVICE[Problem.TOO_LONG]))
    for match in re.finditer(r"\?", text):
        findings.append(
            Finding(Problem.QUESTION, match.start(), match.end(), ADVICE[Problem.QUESTION])
        )
    if not any(f.problem is Problem.QUESTION for f in findings):
        for match in _QUESTION_START.finditer(text):
            findings.append(
                Finding(Problem.QUESTION, match.start(), match.end(), ADVICE[Problem.QUESTION])
            )
    for problem, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            if problem is Problem.INVITES_REPLY and _negated(text[: match.start()]):
                continue  # "do not call me" is firm, not an invitation
            findings.append(Finding(problem, match.start(), match.end(), ADVICE[problem]))
    findings.sort(key=lambda f: (f.start, f.problem))
    return Check(tuple(findings), words, sentences)
