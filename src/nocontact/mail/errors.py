"""The mail area's exception types. Messages never carry addresses, passwords or content."""

from __future__ import annotations


class MailError(Exception):
    """Anything that stops the mail watcher or a mail command from doing its job."""


class MailLoginError(MailError):
    """The server refused the user name or password (or app password)."""


class MailTlsError(MailError):
    """The TLS handshake failed: wrong port for the TLS mode, or a certificate not trusted."""


class MailConnectError(MailError):
    """The server could not be reached, or the connection dropped."""


class MailFolderError(MailError):
    """A folder is missing or cannot be created, selected or written to."""


class SieveError(MailError):
    """The ManageSieve server refused a script, a login, or is not there."""
