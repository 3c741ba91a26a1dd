"""Idiom guards: everyday figures of speech that borrow safety words ("killing it at work",
"dying to see the kids", "tennis court") are rewritten to plain wording before rules and
model see them, so recall-tuned rules and a low model threshold do not fire on them.

Only fixed, unambiguous figures are rewritten; anything aimed at a person ("killing you",
"dying because of you") is left alone."""

from __future__ import annotations

import re

_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        # "killing it" = doing well; "x is killing me" = x is exhausting
        (r"\bkill(?:ing|ed) it\b", "doing great"),
        (r"\b(?:is|are|was|were|'s|it's|its) (?:\w+ )?killing me\b", "is exhausting me"),
        (r"\bkill(?:ed)? myself laughing\b", "laughed a lot"),
        # r5: overwork ("killing myself working double shifts")
        (r"\b(?:am |i'm |been |was )?kill(?:ing|ed) myself (?=(?:working|on (?:nights|shifts|"
         r"doubles|lates|earlies|overtime)|at (?:work|the gym)|doing|to (?:pay|get|make|keep|"
         r"finish|cover)|for (?:this|that|the|them|you|nothing)|trying|with (?:work|overtime)))",
         "working very hard "),

        (r"\b(?:i'd|i would|i could|i'll|could) kill for (?:a|an|some|the)\b", "i would love a"),
        (r"\bdying (?:to|for) (?=(?:see|get|have|meet|hear|know|tell|go|a|an|some|the|"
         r"catch|visit|show))", "eager to "),
        (r"\b(?:nearly|almost) died laughing\b", "laughed a lot"),
        (r"\b(?:to )?die for\b(?! you)", "wonderful"),
        (r"\bkiller (?=(?:deals?|offers?|prices?|heels|workout|app|tune|song|view))",
         "great "),
        (r"\b(?:tennis|food|squash|basketball|netball|badminton|volleyball|padel|"
         r"5-a-side|five-a-side|hard|grass|clay|indoor) courts?\b", "venue"),
        (r"\bcourt (?=(?:\d+\b|booking|slot|hire|is free|is available|time))", "venue "),
        (r"\bshoot me (?:a|an) (?:text|message|email|line)\b", "send me a message"),
        (r"\bbreak a leg\b", "good luck"),
    )
)


def neutralise_idioms(text: str) -> str:
    for pattern, replacement in _IDIOMS:
        text = pattern.sub(replacement, text)
    return text
