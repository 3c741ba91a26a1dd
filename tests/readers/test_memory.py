"""Peak memory stays flat while the input grows tenfold (tracemalloc, not timing)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from nocontact.readers import mbox, read_path, sms_xml

from .conftest import mbox_message, sms_file, sms_record


def _peak(path: Path) -> int:
    tracemalloc.start()
    try:
        for _ in read_path(path, accept=lambda s: s == "nobody"):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("module", "write"),
    [
        (mbox, lambda p, n: p.write_text("".join(mbox_message(i) for i in range(n)))),
        (sms_xml, lambda p, n: p.write_text(sms_file(sms_record(i) for i in range(n)))),
    ],
)
def test_peak_memory_is_flat_when_the_file_grows_tenfold(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    write: Callable[[Path, int], None],
) -> None:
    monkeypatch.setattr(module, "CHUNK", 32 * 1024)
    small, big = tmp_path / "small", tmp_path / "big"
    write(small, 1_000)
    write(big, 10_000)
    assert big.stat().st_size > 9 * small.stat().st_size > 4 * 32 * 1024
    peak_small, peak_big = _peak(small), _peak(big)
    assert peak_big < peak_small * 1.5 + 64 * 1024, (peak_small, peak_big)
    assert peak_big < big.stat().st_size / 4
