"""Classifier speed, memory and quality beside a plain TF-IDF + logistic-regression baseline
trained and run on the same data in the same run. Prints JSON.

Usage: .venv/bin/python benchmarks/bench_classify.py [--n 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


PEAK_RSS_PROBE = """
import json, sys
from nocontact.core.classify import classify
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for text in texts:
    classify(text)
for line in open("/proc/self/status", encoding="utf-8"):
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) / 1024)
"""


def peak_rss_alone_mb() -> float:
    """Peak RSS of a fresh process that only loads the classifier and runs the dev set."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", PEAK_RSS_PROBE,
                          str(ROOT / "data" / "training" / "dev.jsonl")],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def macro_f1(gold: list[str], pred: list[str]) -> float:
    from nocontact.core import metrics

    labels = sorted(set(gold) | set(pred))
    return metrics.macro_f1(metrics.per_class(gold, pred, labels))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000, help="short messages to time")
    args = parser.parse_args()
    rss_start = rss_mb()

    t0 = time.perf_counter()
    from nocontact.core.classify import classify, load_model
    from nocontact.core.classify.engine import classify_with
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    model = load_model()
    load_s = time.perf_counter() - t0
    rss_loaded = rss_mb()

    from build_model import is_dev, training_rows  # the build script's own rows and split

    rows = training_rows()
    train = [r for r in rows if not is_dev(r["text"])]
    dev = [r for r in rows if is_dev(r["text"])]
    heldout = [json.loads(line) for path in sorted((ROOT / "data" / "heldout").glob("*.jsonl"))
               for line in path.open(encoding="utf-8")]
    short = [r["text"] for r in rows if 0 < len(r["text"]) <= 160]
    sample = (short * (args.n // max(len(short), 1) + 1))[: args.n]

    classify("warm up")
    t0, c0 = time.perf_counter(), time.process_time()
    for text in sample:
        classify_with(model, text)
    ours_rate = len(sample) / (time.perf_counter() - t0)
    # CPU time of this process: the one-core rate, less disturbed by other jobs on the machine
    ours_cpu_rate = len(sample) / (time.process_time() - c0)
    rss_after = rss_mb()

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    t0 = time.perf_counter()
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    x = vec.fit_transform([r["text"] for r in train])
    base = LogisticRegression(max_iter=2000, class_weight="balanced").fit(
        x, [r["category"] for r in train])
    base_train_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in sample:
        base.predict(vec.transform([text]))
    base_rate = len(sample) / (time.perf_counter() - t0)
    base_cpu_rate = len(sample) / (time.process_time() - c0)

    def quality(data: list[dict[str, object]]) -> dict[str, float]:
        gold = [str(r["category"]) for r in data]
        ours = [classify_with(model, str(r["text"])).category.value for r in data]
        theirs = list(base.predict(vec.transform([str(r["text"]) for r in data])))
        return {"ours_macro_f1": round(macro_f1(gold, ours), 4),
                "baseline_macro_f1": round(macro_f1(gold, theirs), 4)}

    dev_q, held_q = quality(dev), quality(heldout)
    result = {
        "model_version": model.version,
        "messages_timed": len(sample),
        "ours_msgs_per_s": round(ours_rate),
        "baseline_msgs_per_s": round(base_rate),
        "speed_ratio_ours_over_baseline": round(ours_rate / base_rate, 2),
        "ours_msgs_per_cpu_s": round(ours_cpu_rate),
        "baseline_msgs_per_cpu_s": round(base_cpu_rate),
        "cpu_speed_ratio_ours_over_baseline": round(ours_cpu_rate / base_cpu_rate, 2),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "import_s": round(import_s, 3),
        "model_load_s": round(load_s, 3),
        "rss_mb_start": round(rss_start, 1),
        "rss_mb_after_load": round(rss_loaded, 1),
        "rss_mb_after_run_in_bench": round(rss_after, 1),
        "peak_rss_mb_classifier_alone": round(peak_rss_alone_mb(), 1),
        "baseline_train_s": round(base_train_s, 2),
        "dev": dev_q,
        "heldout": held_q,
        "dev_ratio": round(dev_q["ours_macro_f1"] / max(dev_q["baseline_macro_f1"], 1e-9), 3),
        "heldout_ratio": round(held_q["ours_macro_f1"] / max(held_q["baseline_macro_f1"], 1e-9),
                               3),
        "targets": {"msgs_per_s": 2000, "model_load_s": 1.0, "rss_mb": 300},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
