"""A whole demo run, watched from outside: its logs, the e-mail it sends and the survivor's
pages carry no message words, no address and no number of the ex or the proxy."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

pytestmark = pytest.mark.slow


class Inbox:
    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.original_content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Browser:
    """Just enough of a browser: cookies, the CSRF token, same-origin form posts."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, page: str, data: dict[str, str]) -> tuple[str, str]:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "a form with a CSRF token"
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token.group(1)}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Sec-Fetch-Site": "same-origin"}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode()


def _forbidden(home: Path) -> list[str]:
    """Words, addresses and numbers that must never leave the sealed store."""
    labels = [json.loads(line) for line in (home / "exports" / "demo-labels.jsonl").open()]
    words = [row["text"].strip()[:40] for row in labels if len(row["text"].strip()) >= 20]
    people = {row["sender"] for row in labels if row.get("sender")}
    return words + sorted(people)


def test_a_demo_run_leaks_no_words_addresses_or_numbers(tmp_path: Path) -> None:
    inbox = Inbox()
    smtp_port, web_port = _free_port(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    home = tmp_path / "demo"
    env = {
        **os.environ,
        "NOCONTACT_HOME": str(home),
        "NOCONTACT_SMTP_HOST": "127.0.0.1",
        "NOCONTACT_SMTP_PORT": str(smtp_port),
    }
    env.pop("NOCONTACT_DATABASE_URL", None)
    demo = subprocess.Popen(
        [sys.executable, "-m", "nocontact", "demo", "--port", str(web_port), "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    try:
        deadline = time.monotonic() + 180
        assert demo.stdout is not None
        while time.monotonic() < deadline:
            line = demo.stdout.readline()
            if not line:
                break
            output.append(line)
            if line.startswith("Serving on"):
                break
        assert any(line.startswith("Serving on") for line in output), "".join(output)
        survivor = re.search(r"Survivor login: (\S+) / (\S+)", "".join(output))
        assert survivor
        for _ in range(100):  # the message comes just before the server listens
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", web_port)) == 0:
                    break
            time.sleep(0.1)
        browser = Browser(f"http://127.0.0.1:{web_port}")
        _, page = browser.get("/login/")
        url, page = browser.post(
            "/login/", page, {"username": survivor.group(1), "password": survivor.group(2)}
        )
        if url.endswith("/account/start/"):
            url, page = browser.post("/account/start/", page, {})
        pages = [page] + [
            browser.get(p)[1]
            for p in (
                "/overview/",
                "/days/",
                "/days/calendar/",
                "/days/pause/",
                "/days/plan/",
                "/people/",
                "/queue/alerts/",
                "/queue/released/",
                "/account/",
            )
        ]
    finally:
        demo.terminate()
        rest, _ = demo.communicate(timeout=30)
        output.append(rest or "")
        controller.stop()
    assert "attempts screened" in pages[1], "the pages were read signed in"
    forbidden = _forbidden(home)
    assert len(forbidden) > 50
    logs = "".join(output)
    assert "Serving on" in logs
    mails = [raw.decode("utf-8", "replace") for raw in inbox.received]
    assert mails, "the friend was told of the threat by e-mail"
    for needle in forbidden:
        assert needle not in logs, "a log line holds content or an address"
        for mail in mails:
            assert needle not in mail, "an e-mail holds content or an address"
        for page in pages:
            assert needle not in page, "a survivor's page holds content or an address"
    for mail in mails:
        subject = re.search(r"^Subject: (.*)$", mail, re.MULTILINE)
        assert subject and not re.search(r"threat|self|legal|harm|ex\b", subject.group(1), re.I)
