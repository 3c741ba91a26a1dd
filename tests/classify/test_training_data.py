"""Training data hygiene: valid labels, no held-out or MentalManip text among training rows."""

import json
from pathlib import Path

from nocontact.core.taxonomy import Category, Tactic
from tests.helpers import require_shared

DATA = Path(__file__).resolve().parents[2] / "data" / "training"
TRAIN_FILES = ("generated.jsonl", "grammar.jsonl", "public.jsonl", "handwritten.jsonl",
               "concepts.jsonl")
HELDOUT_FILES = ("heldout.jsonl", "heldout_round1.jsonl", "heldout_round2.jsonl",
                 "heldout_round3.jsonl", "heldout_round4.jsonl", "heldout_round6.jsonl",
                 "heldout_round7.jsonl", "heldout_round8.jsonl")


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).open(encoding="utf-8")]


def test_every_row_has_a_taxonomy_label_and_a_source() -> None:
    categories = {c.value for c in Category}
    tactics = {t.value for t in Tactic}
    for name in TRAIN_FILES + HELDOUT_FILES:
        for row in rows(name):
            assert row["category"] in categories, name
            assert set(row["tactics"]) <= tactics, name
            assert isinstance(row["text"], str) and row["source"], name


def test_held_out_texts_are_not_in_training_files() -> None:
    train = {row["text"].strip().lower() for name in TRAIN_FILES for row in rows(name)}
    for name in HELDOUT_FILES:
        leaked = [r["text"] for r in rows(name) if r["text"].strip().lower() in train]
        assert leaked == [], name


def test_no_mentalmanip_dialogue_is_in_the_training_data() -> None:
    folder = require_shared("datasets", "mentalmanip", "mentalmad_split")
    lines: set[str] = set()
    for path in folder.glob("*.json"):
        for item in json.loads(path.read_text(encoding="utf-8")):
            for line in str(item["dialogue"]).splitlines():
                utterance = line.split(":", 1)[-1].strip().lower()
                if len(utterance) > 25:
                    lines.add(utterance)
    train = {row["text"].strip().lower() for name in TRAIN_FILES for row in rows(name)}
    assert not (lines & train)
