"""The live watcher: screen new mail, store what the ex sends, then move it to quarantine.

Order of operations for each wanted message, so that a crash at any point leaves it either
still in the inbox or moved and stored:

  1. fetch the address headers (BODY.PEEK: never sets \\Seen); ask the sink if it is wanted;
  2. fetch the whole message (BODY.PEEK[]) and `sink.store` it: committed on return;
  3. MOVE it to quarantine (or COPY, flag \\Deleted and UID EXPUNGE that one UID);
  4. note it as moved in the ledger.

On restart a message already stored but still in the inbox is only moved; one found in
quarantine that the ledger does not know is stored (the sink dedups on Message-ID). Nothing is
ever deleted on the server except the one source UID of a completed COPY.
"""

from __future__ import annotations

import imaplib
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import compat32

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from nocontact.mail.errors import (
    MailConnectError,
    MailError,
    MailFolderError,
    MailLoginError,
    MailTlsError,
)
from nocontact.mail.imap import DEFAULT_QUARANTINE, ImapAccount, close, connect, ensure_folder
from nocontact.mail.mover import Mover
from nocontact.mail.sink import Checkpoint, LedgerState, MailKey, MessageSink

log = logging.getLogger("nocontact.mail")

HEADER_FIELDS = "BODY.PEEK[HEADER.FIELDS (FROM SENDER REPLY-TO MESSAGE-ID)]"
HEADER_KEY = b"BODY[HEADER.FIELDS (FROM SENDER REPLY-TO MESSAGE-ID)]"
BATCH = 100


@dataclass(frozen=True)
class WatchOptions:
    quarantine: str = DEFAULT_QUARANTINE
    inbox: str = "INBOX"
    sweep: tuple[str, ...] = ()  # folders to sweep on their first run (the inbox included)
    idle: bool = True  # IMAP IDLE when the server has it; False polls
    idle_seconds: float = 60.0  # renew IDLE (and look at quarantine) at least this often
    poll_seconds: float = 30.0
    use_move: bool = True  # False forces COPY + \Deleted + UID EXPUNGE (servers without MOVE)
    backoff_base: float = 0.5
    backoff_cap: float = 120.0


@dataclass
class WatchStats:
    screened: int = 0
    stored: int = 0
    moved: int = 0
    failed: int = 0
    reconnects: int = 0


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential back-off with full jitter, capped."""
    return rng.uniform(base / 2, min(cap, base * (2**attempt)))


def _take_news(client: IMAPClient) -> bool:
    """Has the server announced new mail (EXISTS) since the last call?

    Announcements that arrive with the replies to other commands (FETCH, MOVE) are kept by
    imaplib and never repeated when IDLE begins, so they are looked at before idling.
    """
    responses = client._imap.untagged_responses
    exists = responses.pop("EXISTS", None)
    responses.pop("RECENT", None)
    return bool(exists)


def _already_buffered_exists(client: IMAPClient) -> bool:
    """Did an EXISTS arrive together with the server's "+ idling"?

    Mail delivered just before IDLE starts is announced right after the continuation line,
    often in the same TCP segment; imaplib then holds it in its read buffer, where
    `idle_check` (which polls the socket) never sees it. Read what is buffered, without
    blocking.
    """
    sock = client.socket()
    sock.settimeout(None)
    sock.setblocking(False)
    lines: list[bytes] = []
    try:
        while True:
            try:
                lines.append(client._imap._get_line())
            except OSError:
                break
            except imaplib.IMAP4.abort as exc:
                if "EOF" in str(exc):
                    break  # nothing more buffered
                raise
    finally:
        sock.setblocking(True)
        client._set_read_timeout()
    return any(line.endswith((b" EXISTS", b" RECENT")) for line in lines)


@dataclass
class Watcher:
    account: ImapAccount
    sink: MessageSink
    options: WatchOptions = field(default_factory=WatchOptions)
    stop: threading.Event = field(default_factory=threading.Event)
    connector: Callable[[ImapAccount], IMAPClient] = connect
    rng: random.Random = field(default_factory=random.Random)
    stats: WatchStats = field(default_factory=WatchStats)

    @property
    def name(self) -> str:
        return self.account.label

    # -- top level -------------------------------------------------------------------------

    def run(self) -> None:
        """Watch until `stop` is set, reconnecting after drops.

        Wrong credentials and TLS failures are raised: retrying them cannot help and may
        lock the account. Everything else is retried with capped, jittered back-off.
        """
        attempt = 0
        while not self.stop.is_set():
            try:
                client = self.connector(self.account)
            except MailConnectError as exc:
                delay = backoff_delay(
                    attempt, self.options.backoff_base, self.options.backoff_cap, self.rng
                )
                log.warning("mail: cannot connect (%s); retrying in %.1fs", exc, delay)
                attempt += 1
                self.stop.wait(delay)
                continue
            started = time.monotonic()
            try:
                self.session(client, forever=True)
            except (MailLoginError, MailTlsError):
                raise
            except (OSError, IMAPClientError, MailError) as exc:
                # Drops, and folders that vanish or refuse: start over from the ledger.
                self.stats.reconnects += 1
                # A session that failed quickly counts as a failed attempt: no hammering.
                attempt = attempt + 1 if time.monotonic() - started < 30 else 0
                delay = backoff_delay(
                    attempt, self.options.backoff_base, self.options.backoff_cap, self.rng
                )
                log.warning("mail: session ended (%s); reconnecting", type(exc).__name__)
                self.stop.wait(delay)
            finally:
                close(client)

    def run_once(self) -> WatchStats:
        """One pass over every folder, then return (for `mail test`, cron and tests)."""
        client = self.connector(self.account)
        try:
            self.session(client, forever=False)
        finally:
            close(client)
        return self.stats

    def session(self, client: IMAPClient, forever: bool) -> None:
        opts = self.options
        caps = {c.upper() for c in client.capabilities()}
        mover = Mover(client, opts.quarantine, use_move=opts.use_move and b"MOVE" in caps,
                      uidplus=b"UIDPLUS" in caps)
        ensure_folder(client, opts.quarantine)
        for folder in opts.sweep:
            if folder != opts.inbox and self.sink.checkpoint(self.name, folder) is None:
                self.screen_folder(client, mover, folder)
        self.ingest_quarantine(client)
        self.screen_folder(client, mover, opts.inbox)
        if not forever:
            return
        use_idle = opts.idle and b"IDLE" in caps
        while not self.stop.is_set():
            if use_idle:
                if not _take_news(client):  # mail announced while we were busy screening
                    self._idle(client)
            else:
                self.stop.wait(opts.poll_seconds)
                client.noop()
            self.ingest_quarantine(client)
            self.screen_folder(client, mover, opts.inbox)

    def _idle(self, client: IMAPClient) -> None:
        """Wait in IDLE until the inbox changes, `idle_seconds` pass, or stop is set."""
        deadline = time.monotonic() + self.options.idle_seconds
        client.idle()
        try:
            if _already_buffered_exists(client):
                return
            while not self.stop.is_set() and time.monotonic() < deadline:
                responses = client.idle_check(timeout=1.0)
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    return
        finally:
            client.idle_done()

    # -- screening a folder ----------------------------------------------------------------

    def _start_uid(self, client: IMAPClient, folder: str, uidvalidity: int, uidnext: int) -> int:
        """The first UID to look at, setting a baseline on a first run without sweep."""
        cp = self.sink.checkpoint(self.name, folder)
        if cp is not None and cp.uidvalidity == uidvalidity:
            return cp.last_uid + 1
        if cp is None and folder == self.options.inbox and folder not in self.options.sweep:
            # First run: leave what is already there alone unless a sweep was asked for.
            self.sink.set_checkpoint(self.name, folder, Checkpoint(uidvalidity, uidnext - 1))
            return uidnext
        if cp is not None:
            log.warning("mail: UIDVALIDITY of a folder changed; rescanning it")
        return 1

    def screen_folder(self, client: IMAPClient, mover: Mover, folder: str) -> None:
        try:
            info = client.select_folder(folder)
        except IMAPClientError as exc:
            raise MailFolderError("a folder to screen could not be opened") from exc
        mover.source = folder
        uidvalidity = int(info[b"UIDVALIDITY"])
        uidnext = int(info.get(b"UIDNEXT", 1))
        start = self._start_uid(client, folder, uidvalidity, uidnext)
        uids = sorted(u for u in client.search(["UID", f"{start}:*"]) if u >= start)
        _take_news(client)  # what SELECT reported is covered by this search
        checkpoint_ok = True
        for i in range(0, len(uids), BATCH):
            batch = uids[i : i + BATCH]
            headers = client.fetch(batch, [HEADER_FIELDS])
            for uid in batch:
                key = MailKey(self.name, folder, uidvalidity, uid)
                raw_headers = headers.get(uid, {}).get(HEADER_KEY)
                self.stats.screened += 1
                if raw_headers is None:  # expunged by another client meanwhile
                    continue
                ok = self._handle(client, mover, key, raw_headers)
                checkpoint_ok = checkpoint_ok and ok
                if checkpoint_ok:
                    self.sink.set_checkpoint(self.name, folder, Checkpoint(uidvalidity, uid))

    def _wanted(self, raw_headers: bytes) -> tuple[bool, str]:
        parsed = BytesHeaderParser(policy=compat32).parsebytes(raw_headers, headersonly=True)
        names = ("From", "Sender", "Reply-To")
        values = [str(v) for name in names for v in parsed.get_all(name, [])]
        message_id = str(parsed.get("Message-ID", "") or "").strip()
        return any(self.sink.wants(v) for v in values), message_id

    def _handle(self, client: IMAPClient, mover: Mover, key: MailKey, raw_headers: bytes) -> bool:
        """Screen one message; False when it failed and must be looked at again later."""
        try:
            wanted, message_id = self._wanted(raw_headers)
            if not wanted:
                return True
            state = self.sink.state(key)
            if state is None:
                if not self._fetch_and_store(client, key):
                    return True
                state = LedgerState.STORED
            if state is not LedgerState.MOVED:
                dest = mover.move(key, message_id, self.sink, already_copying=state
                                  is LedgerState.COPYING)
                self.sink.mark(key, LedgerState.MOVED, dest)
                self.stats.moved += 1
            return True
        except (OSError, IMAPClientError):
            raise  # the connection is gone: reconnect and resume from the ledger
        except MailFolderError:
            raise
        except Exception as exc:  # one bad message must not stop the rest
            self.stats.failed += 1
            log.error("mail: message uid=%s not processed (%s)", key.uid, type(exc).__name__)
            return False

    def _fetch_and_store(self, client: IMAPClient, key: MailKey) -> bool:
        body = client.fetch([key.uid], ["BODY.PEEK[]"]).get(key.uid, {}).get(b"BODY[]")
        if body is None:
            return False  # expunged meanwhile: nothing to store, nothing to move
        self.sink.store(bytes(body), key)
        self.stats.stored += 1
        return True

    # -- quarantine ------------------------------------------------------------------------

    def ingest_quarantine(self, client: IMAPClient) -> None:
        """Store what is in quarantine but not in the ledger (e.g. filed by Sieve)."""
        folder = self.options.quarantine
        try:
            status = client.folder_status(folder, [b"UIDVALIDITY", b"UIDNEXT"])
        except IMAPClientError:
            ensure_folder(client, folder)
            return
        uidvalidity, uidnext = int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])
        cp = self.sink.checkpoint(self.name, folder)
        start = cp.last_uid + 1 if cp is not None and cp.uidvalidity == uidvalidity else 1
        if start >= uidnext:
            return
        client.select_folder(folder)
        uids = sorted(u for u in client.search(["UID", f"{start}:*"]) if u >= start)
        checkpoint_ok = True
        for uid in uids:
            key = MailKey(self.name, folder, uidvalidity, uid)
            ok = True
            if self.sink.state(key) is None:
                try:
                    headers = client.fetch([uid], [HEADER_FIELDS]).get(uid, {}).get(HEADER_KEY)
                    if headers is not None and self._wanted(headers)[0]:
                        self._fetch_and_store(client, key)
                        self.sink.mark(key, LedgerState.MOVED)
                except (OSError, IMAPClientError):
                    raise
                except MailFolderError:
                    raise
                except Exception as exc:
                    self.stats.failed += 1
                    ok = False
                    log.error("mail: quarantined uid=%s not stored (%s)", uid, type(exc).__name__)
            checkpoint_ok = checkpoint_ok and ok
            if checkpoint_ok:
                self.sink.set_checkpoint(self.name, folder, Checkpoint(uidvalidity, uid))


if __name__ == "__main__":
    from nocontact.mail.run import main

    raise SystemExit(main())
