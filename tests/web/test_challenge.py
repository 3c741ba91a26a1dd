"""The challenge pages: check-in, dashboard, calendar counts, downloads, plan, composer, urge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from icalendar import Calendar
from tests.conftest import EX_EMAIL, EX_PHONE, PROXY_EMAIL

from nocontact.web.cases.models import Message
from nocontact.web.challenge import services
from nocontact.web.challenge.models import (
    ChallengeSettings,
    CheckIn,
    PlanItemStatus,
    Reason,
    Slip,
    UnsentLetter,
)

pytestmark = pytest.mark.django_db

# 22:00 on 20 November 2026 in New York.
NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)
WORDS = "I still think about us every single day"


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(services, "clock", lambda: NOW)
    return NOW


@pytest.fixture
def survivor(personas, frozen) -> Client:
    personas.case.timezone = "America/New_York"
    personas.case.save()
    ChallengeSettings.objects.create(case=personas.case, start_date=TODAY - timedelta(days=9))
    client = Client()
    client.force_login(personas.survivor)
    return client


def add_message(personas, sent_at: datetime, category: str, n: int) -> None:
    for i in range(n):
        Message.objects.create(
            case=personas.case,
            person=personas.ex,
            channel="email",
            source_format="test",
            source_id=f"{sent_at.isoformat()}-{category}-{i}",
            sender_as_written=EX_EMAIL,
            sent_at=sent_at,
            sha256="0" * 64,
            category=category,
        )


def check_in(client: Client, day: date, held: bool, **extra) -> None:
    data = {"day": day.isoformat(), "held": "yes" if held else "no", "urge": 3, "mood": "okay"}
    data.update(extra)
    response = client.post("/days/check-in/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_check_ins_make_the_runs_on_the_dashboard(survivor, personas):
    for offset in range(9, 3, -1):
        check_in(survivor, TODAY - timedelta(days=offset), True)
    check_in(survivor, TODAY - timedelta(days=3), False, slips=["checked_profile"])
    for offset in (2, 1, 0):
        check_in(survivor, TODAY - timedelta(days=offset), True)
    page = survivor.get("/days/").content.decode()
    assert 'id="current-run">3<' in page
    assert 'id="best-run">6<' in page
    assert 'id="days-held">9<' in page
    assert Slip.objects.filter(case=personas.case, kind="checked_profile").count() == 1


def test_a_slip_gets_kind_words_not_shame(survivor):
    check_in(survivor, TODAY - timedelta(days=1), True)
    response = survivor.post(
        "/days/check-in/",
        {"day": TODAY.isoformat(), "held": "no", "urge": 9, "slips": ["answered"]},
        follow=True,
    )
    text = response.content.decode()
    assert "A slip is part of recovery" in text
    assert "fail" not in text.lower()


def test_a_future_day_and_a_held_day_with_slips_are_refused(survivor, personas):
    survivor.post(
        "/days/check-in/",
        {"day": (TODAY + timedelta(days=1)).isoformat(), "held": "yes", "urge": 0},
    )
    survivor.post(
        "/days/check-in/",
        {"day": TODAY.isoformat(), "held": "yes", "urge": 0, "slips": ["answered"]},
    )
    assert CheckIn.objects.filter(case=personas.case).count() == 0


def test_without_a_survivor_key_the_note_field_is_absent_and_nothing_is_kept(survivor, personas):
    page = survivor.get("/days/check-in/").content.decode()
    assert 'name="note"' not in page
    assert "never as plain text" in page
    check_in(survivor, TODAY, True, note="he called me at work again")
    assert CheckIn.objects.get(case=personas.case).note_sealed is None


def test_calendar_shows_counts_by_category_and_never_words(survivor, personas):
    # 23:30 New York time on 18 November is 04:30 UTC on the 19th: it counts on the 18th.
    add_message(personas, datetime(2026, 11, 19, 4, 30, tzinfo=UTC), "hoovering", 3)
    add_message(personas, datetime(2026, 11, 19, 15, 0, tzinfo=UTC), "threat", 1)
    check_in(survivor, date(2026, 11, 18), True)
    page = survivor.get("/days/calendar/2026/11/").content.decode()
    assert 'data-day="2026-11-18"' in page
    cell_18 = page.split('data-day="2026-11-18"')[1].split("</td>")[0]
    cell_19 = page.split('data-day="2026-11-19"')[1].split("</td>")[0]
    assert 'sw-hoovering" title="hoovering">3<' in cell_18 and "✓" in cell_18
    assert 'sw-threat" title="threat">1<' in cell_19
    assert "They tried 4 times this month" in page
    assert WORDS not in page


def test_dashboard_says_they_tried_and_you_held(survivor, personas):
    add_message(personas, datetime(2026, 11, 17, 15, 0, tzinfo=UTC), "hoovering", 9)
    for day in (16, 17, 18, 19, 20):
        check_in(survivor, date(2026, 11, day), True)
    assert "They tried 9 times this week; you held." in survivor.get("/days/").content.decode()


def test_pdf_and_ics_download_only_on_a_deliberate_post(survivor):
    page = survivor.get("/days/calendar/2026/11/print/")
    assert page["Content-Type"].startswith("text/html")
    assert "not protected" in page.content.decode()
    pdf = survivor.post("/days/calendar/2026/11/print/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment")
    assert pdf.content.startswith(b"%PDF")
    assert "not protected" in survivor.get("/days/reminder/").content.decode()
    ics = survivor.post("/days/reminder/", {"at": "21:30"})
    [event] = Calendar.from_ical(ics.content).walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.hour, start.minute, str(event["summary"])) == (21, 30, "Daily reminder")
    assert event["rrule"]["FREQ"] == ["DAILY"]


def test_filter_downloads_use_the_persons_identities(survivor):
    page = survivor.get("/days/plan/filters/").content.decode()
    assert "not protected" in page
    sieve = survivor.post("/days/plan/filters/", {"format": "sieve"}).content.decode()
    assert f'"{EX_EMAIL}"' in sieve and f'"{PROXY_EMAIL}"' in sieve and "fileinto" in sieve
    gmail = survivor.post("/days/plan/filters/", {"format": "gmail"}).content.decode()
    assert "shouldArchive" in gmail and "shouldTrash" not in gmail
    vcard = survivor.post("/days/plan/filters/", {"format": "vcard"}).content.decode()
    assert f"TEL;TYPE=CELL:{EX_PHONE}" in vcard


def test_plan_statuses_are_kept_per_line(survivor, personas):
    page = survivor.get("/days/plan/").content.decode()
    assert "Delete blocked voicemails without listening" in page
    assert 'href="/people/"' in page  # entering the ex and proxies happens on the persons pages
    assert 'href="/days/plan/filters/"' in page and 'href="/days/plan/message/"' in page
    survivor.post("/days/plan/status/", {"key": "phone.block", "status": "done"})
    survivor.post("/days/plan/status/", {"key": "not.a.line", "status": "done"})
    assert dict(PlanItemStatus.objects.filter(case=personas.case).values_list("key", "status")) == {
        "phone.block": "done"
    }
    assert "1 of" in survivor.get("/days/plan/").content.decode()


def test_composer_flags_hooks_keeps_nothing_and_marks_the_line(survivor, personas):
    flagged = survivor.post("/days/plan/message/", {"draft": "I'm sorry. Can we talk?"})
    text = flagged.content.decode()
    assert 'id="draft-findings"' in text and "apolog" in text
    ready = survivor.post(
        "/days/plan/message/", {"draft": "Do not contact me again. I will not reply."}
    )
    assert 'id="draft-ready"' in ready.content.decode()
    survivor.post("/days/plan/message/", {"sent": "yes"})
    assert PlanItemStatus.objects.get(case=personas.case, key="message.final").status == "done"


def test_urge_flow_shows_reasons_and_what_followed_past_slips(survivor, personas):
    survivor.post("/days/pause/reasons/", {"text": "I sleep through the night now"})
    survivor.post(
        "/days/check-in/",
        {"day": "2026-11-15", "held": "no", "urge": 9, "mood": "okay", "slips": ["reached_out"]},
    )
    check_in(survivor, date(2026, 11, 16), True, mood="awful")
    page = survivor.get("/days/pause/").content.decode()
    assert "I sleep through the night now" in page
    assert "15 Nov: reached out to them; the days after, you felt awful" in page
    assert "challenge/urge.js" in page and "<script>" not in page
    reason = Reason.objects.get(case=personas.case)
    survivor.post(f"/days/pause/reasons/{reason.pk}/remove/")
    assert not Reason.objects.filter(case=personas.case).exists()


def test_unsent_letter_is_not_stored_without_a_survivor_key(survivor, personas):
    response = survivor.post(
        "/days/pause/letter/", {"letter": "You hurt me and I want you to know"}, follow=True
    )
    assert "Nothing was kept" in response.content.decode()
    assert UnsentLetter.objects.count() == 0


def test_friend_and_other_case_cannot_see_the_survivors_days(personas, other_case, frozen):
    ChallengeSettings.objects.create(case=other_case.case, start_date=TODAY)
    CheckIn.objects.create(case=other_case.case, day=TODAY, held=False, urge=9)
    friend = Client()
    friend.force_login(personas.friend)
    for url in ("/days/", "/days/check-in/", "/days/calendar/", "/days/pause/", "/days/plan/"):
        assert friend.get(url).status_code == 403, url
    mine = Client()
    mine.force_login(personas.survivor)
    assert 'id="days-held">0<' in mine.get("/days/").content.decode()
    foreign = Reason.objects.create(case=other_case.case, text="theirs")
    mine.post(f"/days/pause/reasons/{foreign.pk}/remove/")
    assert Reason.objects.filter(pk=foreign.pk).exists()


def test_anonymous_visitors_are_sent_to_login(db):
    response = Client().get("/days/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.fixture
def survivor_key(personas):
    from nocontact.vault import generate_keypair
    from nocontact.web.review.models import CaseKeys

    pair = generate_keypair()
    friend = generate_keypair()
    CaseKeys.objects.update_or_create(
        case=personas.case,
        defaults={"survivor_public": pair.public, "friend_public": friend.public},
    )
    return pair.secret, friend.secret


def test_with_a_survivor_key_notes_and_letters_are_kept_sealed_for_the_survivor_only(
    survivor, personas, survivor_key
):
    from nocontact.vault import NotARecipient, is_sealed, open_sealed

    secret, friend_secret = survivor_key
    assert 'name="note"' in survivor.get("/days/check-in/").content.decode()
    check_in(survivor, TODAY, True, note="he called me at work again")
    blob = bytes(CheckIn.objects.get(case=personas.case).note_sealed)
    assert is_sealed(blob) and b"called me" not in blob
    assert open_sealed(blob, secret) == b"he called me at work again"
    with pytest.raises(NotARecipient):
        open_sealed(blob, friend_secret)

    survivor.post("/days/pause/letter/", {"letter": "You hurt me and I want you to know"})
    letter = bytes(UnsentLetter.objects.get(case=personas.case).sealed)
    assert b"hurt" not in letter
    assert open_sealed(letter, secret).decode() == "You hurt me and I want you to know"
