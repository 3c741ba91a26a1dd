"""End-to-end import rate: read → match → classify → seal → ledger → store, on a fresh case.

Measures the demo data (as `nocontact demo` imports it) and a generated SMS Backup & Restore
file (N records, a share from the ex), beside a reader-only pass over the same file in the
same run. Prints one JSON object.
Usage: .venv/bin/python benchmarks/bench_import.py [--n 5000] [--share 0.1]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import date
from pathlib import Path
from xml.sax.saxutils import quoteattr

LINES = [
    "why are you ignoring me",
    "I miss you so much, please just answer",
    "you will regret this",
    "can you drop the bike keys at mine friday",
    "I'm sorry, I've changed, I'm seeing someone to talk about it",
    "nobody would even care if I was gone",
    "happy holidays hope you're well",
]


def write_sms(path: Path, n: int, share: float) -> None:
    every = max(int(1 / share), 1)
    with path.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
        out.write(f'<smses count="{n}">\n')
        for i in range(n):
            addr = "+15555550142" if i % every == 0 else f"+1555555{1000 + i % 8000:04d}"
            body = quoteattr(f"{LINES[i % len(LINES)]} #{i}")
            out.write(
                f'<sms protocol="0" address="{addr}" date="{1_760_000_000_000 + i * 60_000}" '
                f'type="1" subject="null" body={body} toa="null" sc_toa="null" '
                'service_center="null" read="1" status="-1" locked="0" />\n'
            )
        out.write("</smses>\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--share", type=float, default=0.1)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="nocontact-bench-"))
    os.environ["NOCONTACT_HOME"] = str(home)
    from nocontact.web import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from nocontact.commands.demo import build_demo
    from nocontact.core.identities import IdentityKind
    from nocontact.ingest import import_paths
    from nocontact.readers import read_path
    from nocontact.web.cases.services import Account, add_person, create_case

    start = time.perf_counter()
    _, _, demo = build_demo(home / "demo", date(2026, 11, 25))
    demo_s = time.perf_counter() - start

    sms = home / "big.xml"
    write_sms(sms, args.n, args.share)
    start = time.perf_counter()
    read_only = sum(1 for _ in read_path(sms))
    read_s = time.perf_counter() - start

    case = create_case(
        Account("bench-s", "bench-survivor-pass-1"), Account("bench-f", "bench-friend-pass-22")
    )
    add_person(case, "ex", "X", [(IdentityKind.PHONE, "+15555550142")])
    start = time.perf_counter()
    summary = import_paths(case, [sms])
    import_s = time.perf_counter() - start
    print(
        json.dumps(
            {
                "benchmark": "import",
                "demo_records_read": demo["read"],
                "demo_stored": demo["stored"],
                "demo_build_and_import_s": round(demo_s, 3),
                "sms_records": args.n,
                "sms_stored": summary.stored,
                "reader_only_records_per_s": round(read_only / read_s, 1),
                "end_to_end_records_per_s": round(summary.read / import_s, 1),
                "end_to_end_stored_per_s": round(summary.stored / import_s, 1),
                "ratio_end_to_end_to_reader_only": round(
                    (summary.read / import_s) / (read_only / read_s), 3
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
