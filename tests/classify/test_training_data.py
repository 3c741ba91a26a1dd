"""Training data hygiene: valid labels, no held-out or MentalManip text among training rows."""

import json
from pathlib import Path

import pytest

from nocontact.core.taxonomy import Category, Tactic
from tests.helpers import require_shared

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "training"
TRAIN_FILES = ("generated.jsonl", "grammar.jsonl", "public.jsonl", "handwritten.jsonl",
               "concepts.jsonl", "boundary.jsonl",
               *(f"authored/{p.name}" for p in sorted((DATA / "authored").glob("*.jsonl"))))
HELDOUT_FILES = tuple(str(p) for p in sorted((ROOT / "data" / "heldout").glob("*.jsonl")))


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).open(encoding="utf-8")]


def test_the_build_reads_every_training_file_and_no_held_out_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from build_model import training_paths

    read = {str(p.relative_to(DATA)) for p in training_paths()}
    assert read == set(TRAIN_FILES)
    assert HELDOUT_FILES, "the sealed held-out sets are in data/heldout/"


def test_every_row_has_a_taxonomy_label_and_a_source() -> None:
    categories = {c.value for c in Category}
    tactics = {t.value for t in Tactic}
    for name in TRAIN_FILES + HELDOUT_FILES:
        for row in rows(name):
            assert row["category"] in categories, name
            assert set(row["tactics"]) <= tactics, name
            assert isinstance(row["text"], str) and row["source"], name


def test_held_out_texts_are_not_among_the_rows_the_build_trains_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from build_model import training_rows

    train = {str(row["text"]).strip().lower() for row in training_rows()}
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
