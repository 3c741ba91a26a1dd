"""Android "SMS Backup & Restore" XML: <smses> (sms, mms) and <calls>.

The file is scanned in chunks for top-level records; each record's bytes are parsed on
their own, so memory stays flat however large the file, one malformed record is reported
and skipped, and a file cut in half yields everything before the cut and then a problem
naming the byte offset. ``original`` is the record's own bytes as they stand in the file.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import canonical_json, clean_filename, record_id, utc_from_ms
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress
from nocontact.readers.xmlfix import fix_char_refs, fix_control_bytes

NAME = "sms_backup_restore"
CHUNK = 1024 * 1024
MAX_RECORD = 256 * 1024 * 1024
_ROOT = re.compile(rb"<(smses|calls)[\s>/]")
_TAG = re.compile(rb"<(/?)([A-Za-z_][\w.:-]*)")
_ADDRESS = re.compile(rb'\saddress="([^"]*)"')
_OUT_SMS_TYPES = {"2", "4", "5", "6"}
_WITHHELD = {"", "-1", "-2", "-3", "null"}
_CALLS = {
    "1": ("call", Channel.CALL, "in", "Incoming call"),
    "2": ("call", Channel.CALL, "out", "Outgoing call"),
    "3": ("missed_call", Channel.CALL, "in", "Missed call"),
    "4": ("voicemail", Channel.VOICEMAIL, "in", "Voicemail"),
    "5": ("missed_call", Channel.CALL, "in", "Rejected call"),
    "6": ("blocked_call", Channel.CALL, "in", "Blocked call"),
    "7": ("call", Channel.CALL, "in", "Call answered on another device"),
}
_MMS_FROM, _MMS_TO, _MMS_CC = "137", "151", "130"


def sniff(head: bytes) -> bool:
    return _ROOT.search(head[:4096]) is not None


def _records(path: Path, progress: Progress) -> Iterator[tuple[int, bytes | None, str]]:
    """(offset, record bytes or None, problem reason) for every top-level record."""
    with path.open("rb") as handle:
        buf, base, pos = b"", 0, 0
        eof, closed = False, False
        while True:
            while True:
                at = buf.find(b"<", pos)
                if at < 0:
                    pos = len(buf)
                    break
                tag = _TAG.match(buf, at)
                if tag is None:
                    if buf.startswith((b"<?", b"<!--", b"<!"), at):
                        end = buf.find(b">", at)
                        if end < 0:
                            break
                        pos = end + 1
                        continue
                    if len(buf) - at < 64 and not eof:
                        break
                    pos = at + 1
                    continue
                closing, name = tag.group(1) == b"/", tag.group(2)
                if name in (b"sms", b"call", b"mms") and not closing:
                    end = _record_end(buf, at, name)
                    if end < 0 and eof and name != b"mms" and buf.rstrip().endswith(b"/>"):
                        end = len(buf)  # a complete last record, then the file was cut
                    if end < 0:
                        break
                    yield base + at, buf[at:end], ""
                    pos = end
                    continue
                if closing and name in (b"smses", b"calls"):
                    closed = True
                end = buf.find(b">", at)
                if end < 0:
                    break
                pos = end + 1
            if eof:
                if pos < len(buf) and buf[pos:].strip():
                    yield base + pos, None, "file ends inside a record (truncated)"
                elif not closed:
                    yield base + len(buf), None, "file ends before its closing tag (truncated?)"
                return
            buf, base, pos = buf[pos:], base + pos, 0
            if len(buf) > MAX_RECORD:
                yield base, None, "record larger than 256 MB was skipped"
                buf, base = b"", base + len(buf)
            chunk = handle.read(CHUNK)
            progress(len(chunk))
            eof = not chunk
            buf += chunk


def _record_end(buf: bytes, at: int, name: bytes) -> int:
    if name == b"mms":
        end = buf.find(b"</mms>", at)
        return end + 6 if end >= 0 else -1
    # '<' cannot occur inside an attribute value, so the record ends before the next tag.
    nxt = buf.find(b"<", at + 1)
    if nxt < 0:
        return -1
    if buf[at:nxt].rstrip().endswith(b"/>"):
        return nxt
    closing = b"</" + name + b">"
    if buf.startswith(closing, nxt):
        return nxt + len(closing)
    return nxt


def _parse(record: bytes) -> ET.Element:
    try:
        # Records are parsed alone, never with the file's DOCTYPE: no entity expansion.
        return ET.fromstring(record)  # noqa: S314
    except ET.ParseError:
        repaired = fix_control_bytes(fix_char_refs(record)).decode("utf-8", "replace")
        return ET.fromstring(repaired)  # noqa: S314


def _attr(element: ET.Element, key: str) -> str:
    value = element.get(key, "")
    return "" if value == "null" else value


def _sms(element: ET.Element, record: bytes) -> RawMessage:
    address, kind, body = _attr(element, "address"), _attr(element, "type"), _attr(element, "body")
    date = element.get("date", "")
    out = kind in _OUT_SMS_TYPES
    return RawMessage(
        channel=Channel.SMS,
        sender="" if out else address,
        sent_at=utc_from_ms(int(date)),
        text=body,
        source_id=record_id(NAME, canonical_json(["sms", address, date, kind, body])),
        original=record,
        format=NAME,
        recipients=(address,) if out else (),
        sender_name="" if out else _attr(element, "contact_name"),
        subject=_attr(element, "subject"),
        direction="out" if out else "in",
    )


def _mms_parties(element: ET.Element) -> tuple[str, list[str]]:
    sender, to = "", []
    for addr in element.iter("addr"):
        value, kind = _attr(addr, "address"), addr.get("type", "")
        if value in ("", "insert-address-token"):
            continue
        if kind == _MMS_FROM:
            sender = value
        elif kind in (_MMS_TO, _MMS_CC):
            to.append(value)
    return sender, to


def _mms(element: ET.Element, record: bytes, accept: Accept | None) -> RawMessage | Passed:
    sender, to = _mms_parties(element)
    out = element.get("msg_box", "1") != "1"
    counterpart = sender
    if out:
        counterpart = next((t for t in to if accepts(accept, t)), to[0] if to else "")
    if not accepts(accept, counterpart):
        return Passed(counterpart)
    texts, files = [], []
    for number, part in enumerate(element.iter("part")):
        content_type = part.get("ct", "application/octet-stream")
        if content_type == "application/smil":
            continue
        if content_type == "text/plain" and _attr(part, "text"):
            texts.append(_attr(part, "text"))
        data = part.get("data")
        if data:
            try:
                payload = base64.b64decode(data, validate=False)
            except (binascii.Error, ValueError):
                payload = b""
            name = _attr(part, "cl") or _attr(part, "name") or _attr(part, "fn") or f"part{number}"
            files.append(Attachment(clean_filename(name), content_type, payload))
    date, text = element.get("date", ""), "\n".join(texts)
    key = ["mms", date, element.get("msg_box", ""), _attr(element, "m_id"), sender, text]
    return RawMessage(
        channel=Channel.MMS,
        sender="" if out else sender,
        sent_at=utc_from_ms(int(date)),
        text=text,
        source_id=record_id(NAME, canonical_json(key)),
        original=record,
        format=NAME,
        recipients=tuple(to),
        sender_name="" if out else _attr(element, "contact_name"),
        subject=_attr(element, "sub"),
        direction="out" if out else "in",
        attachments=tuple(files),
    )


def _call(element: ET.Element, record: bytes) -> RawMessage:
    number, kind = _attr(element, "number"), element.get("type", "")
    date, duration = element.get("date", ""), element.get("duration", "0")
    what, channel, direction, label = _CALLS.get(kind, ("call", Channel.CALL, "in", "Call"))
    text = f"{label} ({duration} s)" if what == "call" and duration not in ("", "0") else label
    sender = "withheld" if number in _WITHHELD else number
    return RawMessage(
        channel=channel,
        sender="" if direction == "out" else sender,
        sent_at=utc_from_ms(int(date)),
        text=text,
        source_id=record_id(NAME, canonical_json(["call", number, date, kind, duration])),
        original=record,
        format=NAME,
        recipients=(sender,) if direction == "out" else (),
        sender_name=_attr(element, "contact_name") if direction == "in" else "",
        direction=direction,
        kind=what,
    )


def _quick_counterpart(record: bytes) -> str | None:
    found = _ADDRESS.search(record[:4096])
    return html.unescape(found.group(1).decode("utf-8", "replace")) if found else None


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    file = str(path)
    for number, (offset, record, reason) in enumerate(_records(path, progress), start=1):
        if record is None:
            yield ReadProblem(file, f"byte {offset}", reason)
            continue
        position = f"record {number}, byte {offset}"
        try:
            if record.startswith(b"<sms") and accept is not None:
                quick = _quick_counterpart(record)
                if quick is not None and not accept(quick):
                    yield Passed(quick)
                    continue
            element = _parse(record)
            if element.tag == "mms":
                yield _mms(element, record, accept)
                continue
            item = _sms(element, record) if element.tag == "sms" else _call(element, record)
            counterpart = item.recipients[0] if item.direction == "out" else item.sender
            yield item if accepts(accept, counterpart) else Passed(counterpart)
        except (ET.ParseError, ValueError, OverflowError, OSError) as exc:
            yield ReadProblem(file, position, f"unreadable record ({type(exc).__name__})")
