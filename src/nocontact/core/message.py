"""The one dataclass between ingestion and processing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    MMS = "mms"
    CALL = "call"
    VOICEMAIL = "voicemail"
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"
    INSTAGRAM = "instagram"
    TELEGRAM = "telegram"
    IMESSAGE = "imessage"
    SIGNAL = "signal"
    LETTER = "letter"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message as a reader found it, before anyone decides who sent it.

    `sender` is the address, number, handle or display name exactly as written in the
    source. `source_id` is stable across re-reads of the same input, so importing a file
    twice stores nothing twice. `original` is the message's own bytes where the format has
    them (an e-mail, an XML element), or a canonical serialisation of the record otherwise;
    its SHA-256 is the evidence hash.
    """

    channel: Channel
    sender: str
    sent_at: datetime
    text: str
    source_id: str
    original: bytes
    format: str
    recipients: tuple[str, ...] = ()
    sender_name: str = ""
    subject: str = ""
    direction: str = "in"  # "in" (to the survivor) or "out" (sent by the survivor)
    attachments: tuple[Attachment, ...] = field(default=())
    kind: str = "message"  # message, missed_call, blocked_call, call, voicemail, letter

    def __post_init__(self) -> None:
        if self.sent_at.tzinfo is None:
            raise ValueError("sent_at must carry a time zone")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.original).hexdigest()


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """One record a reader could not read: reported and skipped, never fatal to the rest."""

    file: str
    position: str  # e.g. "byte 1024", "line 17", "message 3"
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "position": self.position, "reason": self.reason}


class ReaderError(Exception):
    """A whole input cannot be read (unknown format, unreadable file)."""
