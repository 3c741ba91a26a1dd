"""A single RFC 822 message: a .eml file, or one file of a Maildir (cur/ and new/)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from nocontact.core.message import ReadProblem
from nocontact.readers.email_message import parse_email, quick_sender, split_headers
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

NAME = "eml"
MAILDIR = "maildir"
MAX_MESSAGE = 512 * 1024 * 1024
_HEADER_LINE = re.compile(rb"^[!-9;-~]{1,76}:[^\r\n]*\r?\n", re.M)
_KNOWN = re.compile(
    rb"^(from|date|subject|message-id|received|return-path|to|mime-version|"
    rb"delivered-to|x-[\w-]+):",
    re.M | re.I,
)


def sniff(head: bytes) -> bool:
    """A header block: the first line is a header, and common mail headers appear."""
    start = head.lstrip(b"\r\n")
    if _HEADER_LINE.match(start) is None:
        return False
    block = start.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = {m.group(1).lower() for m in _KNOWN.finditer(block)}
    return len(names) >= 2 and (b"from" in names or b"received" in names)


def in_maildir(path: Path) -> bool:
    parent = path.parent
    return parent.name in {"cur", "new"} and (parent.parent / "tmp").is_dir()


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    file = str(path)
    fmt = MAILDIR if in_maildir(path) else NAME
    size = path.stat().st_size
    if size > MAX_MESSAGE:
        yield ReadProblem(file, "byte 0", "message larger than 512 MB was skipped")
        return
    raw = path.read_bytes()
    progress(len(raw))
    parts = split_headers(raw)
    if parts is None:
        parts = (raw, b"")
    sender, _ = quick_sender(parts[0])
    if not accepts(accept, sender):
        yield Passed(sender)
        return
    mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    yield from parse_email(raw, fmt=fmt, file=file, position="message 1", fallback_date=mtime)
