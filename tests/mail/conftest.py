"""Fixtures for the mail tests: a real Dovecot, a user, a client, a watcher in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient

from nocontact.mail.imap import ImapAccount, TlsMode
from nocontact.mail.sqlite_sink import SqliteSink
from nocontact.mail.watcher import Watcher, WatchOptions
from tests.servers.dovecot import (  # noqa: F401
    DovecotServer,
    MailUser,
    dovecot,
    dovecot_private,
    mail_user,
    make_message,
)

EX = "Ex Partner <ex.partner@example.test>"
PROXY = "flying.monkey@example.test"
FRIEND = "Aunt May <may@example.test>"
QUARANTINE = "Storage"


def account_for(user: MailUser, **kw: object) -> ImapAccount:
    fields: dict[str, object] = {
        "host": "127.0.0.1", "port": user.server.imap_port, "tls": TlsMode.NONE,
        "user": user.name, "password": user.password, "timeout": 10.0, "name": "test",
    }
    fields.update(kw)
    return ImapAccount(**fields)  # type: ignore[arg-type]


def client_for(user: MailUser) -> IMAPClient:
    client = IMAPClient("127.0.0.1", port=user.server.imap_port, ssl=False, timeout=10)
    client.login(user.name, user.password)
    return client


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def message_ids(client: IMAPClient, folder: str) -> list[str]:
    """Message-IDs in a folder (read-only, so nothing is marked seen)."""
    if not client.folder_exists(folder):
        return []
    client.select_folder(folder, readonly=True)
    uids = client.search()
    if not uids:
        return []
    key = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"
    fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    return sorted(
        fetched[u][key].decode().split(":", 1)[1].strip() for u in uids if fetched[u][key].strip()
    )


@pytest.fixture
def sink(tmp_path: Path) -> Iterator[SqliteSink]:
    s = SqliteSink(tmp_path / "sink.sqlite", wanted=["ex.partner@example.test", PROXY])
    yield s
    s.close()


@pytest.fixture
def imap(mail_user: MailUser) -> Iterator[IMAPClient]:  # noqa: F811
    client = client_for(mail_user)
    yield client
    client.logout()


class RunningWatcher:
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.watcher.run()
        except BaseException as exc:
            self.error = exc

    def __enter__(self) -> RunningWatcher:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.watcher.stop.set()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive()


def watcher_for(user: MailUser, sink: SqliteSink, **opts: object) -> Watcher:
    options = WatchOptions(quarantine=QUARANTINE, **opts)  # type: ignore[arg-type]
    # A private SQLite connection per thread: the sink's own is used by the watcher thread.
    thread_sink = SqliteSink(sink.path, wanted=sink.wanted)
    return Watcher(account_for(user), thread_sink, options)
