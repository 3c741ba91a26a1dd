"""A real Dovecot (IMAP, ManageSieve, LMTP with Sieve) for the test suite.

Started on 127.0.0.1 high ports from a config written into a temporary folder. Dovecot refuses
to run its mail processes as root, so under root the whole server runs as a dedicated system
user (`nocontact-test`, created when missing); otherwise it runs as the current user.

Missing Dovecot skips the tests on a laptop and fails them when CI=true. Install with
`scripts/install-system-deps` (apt packages: dovecot-imapd dovecot-managesieved
dovecot-sieve dovecot-lmtpd).

Import the fixtures from a conftest: `pytest_plugins = ["tests.servers.dovecot"]`, or
`from tests.servers.dovecot import dovecot, dovecot_private, mail_user`.
"""

from __future__ import annotations

import contextlib
import ctypes
import grp
import itertools
import os
import pwd
import shutil
import signal
import smtplib
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TEST_USER = "nocontact-test"
DOVECOT = "/usr/sbin/dovecot"
_counter = itertools.count(1)


def require_dovecot() -> None:
    if shutil.which("dovecot") or Path(DOVECOT).exists():
        return
    reason = "dovecot is not installed (scripts/install-system-deps)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_as() -> tuple[str, int, int]:
    """The unprivileged user Dovecot runs as: ours, or a dedicated one under root."""
    if os.geteuid() != 0:
        entry = pwd.getpwuid(os.geteuid())
        return entry.pw_name, entry.pw_uid, entry.pw_gid
    try:
        entry = pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
            check=True,
        )
        entry = pwd.getpwnam(TEST_USER)
    return entry.pw_name, entry.pw_uid, entry.pw_gid


def _die_with_parent() -> None:
    """Linux: the master gets SIGTERM when the test process dies without tearing down."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class MailUser:
    server: DovecotServer
    name: str
    password: str

    @property
    def maildir(self) -> Path:
        return self.server.root / "home" / self.name / "Maildir"


class DovecotServer:
    def __init__(self, ssl: bool = False) -> None:
        self.user, self.uid, self.gid = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="nocontact-dovecot-"))
        os.chmod(self.root, 0o755)
        self.ssl = ssl
        self.imap_port = free_port()
        self.imaps_port = free_port() if ssl else 0
        self.sieve_port = free_port()
        self.lmtp_port = free_port()
        self.conf = self.root / "dovecot.conf"
        self.passwd = self.root / "passwd"
        self.passwd.mkdir()
        for sub in ("run", "state", "home"):
            (self.root / sub).mkdir()
        if ssl:
            self._make_cert()
        self._write_conf()
        self._chown(self.root)
        self.proc: subprocess.Popen[bytes] | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def _chown(self, path: Path) -> None:
        if os.geteuid() != 0:
            return
        for dirpath, _dirs, files in os.walk(path):
            os.chown(dirpath, self.uid, self.gid)
            for name in files:
                os.chown(os.path.join(dirpath, name), self.uid, self.gid)

    def _make_cert(self) -> None:
        self.cert = self.root / "cert.pem"
        self.key = self.root / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", str(self.key), "-out", str(self.cert)],
            check=True, capture_output=True,
        )

    def _write_conf(self) -> None:
        group = grp.getgrgid(self.gid).gr_name
        ssl_block = "ssl = no\n"
        imaps = "  inet_listener imaps {\n    port = 0\n  }\n"
        if self.ssl:
            ssl_block = f"ssl = yes\nssl_cert = <{self.cert}\nssl_key = <{self.key}\n"
            imaps = (
                "  inet_listener imaps {\n    address = 127.0.0.1\n"
                f"    port = {self.imaps_port}\n  }}\n"
            )
        r = self.root
        self.conf.write_text(f"""
base_dir = {r}/run
state_dir = {r}/state
instance_name = nocontact-test-{os.getpid()}-{next(_counter)}
log_path = {r}/dovecot.log
protocols = imap lmtp sieve
listen = 127.0.0.1
default_internal_user = {self.user}
default_internal_group = {group}
default_login_user = {self.user}
first_valid_uid = 1
first_valid_gid = 1
{ssl_block}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:~/Maildir
mail_max_userip_connections = 200
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.passwd}/%u
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {self.passwd}/%u
  default_fields = uid={self.uid} gid={self.gid} home={r}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
{imaps}}}
service managesieve-login {{
  chroot =
  inet_listener sieve {{
    address = 127.0.0.1
    port = {self.sieve_port}
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {self.lmtp_port}
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
protocol lmtp {{
  mail_plugins = sieve
  postmaster_address = postmaster@localhost
}}
plugin {{
  sieve = file:~/sieve;active=~/.dovecot.sieve
}}
""")

    def start(self) -> None:
        cmd = [DOVECOT, "-F", "-c", str(self.conf)]
        # A session of its own, so stop() can end the master and every child with it.
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self._log_tail()}")
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.imap_port), timeout=0.5
            ) as sock:
                if sock.recv(64).startswith(b"* OK"):
                    return
            time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self._log_tail()}")

    def stop(self) -> None:
        if self.proc is None:
            return
        pid = self.proc.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        # Wait for the master to exit WITHOUT reaping it: while it is a zombie its pid (the
        # group id) cannot be reused, so the SIGKILL below reaches only this server's group.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break
            time.sleep(0.02)
        # Mail processes outlive the master's SIGTERM; a real restart drops their clients too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        self.proc.wait()
        self.proc = None
        # Wait for the port to be free again so a restart binds the same one.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.imap_port), timeout=0.2):
                    pass
            except OSError:
                return
            time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def _log_tail(self) -> str:
        log = self.root / "dovecot.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        if self.proc is not None and self.proc.stderr is not None and self.proc.poll() is not None:
            text += self.proc.stderr.read().decode(errors="replace")
        return text[-2000:]

    # -- users and delivery ----------------------------------------------------------------

    def add_user(self, name: str | None = None, password: str | None = None) -> MailUser:
        name = name or f"user{next(_counter)}@example.test"
        password = password or f"pw-{os.urandom(6).hex()}"
        # One passwd-file per user: a shared file appended within one second is not re-read.
        (self.passwd / name).write_text(f"{name}:{{PLAIN}}{password}::::::\n")
        home = self.root / "home" / name
        home.mkdir(parents=True, exist_ok=True)
        self._chown(home)
        return MailUser(self, name, password)

    def deliver(self, user: MailUser, raw: bytes, sender: str = "sender@example.test") -> None:
        """Deliver through LMTP, so the user's active Sieve script runs."""
        with smtplib.LMTP("127.0.0.1", self.lmtp_port, timeout=10) as lmtp:
            lmtp.sendmail(sender, [user.name], raw)


def make_message(
    sender: str, subject: str = "hello", body: str = "text", message_id: str | None = None,
    to: str = "me@example.test",
) -> bytes:
    mid = message_id or f"<{os.urandom(8).hex()}@example.test>"
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {mid}\r\n"
        f"Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    """One shared server for the session; each test makes its own user."""
    require_dovecot()
    server = DovecotServer(ssl=True)
    server.start()
    yield server
    server.close()


@pytest.fixture
def dovecot_private() -> Iterator[DovecotServer]:
    """A server of the test's own, for tests that stop or restart it."""
    require_dovecot()
    server = DovecotServer()
    server.start()
    yield server
    server.close()


@pytest.fixture
def mail_user(dovecot: DovecotServer) -> MailUser:
    return dovecot.add_user()
