"""`mail add|test|list|sieve` and `worker`: link IMAP accounts and run their watchers.

Passwords are typed at a hidden prompt or read from an environment variable, never taken as
an option (other users of the machine could read it from the process list).
"""

from __future__ import annotations

import os
import signal
import threading
from typing import TYPE_CHECKING, Annotated

import typer

from nocontact.commands.common import django_ready, fail, the_case

if TYPE_CHECKING:
    from nocontact.web.cases.models import Case
    from nocontact.web.mailwatch.models import MailAccount

mail_app = typer.Typer(help="E-mail accounts to screen live.", no_args_is_help=True)


def _case() -> Case:
    found: Case = the_case()
    return found


def _password(env: str | None) -> str:
    if env:
        value = os.environ.get(env, "")
        if not value:
            fail(f"the environment variable {env} is empty")
        return value
    return str(typer.prompt("Password (or app password)", hide_input=True))


def _row(label: str) -> MailAccount:
    from nocontact.web.mailwatch.models import MailAccount

    row = MailAccount.objects.filter(case=_case(), label=label).select_related("case").first()
    if row is None:
        fail("no mail account with that label (see `nocontact mail list`)")
    return row


@mail_app.command("add")
def mail_add(
    label: Annotated[str, typer.Argument(help="Your own name for this account.")],
    host: Annotated[str, typer.Option(help="IMAP server, e.g. imap.example.com")],
    user: Annotated[str, typer.Option(help="Login name, usually the address.")],
    port: Annotated[int, typer.Option(help="993 for TLS, 143 for STARTTLS.")] = 993,
    tls: Annotated[str, typer.Option(help="ssl, starttls, or none (this machine only).")] = "ssl",
    password_env: Annotated[
        str | None, typer.Option(help="Read the password from this environment variable.")
    ] = None,
    ca_file: Annotated[str, typer.Option(help="Trust this certificate (self-signed).")] = "",
    quarantine: Annotated[str, typer.Option(help="Folder the ex's mail is moved to.")] = "",
    sweep: Annotated[
        list[str] | None,
        typer.Option(help="Also move the ex's mail already in this folder (repeat; e.g. INBOX)."),
    ] = None,
    sieve_port: Annotated[
        int | None, typer.Option(help="ManageSieve port, for server-side filtering (usually 4190).")
    ] = None,
) -> None:
    """Link an IMAP account, after testing the connection."""
    from nocontact.mail.imap import ImapAccount, TlsMode, check_connection

    if tls not in {m.value for m in TlsMode}:
        fail("--tls must be ssl, starttls or none")
    password = _password(password_env)
    verdict = check_connection(
        ImapAccount(
            host=host,
            user=user,
            password=password,
            port=port,
            tls=TlsMode(tls),
            ca_file=ca_file,
            timeout=20,
        )
    )
    typer.echo(("OK: " if verdict.ok else "Not linked: ") + verdict.summary)
    if not verdict.ok:
        raise typer.Exit(1)
    django_ready()
    from nocontact.web.mailwatch.models import MailAccount
    from nocontact.web.mailwatch.services import add_account

    case = _case()
    if MailAccount.objects.filter(case=case, label=label).exists():
        fail("an account with that label exists already")
    add_account(
        case,
        label,
        host,
        user,
        password,
        port=port,
        tls=tls,
        ca_file=ca_file,
        quarantine=quarantine,
        sweep=tuple(sweep or ()),
        sieve_port=sieve_port,
    )
    typer.echo(
        f"Linked '{label}'. The password is stored encrypted. "
        "Run `nocontact worker` (or `nocontact serve`) to start screening."
    )


@mail_app.command("test")
def mail_test(label: Annotated[str, typer.Argument(help="The account's label.")]) -> None:
    """Test a linked account's connection and print a verdict."""
    django_ready()
    from nocontact.mail.imap import check_connection
    from nocontact.web.mailwatch.services import imap_account

    verdict = check_connection(imap_account(_row(label)))
    typer.echo(("OK: " if verdict.ok else "Failed: ") + verdict.summary)
    if not verdict.ok:
        raise typer.Exit(1)


@mail_app.command("list")
def mail_list() -> None:
    """The linked accounts (no user names or passwords are shown)."""
    django_ready()
    from nocontact.web.mailwatch.models import MailAccount, MailUid

    rows = MailAccount.objects.filter(case=_case()).order_by("label")
    if not rows:
        typer.echo("No mail account linked yet (`nocontact mail add`).")
    for row in rows:
        moved = MailUid.objects.filter(account=row, state="moved", folder="INBOX").count()
        state = "on" if row.enabled else "off"
        typer.echo(
            f"{row.label}\t{row.host}:{row.port} {row.tls}\tfolder={row.quarantine}"
            f"\tmoved={moved}\t{state}"
        )


@mail_app.command("sieve")
def mail_sieve(label: Annotated[str, typer.Argument(help="The account's label.")]) -> None:
    """Upload a server-side filter (Sieve, by ManageSieve) that files the ex's mail even
    while nocontact is not running."""
    django_ready()
    from nocontact.mail.errors import MailError
    from nocontact.mail.managesieve import SieveAccount, install_script, quarantine_script
    from nocontact.web.cases.models import Identity
    from nocontact.web.mailwatch.services import imap_account

    row = _row(label)
    if row.sieve_port is None:
        fail("this account has no ManageSieve port (re-add it with --sieve-port 4190)")
    written = Identity.objects.filter(case=row.case, kind="email")
    addresses = [i.written for i in written]
    try:
        script = quarantine_script(addresses, row.quarantine)
        install_script(SieveAccount.from_imap(imap_account(row), row.sieve_port), script)
    except MailError as exc:
        fail(str(exc))
    typer.echo(f"Server-side filter installed and active ({len(addresses)} addresses).")


def worker() -> None:
    """Run the mail watchers and the clock's work (legal release, reminders, uploads) alone.

    For deployments where the web pages run as their own process; `serve` does all of this
    beside the web app.
    """
    django_ready()
    from nocontact.periodic import start_background
    from nocontact.web.mailwatch.services import start_watchers

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    threads = start_watchers(stop)
    start_background(stop)
    if threads:
        typer.echo(f"Watching {len(threads)} account(s). Stop with Ctrl-C.")
    else:
        typer.echo("No mail account linked (`nocontact mail add`); doing the clock's work only.")
    while not stop.is_set():
        stop.wait(1.0)
    for thread in threads:
        thread.join(timeout=30)


def register(app: typer.Typer) -> None:
    app.add_typer(mail_app, name="mail")
    app.command()(worker)
