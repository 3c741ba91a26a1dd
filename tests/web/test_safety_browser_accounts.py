"""Two-step sign-in, back-off and recovery, and the friend's revocation, in headless Chromium."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django_otp.oath import totp
from tests.conftest import FRIEND_PASSWORD, SURVIVOR_PASSWORD

from nocontact.web.accounts.api import settings_for
from nocontact.web.accounts.clock import now_dt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def explained(personas):
    for user in (personas.survivor, personas.friend):
        found = settings_for(user)
        found.exit_explained_at = now_dt()
        found.save()
    return personas


def _page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    return context, context.new_page()


def _sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_two_step_sign_in_is_set_up_and_used(explained, live_server, browser) -> None:
    base = live_server.url
    context, page = _page(browser)
    _sign_in(page, base, explained.survivor.username, SURVIVOR_PASSWORD)
    page.goto(f"{base}/account/codes/")
    assert "shared phone" in page.inner_text("main") or "phone holding the app" in page.inner_text(
        "main"
    )
    page.click("button:has-text('Set it up')")
    page.wait_for_load_state()
    assert page.get_attribute("img.qr", "src").startswith("data:image/svg+xml;base64,")
    secret = page.inner_text("code").replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("input[name=code]", f"{totp(key):06d}")
    page.click("button:has-text('Turn on')")
    page.wait_for_load_state()
    assert "is on" in page.inner_text("main")
    page.click("button:has-text('Sign out')")
    page.wait_for_url(f"{base}/login/")

    _sign_in(page, base, explained.survivor.username, SURVIVOR_PASSWORD)
    assert page.url == f"{base}/login/code/"
    page.fill("input[name=code]", "123456" if totp(key) != 123456 else "654321")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "did not work" in page.inner_text("main")
    # The next step's code: a code works once only.
    page.fill("input[name=code]", f"{totp(key, drift=1):06d}")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/overview/")
    context.close()


def test_wrong_guesses_slow_down_then_the_owner_gets_in(explained, live_server, browser) -> None:
    base = live_server.url
    context, page = _page(browser)
    waits = []
    for _ in range(5):  # each guess after the last wait is over, so each one counts
        _sign_in(page, base, explained.survivor.username, "a wrong passphrase guess")
        found = re.search(r"Wait (\d+) second", page.inner_text("main"))
        waits.append(int(found.group(1)) if found else 0)
        time.sleep(waits[-1] + 0.2 if waits[-1] < 4 else 0)
    assert waits == [0, 0, 1, 2, 4], "short and growing"
    message = page.inner_text("main")
    assert "Too many tries" in message and "not locked" in message
    wait = int(re.search(r"Wait (\d+) second", message).group(1))
    assert 1 <= wait <= 60
    _sign_in(page, base, explained.survivor.username, SURVIVOR_PASSWORD)
    assert "/login/" in page.url, "the right passphrase waits too while the back-off runs"
    time.sleep(wait + 0.2)
    _sign_in(page, base, explained.survivor.username, SURVIVOR_PASSWORD)
    assert page.url == f"{base}/overview/"
    context.close()


def test_the_friend_loses_access_the_moment_it_is_removed(
    explained, live_server, browser
) -> None:
    base = live_server.url
    friend_context, friend = _page(browser)
    _sign_in(friend, base, explained.friend.username, FRIEND_PASSWORD)
    friend.goto(f"{base}/account/")
    assert "/account/" in friend.url
    survivor_context, survivor = _page(browser)
    _sign_in(survivor, base, explained.survivor.username, SURVIVOR_PASSWORD)
    survivor.goto(f"{base}/account/sharing/")
    survivor.click("button:has-text('End my friend')")
    survivor.wait_for_load_state()
    assert "No friend has access" in survivor.inner_text("main")
    friend.reload()
    assert "/login/" in friend.url
    _sign_in(friend, base, explained.friend.username, FRIEND_PASSWORD)
    assert "/login/" in friend.url and "did not work" in friend.inner_text("main")
    friend_context.close()
    survivor_context.close()
