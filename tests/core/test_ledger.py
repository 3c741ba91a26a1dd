"""The hash-chained evidence ledger: every single change is detected and located."""

from __future__ import annotations

import itertools
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nocontact.core.ledger import (
    GENESIS_HASH,
    LedgerEntry,
    LedgerError,
    LedgerEvent,
    ProblemKind,
    append,
    head_of,
    verify,
)

START = datetime(2026, 3, 1, 21, 14, tzinfo=UTC)
EVENTS = [LedgerEvent.INGEST, LedgerEvent.KEEP, LedgerEvent.RELEASE, LedgerEvent.DESTROY]


def build_chain(length: int) -> list[LedgerEntry]:
    chain: list[LedgerEntry] = []
    for i in range(length):
        chain.append(
            append(
                chain[-1] if chain else None,
                time=START + timedelta(minutes=i),
                case_id="1",
                event=EVENTS[i % len(EVENTS)],
                channel="sms",
                person_id=str(1 + i % 3),
                category="threat" if i % 2 else "hoovering",
                sha256=f"{i:064x}",
                actor="system" if i % 4 == 0 else "friend",
            )
        )
    return chain


def test_a_fresh_chain_verifies_clean() -> None:
    chain = build_chain(6)
    assert chain[0].prev_hash == GENESIS_HASH
    assert [e.seq for e in chain] == [1, 2, 3, 4, 5, 6]
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(chain))
    assert verify(chain) == []
    assert verify(chain, head_of(chain)) == []
    assert verify([]) == []


def test_times_are_stored_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    entry = append(None, time=datetime(2026, 3, 1, 22, 14, tzinfo=paris), case_id="1",
                   event="ingest")
    assert entry.time == "2026-03-01T21:14:00.000000Z"
    with pytest.raises(LedgerError):
        append(None, time=datetime(2026, 3, 1), case_id="1", event="ingest")


def test_entries_refuse_anything_that_could_be_content() -> None:
    with pytest.raises(LedgerError):
        append(None, time=START, case_id="1", event="ingest", channel="I will find you")
    with pytest.raises(LedgerError):
        append(None, time=START, case_id="1", event="ingest", sha256="not a hash")
    with pytest.raises(ValueError):
        append(None, time=START, case_id="1", event="read the message")


def test_a_changed_byte_is_named_by_seq() -> None:
    chain = build_chain(5)
    chain[2] = replace(chain[2], category="other")
    problems = verify(chain)
    assert [(p.seq, p.kind) for p in problems] == [(3, ProblemKind.CHANGED)]
    assert "seq 3" in str(problems[0])


def test_a_dropped_row_is_named() -> None:
    chain = build_chain(5)
    del chain[1]
    problems = verify(chain)
    assert [(p.seq, p.kind) for p in problems] == [(3, ProblemKind.MISSING)]
    assert "entries 2 to 2 are missing" in problems[0].detail


def test_a_dropped_last_row_needs_the_kept_head() -> None:
    chain = build_chain(5)
    head = head_of(chain)
    assert verify(chain[:-1]) == []  # a bare chain cannot know its own end
    assert [p.kind for p in verify(chain[:-1], head)] == [ProblemKind.TRUNCATED]


def test_a_rebuilt_chain_is_caught_by_the_kept_head() -> None:
    chain = build_chain(4)
    head = head_of(chain)
    forged = build_chain(3)
    forged.append(append(forged[-1], time=START, case_id="1", event="keep"))
    assert verify(forged) == []
    assert [p.kind for p in verify(forged, head)] == [ProblemKind.HEAD_MISMATCH]


def test_an_inserted_row_is_named() -> None:
    chain = build_chain(5)
    forged = append(chain[1], time=START, case_id="1", event="release", actor="friend")
    chain.insert(2, forged)
    problems = verify(chain)
    assert (3, ProblemKind.OUT_OF_ORDER) in [(p.seq, p.kind) for p in problems]


def test_two_rows_swapped_are_named() -> None:
    chain = build_chain(5)
    chain[1], chain[3] = chain[3], chain[1]
    seqs = {p.seq for p in verify(chain)}
    assert 4 in seqs and 2 in seqs


def test_round_trip_through_dicts() -> None:
    chain = build_chain(3)
    again = [LedgerEntry.from_dict(e.as_dict()) for e in chain]
    assert again == chain and verify(again) == []
    with pytest.raises(LedgerError):
        LedgerEntry.from_dict({"seq": 1})


# --- property tests: any single mutation is detected ---------------------------------

FIELD_NAMES = [f.name for f in fields(LedgerEntry)]


def _different(value: object, draw_text: str, draw_int: int) -> object:
    if isinstance(value, int):
        return value + draw_int
    return value + draw_text if draw_text else value[:-1] if value else "x"


@settings(max_examples=300, deadline=None)
@given(
    length=st.integers(min_value=1, max_value=12),
    data=st.data(),
)
def test_any_changed_field_is_detected_at_its_row(length: int, data: st.DataObject) -> None:
    chain = build_chain(length)
    position = data.draw(st.integers(min_value=0, max_value=length - 1))
    name = data.draw(st.sampled_from(FIELD_NAMES))
    suffix = data.draw(st.text(min_size=0, max_size=3))
    delta = data.draw(st.sampled_from([-2, -1, 1, 5]))
    original = getattr(chain[position], name)
    changed = _different(original, suffix, delta)
    if changed == original:
        changed = "x" if not isinstance(original, int) else original + 1
    chain[position] = replace(chain[position], **{name: changed})
    problems = verify(chain)
    assert problems, f"changing {name} at row {position} went unnoticed"
    assert position in {p.position for p in problems}


@settings(max_examples=200, deadline=None)
@given(length=st.integers(min_value=2, max_value=12), data=st.data())
def test_any_dropped_row_is_detected(length: int, data: st.DataObject) -> None:
    chain = build_chain(length)
    head = head_of(chain)
    position = data.draw(st.integers(min_value=0, max_value=length - 1))
    dropped_seq = chain[position].seq
    del chain[position]
    problems = verify(chain, head)
    assert problems
    if position < length - 1:  # in the middle: found without the head, at the next row
        assert verify(chain)
        assert any(p.kind is ProblemKind.MISSING and p.seq == dropped_seq + 1 for p in problems)


@settings(max_examples=200, deadline=None)
@given(length=st.integers(min_value=1, max_value=12), data=st.data())
def test_any_inserted_row_is_detected(length: int, data: st.DataObject) -> None:
    chain = build_chain(length)
    position = data.draw(st.integers(min_value=0, max_value=length - 1))
    base = chain[position - 1] if position > 0 else None
    forged = append(base, time=START, case_id="1", event="destroy", actor="friend")
    mode = data.draw(st.sampled_from(["follow", "renumbered", "seq_only"]))
    if mode == "renumbered":  # claims a later number, with a self-consistent hash
        unhashed = replace(forged, seq=forged.seq + data.draw(st.integers(1, 3)))
        forged = replace(unhashed, entry_hash=unhashed.compute_hash())
    elif mode == "seq_only":  # a copied row with its number edited
        forged = replace(chain[position], seq=chain[position].seq + 1)
    chain.insert(position, forged)
    assert verify(chain), f"a row inserted before row {position} ({mode}) went unnoticed"


@settings(max_examples=200, deadline=None)
@given(length=st.integers(min_value=2, max_value=12), data=st.data())
def test_any_two_rows_swapped_are_detected(length: int, data: st.DataObject) -> None:
    chain = build_chain(length)
    i = data.draw(st.integers(min_value=0, max_value=length - 2))
    j = data.draw(st.integers(min_value=i + 1, max_value=length - 1))
    renumber = data.draw(st.booleans())
    a, b = chain[i], chain[j]
    if renumber:  # swap the rows but keep the seq column in order
        chain[i], chain[j] = replace(b, seq=a.seq), replace(a, seq=b.seq)
    else:
        chain[i], chain[j] = b, a
    problems = verify(chain)
    assert problems
    assert {i, j} & {p.position for p in problems}
