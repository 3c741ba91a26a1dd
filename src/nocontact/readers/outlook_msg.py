"""Outlook .msg (one message saved from Outlook), read with olefile; MAPI properties by hand.

Strings live in ``__substg1.0_<id><type>`` streams (001F UTF-16LE, 001E 8-bit, 0102
binary); times in the fixed-size ``__properties_version1.0`` table as FILETIME. The
sender is the SMTP address where Outlook kept one, else the transport headers' From.
``original`` is the .msg file's own bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import struct
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import HeaderParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

import olefile

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import aware, clean_filename, html_to_text
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

NAME = "outlook_msg"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MSG = 512 * 1024 * 1024
_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_PT_SYSTIME = 0x0040
_CLIENT_SUBMIT, _DELIVERY, _CREATED = 0x0039, 0x0E06, 0x3007


def sniff(head: bytes, path: Path) -> bool:
    if not head.startswith(OLE_MAGIC):
        return False
    try:
        with olefile.OleFileIO(str(path)) as ole:
            return any(entry[-1].startswith("__substg1.0_") for entry in ole.listdir())
    except (OSError, ValueError):
        return False


class _Props:
    def __init__(self, ole: olefile.OleFileIO, prefix: str = "") -> None:
        self.ole, self.prefix = ole, prefix

    def raw(self, prop: int, kind: str) -> bytes | None:
        name = f"{self.prefix}__substg1.0_{prop:04X}{kind}"
        if not self.ole.exists(name):
            return None
        data: bytes = self.ole.openstream(name).read()
        return data

    def text(self, prop: int) -> str:
        unicode = self.raw(prop, "001F")
        if unicode is not None:
            return unicode.decode("utf-16-le", "replace").rstrip("\x00")
        eight = self.raw(prop, "001E")
        return eight.decode("cp1252", "replace").rstrip("\x00") if eight is not None else ""

    def times(self, header: int) -> dict[int, datetime]:
        name = f"{self.prefix}__properties_version1.0"
        if not self.ole.exists(name):
            return {}
        table = self.ole.openstream(name).read()
        found: dict[int, datetime] = {}
        for at in range(header, len(table) - 15, 16):
            tag, _flags, value = struct.unpack_from("<IIQ", table, at)
            if tag & 0xFFFF == _PT_SYSTIME and value:
                found[tag >> 16] = _FILETIME_EPOCH + timedelta(microseconds=value // 10)
        return found


def _sender(props: _Props, headers: dict[str, str]) -> tuple[str, str]:
    name = props.text(0x0C1A) or props.text(0x0042)
    for candidate in (props.text(0x5D01), props.text(0x0C1F), props.text(0x0065)):
        if "@" in candidate:
            return candidate.strip(), name
    header_name, address = parseaddr(headers.get("from", ""))
    return (address or name).strip(), name or header_name


def _attachments(ole: olefile.OleFileIO) -> tuple[Attachment, ...]:
    folders = sorted({e[0] for e in ole.listdir() if e[0].startswith("__attach_version1.0_")})
    found = []
    for folder in folders:
        props = _Props(ole, folder + "/")
        data = props.raw(0x3701, "0102")
        if data is None:
            continue  # an embedded message or OLE object: not extracted
        name = props.text(0x3707) or props.text(0x3704) or "attachment"
        found.append(Attachment(clean_filename(name), props.text(0x370E) or "", data))
    return tuple(found)


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    file = str(path)
    progress(path.stat().st_size)
    if path.stat().st_size > MAX_MSG:
        yield ReadProblem(file, "byte 0", "message larger than 512 MB was skipped")
        return
    try:
        with olefile.OleFileIO(file) as ole:
            yield from _read(ole, path, accept)
    except (OSError, ValueError, struct.error, UnicodeError) as exc:
        yield ReadProblem(file, "message 1", f"unreadable .msg ({type(exc).__name__})")


def _read(ole: olefile.OleFileIO, path: Path, accept: Accept | None) -> Iterator[ReadItem]:
    props = _Props(ole)
    header_text = props.text(0x007D)
    parsed = HeaderParser(policy=policy.compat32).parsestr(header_text) if header_text else None
    headers = {k.lower(): str(v) for k, v in parsed.items()} if parsed is not None else {}
    sender, name = _sender(props, headers)
    if not accepts(accept, sender):
        yield Passed(sender)
        return
    times = props.times(32)
    sent_at = times.get(_CLIENT_SUBMIT) or times.get(_DELIVERY) or times.get(_CREATED)
    if headers.get("date"):
        with contextlib.suppress(TypeError, ValueError):
            sent_at = aware(parsedate_to_datetime(headers["date"]))
    if sent_at is None:
        sent_at = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    text = props.text(0x1000)
    if not text.strip():
        html = props.raw(0x1013, "0102") or props.raw(0x1013, "001F") or b""
        text = html_to_text(html.decode("utf-8", "replace"))
    message_id = (props.text(0x1035) or headers.get("message-id", "")).strip().strip("<>")
    original = path.read_bytes()
    digest = hashlib.sha256(original).hexdigest()
    recipients = tuple(
        a for _, a in getaddresses([headers.get("to", ""), headers.get("cc", "")]) if a
    )
    yield RawMessage(
        channel=Channel.EMAIL,
        sender=sender,
        sent_at=sent_at,
        text=text.replace("\r\n", "\n").strip(),
        source_id=f"email:{message_id}" if message_id else f"{NAME}:{digest[:40]}",
        original=original,
        format=NAME,
        recipients=recipients,
        sender_name=name,
        subject=props.text(0x0037),
        attachments=_attachments(ole),
    )
