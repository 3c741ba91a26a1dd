"""Categories and tactics from shared/taxonomy.md, and the classifier's result type."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    # Declaration order is the taxonomy's precedence: the first that applies wins.
    THREAT = "threat"
    SELF_HARM = "self_harm"
    LEGAL = "legal"
    LOGISTICS = "logistics"
    HOOVERING = "hoovering"
    OTHER = "other"


class Tactic(StrEnum):
    INTIMIDATION = "intimidation"
    PROVOCATION = "provocation"
    FLATTERY = "flattery"
    APOLOGY = "apology"
    PITY = "pity"
    PRETEXT = "pretext"


CATEGORY_ORDER: tuple[Category, ...] = tuple(Category)
URGENT: frozenset[Category] = frozenset({Category.THREAT, Category.SELF_HARM})
SAFETY_CATEGORIES: frozenset[Category] = frozenset(
    {Category.THREAT, Category.SELF_HARM, Category.LEGAL}
)


def urgency_rank(category: Category | str) -> int:
    """Lower is more urgent: threat, self_harm, legal first."""
    return CATEGORY_ORDER.index(Category(category))


@dataclass(frozen=True, slots=True)
class Classification:
    category: Category
    tactics: tuple[Tactic, ...] = ()
    confidence: float = 1.0
    reasons: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "category": self.category.value,
            "tactics": [t.value for t in self.tactics],
            "confidence": round(self.confidence, 4),
            "reasons": list(self.reasons),
        }
