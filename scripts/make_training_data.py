"""Write data/training/generated.jsonl and public.jsonl (deterministic, seeded).

generated: messages composed from the phrase banks in training_phrases.py with varied styles
(SMS-speak, typos, ALL CAPS, emoji, e-mails with quoted replies and signatures, voicemail
transcripts, proxies). public: SMS Spam Collection (spam and ham -> other) and HateCheck threat
cases (-> threat), both CC BY 4.0, read from ../shared/datasets. MentalManip is never used.

Usage: python scripts/make_training_data.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

import training_phrases as P

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "training"
SEED = 20261125
COUNTS = {"threat": 900, "self_harm": 650, "legal": 800, "logistics": 1000, "hoovering": 1400,
          "other": 400}

PROXY_TACTICS = ["pity", "pretext", "pity", "flattery", "flattery", "pretext", "pretext",
                 "pity", "pretext", "apology", "pity"]
PROXY_NAMES = ["Sarah", "Jo", "Linda", "Priya", "Mike", "Gary", "Aisha", "Kate"]
RELATIONS = ["sister", "mum", "brother", "cousin", "best mate", "aunt"]


def fill(rng: random.Random, text: str) -> str:
    def slot(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in ("n", "n2"):
            return str(rng.randint(1, 99))
        if key == "you":
            return rng.choice(["Emma", "Laura", "Ben", "Zoe", "Nina", "Josh"])
        if key == "proxy_name":
            return rng.choice(PROXY_NAMES)
        if key == "rel":
            return rng.choice(RELATIONS)
        return rng.choice(P.SLOTS[key])
    return re.sub(r"\{(\w+)\}", slot, text)


def tactics_of(spec: str) -> list[str]:
    return [t for t in spec.split(",") if t]


def hoover_parts(rng: random.Random, k: int, exclude: tuple[str, ...] = ()) -> tuple[list[str],
                                                                                      set[str]]:
    names = [n for n in P.HOOVER_PARTS if n not in exclude]
    chosen = rng.sample(names, k=min(k, len(names)))
    return [rng.choice(P.HOOVER_PARTS[n]) for n in chosen], set(chosen)


def join(rng: random.Random, parts: list[str]) -> str:
    sep = rng.choice([". ", ". ", "! ", " ", "\n", "... ", ", "])
    return sep.join(p.rstrip(".!") for p in parts if p)


# ---- styles
def sms(rng: random.Random, text: str) -> str:
    text = text.lower()
    for a, b in [(r"\byou\b", "u"), (r"\bare\b", "r"), (r"\byour\b", "ur"),
                 (r"\btonight\b", "2nite"),
                 (r"\bplease\b", "pls"), (r"\bbecause\b", "cuz"), (r"'", ""), (r"\bto\b", "2"),
                 (r"\bfor\b", "4"), (r"\bokay\b", "k")]:
        if rng.random() < 0.7:
            text = re.sub(a, b, text)
    return re.sub(r"[.,]", "", text) if rng.random() < 0.5 else text


def typos(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(1, len(w) - 1)
            words[i] = rng.choice([w[:j] + w[j + 1:], w[:j] + w[j + 1] + w[j] + w[j + 2:],
                                   w[:j] + w[j] + w[j:]])
    return " ".join(words)


def leet(rng: random.Random, text: str) -> str:
    table = {"kill": "k1ll", "dead": "d3ad", "die": "d1e", "hurt": "hur7", "you": "y0u",
             "myself": "mys3lf", "pills": "p1lls"}
    for a, b in table.items():
        if rng.random() < 0.6:
            text = re.sub(rf"\b{a}\b", b, text)
    return text


def email(rng: random.Random, text: str) -> str:
    body = fill(rng, rng.choice(P.EMAIL_GREETINGS)) + text + fill(rng, rng.choice(P.EMAIL_SIGNOFFS))
    if rng.random() < 0.5:
        body += fill(rng, rng.choice(P.QUOTED_REPLIES))
    return body


def voicemail(rng: random.Random, text: str) -> str:
    words = re.sub(r"[.!?,]", "", text.lower()).split()
    for _ in range(rng.randint(1, 3)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(P.FILLERS))
    return fill(rng, rng.choice(P.VOICEMAIL_PREFIX)) + "hey it's me " + " ".join(words)


def style(rng: random.Random, text: str, category: str) -> str:
    r = rng.random()
    if r < 0.25:
        text = sms(rng, text)
    elif r < 0.33:
        text = text.upper()
    elif r < 0.45:
        text = email(rng, text)
    elif r < 0.52 and category not in ("other",):
        text = voicemail(rng, text)
    if rng.random() < 0.2:
        text = typos(rng, text)
    if category in ("threat", "self_harm") and rng.random() < 0.15:
        text = leet(rng, text)
    if rng.random() < 0.2:
        text += " " + "".join(rng.choices(P.EMOJI, k=rng.randint(1, 3)))
    if rng.random() < 0.1:
        text = text.replace("!", "!!!").replace("?", "???")
    return text


def core(rng: random.Random, bank: list[tuple[str, str]]) -> tuple[str, set[str]]:
    text, spec = rng.choice(bank)
    return text, set(tactics_of(spec))


def threat_pattern(rng: random.Random) -> str:
    text = rng.choice(P.THREAT_PATTERNS)
    text = text.replace("{observed}", rng.choice(P.OBSERVED)).replace("{when}",
                                                                      rng.choice(P.WHEN))
    for key, options in P.THREAT_FILL.items():
        text = text.replace("{" + key + "}", rng.choice(options))
    return text


def make(rng: random.Random, category: str) -> tuple[str, set[str]]:
    if category == "hoovering":
        if rng.random() < 0.18:
            i = rng.randrange(len(P.PROXY_LINES))
            tactics = PROXY_TACTICS + P.PROXY_TACTICS_MORE
            return P.PROXY_LINES[i], {tactics[i]}
        parts, tactics = hoover_parts(rng, rng.choice([1, 1, 2, 2, 3]))
        return join(rng, parts), tactics
    if category == "other":
        return rng.choice(P.OTHER), set()
    if category == "legal" and rng.random() < 0.25:
        return rng.choice(P.LEGAL_FORMAL), set()
    if category == "threat" and rng.random() < 0.35:
        return threat_pattern(rng), {"intimidation"}
    bank = {"threat": P.THREAT, "self_harm": P.SELF_HARM, "legal": P.LEGAL,
            "logistics": P.LOGISTICS}[category]
    n_cores = 2 if rng.random() < 0.2 else 1
    texts, tactics = [], set()
    for _ in range(n_cores):
        t, tac = core(rng, bank)
        texts.append(t)
        tactics |= tac
    extra_p = {"threat": 0.35, "self_harm": 0.35, "legal": 0.2, "logistics": 0.3}[category]
    if rng.random() < extra_p:
        extra, names = hoover_parts(rng, 1, exclude=("pretext",))
        texts.insert(rng.randrange(len(texts) + 1), extra[0])
        tactics |= names
    return join(rng, texts), tactics


def generated(rng: random.Random) -> list[dict[str, object]]:
    rows = []
    for category, n in COUNTS.items():
        seen: set[str] = set()
        while len([r for r in rows if r["category"] == category]) < n:
            text, tactics = make(rng, category)
            text = style(rng, fill(rng, text), category)
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "category": category, "tactics": sorted(tactics),
                         "source": "template"})
    return rows


def public(rng: random.Random, shared: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    sms_rows = list(csv.reader((shared / "datasets/sms_spam/SMSSpamCollection.tsv")
                               .open(encoding="utf-8"), delimiter="\t"))[1:]
    spam = [r[1] for r in sms_rows if r[0] == "spam"]
    # Everyday ham that reads like a personal approach would contradict the hoovering label.
    personal = re.compile(r"\b(miss|love|sorry|how are|how r|thinking of|baby|babe|darling)\b",
                          re.IGNORECASE)
    ham = [r[1] for r in sms_rows if r[0] == "ham" and not personal.search(r[1])]
    for text in rng.sample(spam, 500) + rng.sample(ham, 1200):
        rows.append({"text": text, "category": "other", "tactics": [],
                     "source": "sms_spam_collection (CC BY 4.0)"})
    with (shared / "datasets/hatecheck/test_suite_cases.csv").open(encoding="utf-8") as fh:
        cases = list(csv.DictReader(fh))
    for case in cases:
        if case["functionality"] in ("threat_dir_h", "threat_norm_h"):
            rows.append({"text": case["test_case"].strip(), "category": "threat",
                         "tactics": ["intimidation"],
                         "source": "HateCheck, Röttger et al. 2021 (CC BY 4.0)"})
    # All identity-neutral contrast cases, so group words alone do not signal a threat.
    neutral = [c for c in cases if c["functionality"] in ("ident_neutral_nh", "ident_pos_nh")]
    for case in neutral:
        rows.append({"text": case["test_case"].strip(), "category": "other", "tactics": [],
                     "source": "HateCheck, Röttger et al. 2021 (CC BY 4.0)"})
    # GoEmotions comments labelled only "neutral": everyday wording that is none of our
    # categories. Those a safety rule would flag are left out to keep labels consistent.
    from nocontact.core.classify.preprocess import prepare
    from nocontact.core.classify.rules import apply_rules
    lines = (shared / "datasets/goemotions/train.tsv").open(encoding="utf-8").read().splitlines()
    neutral_comments = [ln.split("\t")[0].replace("[NAME]", "Sam") for ln in lines
                        if ln.split("\t")[1] == "27"]
    kept = [t for t in rng.sample(neutral_comments, 900) if apply_rules(prepare(t)) is None]
    for text in kept[:700]:
        rows.append({"text": text, "category": "other", "tactics": [],
                     "source": "GoEmotions, Demszky et al. 2020 (CC BY 4.0)"})
    return rows


def write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    rng = random.Random(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "generated.jsonl", generated(rng))
    write(OUT / "public.jsonl", public(rng, args.shared))


if __name__ == "__main__":
    main()
