"""The evidence ledger: an append-only SHA-256 hash chain, pure.

Each entry's hash covers a canonical JSON of all its fields, including the previous entry's
hash, so changing, dropping, inserting or reordering any entry breaks the chain at that
place. An entry holds identifiers, hashes and labels only, never message content.

A hash chain alone cannot show that entries were cut off its end, nor that someone with write
access rebuilt the whole chain from some point on: for that, keep the head (last seq and
hash) somewhere else (an export manifest, the friend's notes) and pass it to `verify`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from enum import StrEnum

GENESIS_HASH = "0" * 64
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_LABEL = re.compile(r"^[a-z0-9_\-]{0,40}$")


class LedgerError(Exception):
    """An entry could not be made (bad field); never carries content."""


class LedgerEvent(StrEnum):
    INGEST = "ingest"
    RELEASE = "release"
    RELEASE_SUMMARY = "release_summary"
    RELEASE_TIMEOUT = "release_timeout"
    KEEP = "keep"
    DESTROY = "destroy"
    VIEW = "view"
    EXPORT = "export"
    KEY_REWRAP = "key_rewrap"
    RECLASSIFY = "reclassify"


def utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise LedgerError("ledger times must carry a time zone")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    seq: int
    time: str  # ISO 8601, UTC, microseconds, "Z"
    case_id: str
    event: str
    channel: str
    person_id: str
    category: str
    sha256: str  # of the original bytes; "" for events about no one message
    actor: str  # a role ("system", "friend", "survivor"), never a name
    prev_hash: str
    entry_hash: str

    def hashed_fields(self) -> dict[str, object]:
        data = asdict(self)
        del data["entry_hash"]
        return data

    def compute_hash(self) -> str:
        return hash_fields(self.hashed_fields())

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LedgerEntry:
        names = [f.name for f in fields(cls)]
        try:
            return cls(**{name: data[name] for name in names})  # type: ignore[arg-type]
        except KeyError as exc:
            raise LedgerError(f"ledger entry lacks field {exc.args[0]!r}") from exc


def hash_fields(data: dict[str, object]) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _check_label(name: str, value: str) -> None:
    if not _LABEL.match(value):
        raise LedgerError(f"ledger field {name} must be a short label or id")


def append(
    prev: LedgerEntry | None,
    *,
    time: datetime,
    case_id: str,
    event: LedgerEvent | str,
    channel: str = "",
    person_id: str = "",
    category: str = "",
    sha256: str = "",
    actor: str = "system",
) -> LedgerEntry:
    """The entry that follows ``prev`` (or starts the chain when ``prev`` is None)."""
    event = LedgerEvent(event).value
    for name, value in (
        ("case_id", case_id),
        ("channel", channel),
        ("person_id", person_id),
        ("category", category),
        ("actor", actor),
    ):
        _check_label(name, value)
    if sha256 and not _HEX64.match(sha256):
        raise LedgerError("sha256 must be 64 lowercase hex digits")
    unhashed = LedgerEntry(
        seq=1 if prev is None else prev.seq + 1,
        time=utc_iso(time),
        case_id=case_id,
        event=event,
        channel=channel,
        person_id=person_id,
        category=category,
        sha256=sha256,
        actor=actor,
        prev_hash=GENESIS_HASH if prev is None else prev.entry_hash,
        entry_hash="",
    )
    return replace(unhashed, entry_hash=unhashed.compute_hash())


@dataclass(frozen=True, slots=True)
class LedgerHead:
    seq: int
    entry_hash: str


def head_of(entries: Sequence[LedgerEntry]) -> LedgerHead:
    if not entries:
        return LedgerHead(seq=0, entry_hash=GENESIS_HASH)
    return LedgerHead(seq=entries[-1].seq, entry_hash=entries[-1].entry_hash)


class ProblemKind(StrEnum):
    CHANGED = "changed"  # an entry's fields no longer match its own hash
    MISSING = "missing"  # sequence numbers skipped: entries were dropped
    OUT_OF_ORDER = "out_of_order"  # a sequence number repeats or goes back
    BROKEN_LINK = "broken_link"  # prev_hash does not match the entry before
    TRUNCATED = "truncated"  # the chain ends before the head kept elsewhere
    HEAD_MISMATCH = "head_mismatch"  # the chain was rebuilt after the kept head


@dataclass(frozen=True, slots=True)
class LedgerProblem:
    position: int  # 0-based row in the order given to verify
    seq: int  # the seq the problem is found at
    kind: ProblemKind
    detail: str

    def __str__(self) -> str:
        return f"seq {self.seq} (row {self.position + 1}): {self.kind.value}: {self.detail}"


def verify(
    entries: Sequence[LedgerEntry], head: LedgerHead | None = None
) -> list[LedgerProblem]:
    """Every place where the chain is not what was appended; empty when intact."""
    problems: list[LedgerProblem] = []
    prev: LedgerEntry | None = None
    for position, entry in enumerate(entries):
        if entry.compute_hash() != entry.entry_hash:
            problems.append(
                LedgerProblem(position, entry.seq, ProblemKind.CHANGED, "entry hash mismatch")
            )
        expected_seq = 1 if prev is None else prev.seq + 1
        expected_prev = GENESIS_HASH if prev is None else prev.entry_hash
        if entry.seq > expected_seq:
            problems.append(
                LedgerProblem(
                    position,
                    entry.seq,
                    ProblemKind.MISSING,
                    f"entries {expected_seq} to {entry.seq - 1} are missing",
                )
            )
        elif entry.seq < expected_seq:
            problems.append(
                LedgerProblem(
                    position,
                    entry.seq,
                    ProblemKind.OUT_OF_ORDER,
                    f"seq {entry.seq} follows seq {expected_seq - 1}",
                )
            )
        elif entry.prev_hash != expected_prev:
            problems.append(
                LedgerProblem(
                    position,
                    entry.seq,
                    ProblemKind.BROKEN_LINK,
                    "prev_hash does not match the entry before",
                )
            )
        prev = entry
    if head is not None:
        problems.extend(_check_head(entries, head))
    return problems


def _check_head(entries: Sequence[LedgerEntry], head: LedgerHead) -> list[LedgerProblem]:
    last_position = len(entries) - 1
    last_seq = entries[-1].seq if entries else 0
    if last_seq < head.seq:
        return [
            LedgerProblem(
                last_position,
                last_seq,
                ProblemKind.TRUNCATED,
                f"the chain ends at seq {last_seq}; the kept head is seq {head.seq}",
            )
        ]
    kept = next((e for e in entries if e.seq == head.seq), None)
    if head.seq > 0 and (kept is None or kept.entry_hash != head.entry_hash):
        position = entries.index(kept) if kept is not None else last_position
        return [
            LedgerProblem(
                position,
                head.seq,
                ProblemKind.HEAD_MISMATCH,
                "the entry at the kept head has a different hash",
            )
        ]
    return []
