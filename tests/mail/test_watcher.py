"""The watcher against a real Dovecot: what moves, what stays, and what is stored."""

from __future__ import annotations

import logging

import pytest
from imapclient import IMAPClient

from nocontact.mail.errors import MailError
from nocontact.mail.sqlite_sink import SqliteSink, dedup_key
from nocontact.mail.watcher import WatchOptions
from tests.servers.dovecot import MailUser, make_message

from .conftest import (
    EX,
    FRIEND,
    PROXY,
    QUARANTINE,
    RunningWatcher,
    message_ids,
    wait_until,
    watcher_for,
)

pytestmark = pytest.mark.dovecot


def _mid(raw: bytes) -> str:
    return dedup_key(raw).removeprefix("mid:")


def test_new_mail_from_ex_and_proxy_leaves_inbox_and_is_stored_other_mail_untouched(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="nocontact")
    ex_mail = [make_message(EX, body="ex says"), make_message(PROXY, body="proxy says")]
    other = [make_message(FRIEND, body="friend says")]
    with RunningWatcher(watcher_for(mail_user, sink, idle_seconds=5)) as running:
        assert wait_until(lambda: sink.checkpoint("test", "INBOX") is not None)
        for raw in ex_mail + other:
            mail_user.server.deliver(mail_user, raw)
        assert wait_until(lambda: len(message_ids(imap, QUARANTINE)) == 2), running.error
        assert wait_until(lambda: sink.count() == 2)
    assert message_ids(imap, QUARANTINE) == sorted(_mid(r) for r in ex_mail)
    assert message_ids(imap, "INBOX") == [_mid(other[0])]
    # Stored byte-for-byte as the server holds them (LMTP adds trace headers on top).
    stored = [r[0] for r in sink.db.execute("SELECT raw FROM messages")]
    for raw in ex_mail:
        assert sum(s.endswith(raw) for s in stored) == 1
    # The friend's message was only peeked at: still unread, still where it was.
    imap.select_folder("INBOX", readonly=True)
    flags = imap.get_flags(imap.search())
    assert all(b"\\Seen" not in f for f in flags.values())
    # Nor were the ex's messages marked read on their way to quarantine (BODY.PEEK[]).
    imap.select_folder(QUARANTINE, readonly=True)
    assert all(b"\\Seen" not in f for f in imap.get_flags(imap.search()).values())
    # The quarantine folder is not subscribed, so mail clients do not list it by default.
    assert QUARANTINE not in [f[2] for f in imap.list_sub_folders()]
    text = caplog.text.lower()
    for needle in ("ex.partner", "monkey", "may@", "example.test", "ex says", mail_user.password):
        assert needle not in text


def test_first_run_leaves_existing_mail_unless_a_sweep_is_asked(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    old_ex = make_message(EX, body="old")
    mail_user.server.deliver(mail_user, old_ex)
    watcher_for(mail_user, sink).run_once()
    assert message_ids(imap, "INBOX") == [_mid(old_ex)]
    assert sink.count() == 0
    new_ex = make_message(EX, body="new")
    mail_user.server.deliver(mail_user, new_ex)
    watcher_for(mail_user, sink).run_once()
    assert message_ids(imap, "INBOX") == [_mid(old_ex)]
    assert message_ids(imap, QUARANTINE) == [_mid(new_ex)]


def test_sweep_moves_existing_mail_from_inbox_and_other_folders(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    in_inbox, in_archive, friend = make_message(EX), make_message(PROXY), make_message(FRIEND)
    mail_user.server.deliver(mail_user, in_inbox)
    mail_user.server.deliver(mail_user, friend)
    imap.create_folder("Archive")
    imap.append("Archive", in_archive)
    stats = watcher_for(mail_user, sink, sweep=("INBOX", "Archive")).run_once()
    assert stats.moved == 2
    assert message_ids(imap, QUARANTINE) == sorted([_mid(in_inbox), _mid(in_archive)])
    assert message_ids(imap, "INBOX") == [_mid(friend)]
    assert message_ids(imap, "Archive") == []
    assert sink.count() == 2


def test_copy_fallback_expunges_only_the_moved_uid(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    watcher_for(mail_user, sink).run_once()  # first run: baseline
    friend, ex = make_message(FRIEND), make_message(EX)
    mail_user.server.deliver(mail_user, friend)
    mail_user.server.deliver(mail_user, ex)
    # The survivor's own client flagged the friend's mail \Deleted without expunging.
    imap.select_folder("INBOX")
    imap.add_flags(imap.search(), [b"\\Deleted"])
    stats = watcher_for(mail_user, sink, use_move=False).run_once()
    assert stats.moved == 1
    assert message_ids(imap, QUARANTINE) == [_mid(ex)]
    assert message_ids(imap, "INBOX") == [_mid(friend)]  # a blanket EXPUNGE would lose it


def test_mail_filed_into_quarantine_by_the_server_is_stored_once(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    filed = make_message(EX)
    imap.create_folder(QUARANTINE)
    imap.append(QUARANTINE, filed)
    watcher_for(mail_user, sink).run_once()
    watcher_for(mail_user, sink).run_once()
    assert sink.stored_dedup_keys() == [dedup_key(filed)]
    assert message_ids(imap, QUARANTINE) == [_mid(filed)]


def test_quarantine_folder_deleted_under_the_watcher_is_recreated(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    first, second = make_message(EX, body="1"), make_message(EX, body="2")
    with RunningWatcher(watcher_for(mail_user, sink, idle_seconds=2)) as running:
        assert wait_until(lambda: sink.checkpoint("test", "INBOX") is not None)
        mail_user.server.deliver(mail_user, first)
        assert wait_until(lambda: message_ids(imap, QUARANTINE) == [_mid(first)]), running.error
        imap.select_folder("INBOX", readonly=True)
        imap.delete_folder(QUARANTINE)
        mail_user.server.deliver(mail_user, second)
        assert wait_until(lambda: message_ids(imap, QUARANTINE) == [_mid(second)]), running.error
        assert running.error is None
    assert message_ids(imap, "INBOX") == []
    assert sink.count() == 2


def test_idle_is_not_needed_polling_also_moves(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    options = {"idle": False, "poll_seconds": 0.3}
    with RunningWatcher(watcher_for(mail_user, sink, **options)) as running:
        assert wait_until(lambda: sink.checkpoint("test", "INBOX") is not None)
        ex = make_message(EX)
        mail_user.server.deliver(mail_user, ex)
        assert wait_until(lambda: message_ids(imap, QUARANTINE) == [_mid(ex)]), running.error


def test_options_default_to_a_neutral_quarantine_name() -> None:
    name = WatchOptions().quarantine.lower()
    assert name and not any(w in name for w in ("ex", "abuse", "block", "nocontact", "quarant"))


def test_mail_arriving_as_idle_starts_is_not_left_waiting(
    mail_user: MailUser, sink: SqliteSink, imap: IMAPClient
) -> None:
    """Each message is delivered the moment the previous one was moved, i.e. just as the
    watcher re-enters IDLE, when the server's EXISTS shares a packet with "+ idling"."""
    with RunningWatcher(watcher_for(mail_user, sink, idle_seconds=30)) as running:
        assert wait_until(lambda: sink.checkpoint("test", "INBOX") is not None)
        for n in range(12):
            mail_user.server.deliver(mail_user, make_message(EX, body=str(n)))
            # Dovecot announces new mail after 0.5 s; a missed announcement waits 30 s.
            assert wait_until(lambda n=n: sink.count() == n + 1, timeout=8), (n, running.error)


class _FailingSink(SqliteSink):
    """Refuses to store any message whose bytes contain b"poison"."""

    def store(self, raw_rfc822: bytes, key: object) -> None:
        if b"poison" in raw_rfc822:
            raise MailError("cannot store this one")  # as the Django sink's MailStoreError
        super().store(raw_rfc822, key)  # type: ignore[arg-type]


def test_one_message_that_cannot_be_stored_stays_put_and_the_rest_go_on(
    mail_user: MailUser, tmp_path: object, imap: IMAPClient
) -> None:
    sink = _FailingSink(f"{tmp_path}/failing.sqlite", wanted=["ex.partner@example.test"])
    good1, bad, good2 = make_message(EX), make_message(EX, body="poison"), make_message(EX)
    in_quarantine_bad = make_message(EX, body="poison too")
    for raw in (good1, bad, good2):
        mail_user.server.deliver(mail_user, raw)
    imap.create_folder(QUARANTINE)
    imap.append(QUARANTINE, in_quarantine_bad)
    watcher = watcher_for(mail_user, sink, sweep=("INBOX",))
    watcher.sink = sink
    stats = watcher.run_once()
    assert stats.failed == 2 and stats.moved == 2
    assert message_ids(imap, "INBOX") == [_mid(bad)]  # never moved without being stored
    assert sorted(message_ids(imap, QUARANTINE)) == sorted(
        [_mid(good1), _mid(good2), _mid(in_quarantine_bad)]
    )
    assert sink.count() == 2
