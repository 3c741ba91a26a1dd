"""Server-side filtering: upload and activate a Sieve script by ManageSieve (RFC 5804).

With the script active the server files the ex's mail into quarantine even while nocontact is
down; the watcher stores what it finds there when it comes back. Uses sievelib's client.
sievelib trusts only the system's certificate authorities, so a self-signed ManageSieve
certificate cannot be used (IMAP can: see `ImapAccount.ca_file`).
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from sievelib.managesieve import Client
from sievelib.managesieve import Error as SievelibError

from nocontact.mail.errors import SieveError
from nocontact.mail.filters import FilterError, build_block_list, sieve_script
from nocontact.mail.imap import DEFAULT_QUARANTINE, ImapAccount, TlsMode, is_loopback

SCRIPT_NAME = "nocontact"
DEFAULT_PORT = 4190


@dataclass(frozen=True)
class SieveAccount:
    host: str
    user: str
    password: str = field(repr=False)
    port: int = DEFAULT_PORT
    starttls: bool = True

    @classmethod
    def from_imap(cls, account: ImapAccount, port: int = DEFAULT_PORT) -> SieveAccount:
        return cls(account.host, account.user, account.password, port,
                   starttls=account.tls is not TlsMode.NONE)


def quarantine_script(addresses: Iterable[str], folder: str = DEFAULT_QUARANTINE) -> str:
    """The Sieve script filing mail from `addresses` into `folder` (from filters.py)."""
    block = build_block_list(emails=addresses)
    try:
        return sieve_script(block, folder=folder)
    except FilterError as exc:
        raise SieveError("no usable address for a server-side filter") from exc


def _connect(account: SieveAccount) -> Client:
    if not account.starttls and not is_loopback(account.host):
        raise SieveError("refusing to send a password without TLS to a remote server")
    client = Client(account.host, account.port)
    try:
        with warnings.catch_warnings():
            # Plain text only ever reaches a server on this machine (checked above).
            warnings.simplefilter("ignore")
            ok = client.connect(account.user, account.password, starttls=account.starttls,
                                authmech="PLAIN")
    except (SievelibError, OSError) as exc:
        raise SieveError("the ManageSieve server could not be reached or refused TLS") from exc
    if not ok:
        raise SieveError("the ManageSieve server refused the user name or password")
    return client


def install_script(
    account: SieveAccount, script: str, name: str = SCRIPT_NAME, activate: bool = True
) -> None:
    """Upload `script` as `name` (replacing it) and make it the active one."""
    client = _connect(account)
    try:
        if not client.putscript(name, script):
            # The server's reason may quote the script (and so an address): not repeated.
            raise SieveError("the server refused the Sieve script")
        if activate and not client.setactive(name):
            raise SieveError("the server would not activate the Sieve script")
    except (SievelibError, OSError) as exc:
        raise SieveError("the ManageSieve connection failed") from exc
    finally:
        _logout(client)


def active_script(account: SieveAccount) -> tuple[str, str] | None:
    """(name, text) of the active script, or None when none is active."""
    client = _connect(account)
    try:
        active, _others = client.listscripts()
        if not active:
            return None
        return active, client.getscript(active)
    except (SievelibError, OSError) as exc:
        raise SieveError("the ManageSieve connection failed") from exc
    finally:
        _logout(client)


def _logout(client: Client) -> None:
    with contextlib.suppress(SievelibError, OSError):
        client.logout()
