"""A file-backed sink: SQLite, committed on every store. For tests, benchmarks and the CLI's
`--sink sqlite:PATH`; the web app uses the Django sink instead."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from pathlib import Path

from nocontact.core.identities import IdentityError, normalise_email
from nocontact.mail.sink import Checkpoint, LedgerState, MailKey

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY, dedup TEXT NOT NULL UNIQUE, raw BLOB NOT NULL, sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ledger (
  account TEXT, folder TEXT, uidvalidity INTEGER, uid INTEGER,
  message INTEGER REFERENCES messages(id), state TEXT NOT NULL,
  PRIMARY KEY (account, folder, uidvalidity, uid)
);
CREATE TABLE IF NOT EXISTS checkpoints (
  account TEXT, folder TEXT, uidvalidity INTEGER, last_uid INTEGER,
  PRIMARY KEY (account, folder)
);
"""


def dedup_key(raw: bytes) -> str:
    """The Message-ID when the message has one, else the SHA-256 of its bytes."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw, headersonly=True)
    message_id = str(headers.get("Message-ID", "") or "").strip()
    if message_id:
        return "mid:" + message_id
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def addresses_of(header_value: str) -> list[str]:
    """Canonical e-mail addresses in one header value; unreadable ones are skipped."""
    found = []
    for _name, addr in getaddresses([header_value]):
        try:
            found.append(normalise_email(addr))
        except IdentityError:
            continue
    return found


class SqliteSink:
    def __init__(self, path: str | Path, wanted: Iterable[str] = ()) -> None:
        self.path = str(path)
        self.wanted = {normalise_email(a) for a in wanted}
        self.db = sqlite3.connect(
            self.path, timeout=30, isolation_level=None, check_same_thread=False
        )
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def wants(self, sender: str) -> bool:
        return any(a in self.wanted for a in addresses_of(sender))

    def store(self, raw_rfc822: bytes, key: MailKey) -> None:
        dedup = dedup_key(raw_rfc822)
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(
                "INSERT OR IGNORE INTO messages (dedup, raw, sha256) VALUES (?, ?, ?)",
                (dedup, raw_rfc822, hashlib.sha256(raw_rfc822).hexdigest()),
            )
            (message,) = self.db.execute(
                "SELECT id FROM messages WHERE dedup = ?", (dedup,)
            ).fetchone()
            self.db.execute(
                "INSERT OR IGNORE INTO ledger VALUES (?, ?, ?, ?, ?, ?)",
                (*key, message, LedgerState.STORED.value),
            )

    def state(self, key: MailKey) -> LedgerState | None:
        row = self.db.execute(
            "SELECT state FROM ledger WHERE account=? AND folder=? AND uidvalidity=? AND uid=?",
            tuple(key),
        ).fetchone()
        return LedgerState(row[0]) if row else None

    def mark(self, key: MailKey, state: LedgerState, dest: MailKey | None = None) -> None:
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(
                "UPDATE ledger SET state=? "
                "WHERE account=? AND folder=? AND uidvalidity=? AND uid=?",
                (state.value, *key),
            )
            if dest is not None:
                self.db.execute(
                    "INSERT OR IGNORE INTO ledger SELECT ?, ?, ?, ?, message, ? FROM ledger "
                    "WHERE account=? AND folder=? AND uidvalidity=? AND uid=?",
                    (*dest, LedgerState.MOVED.value, *key),
                )

    def checkpoint(self, account: str, folder: str) -> Checkpoint | None:
        row = self.db.execute(
            "SELECT uidvalidity, last_uid FROM checkpoints WHERE account=? AND folder=?",
            (account, folder),
        ).fetchone()
        return Checkpoint(row[0], row[1]) if row else None

    def set_checkpoint(self, account: str, folder: str, checkpoint: Checkpoint) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO checkpoints VALUES (?, ?, ?, ?)",
                (account, folder, *checkpoint),
            )

    # -- for tests and reports -------------------------------------------------------------

    def stored_dedup_keys(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT dedup FROM messages ORDER BY id")]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])
