"""One clock for session limits, back-off and re-authentication, so tests can freeze it."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def now() -> float:
    return time.time()


def now_dt() -> datetime:
    return datetime.fromtimestamp(now(), tz=UTC)
