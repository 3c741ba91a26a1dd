"""The printable month calendar: rendered by WeasyPrint, then checked with poppler's tools."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from string import Template

import pytest

from nocontact.core.challenge import CheckIn, SlipKind
from nocontact.core.month_grid import GridError, month_grid
from nocontact.core.taxonomy import Category
from nocontact.reports.calendar_pdf import calendar_html, calendar_pdf

START = date(2026, 11, 1)
TODAY = date(2026, 11, 20)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} missing (apt: poppler-utils)")
        pytest.skip(f"{name} missing (apt: poppler-utils)")
    return path


def pdf_pages_and_text(data: bytes, tmp_path) -> tuple[int, str]:
    path = tmp_path / "calendar.pdf"
    path.write_bytes(data)
    info = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, text


def november():
    checkins = [CheckIn(START + timedelta(days=i), True, 4) for i in range(19)]
    checkins[9] = CheckIn(START + timedelta(days=9), False, 9, None, (SlipKind.ANSWERED,))
    attempts = {
        date(2026, 11, 3): {Category.HOOVERING: 5, Category.THREAT: 1},
        date(2026, 11, 4): {Category.LOGISTICS: 2},
        date(2026, 11, 18): {"hoovering": 3},
        date(2026, 11, 25): {Category.HOOVERING: 40},  # after today: not drawn
    }
    return month_grid(2026, 11, checkins=checkins, start=START, today=TODAY, attempts=attempts)


def test_grid_counts_the_month():
    grid = november()
    assert (grid.held, grid.slipped, grid.attempts) == (18, 1, 11)
    assert dict(grid.by_category) == {
        Category.THREAT: 1, Category.LOGISTICS: 2, Category.HOOVERING: 8,
    }  # fmt: skip
    assert all(len(week) == 7 for week in grid.weeks)
    assert grid.weeks[0][0].day.weekday() == 0  # weeks start on Monday


def test_the_pdf_is_one_page_with_the_days_and_the_counts(tmp_path):
    pages, text = pdf_pages_and_text(calendar_pdf(november()), tmp_path)
    assert pages == 1
    assert "November 2026" in text
    assert "They tried 11 times this month; you held 18 days" in text
    assert text.count("held") >= 18 and "slipped" in text
    for word in ("threat", "practical", "hoovering"):
        assert word in text


def test_only_digits_and_our_own_words_reach_the_pdf(tmp_path):
    _, text = pdf_pages_and_text(calendar_pdf(november()), tmp_path)
    ours = {
        "november", "2026", "they", "tried", "times", "this", "month", "you", "held", "days",
        "and", "every", "one", "of", "them", "counts", "slipped", "threat", "practical",
        "hoovering", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    }  # fmt: skip
    words = {w for w in re.findall(r"[^\W\d_]+", text.lower())}
    assert words <= ours, words - ours


@pytest.mark.parametrize("bad", [{"hoovering": "I miss you"}, {"hoovering": -1}, {"gossip": 2}])
def test_anything_but_counts_per_known_category_is_refused(bad):
    with pytest.raises(GridError):
        month_grid(
            2026, 11, checkins=[], start=START, today=TODAY, attempts={date(2026, 11, 2): bad}
        )


def test_a_custom_heading_is_escaped():
    html = calendar_html(november(), heading="<script>x</script> my month")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_outside_resources_are_never_fetched(tmp_path, monkeypatch):
    import nocontact.reports.calendar_pdf as module

    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/x.png"
    original = module._template
    monkeypatch.setattr(
        module,
        "_template",
        lambda: Template(original().template.replace("<body>", f'<body><img src="{url}">')),
    )
    try:
        pages, _ = pdf_pages_and_text(calendar_pdf(november()), tmp_path)
    finally:
        server.shutdown()
    assert pages == 1
    assert requests == []
