"""Connection verdicts and clear errors against a real Dovecot: credentials, TLS, restarts."""

from __future__ import annotations

import logging

import pytest

from nocontact.mail.errors import MailConnectError, MailLoginError, MailTlsError
from nocontact.mail.imap import TlsMode, check_connection, connect
from nocontact.mail.sqlite_sink import SqliteSink
from nocontact.mail.watcher import Watcher, WatchOptions, backoff_delay
from tests.servers.dovecot import DovecotServer, MailUser, free_port, make_message

from .conftest import (
    EX,
    QUARANTINE,
    RunningWatcher,
    account_for,
    client_for,
    message_ids,
    wait_until,
    watcher_for,
)

pytestmark = pytest.mark.dovecot


def _assert_private(text: str, user: MailUser, password: str) -> None:
    assert user.name not in text
    assert user.name.split("@")[0] not in text
    assert password not in text


def test_right_credentials_give_a_positive_verdict(mail_user: MailUser) -> None:
    verdict = check_connection(account_for(mail_user))
    assert verdict.ok
    assert verdict.idle and verdict.move
    assert "Connected" in verdict.summary


# Failed logins make Dovecot slow down every later login from the same address, so the
# tests that fail on purpose use a server of their own.


def test_wrong_password_is_a_login_error_naming_nothing_private(
    dovecot_private: DovecotServer,
) -> None:
    mail_user = dovecot_private.add_user()
    wrong = "not-the-password-123"
    with pytest.raises(MailLoginError) as info:
        connect(account_for(mail_user, password=wrong))
    _assert_private(str(info.value), mail_user, wrong)
    verdict = check_connection(account_for(mail_user, password=wrong))
    assert not verdict.ok and verdict.summary.startswith("Wrong credentials")
    _assert_private(verdict.summary, mail_user, wrong)


def test_watcher_stops_on_wrong_password_instead_of_retrying(
    dovecot_private: DovecotServer, sink: SqliteSink, caplog: pytest.LogCaptureFixture
) -> None:
    mail_user = dovecot_private.add_user()
    caplog.set_level(logging.DEBUG)
    watcher = Watcher(account_for(mail_user, password="wrong-pw-456"), sink)
    running = RunningWatcher(watcher)
    running.thread.start()
    running.thread.join(timeout=10)
    assert not running.thread.is_alive()
    assert isinstance(running.error, MailLoginError)
    _assert_private(caplog.text, mail_user, "wrong-pw-456")


def test_tls_with_the_servers_certificate_trusted(dovecot: DovecotServer) -> None:
    user = dovecot.add_user()
    account = account_for(user, port=dovecot.imaps_port, tls=TlsMode.SSL,
                          ca_file=str(dovecot.cert))
    assert check_connection(account).ok


def test_untrusted_certificate_is_a_tls_error(dovecot: DovecotServer) -> None:
    user = dovecot.add_user()
    with pytest.raises(MailTlsError):
        connect(account_for(user, port=dovecot.imaps_port, tls=TlsMode.SSL))
    verdict = check_connection(account_for(user, port=dovecot.imaps_port, tls=TlsMode.SSL))
    assert not verdict.ok and verdict.summary.startswith("TLS problem")


def test_tls_mode_on_a_plain_port_is_a_tls_error(mail_user: MailUser) -> None:
    with pytest.raises(MailTlsError):
        connect(account_for(mail_user, tls=TlsMode.SSL))


def test_starttls_upgrades_the_plain_port(dovecot: DovecotServer) -> None:
    user = dovecot.add_user()
    account = account_for(user, tls=TlsMode.STARTTLS, ca_file=str(dovecot.cert))
    assert check_connection(account).ok


def test_nobody_listening_is_a_connect_error(mail_user: MailUser) -> None:
    with pytest.raises(MailConnectError):
        connect(account_for(mail_user, port=free_port()))


def test_backoff_grows_and_is_capped() -> None:
    import random

    rng = random.Random(7)
    delays = [backoff_delay(n, 0.5, 30.0, rng) for n in range(20)]
    assert all(0.25 <= d <= 30.0 for d in delays)
    assert max(delays[:3]) <= 2.0
    assert max(delays[10:]) > 5.0  # grows towards the cap


@pytest.mark.slow
def test_watcher_reconnects_after_dovecot_restarts(
    dovecot_private: DovecotServer, tmp_path: object
) -> None:
    user = dovecot_private.add_user()
    sink = SqliteSink(f"{tmp_path}/sink.sqlite", wanted=["ex.partner@example.test"])
    imap = client_for(user)
    with RunningWatcher(watcher_for(user, sink, idle_seconds=2, backoff_cap=1.0)) as running:
        assert wait_until(lambda: sink.checkpoint("test", "INBOX") is not None)
        before = make_message(EX, body="before")
        dovecot_private.deliver(user, before)
        assert wait_until(lambda: sink.count() == 1), running.error
        dovecot_private.restart()
        after = make_message(EX, body="after")
        dovecot_private.deliver(user, after)
        imap = client_for(user)
        assert wait_until(lambda: len(message_ids(imap, QUARANTINE)) == 2, 20), running.error
        assert running.watcher.stats.reconnects >= 1
    assert message_ids(imap, "INBOX") == []
    assert sink.count() == 2
    sink.close()


def test_watch_options_backoff_defaults_are_capped() -> None:
    options = WatchOptions()
    assert 0 < options.backoff_base < options.backoff_cap <= 300


def test_no_tls_to_a_remote_server_is_refused_before_connecting() -> None:
    from nocontact.mail.imap import ImapAccount

    account = ImapAccount("mail.example.test", "u", "p", port=143, tls=TlsMode.NONE)
    with pytest.raises(MailTlsError):
        connect(account)
