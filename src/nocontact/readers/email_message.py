"""One RFC 822 message (bytes) to a RawMessage; shared by mbox, Maildir and .eml.

The sender is found with a cheap scan of the header bytes first, so that a message from
nobody on the list is passed without its body ever being parsed or decoded.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from datetime import datetime
from email import errors as email_errors
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import aware, clean_filename, html_to_text

_FROM_HEADER = re.compile(rb"^From:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.M | re.I)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_ATOM_ADDRESS = r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+"
_SIMPLE_ADDRESS = re.compile(
    rf"^(?:(?P<name>[A-Za-z0-9 .'_-]*?) ?<(?P<angle>{_ATOM_ADDRESS})>|(?P<bare>{_ATOM_ADDRESS}))$"
)
_TRUNCATION_DEFECTS = (
    email_errors.CloseBoundaryNotFoundDefect,
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.MultipartInvariantViolationDefect,
)
_PARSER = BytesParser(policy=policy.default)


def split_headers(raw: bytes) -> tuple[bytes, bytes] | None:
    """(header block, body) or None when the header block never ends."""
    end = _HEADER_END.search(raw)
    if end is None:
        return None
    return raw[: end.start()], raw[end.end() :]


def _decode_header_text(value: bytes) -> str:
    text = value.decode("utf-8", "replace")
    text = re.sub(r"\r?\n[ \t]", " ", text)
    if "=?" in text:
        with contextlib.suppress(ValueError, LookupError, email_errors.HeaderParseError):
            text = str(make_header(decode_header(text)))
    return text.strip()


def split_address(value: str) -> tuple[str, str]:
    """parseaddr, with a fast path for the plain forms nearly every From: header uses."""
    simple = _SIMPLE_ADDRESS.match(value)
    if simple is not None:
        return (simple["name"] or "").strip(), simple["angle"] or simple["bare"]
    return parseaddr(value)


def quick_sender(headers: bytes) -> tuple[str, str]:
    """(address, display name) from the raw header block, without a full parse."""
    found = _FROM_HEADER.search(headers)
    if found is None:
        return "", ""
    name, address = split_address(_decode_header_text(found.group(1)))
    return (address or name).strip(), name.strip()


def _when(message: EmailMessage, fallback: datetime | None) -> datetime | None:
    candidates = [str(message.get("date", "") or "")]
    received = message.get_all("received") or []
    candidates += [str(r).rsplit(";", 1)[-1] for r in received if ";" in str(r)]
    for candidate in candidates:
        if not candidate.strip():
            continue
        try:
            return aware(parsedate_to_datetime(candidate.strip()))
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
    return fallback


def decode_text_bytes(payload: bytes, declared: str | None) -> str:
    """Valid UTF-8 wins over a wrong label; then the declared charset; then cp1252."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return payload.decode(declared, "replace")
        except LookupError:
            pass
    return payload.decode("cp1252", "replace")


def _part_text(part: MIMEPart) -> str:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return decode_text_bytes(payload, part.get_content_charset())
    raw = part.get_payload()
    return raw if isinstance(raw, str) else ""


def body_text(message: EmailMessage) -> str:
    for preference in (("plain",), ("html",)):
        try:
            body = message.get_body(preferencelist=preference)
        except (KeyError, ValueError, AttributeError):
            body = None
        if body is None:
            continue
        text = _part_text(body)
        if body.get_content_subtype() == "html":
            text = html_to_text(text)
        if text.strip():
            return text.strip()
    if message.is_multipart() or message.get_content_maintype() != "text":
        return ""
    return _part_text(message).strip()


def attachments(message: EmailMessage) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if not (part.is_attachment() or filename):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        found.append(
            Attachment(
                filename=clean_filename(str(filename or "attachment")),
                content_type=part.get_content_type(),
                data=data,
            )
        )
    return tuple(found)


def _truncated(message: EmailMessage) -> bool:
    return any(
        isinstance(defect, _TRUNCATION_DEFECTS)
        for part in message.walk()
        for defect in part.defects
    )


def email_source_id(raw: bytes, message_id: str) -> str:
    parts = split_headers(raw)
    body = parts[1] if parts else raw
    digest = hashlib.sha256(body.replace(b"\r\n", b"\n").rstrip(b"\n")).hexdigest()
    if message_id:
        return f"email:{message_id}:{digest[:16]}"
    whole = hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()
    return f"email:sha256:{whole[:40]}"


def parse_email(
    raw: bytes,
    *,
    fmt: str,
    file: str,
    position: str,
    fallback_date: datetime | None = None,
) -> Iterator[RawMessage | ReadProblem]:
    """Full parse of one accepted message; yields the message and, if cut, a problem."""
    try:
        message = _PARSER.parsebytes(raw)
        assert isinstance(message, EmailMessage)
        sender, name = quick_sender((split_headers(raw) or (raw, b""))[0])
        sent_at = _when(message, fallback_date)
        if sent_at is None:
            yield ReadProblem(file, position, "message has no readable date")
            return
        message_id = str(message.get("message-id", "") or "").strip().strip("<>").strip()
        labels = str(message.get("x-gmail-labels", "") or "")
        direction = "out" if "Sent" in [x.strip() for x in labels.split(",")] else "in"
        recipients = tuple(
            address
            for _, address in getaddresses(
                [str(v) for key in ("to", "cc") for v in (message.get_all(key) or [])]
            )
            if address
        )
        yield RawMessage(
            channel=Channel.EMAIL,
            sender=sender,
            sent_at=sent_at,
            text=body_text(message),
            source_id=email_source_id(raw, message_id),
            original=raw,
            format=fmt,
            recipients=recipients,
            sender_name=name,
            subject=str(message.get("subject", "") or ""),
            direction=direction,
            attachments=attachments(message),
        )
        if _truncated(message):
            yield ReadProblem(
                file, position, "message is incomplete (a MIME part is cut); the rest was kept"
            )
    except Exception as exc:  # one bad message must not stop the file
        yield ReadProblem(file, position, f"unreadable message ({type(exc).__name__})")
