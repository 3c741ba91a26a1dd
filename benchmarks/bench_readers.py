"""Readers throughput and memory: our mbox and SMS XML readers beside stdlib baselines.

Generates an mbox and an SMS Backup & Restore XML of ``--n`` messages (2 % from the ex)
in a temporary folder and prints JSON: messages per second for our reader with ``accept``
(the ex accepted, everyone else passed), for the stdlib full parse (mailbox.mbox with
email.policy.default, every body decoded; ElementTree.iterparse for the XML), for a
headers-only scan (mbox), their ratios, and peak traced memory of our readers at n/10
and n messages.

    .venv/bin/python benchmarks/bench_readers.py            # 100,000 messages
    .venv/bin/python benchmarks/bench_readers.py --n 5000   # quick run
"""

from __future__ import annotations

import argparse
import json
import mailbox
import random
import re
import tempfile
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from nocontact.core.message import RawMessage
from nocontact.readers import read_path

EX_MAIL = "ex@example.org"
EX_PHONE = "+15550009999"
WORDS = [
    "the",
    "meeting",
    "tomorrow",
    "please",
    "call",
    "back",
    "about",
    "kids",
    "school",
    "weekend",
    "pick",
    "up",
    "dinner",
    "invoice",
    "report",
    "attached",
    "thanks",
    "regards",
    "sorry",
    "late",
    "traffic",
    "love",
    "you",
    "why",
    "answer",
    "me",
]


def _body(rng: random.Random, words: int) -> str:
    lines, line = [], []
    for _ in range(words):
        line.append(rng.choice(WORDS))
        if len(line) == 12:
            lines.append(" ".join(line))
            line = []
    return "\n".join([*lines, " ".join(line)])


def make_mbox(path: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            sender = EX_MAIL if i % 50 == 0 else f"person{rng.randrange(500)}@example.net"
            text = _body(rng, rng.randrange(30, 200))
            html = "<html><body><p>" + text.replace("\n", "<br>\n") + "</p></body></html>"
            out.write(
                f"From {sender} Mon Jan  1 10:00:00 2024\n"
                f"Received: from mx.example.net by mx.example.org; Mon, 1 Jan 2024 10:00:01 +0000\n"
                f"From: Person {i} <{sender}>\nTo: me@example.com\nSubject: note {i}\n"
                f"Message-ID: <{i}.bench@example.net>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
                'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b1"\n\n'
                f"--b1\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
                f"--b1\nContent-Type: text/html; charset=utf-8\n\n{html}\n--b1--\n\n"
            )


def make_sms(path: Path, n: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"{n}\">\n"
        )
        for i in range(n):
            address = EX_PHONE if i % 50 == 0 else f"+1555{rng.randrange(10**6):06d}"
            out.write(
                f'  <sms protocol="0" address="{address}" date="{1700000000000 + i * 1000}" '
                f'type="{1 + i % 2}" subject="null" body="{_body(rng, rng.randrange(5, 40))}" '
                'toa="null" sc_toa="null" service_center="null" read="1" status="-1" '
                'locked="0" date_sent="0" sub_id="1" readable_date="Jan 1, 2024 10:00:00" '
                'contact_name="(Unknown)" />\n'
            )
        out.write("</smses>\n")


def ours(path: Path, accept: Callable[[str], bool]) -> int:
    return sum(1 for item in read_path(path, accept=accept) if item is not None)


def mbox_full_parse(path: Path) -> int:
    count = 0
    box = mailbox.mbox(str(path), factory=None, create=False)
    for key in box.iterkeys():
        message = box.get_bytes(key)
        from email.parser import BytesParser

        parsed = BytesParser(policy=policy.default).parsebytes(message)
        assert isinstance(parsed, EmailMessage)
        body = parsed.get_body(preferencelist=("plain", "html"))
        if body is not None:
            body.get_content()
        count += 1
    return count


_FROM = re.compile(rb"^From ", re.M)


def mbox_headers_only(path: Path) -> int:
    parser, count = BytesHeaderParser(), 0
    with path.open("rb") as handle:
        header, in_header = [], False
        for line in handle:
            if line.startswith(b"From ") and not in_header:
                header, in_header = [], True
                continue
            if in_header:
                if line.strip():
                    header.append(line)
                else:
                    parser.parsebytes(b"".join(header))["from"]
                    in_header, count = False, count + 1
    return count


def sms_iterparse(path: Path) -> int:
    count = 0
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag == "sms":
            element.get("address")
            element.get("body")
            count += 1
            element.clear()
    return count


def rate(run: Callable[[], int]) -> dict[str, float]:
    start = time.perf_counter()
    count = run()
    seconds = time.perf_counter() - start
    return {"messages": count, "seconds": round(seconds, 3), "per_second": round(count / seconds)}


def peak_memory(path: Path, accept: Callable[[str], bool]) -> int:
    tracemalloc.start()
    for item in read_path(path, accept=accept):
        if isinstance(item, RawMessage):
            pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    n = parser.parse_args().n
    small = max(n // 10, 1)
    with tempfile.TemporaryDirectory(prefix="nocontact-bench-") as tmp:
        folder = Path(tmp)
        files = {}
        for label, count in (("big", n), ("small", small)):
            files[f"mbox_{label}"] = folder / f"{label}.mbox"
            files[f"sms_{label}"] = folder / f"{label}.xml"
            make_mbox(files[f"mbox_{label}"], count)
            make_sms(files[f"sms_{label}"], count)
        mbox_path, sms_path = files["mbox_big"], files["sms_big"]
        mbox_ours = rate(lambda: ours(mbox_path, lambda s: s == EX_MAIL))
        mbox_full = rate(lambda: mbox_full_parse(mbox_path))
        mbox_heads = rate(lambda: mbox_headers_only(mbox_path))
        sms_ours = rate(lambda: ours(sms_path, lambda s: s == EX_PHONE))
        sms_full = rate(lambda: sms_iterparse(sms_path))
        memory = {
            "mbox_peak_bytes": {
                str(small): peak_memory(files["mbox_small"], lambda s: s == EX_MAIL),
                str(n): peak_memory(mbox_path, lambda s: s == EX_MAIL),
            },
            "sms_peak_bytes": {
                str(small): peak_memory(files["sms_small"], lambda s: s == EX_PHONE),
                str(n): peak_memory(sms_path, lambda s: s == EX_PHONE),
            },
        }
        result = {
            "n": n,
            "ex_share": 0.02,
            "mbox_file_bytes": mbox_path.stat().st_size,
            "sms_file_bytes": sms_path.stat().st_size,
            "mbox": {
                "ours_with_accept": mbox_ours,
                "stdlib_full_parse": mbox_full,
                "headers_only_scan": mbox_heads,
                "ratio_vs_full_parse": round(mbox_ours["per_second"] / mbox_full["per_second"], 2),
                "ratio_vs_headers_only": round(
                    mbox_ours["per_second"] / mbox_heads["per_second"], 2
                ),
                "target_ratio_vs_full_parse": 5,
            },
            "sms_xml": {
                "ours_with_accept": sms_ours,
                "stdlib_iterparse": sms_full,
                "ratio_vs_iterparse": round(sms_ours["per_second"] / sms_full["per_second"], 2),
            },
            "memory": memory,
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
