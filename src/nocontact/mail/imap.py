"""The one choke point to an IMAP server: connect, verdict, folders, move.

Every failure leaves here as a `MailError` subtype whose message names no address, user name,
password or host, so it can be logged and shown as it is.
"""

from __future__ import annotations

import contextlib
import ipaddress
import ssl
from dataclasses import dataclass, field
from enum import StrEnum

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from nocontact.mail.errors import (
    MailConnectError,
    MailError,
    MailFolderError,
    MailLoginError,
    MailTlsError,
)

DEFAULT_QUARANTINE = "Storage"


class TlsMode(StrEnum):
    SSL = "ssl"  # TLS from the first byte (port 993)
    STARTTLS = "starttls"  # plain, then upgraded before login (port 143)
    NONE = "none"  # no TLS at all: only for a server on the same machine


@dataclass(frozen=True)
class ImapAccount:
    host: str
    user: str
    password: str = field(repr=False)
    port: int = 993
    tls: TlsMode = TlsMode.SSL
    ca_file: str = ""  # a CA bundle or self-signed certificate to trust instead of the system's
    timeout: float = 30.0
    name: str = ""  # the survivor's own label for the account; used in the ledger

    @property
    def label(self) -> str:
        return self.name or f"{self.user}@{self.host}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _ssl_context(account: ImapAccount) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=account.ca_file or None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def connect(account: ImapAccount) -> IMAPClient:
    """A logged-in client, or a `MailError` saying which step failed."""
    if account.tls is TlsMode.NONE and not is_loopback(account.host):
        raise MailTlsError("refusing to send a password without TLS to a remote server")
    try:
        client = IMAPClient(
            account.host,
            port=account.port,
            ssl=account.tls is TlsMode.SSL,
            ssl_context=_ssl_context(account) if account.tls is TlsMode.SSL else None,
            timeout=account.timeout,
        )
    except ssl.SSLError as exc:
        raise MailTlsError(f"TLS handshake failed ({type(exc).__name__})") from exc
    except TimeoutError as exc:
        raise MailConnectError(
            "the server did not answer in time (is the port right for the TLS mode?)"
        ) from exc
    except (OSError, IMAPClientError) as exc:
        raise MailConnectError(f"could not reach the server ({type(exc).__name__})") from exc
    try:
        if account.tls is TlsMode.STARTTLS:
            client.starttls(_ssl_context(account))
        client.login(account.user, account.password)
    except LoginError as exc:
        _close_quietly(client)
        raise MailLoginError(
            "the server refused the user name or password (an app password may be needed)"
        ) from exc
    except ssl.SSLError as exc:
        _close_quietly(client)
        raise MailTlsError(f"TLS handshake failed ({type(exc).__name__})") from exc
    except (OSError, IMAPClientError) as exc:
        _close_quietly(client)
        raise MailConnectError(
            f"the connection failed during login ({type(exc).__name__})"
        ) from exc
    return client


def _close_quietly(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:  # the connection is being abandoned anyway
        with contextlib.suppress(Exception):
            client.shutdown()


def close(client: IMAPClient) -> None:
    _close_quietly(client)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    summary: str  # one plain sentence, safe to print and log
    idle: bool = False
    move: bool = False
    folders: int = 0


def check_connection(account: ImapAccount) -> Verdict:
    """Connect, log in, list folders and read the capabilities; never raises MailError."""
    try:
        client = connect(account)
    except MailLoginError as exc:
        return Verdict(False, f"Wrong credentials: {exc}.")
    except MailTlsError as exc:
        return Verdict(False, f"TLS problem: {exc}.")
    except MailError as exc:
        return Verdict(False, f"Connection problem: {exc}.")
    try:
        caps = {c.upper() for c in client.capabilities()}
        folders = len(client.list_folders())
        client.select_folder("INBOX", readonly=True)
    except (OSError, IMAPClientError) as exc:
        reason = type(exc).__name__
        return Verdict(False, f"Logged in, but the inbox could not be opened ({reason}).")
    finally:
        _close_quietly(client)
    idle, move = b"IDLE" in caps, b"MOVE" in caps
    notes = []
    if not idle:
        notes.append("no IDLE: the watcher will poll")
    if not move:
        notes.append("no MOVE: the watcher will copy, then expunge only that message")
    extra = f" ({'; '.join(notes)})" if notes else ""
    return Verdict(True, f"Connected and logged in; {folders} folders{extra}.", idle, move, folders)


def ensure_folder(client: IMAPClient, name: str) -> bool:
    """Create `name` when missing and keep it unsubscribed; True when it was created."""
    try:
        if client.folder_exists(name):
            return False
        client.create_folder(name)
    except IMAPClientError as exc:
        if "ALREADYEXISTS" in str(exc).upper():
            return False  # created meanwhile by another client or session
        raise MailFolderError("the quarantine folder could not be created") from exc
    # Servers may subscribe nothing by default and refuse to unsubscribe it.
    with contextlib.suppress(IMAPClientError):
        client.unsubscribe_folder(name)
    return True


def is_trycreate(exc: BaseException) -> bool:
    """Did the server say the destination mailbox does not exist?"""
    text = str(exc).upper()
    return "TRYCREATE" in text or "NONEXISTENT" in text or "DOESN'T EXIST" in text
