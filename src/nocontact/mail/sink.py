"""What the watcher hands messages to: a durable store plus the UID ledger.

The watcher knows nothing about Django; anything with these methods can receive mail. A
ledger key is (account, folder, uidvalidity, uid): IMAP promises that a UID under one
UIDVALIDITY never names another message, so a key seen once is decided for good.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple, Protocol


class LedgerState(StrEnum):
    STORED = "stored"  # durably stored, still in the folder it was found in
    COPYING = "copying"  # COPY to quarantine may have happened; expunge of the source pending
    MOVED = "moved"  # stored and moved to quarantine (or found there)


class MailKey(NamedTuple):
    account: str
    folder: str
    uidvalidity: int
    uid: int


class Checkpoint(NamedTuple):
    uidvalidity: int
    last_uid: int  # every UID up to this one has been decided


class MessageSink(Protocol):
    def wants(self, sender: str) -> bool:
        """Is this address header value (From, Sender or Reply-To) the ex or a proxy?"""

    def store(self, raw_rfc822: bytes, key: MailKey) -> None:
        """Store durably (committed on return) and note `key` as STORED.

        Idempotent on the key and on the Message-ID (or the SHA-256 of the bytes when there
        is none): storing the same message again only adds `key` to the ledger.
        """

    def state(self, key: MailKey) -> LedgerState | None:
        """The ledger state of `key`, None when never seen."""

    def mark(self, key: MailKey, state: LedgerState, dest: MailKey | None = None) -> None:
        """Record a state change; `dest`, when known, is the message's key in quarantine."""

    def checkpoint(self, account: str, folder: str) -> Checkpoint | None:
        """The last checkpoint of `folder`, None on a first run."""

    def set_checkpoint(self, account: str, folder: str, checkpoint: Checkpoint) -> None: ...
