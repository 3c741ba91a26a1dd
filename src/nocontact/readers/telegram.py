"""Telegram Desktop "Export chat history" in machine-readable JSON (result.json).

Both the single-chat file and the full-account export ({"chats": {"list": [...]}}) are
read. ``date_unixtime`` is UTC; older exports only have ``date`` in local time, read as
UTC. Text is a string or an array of strings and entity objects. Phone calls appear as
service messages; a missed or declined one becomes a missed call.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import aware, canonical_json, record_id, utc_from_s
from nocontact.readers.json_common import head_text, load_json, media
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

NAME = "telegram"
_MEDIA_KEYS = ("photo", "file", "thumbnail")


def sniff(head: bytes) -> bool:
    text = head_text(head)
    if not text.startswith("{"):
        return False
    single = '"messages"' in text and ('"date_unixtime"' in text or '"personal_chat"' in text)
    return single or ('"chats"' in text and '"list"' in text)


def flatten_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(flatten_text(part) for part in value)
    if isinstance(value, dict):
        return str(value.get("text", ""))
    return ""


def _chats(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, dict) and isinstance(document.get("messages"), list):
        return [document]
    found: list[Any] = []
    for key in ("chats", "left_chats"):
        group = document.get(key, {}) if isinstance(document, dict) else {}
        found += group.get("list", []) if isinstance(group, dict) else []
    return [chat for chat in found if isinstance(chat, dict)]


def _when(message: dict[str, Any]) -> datetime:
    if "date_unixtime" in message:
        return utc_from_s(int(message["date_unixtime"]))
    return aware(datetime.fromisoformat(str(message["date"])))


def _source_id(chat: dict[str, Any], message: dict[str, Any]) -> str:
    chat_key = str(chat.get("id", chat.get("name", "")))
    if "id" in message:
        return f"{NAME}:{chat_key}:{message['id']}"
    return record_id(NAME, canonical_json([chat_key, message]))


def _media_label(message: dict[str, Any]) -> str:
    if message.get("media_type"):
        return f"[{str(message['media_type']).replace('_', ' ')}]"
    return next((f"[{key}]" for key in _MEDIA_KEYS[:2] if key in message), "")


def _message(
    chat: dict[str, Any], message: dict[str, Any], base: Path, accept: Accept | None
) -> RawMessage | Passed | None:
    call = message.get("type") == "service" and message.get("action") == "phone_call"
    if message.get("type") != "message" and not call:
        return None
    sender = str(message.get("actor" if call else "from") or message.get("from_id") or "")
    if not accepts(accept, sender):
        return Passed(sender)
    text, kind, channel = flatten_text(message.get("text", "")), "message", Channel.TELEGRAM
    if call:
        missed = message.get("discard_reason") in ("missed", "busy")
        kind = "missed_call" if missed else "call"
        channel = Channel.CALL
        text = "Missed call" if missed else f"Call ({message.get('duration_seconds', 0)} s)"
    if not text and not call:
        text = _media_label(message)
    files: list[Attachment] = []
    for key in _MEDIA_KEYS:
        found = media(base, str(message.get(key, "")))
        if found is not None:
            files.append(found)
            break
    return RawMessage(
        channel=channel,
        sender=sender,
        sent_at=_when(message),
        text=text,
        source_id=_source_id(chat, message),
        original=canonical_json(message),
        format=NAME,
        sender_name=sender,
        attachments=tuple(files),
        kind=kind,
    )


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    document = load_json(path)
    progress(path.stat().st_size)
    if isinstance(document, ReadProblem):
        yield document
        return
    for chat_number, chat in enumerate(_chats(document), start=1):
        for number, message in enumerate(chat.get("messages", []), start=1):
            position = f"chat {chat_number}, message {number}"
            try:
                item = _message(chat, message, path.parent, accept)
            except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
                yield ReadProblem(str(path), position, f"unreadable message ({type(exc).__name__})")
                continue
            if item is not None:
                yield item
