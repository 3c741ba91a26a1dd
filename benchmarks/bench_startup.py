"""Start-up time of `nocontact --help`, beside a bare interpreter start measured in the same run.

Prints JSON: median and best wall time of each over N runs, and their ratio.
Usage: .venv/bin/python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    baseline = timed([sys.executable, "-c", "pass"], runs)
    typer_only = timed([sys.executable, "-c", "import typer"], runs)
    helped = timed([sys.executable, "-m", "nocontact", "--help"], runs)
    result = {
        "benchmark": "startup",
        "runs": runs,
        "python_bare_median_s": round(statistics.median(baseline), 4),
        "import_typer_median_s": round(statistics.median(typer_only), 4),
        "nocontact_help_median_s": round(statistics.median(helped), 4),
        "nocontact_help_best_s": round(min(helped), 4),
        "ratio_help_to_typer_import": round(
            statistics.median(helped) / statistics.median(typer_only), 2
        ),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
