"""Upload the generated Sieve script by ManageSieve; the server files the ex's mail with
nocontact stopped, and the watcher stores it when it comes back."""

from __future__ import annotations

import pytest

from nocontact.mail.errors import SieveError
from nocontact.mail.managesieve import (
    SieveAccount,
    active_script,
    install_script,
    quarantine_script,
)
from nocontact.mail.sqlite_sink import SqliteSink
from tests.servers.dovecot import DovecotServer, MailUser, make_message

from .conftest import EX, FRIEND, PROXY, QUARANTINE, client_for, message_ids, watcher_for

pytestmark = pytest.mark.dovecot


def _sieve_account(user: MailUser, password: str | None = None) -> SieveAccount:
    return SieveAccount("127.0.0.1", user.name, password or user.password,
                        port=user.server.sieve_port, starttls=False)


def test_uploaded_script_files_the_exs_mail_while_nocontact_is_stopped(
    mail_user: MailUser, sink: SqliteSink
) -> None:
    script = quarantine_script(["ex.partner@example.test", PROXY], folder=QUARANTINE)
    install_script(_sieve_account(mail_user), script)
    name, text = active_script(_sieve_account(mail_user)) or ("", "")
    assert (name, text.rstrip("\n")) == ("nocontact", script.rstrip("\n"))

    ex, proxy, friend = make_message(EX), make_message(PROXY), make_message(FRIEND)
    for raw in (ex, proxy, friend):
        mail_user.server.deliver(mail_user, raw)  # LMTP: the active script runs
    imap = client_for(mail_user)
    ids = {r: r.split(b"Message-ID: ")[1].split(b"\r\n")[0].decode() for r in (ex, proxy, friend)}
    assert message_ids(imap, QUARANTINE) == sorted([ids[ex], ids[proxy]])
    assert message_ids(imap, "INBOX") == [ids[friend]]

    # nocontact comes back: what the server filed is stored, nothing moves twice.
    stats = watcher_for(mail_user, sink).run_once()
    assert stats.stored == 2 and stats.moved == 0
    assert sorted(k.removeprefix("mid:") for k in sink.stored_dedup_keys()) == sorted(
        [ids[ex], ids[proxy]]
    )
    imap.logout()


def test_reinstalling_replaces_the_script(mail_user: MailUser) -> None:
    account = _sieve_account(mail_user)
    install_script(account, quarantine_script(["one@example.test"], QUARANTINE))
    second = quarantine_script(["two@example.test"], QUARANTINE)
    install_script(account, second)
    name, text = active_script(account) or ("", "")
    assert (name, text.rstrip("\n")) == ("nocontact", second.rstrip("\n"))


def test_wrong_password_is_a_sieve_error_naming_nothing_private(
    dovecot_private: DovecotServer,
) -> None:
    user = dovecot_private.add_user()
    with pytest.raises(SieveError) as info:
        install_script(_sieve_account(user, "wrong-pass-789"), "keep;\n")
    assert user.name not in str(info.value) and "wrong-pass-789" not in str(info.value)


def test_a_broken_script_is_refused_without_echoing_it(mail_user: MailUser) -> None:
    with pytest.raises(SieveError) as info:
        install_script(_sieve_account(mail_user), 'fileinto "secret@example.test"\n')
    assert "secret" not in str(info.value)


def test_no_tls_to_a_remote_server_is_refused() -> None:
    with pytest.raises(SieveError):
        install_script(SieveAccount("mail.example.test", "u", "p", starttls=False), "keep;\n")


def test_no_address_no_script() -> None:
    with pytest.raises(SieveError):
        quarantine_script([], QUARANTINE)
