"""SIGKILL the watcher at random points, dozens of times: nothing lost, nothing twice.

After every kill each message from the ex must be still in the inbox, or in quarantine and
stored. At the end every one is in quarantine exactly once and stored exactly once, and the
other mail is in the inbox exactly once, untouched.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from nocontact.mail.sqlite_sink import SqliteSink
from tests.servers.dovecot import DovecotServer, MailUser, make_message

from .conftest import EX, FRIEND, PROXY, QUARANTINE, client_for

pytestmark = [pytest.mark.dovecot, pytest.mark.slow]
ROUNDS = 30


def _ids(user: MailUser, folder: str) -> Counter[str]:
    client = client_for(user)
    try:
        if not client.folder_exists(folder):
            return Counter()
        client.select_folder(folder, readonly=True)
        uids = client.search()
        key = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
        return Counter(f[key].decode().split(":", 1)[1].strip() for f in fetched.values())
    finally:
        client.logout()


def _stored(sink_path: Path) -> Counter[str]:
    sink = SqliteSink(sink_path)
    try:
        return Counter(k.removeprefix("mid:") for k in sink.stored_dedup_keys())
    finally:
        sink.close()


def _wait_for_stores(sink_path: Path, target: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and proc.poll() is None:
        if sink_path.exists() and len(_stored(sink_path)) >= target:
            return
        time.sleep(0.002)


def _watcher(user: MailUser, sink_path: Path, copy_fallback: bool, once: bool) -> list[str]:
    cmd = [
        sys.executable, "-m", "nocontact.mail.watcher",
        "--host", "127.0.0.1", "--port", str(user.server.imap_port), "--tls", "none",
        "--user", user.name, "--sink", f"sqlite:{sink_path}",
        "--want", "ex.partner@example.test", "--want", PROXY,
        "--quarantine", QUARANTINE, "--sweep", "INBOX", "--idle-seconds", "1",
    ]
    if copy_fallback:
        cmd.append("--no-move")
    if once:
        cmd.append("--once")
    return cmd


def _deliver(user: MailUser, rng: random.Random, n: int, ex: list[str], other: list[str]) -> None:
    for _ in range(n):
        wanted = rng.random() < 0.6
        sender = rng.choice([EX, PROXY]) if wanted else FRIEND
        mid = f"<crash-{os.urandom(6).hex()}@example.test>"
        user.server.deliver(user, make_message(sender, body="x" * rng.randint(10, 3000),
                                               message_id=mid))
        (ex if wanted else other).append(mid)


def test_sigkill_at_random_points_loses_and_duplicates_nothing(
    dovecot_private: DovecotServer, tmp_path: Path
) -> None:
    rng = random.Random(int(os.environ.get("NOCONTACT_CRASH_SEED", "20261125")))
    user = dovecot_private.add_user()
    sink_path = tmp_path / "sink.sqlite"
    env = {**os.environ, "NOCONTACT_MAIL_PASSWORD": user.password}
    ex: list[str] = []
    other: list[str] = []
    _deliver(user, rng, 40, ex, other)
    for round_no in range(ROUNDS):
        _deliver(user, rng, rng.randint(3, 12), ex, other)
        proc = subprocess.Popen(
            _watcher(user, sink_path, copy_fallback=round_no % 3 == 2, once=False),
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        if round_no % 2:
            time.sleep(rng.uniform(0.2, 1.0))
        else:  # kill just after the k-th new store: between store and move, or mid-move
            _wait_for_stores(sink_path, len(_stored(sink_path)) + rng.randint(1, 5), proc)
        if rng.random() < 0.5:
            _deliver(user, rng, rng.randint(1, 3), ex, other)  # arrives during IDLE or moves
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        inbox, quarantine, stored = _ids(user, "INBOX"), _ids(user, QUARANTINE), _stored(sink_path)
        for mid in ex:
            assert mid in inbox or (mid in quarantine and mid in stored), (round_no, mid)
        assert all(stored[mid] == 1 for mid in stored), round_no
        for mid in other:
            assert inbox[mid] == 1 and mid not in quarantine and mid not in stored, round_no

    done = subprocess.run(_watcher(user, sink_path, copy_fallback=False, once=True), env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    inbox, quarantine, stored = _ids(user, "INBOX"), _ids(user, QUARANTINE), _stored(sink_path)
    assert quarantine == Counter(ex)
    assert stored == Counter(ex)
    assert inbox == Counter(other)
    assert len(ex) > 40
