"""Shared helpers for the reader tests: the real fixtures and small generators."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from nocontact.core.message import RawMessage, ReadProblem
from nocontact.readers.types import Passed, ReadItem
from tests.helpers import require_shared


def require_fixtures(sub: str) -> Path:
    return require_shared("fixtures", sub)


def split(items: Iterable[ReadItem]) -> tuple[list[RawMessage], list[ReadProblem], list[Passed]]:
    messages: list[RawMessage] = []
    problems: list[ReadProblem] = []
    passed: list[Passed] = []
    for item in items:
        if isinstance(item, RawMessage):
            messages.append(item)
        elif isinstance(item, ReadProblem):
            problems.append(item)
        else:
            assert isinstance(item, Passed), item
            passed.append(item)
    return messages, problems, passed


def mbox_message(i: int, sender: str = "ex@example.org", body: str = "") -> str:
    text = body or f"Message number {i}.\n>From the start, as always.\n"
    return (
        f"From {sender} Mon Jan  1 10:{i % 60:02d}:00 2024\n"
        f"From: Someone <{sender}>\nTo: me@example.net\nSubject: note {i}\n"
        f"Message-ID: <m{i}@example.org>\nDate: Mon, 1 Jan 2024 10:{i % 60:02d}:00 +0100\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{text}\n"
    )


def sms_record(i: int, address: str = "+15551230000", body: str = "") -> str:
    text = body or f"text {i} &amp; more"
    return (
        f'<sms protocol="0" address="{address}" date="{1700000000000 + i * 1000}" type="1" '
        f'subject="null" body="{text}" read="1" status="-1" locked="0" contact_name="Ex" />\n'
    )


def sms_file(records: Iterable[str], close: bool = True) -> str:
    head = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\">\n"
    return head + "".join(records) + ("</smses>\n" if close else "")
