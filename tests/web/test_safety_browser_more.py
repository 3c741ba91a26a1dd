"""More safety features end to end in Chromium: the first-use explainer, ending other sessions,
a download that needs a ticked warning, and deleting everything behind a typed phrase."""

from __future__ import annotations

import zipfile

import pytest
from tests.conftest import SURVIVOR_PASSWORD

from nocontact.web.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    context.set_default_timeout(15_000)
    return context


def _sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", SURVIVOR_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _past_explainer(page, base: str) -> None:
    if page.url == f"{base}/account/start/":
        page.click("button:has-text('I understand')")
        page.wait_for_load_state()


def test_first_sign_in_explains_quick_exit_once(personas, live_server, browser) -> None:
    base = live_server.url
    context = _context(browser)
    page = context.new_page()
    _sign_in(page, base, personas.survivor.username)
    assert page.url == f"{base}/account/start/"
    text = page.inner_text("main")
    for words in ("Shift", "three times", "browser history", "sync", "handed"):
        assert words in text, words
    page.click("button:has-text('I understand')")
    page.wait_for_url(f"{base}/overview/")
    page.click("button:has-text('Sign out')")
    page.wait_for_url(f"{base}/login/")
    _sign_in(page, base, personas.survivor.username)
    assert page.url == f"{base}/overview/", "shown once per account"
    context.close()


def test_ending_other_sessions_signs_out_the_other_browser(personas, live_server, browser) -> None:
    base = live_server.url
    other, this = _context(browser), _context(browser)
    other_page, page = other.new_page(), this.new_page()
    _sign_in(other_page, base, personas.survivor.username)
    _past_explainer(other_page, base)
    _sign_in(page, base, personas.survivor.username)
    page.goto(f"{base}/account/activity/")
    assert page.locator("table.counts").first.locator("tr").count() == 3, "two open sessions"
    page.click("button:has-text('Sign out every other browser')")
    page.wait_for_load_state()
    assert "Signed out 1 other browser" in page.inner_text("main")
    other_page.goto(f"{base}/account/")
    assert "/login/" in other_page.url
    page.goto(f"{base}/account/")
    assert page.url == f"{base}/account/"
    other.close()
    this.close()


def test_download_needs_the_warning_ticked(personas, live_server, browser, tmp_path) -> None:
    base = live_server.url
    context = _context(browser)
    page = context.new_page()
    _sign_in(page, base, personas.survivor.username)
    _past_explainer(page, base)
    page.goto(f"{base}/account/download/")
    assert "not protected" in page.inner_text("main")
    page.click("button:has-text('Download')")  # the required box stops an unticked form
    assert page.url == f"{base}/account/download/"
    page.check("input[name=understood]")
    with page.expect_download() as info:
        page.click("button:has-text('Download')")
    saved = tmp_path / "export.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as zf:
        assert "nocontact-export.json" in zf.namelist()
    context.close()


def test_delete_everything_needs_the_typed_phrase(personas, live_server, browser) -> None:
    base = live_server.url
    context = _context(browser)
    page = context.new_page()
    _sign_in(page, base, personas.survivor.username)
    _past_explainer(page, base)
    page.goto(f"{base}/account/close/")
    assert "cannot come back" in page.inner_text("main")
    page.fill("input[name=phrase]", "delete")
    page.click("button:has-text('Delete everything now')")
    page.wait_for_load_state()
    assert "Nothing was deleted" in page.inner_text("main")
    assert Case.objects.filter(pk=personas.case.pk).exists()
    page.fill("input[name=phrase]", "delete everything")
    page.click("button:has-text('Delete everything now')")
    page.wait_for_url(f"{base}/login/")
    assert not Case.objects.filter(pk=personas.case.pk).exists()
    context.close()
