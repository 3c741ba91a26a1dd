"""Hoover-season warnings on the days page, and the optional daily reminder e-mail."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from django.core import mail
from django.test import Client

from nocontact.web.challenge import services
from nocontact.web.challenge.models import ChallengeSettings, CheckIn
from nocontact.web.challenge.reminders import BODY, SUBJECT, send_due_reminders

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # 22:00 on 20 November in New York


@pytest.fixture
def case(personas, monkeypatch):
    monkeypatch.setattr(services, "clock", lambda: NOW)
    personas.case.timezone = "America/New_York"
    personas.case.save()
    return personas


@pytest.fixture
def survivor(case) -> Client:
    client = Client()
    client.force_login(case.survivor)
    return client


def test_a_birthday_entered_in_settings_is_warned_about_ahead(survivor, case):
    survivor.post(
        "/days/settings/dates/", {"kind": "their_birthday", "when": "1990-11-24", "label": ""}
    )
    page = survivor.get("/days/").content.decode()
    assert "Their birthday is in 4 days." in page
    survivor.post(
        "/days/settings/",
        {"start_date": "2026-11-01", "cutoff_hour": 4, "urge_minutes": 15, "hoover_days_ahead": 2},
    )
    assert "birthday" not in survivor.get("/days/").content.decode()


@pytest.fixture
def reminder_on(case):
    from nocontact.web.review.models import CaseKeys

    CaseKeys.objects.update_or_create(
        case=case.case, defaults={"survivor_email": "sam@example.net"}
    )
    return ChallengeSettings.objects.create(
        case=case.case, start_date=date(2026, 11, 1), reminder_time=time(21, 0), reminder_email=True
    )


def test_the_reminder_e_mail_is_off_until_switched_on(case):
    from nocontact.web.review.models import CaseKeys

    CaseKeys.objects.update_or_create(
        case=case.case, defaults={"survivor_email": "sam@example.net"}
    )
    ChallengeSettings.objects.create(
        case=case.case, start_date=date(2026, 11, 1), reminder_time=time(21)
    )
    assert send_due_reminders(NOW) == 0
    assert mail.outbox == []


def test_the_reminder_e_mail_goes_once_a_day_at_the_local_time_and_says_nothing_else(reminder_on):
    assert send_due_reminders(datetime(2026, 11, 21, 1, 30, tzinfo=UTC)) == 0  # 20:30 local
    assert send_due_reminders(NOW) == 1
    assert send_due_reminders(NOW) == 0
    [message] = mail.outbox
    assert (message.subject, message.body, message.to) == (SUBJECT, BODY, ["sam@example.net"])
    assert "http" not in message.body


def test_no_reminder_after_checking_in_that_day(reminder_on):
    CheckIn.objects.create(case=reminder_on.case, day=date(2026, 11, 20), held=True)
    assert send_due_reminders(NOW) == 0


def test_a_mail_failure_is_logged_without_the_address_and_does_not_stop_the_rest(
    reminder_on, other_case, monkeypatch, caplog
):
    import nocontact.web.challenge.reminders as module
    from nocontact.web.review.models import CaseKeys

    other_case.case.timezone = "America/New_York"
    other_case.case.save()
    CaseKeys.objects.update_or_create(
        case=other_case.case, defaults={"survivor_email": "b@example.net"}
    )
    ChallengeSettings.objects.create(
        case=other_case.case,
        start_date=date(2026, 11, 1),
        reminder_time=time(20),
        reminder_email=True,
    )
    delivered = []

    def flaky(subject, body, sender, to, **kwargs):
        if to == ["sam@example.net"]:
            raise OSError("sam@example.net unreachable")
        delivered.extend(to)

    monkeypatch.setattr(module, "send_mail", flaky)
    assert send_due_reminders(NOW) == 1
    assert delivered == ["b@example.net"]
    assert "sam@example.net" not in caplog.text and "reminder not sent" in caplog.text
    assert ChallengeSettings.objects.get(pk=reminder_on.pk).reminder_last_sent is None


def test_switching_the_e_mail_on_needs_a_time(survivor, case):
    response = survivor.post(
        "/days/settings/",
        {"start_date": "2026-11-01", "cutoff_hour": 4, "urge_minutes": 15, "hoover_days_ahead": 7,
         "reminder_email": "on"},
    )  # fmt: skip
    assert "Choose a time" in response.content.decode()
    survivor.post(
        "/days/settings/",
        {"start_date": "2026-11-01", "cutoff_hour": 4, "urge_minutes": 15, "hoover_days_ahead": 7,
         "reminder_email": "on", "reminder_time": "21:00"},
    )  # fmt: skip
    saved = ChallengeSettings.objects.get(case=case.case)
    assert saved.reminder_email and saved.reminder_time == time(21, 0)
