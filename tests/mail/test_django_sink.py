"""The web app's sink: mail from the ex is ingested (matched, classified, sealed, in the
ledger) through the project's pipeline, and the UID ledger lives in the case's database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers import skip_or_fail
from tests.servers.dovecot import MailUser, make_message

from .conftest import FRIEND, client_for, message_ids

pytestmark = [pytest.mark.dovecot, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _mailwatch_installed() -> None:
    if "nocontact.web.mailwatch" not in settings.INSTALLED_APPS:
        skip_or_fail("nocontact.web.mailwatch is not in INSTALLED_APPS yet")


def _add(personas: object, user: MailUser, **kw: object) -> object:
    from nocontact.web.mailwatch.services import add_account

    fields = {"port": user.server.imap_port, "tls": "none", "quarantine": "Storage"}
    fields.update(kw)
    return add_account(personas.case, "home mail", "127.0.0.1", user.name, user.password,
                       **fields)


def test_ex_mail_is_ingested_sealed_and_moved(personas: object, mail_user: MailUser) -> None:
    from nocontact.web.cases.models import Message, MessageBody
    from nocontact.web.mailwatch.models import MailUid
    from nocontact.web.mailwatch.services import watcher_for
    from tests.conftest import EX_EMAIL, PROXY_EMAIL

    ex = make_message(f"Jordan <{EX_EMAIL}>", subject="call me", body="you owe me, call now")
    proxy = make_message(PROXY_EMAIL, body="jordan is so sad")
    friend = make_message(FRIEND, body="lunch?")
    for raw in (ex, proxy, friend):
        mail_user.server.deliver(mail_user, raw)
    row = _add(personas, mail_user, sweep=("INBOX",))
    stats = watcher_for(row).run_once()
    assert stats.stored == 2 and stats.moved == 2

    messages = Message.objects.filter(case=personas.case)
    assert messages.count() == 2
    assert {m.person_id for m in messages} == {personas.ex.pk, personas.proxy.pk}
    for body in MessageBody.objects.filter(case=personas.case):
        assert b"call now" not in bytes(body.sealed) and b"sad" not in bytes(body.sealed)
    uids = MailUid.objects.filter(account=row)
    assert {u.folder: u.state for u in uids if u.folder == "INBOX"} == {"INBOX": "moved"}
    assert uids.filter(folder="Storage", state="moved").count() == 2
    imap = client_for(mail_user)
    assert len(message_ids(imap, "Storage")) == 2
    assert len(message_ids(imap, "INBOX")) == 1

    # A second pass (or a restart) stores nothing twice.
    again = watcher_for(row).run_once()
    assert again.stored == 0 and Message.objects.filter(case=personas.case).count() == 2
    imap.logout()


def test_password_is_encrypted_with_a_key_file_outside_the_database(
    personas: object, mail_user: MailUser
) -> None:
    from nocontact.mail.passwords import KEY_FILE
    from nocontact.web.mailwatch.services import imap_account

    row = _add(personas, mail_user)
    assert mail_user.password.encode() not in bytes(row.password_sealed)
    key = Path(settings.NOCONTACT.home) / KEY_FILE
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert imap_account(row).password == mail_user.password


def test_worker_threads_screen_new_mail_live(personas: object, mail_user: MailUser) -> None:
    import threading

    from nocontact.web.cases.models import Message
    from nocontact.web.mailwatch.services import start_watchers
    from tests.conftest import EX_EMAIL

    from .conftest import wait_until

    _add(personas, mail_user)
    stop = threading.Event()
    threads = start_watchers(stop, case=personas.case)
    try:
        imap = client_for(mail_user)
        from nocontact.web.mailwatch.models import MailCheckpoint

        assert wait_until(lambda: MailCheckpoint.objects.filter(folder="INBOX").exists())
        mail_user.server.deliver(mail_user, make_message(EX_EMAIL, body="threat"))
        assert wait_until(lambda: Message.objects.filter(case=personas.case).count() == 1, 15)
        assert wait_until(lambda: message_ids(imap, "INBOX") == [])
        imap.logout()
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
    assert not any(t.is_alive() for t in threads)
