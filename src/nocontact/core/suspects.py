"""Unknown senders who may be the ex (or sent by them): listed for the survivor to decide.

A message from nobody on the list is normally dropped unstored. These signals keep it instead,
as a suspect, because losing it could cost the survivor dearly: a new number announced, the
survivor's children or pets named, the ex's own name used, or a threat, self-harm or legal
process that the safety rules recognise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from nocontact.core.classify.preprocess import prepare
from nocontact.core.classify.rules import apply_rules
from nocontact.core.taxonomy import Category

_NEW_CONTACT = re.compile(
    r"\b(?:(?:my|this is|it'?s|here'?s) (?:my )?new (?:number|phone|cell|mobile|account|email|"
    r"e-mail|address|profile)|new (?:number|phone|account)[,.!: ]+(?:save|add|it'?s)|"
    r"save (?:this|my) (?:number|contact)|changed my (?:number|phone|account)|"
    r"got a new (?:phone|number|sim)|(?:since|cos|because|coz) (?:you|u) blocked me|"
    r"blocked me (?:so|on)|had to (?:use|borrow) (?:a|my) (?:friend'?s|mate'?s|sister'?s|"
    r"brother'?s|mum'?s|mom'?s) phone)\b",
    re.IGNORECASE,
)
SAFETY = {
    Category.THREAT: "threat",
    Category.SELF_HARM: "self-harm",
    Category.LEGAL: "legal process",
}


@dataclass(frozen=True, slots=True)
class SuspectSignal:
    reason: str  # a few words, never the message's own words


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    cleaned = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in cleaned) + r")\b", re.IGNORECASE)


class SuspectDetector:
    def __init__(self, family_names: Iterable[str] = (), ex_names: Iterable[str] = ()) -> None:
        self._family = _name_pattern(family_names)
        self._ex = _name_pattern(ex_names)

    def check(self, text: str) -> SuspectSignal | None:
        if not text.strip():
            return None
        if _NEW_CONTACT.search(text):
            return SuspectSignal("announces a new number or account")
        if self._family is not None and self._family.search(text):
            return SuspectSignal("names your children or pets")
        if self._ex is not None and self._ex.search(text):
            return SuspectSignal("uses their name")
        hit = apply_rules(prepare(text))
        if hit is not None and hit.category in SAFETY:
            return SuspectSignal(f"{SAFETY[hit.category]} from an unknown sender")
        return None
