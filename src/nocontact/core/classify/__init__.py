"""Message classifier: safety rules first, then a small linear model shipped as numpy arrays.

Public API: `classify`, `classify_jsonl`, `MODEL_VERSION`."""

from __future__ import annotations

from nocontact.core.classify.engine import classify, classify_with
from nocontact.core.classify.jsonl import classify_jsonl
from nocontact.core.classify.model import (
    ClassifierError,
    ModelIntegrityError,
    load_model,
    read_manifest,
)
from nocontact.core.classify.rules import RULES_VERSION


def _model_version() -> str:
    try:
        return f"{read_manifest()['version']}+{RULES_VERSION}"
    except ClassifierError:
        return f"no-model+{RULES_VERSION}"


MODEL_VERSION: str = _model_version()

__all__ = ["MODEL_VERSION", "ClassifierError", "ModelIntegrityError", "classify",
           "classify_jsonl", "classify_with", "load_model"]
