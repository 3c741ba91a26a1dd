"""mbox (mboxo/mboxrd, Gmail Takeout): a streaming scan in binary, constant memory.

Separators are found with bytes.find on a sliding buffer; each message's header block
is scanned for the sender first, and the body is parsed only when ``accept`` says yes.
Memory is bounded by the read chunk plus the largest single message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from nocontact.core.message import ReadProblem
from nocontact.readers.common import aware
from nocontact.readers.email_message import parse_email, quick_sender, split_headers
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

NAME = "mbox"
CHUNK = 1024 * 1024
MAX_MESSAGE = 512 * 1024 * 1024
TOO_LARGE = b"\x00too-large"
_FROM_LINE = re.compile(rb"From \S*[^\r\n]*\d{1,2}:\d\d")
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.M)


def is_from_line(line: bytes) -> bool:
    return _FROM_LINE.match(line) is not None


def sniff(head: bytes) -> bool:
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    return is_from_line(first)


def _from_line_date(line: bytes) -> datetime | None:
    parts = line.decode("ascii", "replace").split(None, 2)
    if len(parts) < 3:
        return None
    try:
        return aware(parsedate_to_datetime(parts[2].strip()))
    except (TypeError, ValueError, IndexError):
        return None


def _next_separator(buf: bytes, pos: int, limit: int) -> int:
    """Start of the next complete From_ line at or after ``pos`` (before ``limit``), or -1."""
    while True:
        if pos == 0 and buf.startswith(b"From "):
            at = 0
        else:
            found = buf.find(b"\nFrom ", max(pos - 1, 0), limit)
            if found < 0:
                return -1
            at = found + 1
        end = buf.find(b"\n", at, limit)
        if end < 0:
            return -1
        if is_from_line(buf[at:end]):
            return at
        pos = at + 1


def _messages(path: Path, progress: Progress) -> Iterator[tuple[int, bytes, bool]]:
    """(byte offset, message bytes including the From_ line, ends at end of file).

    Empty bytes mean stray data that belongs to no message; TOO_LARGE an oversized one.
    """
    with path.open("rb") as handle:
        buf, base, start, scanned = b"", 0, -1, 0
        skipping = False  # inside the rest of an oversized message
        while True:
            chunk = handle.read(CHUNK)
            progress(len(chunk))
            eof = not chunk
            buf += chunk
            limit = len(buf) if eof else buf.rfind(b"\n") + 1
            if start < 0:
                at = _next_separator(buf, 0, limit)
                if at < 0:
                    if buf[:limit].strip() and not skipping:
                        yield base, b"", eof
                    if eof:
                        return
                    buf, base = buf[limit:], base + limit
                    continue
                if buf[:at].strip() and not skipping:
                    yield base, b"", False
                start, scanned, skipping = at, at + 1, False
            while (found := _next_separator(buf, scanned, limit)) >= 0:
                yield base + start, buf[start:found], False
                start, scanned = found, found + 1
            scanned = max(scanned, limit)
            if eof:
                last = buf.rfind(b"\n") + 1
                if last > start and buf.startswith(b"From ", last):
                    buf = buf[:last]  # a separator line cut by the end of the file
                yield base + start, buf[start:], True
                return
            buf, base, scanned, limit = buf[start:], base + start, scanned - start, limit - start
            start = 0
            if len(buf) > MAX_MESSAGE:
                yield base, TOO_LARGE, False
                buf, base, start, skipping = buf[limit:], base + limit, -1, True


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    file = str(path)
    for number, (offset, raw, at_end) in enumerate(_messages(path, progress), start=1):
        position = f"message {number}, byte {offset}"
        if raw == b"":
            yield ReadProblem(file, f"byte {offset}", "data outside any mbox message was skipped")
            continue
        if raw == TOO_LARGE:
            yield ReadProblem(file, position, "message larger than 512 MB was skipped")
            continue
        line_end = raw.find(b"\n")
        from_line, content = raw[:line_end].rstrip(b"\r"), raw[line_end + 1 :]
        if not at_end:  # the blank line before the next separator
            content = (
                content.removesuffix(b"\r\n")
                if content.endswith(b"\r\n")
                else (content.removesuffix(b"\n"))
            )
        parts = split_headers(content)
        if parts is None:
            if at_end:
                yield ReadProblem(file, position, "file ends inside the headers (truncated?)")
                continue
            parts = (content, b"")
        sender, _ = quick_sender(parts[0])
        if not accepts(accept, sender):
            yield Passed(sender)
            continue
        content = _ESCAPED_FROM.sub(rb"\1", content)
        fallback = _from_line_date(from_line)
        yield from parse_email(
            content, fmt=NAME, file=file, position=position, fallback_date=fallback
        )
        if at_end and not raw.endswith(b"\n"):
            yield ReadProblem(file, position, "file ends mid-line; the last message may be cut")
