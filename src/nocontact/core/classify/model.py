"""Loading and running the shipped linear model (numpy arrays in an npz, never pickle).

The manifest beside the npz names its SHA-256; a file that does not match is refused."""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from nocontact.core.classify.features import analyse

MODEL_DIR = Path(__file__).resolve().parent / "weights"
MANIFEST_NAME = "manifest.json"

FloatArray = npt.NDArray[np.float64]
# Function words explain nothing to a reader, so they are never offered as a cue.
_STOPWORDS = frozenset((
    "a", "an", "the", "i", "me", "my", "you", "your", "we", "us", "our", "he", "him", "his",
    "she", "her", "it", "its", "they", "them", "their", "is", "am", "are", "was", "were", "be",
    "been", "being", "do", "does", "did", "have", "has", "had", "can", "could", "will",
    "would", "shall", "should", "may", "might", "must", "to", "of", "in", "on", "at", "by",
    "for", "with", "from", "up", "down", "out", "over", "so", "and", "or", "but", "if", "then",
    "than", "that", "this", "these", "those", "there", "here", "what", "when", "where", "who",
    "why", "how", "not", "no", "yes", "just", "all", "any", "i'm", "i'll", "i've", "i'd",
    "you're", "you'll", "it's", "don't", "can't", "won't", "didn't", "as", "into", "about",
    "too", "very",
))


class ClassifierError(Exception):
    """Anything that stops the classifier from running; never carries message text."""


class ModelIntegrityError(ClassifierError):
    """The model file is missing, altered or does not match its manifest."""


@dataclass(frozen=True)
class LinearModel:
    version: str
    categories: tuple[str, ...]
    tactics: tuple[str, ...]
    vocabulary: dict[str, int]
    terms: list[str]
    idf: FloatArray
    cat_weights: FloatArray  # features x categories
    cat_bias: FloatArray
    tac_weights: FloatArray  # features x tactics
    tac_bias: FloatArray
    tac_thresholds: FloatArray

    def vectorise(self, prepared_text: str) -> tuple[npt.NDArray[np.intp], FloatArray]:
        """Sparse TF-IDF (sublinear tf, l2-normalised) as parallel index and value arrays."""
        counts = Counter(analyse(prepared_text))
        ids = list(map(self.vocabulary.get, counts))
        keep = [i is not None for i in ids]
        if not any(keep):
            return np.empty(0, dtype=np.intp), np.empty(0)
        mask = np.array(keep)
        idx = np.array(ids, dtype=object)[mask].astype(np.intp)
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))[mask]
        vals = (1.0 + np.log(tf)) * self.idf[idx]
        return idx, vals / np.sqrt(vals @ vals)

    def predict(self, prepared_text: str) -> tuple[FloatArray, FloatArray]:
        """Category probabilities (softmax) and per-tactic probabilities (sigmoid)."""
        return self.predict_features(*self.vectorise(prepared_text))

    def predict_features(self, idx: npt.NDArray[np.intp],
                         vals: FloatArray) -> tuple[FloatArray, FloatArray]:
        cat_logits = vals @ self.cat_weights[idx] + self.cat_bias
        tac_logits = vals @ self.tac_weights[idx] + self.tac_bias
        cat_p = np.exp(cat_logits - cat_logits.max())
        return cat_p / cat_p.sum(), 1.0 / (1.0 + np.exp(-tac_logits))

    @cached_property
    def cue_terms(self) -> npt.NDArray[np.bool_]:
        """Terms that may be shown as a cue: words or word pairs with a letter that are not
        only function words (computed once, on first use)."""
        return np.array([t[:2] in ("w:", "b:") and any(ch.isalpha() for ch in t)
                         and not all(w in _STOPWORDS for w in t[2:].split(" "))
                         for t in self.terms], dtype=bool)

    def top_cue(self, idx: npt.NDArray[np.intp], vals: FloatArray, category_index: int) -> str:
        """The word or word pair that pushed hardest towards the category (at most two
        words of the message), or "" if none did."""
        if not idx.size:
            return ""
        contrib = vals * self.cat_weights[idx, category_index]
        eligible = self.cue_terms[idx] & (contrib > 0)
        if not eligible.any():
            return ""
        positions = np.flatnonzero(eligible)
        best = positions[int(np.argmax(contrib[positions]))]
        return self.terms[int(idx[best])][2:]


def read_manifest(model_dir: Path = MODEL_DIR) -> dict[str, object]:
    path = model_dir / MANIFEST_NAME
    try:
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelIntegrityError(f"classifier manifest unreadable: {path.name}") from exc
    return data


def load_model(model_dir: Path = MODEL_DIR) -> LinearModel:
    manifest = read_manifest(model_dir)
    path = model_dir / str(manifest.get("file", ""))
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise ModelIntegrityError(f"classifier model file missing: {path.name}") from exc
    digest = hashlib.sha256(blob).hexdigest()
    if digest != manifest.get("sha256"):
        raise ModelIntegrityError(
            f"classifier model {path.name} does not match its manifest (SHA-256 {digest[:12]}…); "
            "refusing to load a tampered or mismatched model — reinstall the package"
        )
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as arrays:
            terms = bytes(arrays["vocabulary"]).decode("utf-8").split("\n")
            return LinearModel(
                version=str(manifest["version"]),
                categories=tuple(str(c) for c in manifest["categories"]),  # type: ignore[attr-defined]
                tactics=tuple(str(t) for t in manifest["tactics"]),  # type: ignore[attr-defined]
                vocabulary={t: i for i, t in enumerate(terms)},
                terms=terms,
                idf=arrays["idf"].astype(np.float64),
                cat_weights=np.ascontiguousarray(arrays["cat_weights"], dtype=np.float64),
                cat_bias=arrays["cat_bias"].astype(np.float64),
                tac_weights=np.ascontiguousarray(arrays["tac_weights"], dtype=np.float64),
                tac_bias=arrays["tac_bias"].astype(np.float64),
                tac_thresholds=arrays["tac_thresholds"].astype(np.float64),
            )
    except (KeyError, ValueError, OSError) as exc:
        raise ModelIntegrityError(f"classifier model {path.name} is malformed") from exc


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel:
    return load_model(MODEL_DIR)
