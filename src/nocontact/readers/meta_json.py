"""Facebook Messenger and Instagram message exports (message_1.json), old and new layouts.

Old layout: ``sender_name``/``timestamp_ms``/``content`` with text written as UTF-8 bytes
read as Latin-1 (repaired here where it round-trips). New Messenger layout (2024):
``senderName``/``timestamp``/``text``. Instagram is recognised by its folder names or
Instagram-only keys. Calls with no duration become missed calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import canonical_json, fix_mojibake, record_id, utc_from_ms
from nocontact.readers.json_common import head_text, load_json, media
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

MESSENGER = "messenger"
INSTAGRAM = "instagram"
_MEDIA_LISTS = ("photos", "videos", "audio_files", "files", "gifs", "media")
_INSTAGRAM_KEYS = ("is_geoblocked_for_viewer", "is_taken_down")


def sniff(head: bytes) -> bool:
    text = head_text(head)
    if not text.startswith("{") or '"messages"' not in text:
        return False
    return any(key in text for key in ('"sender_name"', '"senderName"', '"participants"'))


def is_instagram(path: Path, head: bytes) -> bool:
    if any("instagram" in part.lower() for part in path.parts):
        return True
    return any(key.encode() in head for key in _INSTAGRAM_KEYS)


def _repair(value: Any) -> Any:
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [_repair(v) for v in value]
    if isinstance(value, dict):
        return {k: _repair(v) for k, v in value.items()}
    return value


def _media(message: dict[str, Any], base: Path) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    for key in _MEDIA_LISTS:
        for entry in message.get(key) or []:
            uri = entry.get("uri", "") if isinstance(entry, dict) else ""
            attachment = media(base, str(uri))
            if attachment is not None:
                found.append(attachment)
    sticker = message.get("sticker")
    if isinstance(sticker, dict):
        attachment = media(base, str(sticker.get("uri", "")))
        if attachment is not None:
            found.append(attachment)
    return tuple(found)


def _message(
    thread: str,
    message: dict[str, Any],
    base: Path,
    accept: Accept | None,
    fmt: str,
    seen: dict[bytes, int],
) -> RawMessage | Passed:
    new = "senderName" in message
    sender = str(message.get("senderName" if new else "sender_name", ""))
    if not accepts(accept, sender):
        return Passed(sender)
    millis = int(message["timestamp"] if new else message["timestamp_ms"])
    text = str(message.get("text" if new else "content", "") or "")
    kind, channel = "message", Channel.INSTAGRAM if fmt == INSTAGRAM else Channel.MESSENGER
    if message.get("type") == "Call" or "call_duration" in message:
        channel = Channel.CALL
        kind = "missed_call" if not message.get("call_duration") else "call"
    share = message.get("share")
    if isinstance(share, dict) and share.get("link"):
        text = f"{text}\n{share['link']}".strip()
    key = canonical_json([thread, sender, millis, text])
    seen[key] = occurrence = seen.get(key, 0) + 1
    return RawMessage(
        channel=channel,
        sender=sender,
        sent_at=utc_from_ms(millis),
        text=text,
        source_id=record_id(fmt, key + b"#%d" % occurrence),
        original=canonical_json(message),
        format=fmt,
        sender_name=sender,
        attachments=_media(message, base),
        kind=kind,
    )


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    fmt = INSTAGRAM if is_instagram(path, head) else MESSENGER
    document = load_json(path)
    progress(path.stat().st_size)
    if isinstance(document, ReadProblem):
        yield document
        return
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        yield ReadProblem(str(path), "top level", "no message list in this JSON")
        return
    if not any("senderName" in m for m in document["messages"] if isinstance(m, dict)):
        document = _repair(document)
    thread = str(document.get("thread_path") or document.get("threadName") or path.parent.name)
    seen: dict[bytes, int] = {}
    for number, message in enumerate(document["messages"], start=1):
        try:
            yield _message(thread, message, path.parent, accept, fmt, seen)
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
            yield ReadProblem(str(path), f"message {number}", f"unreadable ({type(exc).__name__})")
