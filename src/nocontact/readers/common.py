"""Small helpers shared by the readers: time, identifiers, canonical records, text."""

from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h\d)\b[^>]*>", re.IGNORECASE)
_DROP_BLOCKS = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def utc_from_ms(ms: int | float) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def utc_from_s(seconds: int | float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def aware(moment: datetime) -> datetime:
    """Sources without a zone are read as UTC (documented in docs/formats.md)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def suspect_date(moment: datetime, now: datetime | None = None) -> bool:
    """True for dates before 1990 or more than a day in the future.

    Readers keep such records with the date as written (never dropped); the importer or
    the review pages may flag them with this helper.
    """
    current = now or datetime.now(UTC)
    return moment < EARLIEST_PLAUSIBLE or moment > current + timedelta(days=1)


def canonical_json(record: Any) -> bytes:
    return json.dumps(
        record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    ).encode("utf-8", "surrogatepass")


def record_id(fmt: str, canonical: bytes) -> str:
    return f"{fmt}:{hashlib.sha256(canonical).hexdigest()[:40]}"


def html_to_text(markup: str) -> str:
    """Plain text from HTML for screening only; the web layer sanitises HTML separately."""
    text = _DROP_BLOCKS.sub(" ", markup)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [line.strip() for line in text.splitlines()]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 (Facebook/Instagram exports) where it round-trips."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def clean_filename(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.strip() or "attachment"
