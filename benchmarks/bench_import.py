"""End-to-end import: read → match → classify → seal → ledger → store, into a fresh case.

For a generated mbox and SMS Backup & Restore file (2 % from the ex, as in
bench_readers.py) at N/10 and N messages, each import runs in its own process so its peak
memory (max RSS) can be compared as the file grows tenfold; a reader-only pass over the same
file is the baseline measured in the same run. The demo data's build-and-import time is
printed too. Prints one JSON object.
Usage: .venv/bin/python benchmarks/bench_import.py [--n 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_readers import EX_MAIL, EX_PHONE, make_mbox, make_sms


def _setup(home: Path) -> None:
    os.environ["NOCONTACT_HOME"] = str(home)
    from nocontact.web import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def child(kind: str, n: int) -> dict[str, float]:
    """One import in this process: a fresh data folder, case and file."""
    home = Path(tempfile.mkdtemp(prefix="nocontact-bench-"))
    _setup(home)
    from nocontact.core.identities import IdentityKind
    from nocontact.ingest import import_paths
    from nocontact.readers import read_path
    from nocontact.web.cases.services import Account, add_person, create_case

    path = home / f"input.{kind}"
    (make_mbox if kind == "mbox" else make_sms)(path, n)
    accept_ex = {EX_MAIL, EX_PHONE}.__contains__
    start = time.perf_counter()
    read_only = sum(1 for _ in read_path(path, accept=accept_ex))
    read_s = time.perf_counter() - start
    case = create_case(
        Account("bench-s", "bench-survivor-pass-1"), Account("bench-f", "bench-friend-pass-22")
    )
    add_person(case, "ex", "X", [(IdentityKind.EMAIL, EX_MAIL), (IdentityKind.PHONE, EX_PHONE)])
    start = time.perf_counter()
    summary = import_paths(case, [path])
    import_s = time.perf_counter() - start
    return {
        "records": summary.read,
        "stored": summary.stored,
        "end_to_end_per_s": round(summary.read / import_s, 1),
        "reader_only_per_s": round(read_only / read_s, 1),
        "ratio_end_to_end_to_reader_only": round(
            (summary.read / import_s) / (read_only / read_s), 3
        ),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def demo_time() -> float:
    home = Path(tempfile.mkdtemp(prefix="nocontact-bench-"))
    _setup(home)
    from nocontact.commands.demo import build_demo

    start = time.perf_counter()
    build_demo(home / "demo", date(2026, 11, 25))
    return round(time.perf_counter() - start, 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"))
    parser.add_argument("--demo", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return
    if args.demo:
        print(json.dumps({"demo_build_and_import_s": demo_time()}))
        return

    def run(*extra: str) -> dict[str, float]:
        done = subprocess.run(
            [sys.executable, __file__, *extra], capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    result: dict[str, object] = {"benchmark": "import", "ex_share": 0.02, **run("--demo")}
    for kind in ("mbox", "sms"):
        small, large = run("--child", kind, str(args.n // 10)), run("--child", kind, str(args.n))
        result[kind] = {
            f"{args.n // 10}": small,
            f"{args.n}": large,
            "max_rss_growth_for_10x_file": round(large["max_rss_mb"] / small["max_rss_mb"], 2),
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
