"""Headless Chromium logs in as the survivor and as the friend and checks what each sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EX_EMAIL, SURVIVOR_PASSWORD
from tests.web.review_support import FRIEND_PASSPHRASE, fast_kdf  # noqa: F401

from nocontact.ingest import import_paths
from nocontact.web.cases.models import Message
from nocontact.web.review.keyring import take_invitation_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = "I drove past your place last night and your light was on"


@pytest.fixture
def stored(personas, tmp_path: Path):
    mbox = tmp_path / "in.mbox"
    mbox.write_text(
        f"From {EX_EMAIL} Mon Nov  2 21:14:00 2026\nFrom: Jordan <{EX_EMAIL}>\n"
        "To: sam@example.net\nSubject: tonight\nDate: Mon, 02 Nov 2026 21:14:00 -0500\n"
        f"Message-ID: <b1@example.com>\n\n{WORDS}\n\n"
    )
    assert import_paths(personas.case, [mbox]).stored == 1
    return personas


def _login(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    if page.url.endswith("/account/start/"):  # shown once: what quick exit does and cannot do
        page.click("text=I understand, continue")
        page.wait_for_load_state("networkidle")


def test_survivor_sees_the_dashboard_without_words(stored, live_server, phone_page) -> None:
    requests: list[str] = []
    phone_page.on("request", lambda r: requests.append(r.url))
    _login(phone_page, live_server.url, stored.survivor.username, SURVIVOR_PASSWORD)
    assert phone_page.url.endswith("/overview/")
    assert "1 attempt" in phone_page.inner_text("body")
    assert "drove past" not in phone_page.content()
    assert phone_page.locator("svg.chart").count() == 2
    assert all(url.startswith(live_server.url) for url in requests), "no third-party requests"


def test_friend_joins_and_sees_the_words(stored, live_server, phone_page) -> None:
    token = take_invitation_token(stored.case)
    phone_page.goto(f"{live_server.url}/queue/join/{token}/")
    phone_page.fill("input[name=passphrase]", FRIEND_PASSPHRASE)
    phone_page.fill("input[name=passphrase2]", FRIEND_PASSPHRASE)
    phone_page.click("button[type=submit]")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.url.endswith("/account/start/"), "first use explains quick exit"
    phone_page.click("main button[type=submit]")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.url.endswith("/queue/")
    message = Message.objects.get(case=stored.case)
    phone_page.click(f"a[href='/queue/m/{message.pk}/'] >> nth=0")
    phone_page.wait_for_load_state("networkidle")
    assert WORDS in phone_page.inner_text("body")
