"""Write data/training/grammar.jsonl: messages composed by the grammar in
training_grammar.py (parts, not whole-sentence templates), in varied voices and frames
(SMS-speak, typos, voicemail transcripts, e-mails with quoted replies and signatures,
proxies writing for the ex). Deterministic (seeded). Held-out rounds are read only to drop
a composed message that happens to equal one of them word for word.

Usage: python scripts/make_grammar_data.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import make_training_data as M
import training_grammar as G

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "training" / "grammar.jsonl"
SEED = 20261126
COUNTS = {"threat": 900, "self_harm": 600, "legal": 450, "logistics": 550, "hoovering": 550,
          "other": 250}
PROXY_OPENERS = ["Hi, it's {n}'s {r}. ", "hey this is {n}'s {r}, ", "{r} of {n} here. ",
                 "Hello, I'm writing for {n} ({r}). "]
PROXY_REPORT = {"threat": "{n} says ", "self_harm": "{n} told me to tell you: ",
                "hoovering": "{n} asked me to say ", "logistics": "{n} asked me to ask: "}
SIGNATURES = ["\n\nSent from my iPhone", "\n--\nDaz\nSent from Outlook for Android",
              "\n\nCheers,\nM", "\n\nRegards\nK. Doyle\nDoyle Plumbing Ltd | 07700 900123",
              "\n\nThanks x"]
QUOTES = ["\n\nOn Tue, 3 Sep 2026 at 20:11, Laura wrote:\n> please stop messaging me",
          "\n\n-----Original Message-----\nFrom: Emma\nSent: 02 October 2026\nSubject: RE: "
          "kids\n\nOk.", "\n\n> Don't contact me again."]


def frame(rng: random.Random, text: str, category: str) -> str:
    r = rng.random()
    if category in PROXY_REPORT and r < 0.12:
        name = rng.choice(G.G["name"])
        rel = rng.choice(["brother", "mum", "sister", "mate", "cousin", "nan"])
        opener = rng.choice(PROXY_OPENERS).format(n=name, r=rel)
        return opener + PROXY_REPORT[category].format(n=name) + text[0].lower() + text[1:]
    if r < 0.22 and category != "other":
        greeting = rng.choice(["Hi,\n\n", "Laura,\n\n", "Morning,\n\n", ""])
        filler = rng.choice(["", "I've been thinking about everything a lot lately. ",
                             "I know you said not to email. ", "Just so we're clear. "])
        body = greeting + filler + text + rng.choice(SIGNATURES)
        return body + (rng.choice(QUOTES) if rng.random() < 0.5 else "")
    return text


def held_out_texts() -> set[str]:
    """Texts never to compose: the earlier held-out rounds (training rows since) and the
    sealed held-out sets."""
    texts: set[str] = set()
    paths = [*(OUT.parent / "authored").glob("prev-round*.jsonl"),
             *(OUT.parents[1] / "heldout").glob("*.jsonl")]
    for path in paths:
        for line in path.open(encoding="utf-8"):
            texts.add(str(json.loads(line)["text"]).strip().lower())
    return texts


def rows() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    held_out = held_out_texts()
    out: list[dict[str, object]] = []
    for category, n in COUNTS.items():
        seen: set[str] = set()
        tries = 0
        while len(seen) < n and tries < n * 20:
            tries += 1
            text, tactics = G.message(rng, category)
            if rng.random() < 0.3 and category in ("threat", "self_harm", "hoovering"):
                extra, more = G.message(rng, category)
                text, tactics = text + rng.choice([". ", "\n", " ", "... "]) + extra, \
                    tactics | more
            text = frame(rng, text, category)
            text = M.style(rng, text, category)
            if text in seen or text.strip().lower() in held_out:
                continue
            seen.add(text)
            out.append({"text": text, "category": category, "tactics": sorted(tactics),
                        "source": "grammar"})
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
