"""The JSON Lines contract (shared/taxonomy.md): one object in, one object out, same order."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TextIO

from nocontact.core.taxonomy import Classification

Classifier = Callable[[str, str | None, str | None], Classification]


def _error(line_no: int, reason: str, err: TextIO) -> None:
    err.write(json.dumps({"error": reason, "line": line_no}) + "\n")


def classify_jsonl(instream: TextIO, outstream: TextIO, errstream: TextIO | None = None,
                   classifier: Classifier | None = None) -> int:
    """Classify each input line; return 1 if there were lines but none could be read, else 0.

    A bad line is reported on stderr with its line number (never its text) and skipped."""
    err = errstream if errstream is not None else sys.stderr
    if classifier is None:
        from nocontact.core.classify.engine import classify

        classifier = classify
    read_ok = seen = 0
    for line_no, line in enumerate(instream, start=1):
        if not line.strip():
            continue
        seen += 1
        try:
            obj = json.loads(line)
        except ValueError:
            _error(line_no, "not valid JSON", err)
            continue
        if not isinstance(obj, dict) or "id" not in obj or not isinstance(obj.get("text"), str):
            _error(line_no, "needs an object with id and text (a string)", err)
            continue
        channel, role = obj.get("channel"), obj.get("sender_role")
        if channel is not None and not isinstance(channel, str):
            _error(line_no, "channel must be a string", err)
            continue
        if role is not None and role not in ("ex", "proxy", "unknown"):
            _error(line_no, "sender_role must be ex, proxy or unknown", err)
            continue
        read_ok += 1
        result = classifier(obj["text"], channel, role)
        outstream.write(json.dumps({"id": obj["id"], **result.as_dict()}, ensure_ascii=False)
                        + "\n")
        outstream.flush()
    return 0 if read_ok or not seen else 1
