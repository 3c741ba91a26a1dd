"""Linking accounts and running their watchers (for `nocontact mail` and `worker`/`serve`)."""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import close_old_connections

from nocontact.mail.errors import MailError
from nocontact.mail.imap import ImapAccount
from nocontact.mail.imap import TlsMode as ImapTls
from nocontact.mail.passwords import PasswordBox
from nocontact.mail.watcher import Watcher, WatchOptions
from nocontact.web.cases.models import Case
from nocontact.web.mailwatch.models import MailAccount

log = logging.getLogger("nocontact.mail")


def password_box() -> PasswordBox:
    return PasswordBox(settings.NOCONTACT.home)


def _context(case: Case, label: str) -> str:
    return f"case={case.pk};label={label}"


def add_account(
    case: Case, label: str, host: str, user: str, password: str, port: int = 993,
    tls: str = "ssl", ca_file: str = "", quarantine: str = "", sweep: tuple[str, ...] = (),
    sieve_port: int | None = None,
) -> MailAccount:
    account = MailAccount(
        case=case, label=label, host=host, port=port, tls=ImapTls(tls).value, user=user,
        ca_file=ca_file, sweep=list(sweep), sieve_port=sieve_port,
        password_sealed=password_box().seal(password, _context(case, label)),
    )
    if quarantine:
        account.quarantine = quarantine
    account.save()
    return account


def imap_account(row: MailAccount) -> ImapAccount:
    password = password_box().open(row.password_sealed, _context(row.case, row.label))
    return ImapAccount(host=row.host, user=row.user, password=password, port=row.port,
                       tls=ImapTls(row.tls), ca_file=row.ca_file, name=str(row.pk))


def watcher_for(row: MailAccount, stop: threading.Event | None = None) -> Watcher:
    from nocontact.mail.django_sink import DjangoSink

    options = WatchOptions(quarantine=row.quarantine, sweep=tuple(row.sweep))
    watcher = Watcher(imap_account(row), DjangoSink(row), options)
    if stop is not None:
        watcher.stop = stop
    return watcher


def _run_one(row: MailAccount, stop: threading.Event) -> None:
    try:
        watcher_for(row, stop).run()
    except MailError as exc:
        log.error("mail: account %s stopped: %s", row.pk, exc)
    finally:
        close_old_connections()


def start_watchers(stop: threading.Event, case: Case | None = None) -> list[threading.Thread]:
    """One daemon thread per enabled account; set `stop` to end them."""
    rows = MailAccount.objects.filter(enabled=True).select_related("case")
    if case is not None:
        rows = rows.filter(case=case)
    threads = []
    for row in rows:
        thread = threading.Thread(target=_run_one, args=(row, stop), daemon=True,
                                  name=f"mail-watcher-{row.pk}")
        thread.start()
        threads.append(thread)
    return threads
