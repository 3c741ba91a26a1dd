"""Headless Chromium on a phone-sized screen: the friend joins, reviews and decides."""

from __future__ import annotations

import pytest
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    FRIEND_PASSPHRASE,
    fast_kdf,
    store_all,
)

from nocontact.web.cases.models import MessageBody
from nocontact.web.review.keyring import take_invitation_token
from nocontact.web.review.models import Review, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_friend_joins_and_decides_on_a_phone(personas, live_server, phone_page) -> None:
    messages = store_all(personas)
    token = take_invitation_token(personas.case)
    requests: list[str] = []
    phone_page.on("request", lambda r: requests.append(r.url))
    phone_page.goto(f"{live_server.url}/queue/join/{token}/")
    phone_page.fill("input[name=passphrase]", FRIEND_PASSPHRASE)
    phone_page.fill("input[name=passphrase2]", FRIEND_PASSPHRASE)
    phone_page.click("button[type=submit]")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.url.endswith("/account/start/"), "first use explains quick exit"
    phone_page.click("main button[type=submit]")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.url.endswith("/queue/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the queue fits a phone screen"
    phone_page.click(f"a[href='/queue/m/{messages['hoover'].pk}/'] >> nth=0")
    phone_page.wait_for_load_state("networkidle")
    assert "every day" in phone_page.inner_text(".body")
    assert phone_page.locator(".body img").count() == 0
    phone_page.click("button[value=keep]")
    phone_page.wait_for_load_state("networkidle")
    assert Review.objects.get(message=messages["hoover"]).state == State.KEPT
    phone_page.check(f"input[name=ids][value='{messages['threat'].pk}']")
    phone_page.click("button[value=destroy]")
    phone_page.wait_for_load_state("networkidle")
    assert not MessageBody.objects.filter(message=messages["threat"]).exists()
    assert all(url.startswith(live_server.url) for url in requests), "nothing remote loaded"
