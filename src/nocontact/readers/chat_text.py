"""Chat exports as plain text: WhatsApp "Export chat" (Android and iOS) and Signal text.

Each message starts with a date and time; lines without one continue the message before.
WhatsApp writes dates in the phone's locale, so the day/month order is inferred per file:
a first field over 12 means day first, a second field over 12 means month first, and an
ambiguous file takes the order under which its messages run forward in time. Times carry
no zone and are read as UTC. The sender is the display name (an alias). Media named in
the chat are attached when the file sits next to the .txt (an exported zip).
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import canonical_json, record_id
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

WHATSAPP = "whatsapp"
SIGNAL = "signal"
MAX_ATTACHMENT = 64 * 1024 * 1024
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"
_START = re.compile(
    r"^\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
    r"(?:[\s\u202f\u00a0]*(?P<ampm>[aApP]\.?\s?[mM]\.?))?"
    r"(?:\]\s?|\s[-\u2013]\s)(?P<rest>.*)$"
)
_SIGNAL_START = re.compile(r"^\[\d{4}-\d{2}-\d{2},? \d{2}:\d{2}\] [^:]+: ")
_ATTACHED = re.compile(r"<attached: ([^>]+)>|^(.+?\.\w{2,5}) \(file attached\)", re.M)
_OMITTED = re.compile(r"^<?(media|image|video|audio|sticker|GIF|document) omitted>?$", re.I)


def _clean(line: str) -> str:
    return line.translate({ord(c): None for c in _MARKS}).replace("\u202f", " ").rstrip("\r\n")


def sniff_signal(head: bytes) -> bool:
    lines = [x for x in head.decode("utf-8", "replace").splitlines() if x.strip()][:3]
    return bool(lines) and all(_SIGNAL_START.match(_clean(x)) for x in lines[:1])


def sniff_whatsapp(head: bytes) -> bool:
    lines = [_clean(x) for x in head.decode("utf-8", "replace").splitlines() if x.strip()][:8]
    return bool(lines) and _START.match(lines[0]) is not None and not sniff_signal(head)


@dataclass(slots=True)
class _Pending:
    line: int
    date: str
    time: str
    ampm: str
    rest: list[str] = field(default_factory=list)


def _fields(date: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in re.split(r"[./-]", date))
    return a, b, c


def _order(path: Path) -> str:
    """ "ymd", "dmy" or "mdy" for the whole file, in one streaming pass."""
    year_first = day_first = month_first = twelve = False
    backwards = {"dmy": 0, "mdy": 0}
    last: dict[str, tuple[int, int, int]] = {}
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            match = _START.match(_clean(raw))
            if match is None:
                continue
            a, b, c = _fields(match["date"])
            year_first, day_first = year_first or a > 31, day_first or a > 12
            month_first, twelve = month_first or b > 12, twelve or bool(match["ampm"])
            for order, key in (("dmy", (c, b, a)), ("mdy", (c, a, b))):
                if order in last and key < last[order]:
                    backwards[order] += 1
                last[order] = key
    if year_first:
        return "ymd"
    if day_first or month_first:
        return "dmy" if day_first else "mdy"
    if backwards["dmy"] != backwards["mdy"]:
        return "dmy" if backwards["dmy"] < backwards["mdy"] else "mdy"
    return "mdy" if twelve else "dmy"


def _when(item: _Pending, order: str) -> datetime:
    a, b, c = _fields(item.date)
    year, month, day = (a, b, c) if order == "ymd" else (c, b, a) if order == "dmy" else (c, a, b)
    if year < 100:
        year += 2000
    parts = [int(x) for x in re.split(r"[:.]", item.time)]
    hour, minute, second = parts[0], parts[1], parts[2] if len(parts) > 2 else 0
    ampm = item.ampm.lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def _attachments(text: str, folder: Path) -> tuple[Attachment, ...]:
    found = []
    for match in _ATTACHED.finditer(text):
        name = (match.group(1) or match.group(2) or "").strip()
        candidate = folder / name
        if name and "/" not in name and candidate.is_file():
            size = candidate.stat().st_size
            data = candidate.read_bytes() if size <= MAX_ATTACHMENT else b""
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            found.append(Attachment(name, kind, data))
    return tuple(found)


def read_whatsapp(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    return _read(path, accept, progress, WHATSAPP, Channel.WHATSAPP)


def read_signal(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    return _read(path, accept, progress, SIGNAL, Channel.SIGNAL)


def _read(
    path: Path, accept: Accept | None, progress: Progress, fmt: str, channel: Channel
) -> Iterator[ReadItem]:
    file, order = str(path), _order(path)
    seen: dict[str, int] = {}
    pending: _Pending | None = None
    with path.open("r", encoding="utf-8", errors="replace", newline="") as handle:
        for number, raw in enumerate(handle, start=1):
            progress(len(raw.encode("utf-8", "replace")))
            line = _clean(raw)
            match = _START.match(line)
            if match is None:
                if pending is not None:
                    pending.rest.append(line)
                elif line.strip():
                    yield ReadProblem(file, f"line {number}", "text before the first message")
                continue
            if pending is not None:
                yield from _finish(pending, order, path, accept, fmt, channel, seen)
            pending = _Pending(number, match["date"], match["time"], match["ampm"] or "")
            pending.rest.append(match["rest"])
    if pending is not None:
        yield from _finish(pending, order, path, accept, fmt, channel, seen)


def _finish(
    item: _Pending,
    order: str,
    path: Path,
    accept: Accept | None,
    fmt: str,
    channel: Channel,
    seen: dict[str, int],
) -> Iterator[ReadItem]:
    sender, sep, text = item.rest[0].partition(":")
    if not sep or len(sender) > 80 or '"' in sender:
        return  # a system line (encryption notice, group changes): nobody sent it
    text = text.removeprefix(" ")
    text = "\n".join([text, *item.rest[1:]]).strip()
    try:
        sent_at = _when(item, order)
    except ValueError:
        yield ReadProblem(str(path), f"line {item.line}", "date or time not understood")
        return
    sender = sender.strip()
    if not accepts(accept, sender):
        yield Passed(sender)
        return
    key = canonical_json([sent_at.isoformat(), sender, text])
    seen[key.decode()] = occurrence = seen.get(key.decode(), 0) + 1
    files = _attachments(text, path.parent)
    if _OMITTED.match(text):
        text = "[media omitted]"
    record = {
        "format": fmt,
        "sent_at": sent_at.isoformat(),
        "sender": sender,
        "text": text,
        "attachments": [a.filename for a in files],
    }
    yield RawMessage(
        channel=channel,
        sender=sender,
        sent_at=sent_at,
        text=text,
        source_id=record_id(fmt, key + b"#%d" % occurrence),
        original=canonical_json(record),
        format=fmt,
        sender_name=sender,
        attachments=files,
    )
