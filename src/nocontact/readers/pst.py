"""Outlook .pst: recognised, not read (see docs/formats.md for why and what to do instead).

The only maintained Python reader, libpff-python, is LGPL-3.0-or-later, ships as C
sources that need a compiler, and is marked alpha; nocontact keeps its default install
pure-Python and free of copyleft. A .pst therefore gets one clear ReadProblem telling
the user how to export the mail as .mbox or .msg instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from nocontact.core.message import ReadProblem
from nocontact.readers.types import Accept, Progress, ReadItem, no_progress

NAME = "pst"
MAGIC = b"!BDN"


def sniff(head: bytes) -> bool:
    return head.startswith(MAGIC)


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    progress(path.stat().st_size)
    yield ReadProblem(
        str(path),
        "byte 0",
        "Outlook .pst files are not read directly: export the mail as .mbox (Thunderbird) "
        "or drag the messages out as .msg files (docs/formats.md)",
    )
