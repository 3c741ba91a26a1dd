"""Quick exit, storage and Back, in headless Chromium against the live server."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from tests.conftest import SURVIVOR_PASSWORD

from nocontact.web.accounts.api import settings_for
from nocontact.web.accounts.clock import now_dt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL = b"<!doctype html><title>Weather</title><p>Sunny spells.</p>"


class _Neutral(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(NEUTRAL)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def exit_site(settings) -> Iterator[str]:
    """A separate neutral site on another port, set as the exit destination."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Neutral)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/weather"
    settings.NOCONTACT = dataclasses.replace(settings.NOCONTACT, exit_url=url)
    yield url
    server.shutdown()


@pytest.fixture
def survivor(personas):
    found = settings_for(personas.survivor)
    found.exit_explained_at = now_dt()
    found.save()
    return personas.survivor


def _context(browser, js: bool = True):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=js)
    context.set_default_timeout(15_000)
    return context


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", SURVIVOR_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/overview/")


def _signed_out(page, base: str) -> None:
    page.goto(f"{base}/account/")
    assert "/login/" in page.url, "the server session ended"


def test_leave_now_blanks_the_page_then_replaces_history(
    survivor, live_server, browser, exit_site
) -> None:
    context = _context(browser)
    page = context.new_page()
    base = live_server.url
    _login(page, base, survivor.username)
    page.goto(f"{base}/account/")
    seen: list[tuple[str, str]] = []
    page.expose_binding("reportLeaving", lambda source, title, body: seen.append((title, body)))
    # When navigation starts, report what the page still shows.
    page.evaluate(
        "window.addEventListener('beforeunload', () =>"
        " reportLeaving(document.title, document.body.innerHTML))"
    )
    before = page.evaluate("history.length")
    page.click("#quick-exit")
    page.wait_for_url(exit_site)
    assert seen, "navigation started"
    title, body = seen[0]
    assert title.strip("\u200b ") == "" and body == "", "blank before navigating"
    assert page.evaluate("history.length") == before, "the exit replaced the page, added none"
    page.go_back()
    page.wait_for_load_state()
    assert "/login/" in page.url
    assert "Account" not in page.inner_text("main")
    _signed_out(page, base)
    context.close()


def test_shift_three_times_leaves(survivor, live_server, browser, exit_site) -> None:
    context = _context(browser)
    page = context.new_page()
    _login(page, live_server.url, survivor.username)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(exit_site)
    _signed_out(page, live_server.url)
    context.close()


def test_shift_while_typing_does_not_leave(survivor, live_server, browser, exit_site) -> None:
    context = _context(browser)
    page = context.new_page()
    _login(page, live_server.url, survivor.username)
    page.goto(f"{live_server.url}/account/confirm/")
    page.focus("input[name=password]")
    for _ in range(4):
        page.keyboard.press("Shift")
    page.keyboard.type("Some Capitals Typed Here")
    page.wait_for_timeout(300)
    assert page.url.endswith("/account/confirm/")
    assert page.input_value("input[name=password]") == "Some Capitals Typed Here"
    context.close()


def test_leave_now_works_without_javascript(survivor, live_server, browser, exit_site) -> None:
    context = _context(browser, js=False)
    page = context.new_page()
    base = live_server.url
    _login(page, base, survivor.username)
    page.goto(f"{base}/account/")
    page.click("#quick-exit")
    page.wait_for_url(exit_site)
    page.go_back()
    page.wait_for_load_state()
    assert "/login/" in page.url, "Back does not show the page again"
    assert "Sign-ins and open sessions" not in page.content()
    context.close()


def test_back_after_sign_out_shows_nothing(survivor, live_server, browser) -> None:
    context = _context(browser)
    page = context.new_page()
    base = live_server.url
    _login(page, base, survivor.username)
    page.goto(f"{base}/account/activity/")
    page.click("button:has-text('Sign out')")
    page.wait_for_url(f"{base}/login/")
    page.go_back()
    page.wait_for_load_state()
    assert "/login/" in page.url
    assert "Signed in now" not in page.content()
    context.close()


def test_nothing_is_left_in_browser_storage(survivor, live_server, browser) -> None:
    context = _context(browser)
    page = context.new_page()
    base = live_server.url
    _login(page, base, survivor.username)
    for path in ("/overview/", "/account/", "/account/activity/", "/help/", "/account/notices/"):
        page.goto(base + path)
        storage = page.evaluate(
            "[localStorage.length, sessionStorage.length, document.cookie]"
        )
        assert storage == [0, 0, ""], f"{path}: {storage}"
    cookies = {c["name"]: c for c in context.cookies()}
    # csrf, the session, and the browser's half of the key opened at sign-in (HttpOnly).
    assert sorted(cookies) == ["csrf", "sid", "vk"]
    assert cookies["vk"]["httpOnly"] and cookies["vk"]["sameSite"] == "Strict"
    page.click("button:has-text('Sign out')")
    page.wait_for_url(f"{base}/login/")
    left = [c["name"] for c in context.cookies()]
    assert "sid" not in left and "vk" not in left
    context.close()
