"""Property-based: whatever the bytes, every reader only yields items and never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nocontact.core.message import RawMessage, ReadProblem
from nocontact.readers import detect, read_path
from nocontact.readers.types import Passed

from .conftest import mbox_message, sms_file, sms_record
from .seeds import SEEDS

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_all(data: bytes, name: str, accept: bool) -> list[object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(read_path(path, accept=(lambda s: len(s) % 2 == 0) if accept else None))
    for item in items:
        assert isinstance(item, RawMessage | ReadProblem | Passed)
        if isinstance(item, RawMessage):
            assert item.sent_at.tzinfo is not None and item.source_id
        if isinstance(item, ReadProblem):
            assert name in item.file and item.position and item.reason
    return items


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "truncate", "replace"]))
        noise = draw(st.binary(min_size=1, max_size=24))
        if action == "insert":
            data[at:at] = noise
        elif action == "delete":
            del data[at : at + len(noise)]
        elif action == "truncate":
            del data[at:]
        else:
            data[at : at + len(noise)] = noise
    return bytes(data)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), accept=st.booleans())
def test_every_reader_survives_mutated_input(data: st.DataObject, accept: bool, fmt: str) -> None:
    name, seed = SEEDS[fmt]
    _read_all(data.draw(mutated(seed)), name, accept)


def test_every_seed_is_detected_as_its_format() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, (name, seed) in SEEDS.items():
            path = Path(tmp) / name
            path.write_bytes(seed)
            expected = "sms_backup_restore" if fmt == "calls" else fmt
            assert detect(path) == expected, fmt
            path.unlink()


@SETTINGS
@given(
    senders=st.lists(st.emails(), min_size=1, max_size=5),
    bodies=st.lists(st.text(max_size=200), min_size=1, max_size=5),
)
def test_mbox_of_arbitrary_text_yields_one_item_per_message(
    senders: list[str], bodies: list[str]
) -> None:
    safe = [b.replace("\r", "").replace("\nFrom ", "\n>From ") for b in bodies]
    text = "".join(mbox_message(i, senders[i % len(senders)], b + "x") for i, b in enumerate(safe))
    items = _read_all(text.encode("utf-8", "surrogatepass"), "m.mbox", accept=False)
    assert len([i for i in items if isinstance(i, RawMessage)]) == len(bodies)


@SETTINGS
@given(bodies=st.lists(st.text(max_size=80), min_size=1, max_size=6))
def test_sms_of_arbitrary_text_round_trips_the_body(bodies: list[str]) -> None:
    from xml.sax.saxutils import quoteattr

    records = [
        sms_record(i).replace('body="text ' + str(i) + ' &amp; more"', "body=" + quoteattr(b))
        for i, b in enumerate(bodies)
    ]
    items = _read_all(sms_file(records).encode("utf-8", "surrogatepass"), "s.xml", accept=False)
    messages = [i for i in items if isinstance(i, RawMessage)]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert len(messages) + len(problems) == len(bodies)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    _read_all(data, "blob", accept=False)


@pytest.mark.parametrize("fmt", sorted(set(SEEDS) - {"letter", "pst"}))
def test_accept_false_never_yields_a_message(fmt: str) -> None:
    name, seed = SEEDS[fmt]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(seed)
        items = list(read_path(path, accept=lambda s: False))
    assert items and not any(isinstance(i, RawMessage) for i in items)
    assert any(isinstance(i, Passed) for i in items)


@SETTINGS
@given(
    name=st.from_regex(r"[A-Za-z0-9 .'_-]{0,20}", fullmatch=True),
    local=st.from_regex(r"[A-Za-z0-9._+-]{1,12}", fullmatch=True),
    domain=st.from_regex(r"[a-z0-9-]{1,10}\.[a-z]{2,4}", fullmatch=True),
    angle=st.booleans(),
)
def test_fast_address_split_agrees_with_parseaddr(
    name: str, local: str, domain: str, angle: bool
) -> None:
    from email.utils import parseaddr

    from nocontact.readers.email_message import split_address

    value = f"{name} <{local}@{domain}>" if angle else f"{local}@{domain}"
    expected = parseaddr(value)
    assert split_address(value) == expected
