"""The one feature analyser, shared by the build script and run time so both see the same
terms: word uni/bi-grams and character 3–5-grams of prepared text."""

from __future__ import annotations

import re
from itertools import pairwise

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?]|[^\w\s.,;:\"()\-]")
_WS = re.compile(r"\s+")


def analyse(prepared_text: str) -> list[str]:
    text = _WS.sub(" ", prepared_text)
    words = _TOKEN.findall(text)
    terms = ["w:" + w for w in words]
    terms += ["b:" + a + " " + b for a, b in pairwise(words)]
    extend = terms.extend
    for word in words:
        if len(word) < 2 or not word[0].isalnum():
            continue
        padded = " " + word + " "
        last = len(padded)
        extend("c:" + padded[i : i + n] for n in (3, 4, 5) for i in range(last - n + 1))
    return terms
