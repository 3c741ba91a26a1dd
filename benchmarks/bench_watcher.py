"""Time from delivery to quarantine over IMAP IDLE on loopback, against a real Dovecot.

Each message is delivered by LMTP (the way a mail server hands it to the mailbox), one at a
time; the clock starts when LMTP confirms delivery (the message is in the inbox, where a
phone could show it) and stops when the watcher's MOVE to quarantine has completed (after
the message was durably stored). Baselines measured in the same run:
  - bare: an IMAP client that already knows what to move doing APPEND + UID MOVE, the floor;
  - poll: the watcher without IDLE, polling every --poll-seconds.

Usage: .venv/bin/python benchmarks/bench_watcher.py [--n 50] [--poll-n 10] [--poll-seconds 2]
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from imapclient import IMAPClient  # noqa: E402
from tests.servers.dovecot import DovecotServer, MailUser, make_message  # noqa: E402

from nocontact.mail.imap import ImapAccount, TlsMode  # noqa: E402
from nocontact.mail.sink import LedgerState, MailKey  # noqa: E402
from nocontact.mail.sqlite_sink import SqliteSink, dedup_key  # noqa: E402
from nocontact.mail.watcher import Watcher, WatchOptions  # noqa: E402

EX = "ex.partner@example.test"


class TimingSink(SqliteSink):
    """Notes when each message's move to quarantine has been recorded."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, wanted=[EX])
        self.keys: dict[MailKey, str] = {}
        self.moved_at: dict[str, float] = {}
        self.event = threading.Condition()

    def store(self, raw_rfc822: bytes, key: MailKey) -> None:
        super().store(raw_rfc822, key)
        self.keys[key] = dedup_key(raw_rfc822)

    def mark(self, key: MailKey, state: LedgerState, dest: MailKey | None = None) -> None:
        super().mark(key, state, dest)
        if state is LedgerState.MOVED and key in self.keys:
            with self.event:
                self.moved_at[self.keys[key]] = time.perf_counter()
                self.event.notify_all()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values) * 1000, 2),
        "p95_ms": round(percentile(values, 0.95) * 1000, 2),
        "max_ms": round(max(values) * 1000, 2),
    }


def watcher_latencies(user: MailUser, n: int, idle: bool, poll_seconds: float) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        sink = TimingSink(Path(tmp) / "sink.sqlite")
        account = ImapAccount("127.0.0.1", user.name, user.password, port=user.server.imap_port,
                              tls=TlsMode.NONE, name="bench")
        options = WatchOptions(quarantine="Storage", idle=idle, poll_seconds=poll_seconds)
        watcher = Watcher(account, sink, options)
        thread = threading.Thread(target=watcher.run, daemon=True)
        thread.start()
        # Deliver only once the first pass set its inbox baseline (mail older than the first
        # run is left alone unless a sweep is asked for) and IDLE has begun.
        deadline = time.monotonic() + 30
        while sink.checkpoint("bench", "INBOX") is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        latencies = []
        for _ in range(n):
            raw = make_message(f"Ex <{EX}>", body="x" * 2000)
            key = dedup_key(raw)
            user.server.deliver(user, raw)
            delivered = time.perf_counter()
            with sink.event:
                if not sink.event.wait_for(lambda k=key: k in sink.moved_at, timeout=60):
                    raise RuntimeError("a message was not moved within 60 s")
            latencies.append(sink.moved_at[key] - delivered)
        watcher.stop.set()
        thread.join(timeout=30)
        sink.close()
    return latencies


def bare_latencies(user: MailUser, n: int) -> list[float]:
    client = IMAPClient("127.0.0.1", port=user.server.imap_port, ssl=False)
    client.login(user.name, user.password)
    client.create_folder("Bare")
    client.select_folder("INBOX")
    latencies = []
    for _ in range(n):
        start = time.perf_counter()
        client.append("INBOX", make_message(f"Ex <{EX}>", body="x" * 2000))
        client.noop()
        uid = max(client.search())
        client.move([uid], "Bare")
        latencies.append(time.perf_counter() - start)
    client.logout()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--poll-n", type=int, default=10)
    parser.add_argument("--poll-seconds", type=float, default=2.0)
    args = parser.parse_args()
    server = DovecotServer()
    server.start()
    try:
        idle = summary(watcher_latencies(server.add_user(), args.n, True, 30.0))
        bare = summary(bare_latencies(server.add_user(), args.n))
        poll = summary(watcher_latencies(server.add_user(), args.poll_n, False, args.poll_seconds))
    finally:
        server.close()
    print(json.dumps({
        "benchmark": "delivery (LMTP) to quarantine (stored, then MOVE), loopback Dovecot",
        "idle": idle,
        "baseline_bare_append_move": bare,
        f"baseline_poll_every_{args.poll_seconds:g}s": poll,
        "ratio_idle_to_bare_median": round(idle["median_ms"] / bare["median_ms"], 2),
        "ratio_poll_to_idle_median": round(poll["median_ms"] / idle["median_ms"], 2),
    }, indent=2))


if __name__ == "__main__":
    main()
