"""`python -m nocontact.mail.watcher`: run one watcher against a file-backed sink.

The password is read from an environment variable, never from the command line (where `ps`
would show it). The web app's accounts run through `nocontact worker` instead.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from types import FrameType

from nocontact.mail.errors import MailError
from nocontact.mail.imap import DEFAULT_QUARANTINE, ImapAccount, TlsMode
from nocontact.mail.sqlite_sink import SqliteSink
from nocontact.mail.watcher import Watcher, WatchOptions


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m nocontact.mail.watcher")
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, default=993)
    p.add_argument("--tls", choices=[m.value for m in TlsMode], default=TlsMode.SSL.value)
    p.add_argument("--user", required=True)
    p.add_argument("--password-env", default="NOCONTACT_MAIL_PASSWORD")
    p.add_argument("--ca-file", default="")
    p.add_argument("--sink", required=True, help="sqlite:PATH")
    p.add_argument("--want", action="append", default=[], help="an address to screen out")
    p.add_argument("--quarantine", default=DEFAULT_QUARANTINE)
    p.add_argument("--sweep", action="append", default=[], help="a folder to sweep once")
    p.add_argument("--poll", action="store_true", help="poll instead of IDLE")
    p.add_argument("--poll-seconds", type=float, default=30.0)
    p.add_argument("--idle-seconds", type=float, default=60.0)
    p.add_argument("--no-move", action="store_true", help="COPY + UID EXPUNGE instead of MOVE")
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not args.sink.startswith("sqlite:"):
        print("only --sink sqlite:PATH is supported here", file=sys.stderr)
        return 2
    account = ImapAccount(
        host=args.host, port=args.port, tls=TlsMode(args.tls), user=args.user,
        password=os.environ.get(args.password_env, ""), ca_file=args.ca_file, name="cli",
    )
    options = WatchOptions(
        quarantine=args.quarantine, sweep=tuple(args.sweep), idle=not args.poll,
        poll_seconds=args.poll_seconds, idle_seconds=args.idle_seconds,
        use_move=not args.no_move,
    )
    sink = SqliteSink(args.sink.removeprefix("sqlite:"), wanted=args.want)
    watcher = Watcher(account, sink, options)

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        watcher.stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        if args.once:
            watcher.run_once()
        else:
            watcher.run()
    except MailError as exc:
        print(f"mail: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        sink.close()
    s = watcher.stats
    print(f"screened={s.screened} stored={s.stored} moved={s.moved} failed={s.failed}")
    return 0
