"""How often the r5 concept rules and the r6 rules (rules.py names starting as in R6_RULES)
fire on everyday text (SMS Spam Collection ham, the first
15,000 GoEmotions training comments) and on non-safety rows of the training data and the
hand-written files in data/training/authored/ (never data/heldout/). Prints counts;
-v also prints the texts.

Usage: python scripts/rule_precision.py [-v]
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from nocontact.core.classify.preprocess import prepare
from nocontact.core.classify.rules import RULES
from nocontact.core.classify.rules_concepts import CONCEPT_RULES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "training"
SHARED = ROOT / ".." / "shared" / "datasets"
SEEN = ("handwritten.jsonl", "generated.jsonl", "grammar.jsonl",
        *(f"authored/{p.name}" for p in sorted((DATA / "authored").glob("*.jsonl"))))
R6_RULES = ("threat: protection will not last", "self_harm: reported rescue or injury",
            "threat: veiled threat")
CHECKED = (*CONCEPT_RULES, *(r for r in RULES if r.name in R6_RULES))


def fired(text: str) -> list[str]:
    prepared = prepare(text)
    return [rule.category.value for rule in CHECKED if rule.matches(prepared)]


def main() -> None:
    verbose = "-v" in sys.argv
    sms = SHARED / "sms_spam" / "SMSSpamCollection.tsv"
    ham = [line.split("\t", 1)[1].strip() for line in sms.open(encoding="utf-8")
           if line.startswith("ham\t")]
    goemotions = SHARED / "goemotions" / "train.tsv"
    comments = [line.split("\t")[0] for line in goemotions.open(encoding="utf-8")][:15000]
    for name, texts in (("sms ham", ham), ("goemotions", comments)):
        hits = [t for t in texts if fired(t)]
        print(f"{name}: {len(hits)} of {len(texts)}")
        for text in hits if verbose else []:
            print("   ", text[:120])
    for name in SEEN:
        rows = [json.loads(line) for line in (DATA / name).open(encoding="utf-8")]
        right, wrong, total = collections.Counter(), collections.Counter(), collections.Counter()
        for row in rows:
            gold = row["category"]
            total[gold] += gold in ("threat", "self_harm")
            for cat in fired(row["text"]):
                if cat == gold:
                    right[cat] += 1
                elif gold not in ("threat", "self_harm"):
                    wrong[cat] += 1
                    if verbose:
                        print("    false:", gold, cat, row["text"][:120])
        print(f"{name}: fired right {dict(right)} of {dict(+total)}; "
              f"on non-safety rows {dict(wrong)}")


if __name__ == "__main__":
    main()
