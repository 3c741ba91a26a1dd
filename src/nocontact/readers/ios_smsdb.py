"""iOS Messages database (sms.db from an unencrypted iPhone backup or a Mac's chat.db).

Opened read-only (immutable URI, no journal files written). ``message.date`` counts
nanoseconds since 2001-01-01 UTC (seconds in databases before iOS 11). When ``text`` is
NULL the text is taken from ``attributedBody``. Tapbacks and other reactions
(``associated_message_type`` not 0) are reactions to a message, not messages, and are
left out. The survivor's own rows (``is_from_me``) come out with direction "out".
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.common import canonical_json
from nocontact.readers.json_common import MAX_ATTACHMENT
from nocontact.readers.typedstream import attributed_text
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, accepts, no_progress

NAME = "ios_smsdb"
SQLITE_MAGIC = b"SQLite format 3\x00"
APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
_PLACEHOLDER = "\ufffc"
_QUERY = """
SELECT m.ROWID, m.guid, m.text, m.attributedBody, m.date, m.is_from_me, m.service,
       m.subject, m.cache_has_attachments, h.id AS handle
FROM message m LEFT JOIN handle h ON h.ROWID = m.handle_id
WHERE COALESCE(m.associated_message_type, 0) = 0
ORDER BY m.date, m.ROWID
"""
_CHAT_HANDLES = """
SELECT h.id FROM chat_message_join cm
JOIN chat_handle_join ch ON ch.chat_id = cm.chat_id JOIN handle h ON h.ROWID = ch.handle_id
WHERE cm.message_id = ? GROUP BY h.id ORDER BY MIN(h.ROWID)
"""
_ATTACHMENTS = """
SELECT a.filename, a.mime_type, a.transfer_name
FROM message_attachment_join j JOIN attachment a ON a.ROWID = j.attachment_id
WHERE j.message_id = ?
"""


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def sniff(head: bytes, path: Path) -> bool:
    if not head.startswith(SQLITE_MAGIC):
        return False
    try:
        with _connect(path) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error:
        return False
    return {"message", "handle"} <= tables


def apple_time(value: int | float) -> datetime:
    seconds = value / 1e9 if abs(value) > 1e11 else value
    return APPLE_EPOCH + timedelta(seconds=seconds)


def _attachments(
    db: sqlite3.Connection, path: Path, rowid: int
) -> tuple[list[str], list[Attachment]]:
    names: list[str] = []
    found: list[Attachment] = []
    try:
        rows = db.execute(_ATTACHMENTS, (rowid,)).fetchall()
    except sqlite3.Error:
        return names, found
    for filename, mime, transfer in rows:
        name = str(transfer or Path(str(filename or "")).name or "attachment")
        names.append(name)
        marker = "Library/SMS/"
        stored = str(filename or "")
        if marker in stored:
            candidate = path.parent / stored.split(marker, 1)[1]
            if candidate.is_file() and candidate.stat().st_size <= MAX_ATTACHMENT:
                found.append(Attachment(name, str(mime or ""), candidate.read_bytes()))
    return names, found


def _chat_handles(db: sqlite3.Connection, rowid: int) -> tuple[str, ...]:
    """The other people in the chat, for the survivor's group messages (handle_id 0)."""
    try:
        return tuple(str(r[0]) for r in db.execute(_CHAT_HANDLES, (rowid,)) if r[0])
    except sqlite3.Error:
        return ()


def _row_record(row: sqlite3.Row) -> dict[str, Any]:
    record = {key: row[key] for key in row.keys()}  # noqa: SIM118 - sqlite3.Row
    body = record.get("attributedBody")
    if isinstance(body, bytes):
        record["attributedBody"] = base64.b64encode(body).decode()
    return record


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    file = str(path)
    progress(path.stat().st_size)
    try:
        db = _connect(path)
        db.row_factory = sqlite3.Row
        rows = db.execute(_QUERY)
    except sqlite3.Error as exc:
        yield ReadProblem(file, "database", f"unreadable database ({type(exc).__name__})")
        return
    with db:
        number = 0
        while True:
            try:
                row = rows.fetchone()
            except sqlite3.Error as exc:
                yield ReadProblem(file, f"row after {number}", f"damaged ({type(exc).__name__})")
                return
            if row is None:
                return
            number += 1
            yield from _message(db, path, row, accept)


def _message(
    db: sqlite3.Connection, path: Path, row: sqlite3.Row, accept: Accept | None
) -> Iterator[ReadItem]:
    handle, out = str(row["handle"] or ""), bool(row["is_from_me"])
    others = (handle,) if handle else _chat_handles(db, int(row["ROWID"]))
    counterpart = next((h for h in others if accepts(accept, h)), others[0] if others else "")
    if not accepts(accept, counterpart):
        yield Passed(counterpart)
        return
    try:
        text = row["text"]
        if text is None:
            text = attributed_text(row["attributedBody"]) or ""
        names, files = _attachments(db, path, int(row["ROWID"]))
        text = str(text).replace(_PLACEHOLDER, "").strip()
        if not text and names:
            text = "[attachment: " + ", ".join(names) + "]"
        service = str(row["service"] or "")
        yield RawMessage(
            channel=Channel.IMESSAGE if service == "iMessage" else Channel.SMS,
            sender="" if out else counterpart,
            sent_at=apple_time(int(row["date"] or 0)),
            text=text,
            source_id=f"{NAME}:{row['guid'] or row['ROWID']}",
            original=canonical_json(_row_record(row)),
            format=NAME,
            recipients=others if out else (),
            subject=str(row["subject"] or ""),
            direction="out" if out else "in",
            attachments=tuple(files),
        )
    except (ValueError, OverflowError, TypeError) as exc:
        yield ReadProblem(str(path), f"row {row['ROWID']}", f"unreadable ({type(exc).__name__})")
