"""Phone-size headless Chromium: the check-in, the calendar and the urge flow."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.test import Client
from tests.conftest import EX_EMAIL

from nocontact.web.cases.models import Message
from nocontact.web.challenge import services
from nocontact.web.challenge.models import ChallengeSettings, CheckIn, Reason, Slip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # 22:00 on 20 November in New York
TODAY = date(2026, 11, 20)


@pytest.fixture
def setup(personas, monkeypatch):
    monkeypatch.setattr(services, "clock", lambda: NOW)
    personas.case.timezone = "America/New_York"
    personas.case.save()
    ChallengeSettings.objects.create(
        case=personas.case,
        start_date=date(2026, 11, 1),
        urge_minutes=1,
        friend_phone="+1 555 555 0100",
    )
    return personas


def signed_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_check_in_on_a_phone(setup, live_server, phone_page):
    requests: list[str] = []
    phone_page.on("request", lambda r: requests.append(r.url))
    signed_in(phone_page, live_server, setup.survivor)
    phone_page.goto(f"{live_server.url}/days/")
    phone_page.click("text=Check in for today")
    assert phone_page.input_value("input[name=day]") == TODAY.isoformat()
    phone_page.check("input[name=held][value=yes]")
    phone_page.locator("input[name=urge]").evaluate("e => { e.value = '6'; }")
    phone_page.select_option("select[name=mood]", "okay")
    assert fits_the_screen(phone_page)
    phone_page.click("button:has-text('Save check-in')")
    phone_page.wait_for_url(f"{live_server.url}/days/")
    assert phone_page.inner_text("#current-run") == "20"  # held since the start on 1 November
    assert "You have checked in today" in phone_page.inner_text("body")
    row = CheckIn.objects.get(case=setup.case)
    assert (row.day, row.held, row.urge, row.mood) == (TODAY, True, 6, "okay")
    assert fits_the_screen(phone_page)
    assert all(url.startswith(live_server.url) for url in requests)


def test_a_slip_on_a_phone_is_met_with_kind_words(setup, live_server, phone_page):
    signed_in(phone_page, live_server, setup.survivor)
    phone_page.goto(f"{live_server.url}/days/check-in/")
    phone_page.check("input[name=held][value=no]")
    phone_page.check("input[name=slips][value=checked_profile]")
    phone_page.click("button:has-text('Save check-in')")
    phone_page.wait_for_url(f"{live_server.url}/days/")
    body = phone_page.inner_text("body")
    assert "A slip is part of recovery" in body
    assert Slip.objects.get(case=setup.case).kind == "checked_profile"


def test_calendar_on_a_phone_shows_days_and_attempt_counts(setup, live_server, phone_page):
    for day in range(1, 20):
        CheckIn.objects.create(case=setup.case, day=date(2026, 11, day), held=day != 10, urge=3)
    for i in range(9):
        Message.objects.create(
            case=setup.case, person=setup.ex, channel="email", source_format="test",
            source_id=f"m{i}", sender_as_written=EX_EMAIL,
            sent_at=datetime(2026, 11, 17, 15, i, tzinfo=UTC), sha256="0" * 64,
            category="hoovering" if i else "threat",
        )  # fmt: skip
    signed_in(phone_page, live_server, setup.survivor)
    phone_page.goto(f"{live_server.url}/days/calendar/")
    assert phone_page.inner_text("h1") == "November 2026"
    assert "They tried 9 times this month; you held 18 days" in phone_page.inner_text(
        "#month-words"
    )
    cell = phone_page.locator('td[data-day="2026-11-17"]')
    assert cell.get_attribute("class") == "held"
    assert cell.locator(".sw-hoovering").inner_text() == "8"
    assert cell.locator(".sw-threat").inner_text() == "1"
    assert phone_page.locator('td[data-day="2026-11-10"]').get_attribute("class") == "slipped"
    assert cell.bounding_box()["width"] >= 40
    assert fits_the_screen(phone_page)
    phone_page.click("text=Printable version (PDF)")
    with phone_page.expect_download() as info:
        phone_page.click("button:has-text('Download the PDF')")
    assert info.value.suggested_filename == "calendar-2026-11.pdf"


def test_urge_flow_timer_reasons_and_friend_on_a_phone(setup, live_server, phone_page):
    Reason.objects.create(case=setup.case, text="I can breathe again")
    CheckIn.objects.create(case=setup.case, day=date(2026, 11, 12), held=False, urge=9)
    CheckIn.objects.create(case=setup.case, day=date(2026, 11, 13), held=True, urge=6, mood="low")
    phone_page.clock.install()
    signed_in(phone_page, live_server, setup.survivor)
    phone_page.goto(f"{live_server.url}/days/")
    phone_page.click("text=I want to contact them")
    phone_page.wait_for_url(f"{live_server.url}/days/pause/")
    assert "I can breathe again" in phone_page.inner_text("body")
    assert "12 Nov" in phone_page.inner_text("body") and "you felt low" in phone_page.inner_text(
        "body"
    )
    assert phone_page.get_attribute("#call-friend", "href") == "tel:+15555550100"
    start = phone_page.locator("#urge-start")
    assert start.is_visible()
    start.click()
    phone_page.clock.run_for(10_000)
    assert phone_page.inner_text("#urge-clock") == "0:50"
    phone_page.clock.run_for(55_000)
    assert phone_page.get_attribute("#urge-timer", "data-done") == "yes"
    assert "You waited it out" in phone_page.inner_text("#urge-status")
    phone_page.fill("input[name=text]", "My sister is proud of me")
    phone_page.click("button:has-text('Add')")
    assert "My sister is proud of me" in phone_page.inner_text("body")
    assert fits_the_screen(phone_page)


def test_urge_page_without_javascript_still_says_what_to_do(setup, live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        signed_in(page, live_server, setup.survivor)
        page.goto(f"{live_server.url}/days/pause/")
        assert "Set a timer for 1 minute." in page.inner_text("#urge-status")
        assert not page.locator("#urge-start").is_visible()
    finally:
        context.close()
