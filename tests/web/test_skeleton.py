"""The walking skeleton end to end: import, match, classify, store, and who sees what."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from tests.conftest import EX_EMAIL, EX_PHONE, FRIEND_PASSWORD, PROXY_EMAIL, SURVIVOR_PASSWORD
from tests.web.review_support import fast_kdf, friend_joins  # noqa: F401

from nocontact.ingest import import_paths
from nocontact.web.cases.models import Message

THREAT_TEXT = "I am parked across the street from your flat. Come out or I am coming in."
HOOVER_TEXT = "Happy birthday. I still think about us every single day, remember the lake?"
STRANGER_TEXT = "Your dentist appointment is on Tuesday at 10am."


def _mail(
    sender: str, subject: str, body: str, msgid: str, date: str = "Mon, 02 Nov 2026 21:14:00 -0500"
) -> str:
    return (
        f"From {sender.split('<')[-1].strip('>')} Mon Nov  2 21:14:00 2026\n"
        f"From: {sender}\nTo: sam@example.net\nSubject: {subject}\nDate: {date}\n"
        f"Message-ID: <{msgid}@example.com>\nContent-Type: text/plain; charset=utf-8\n\n{body}\n\n"
    )


@pytest.fixture
def mbox(tmp_path: Path) -> Path:
    path = tmp_path / "inbox.mbox"
    path.write_text(
        _mail(f"Jordan <{EX_EMAIL}>", "Open the door Sam", THREAT_TEXT, "a1")
        + _mail(f"Casey <{PROXY_EMAIL}>", "about J", HOOVER_TEXT, "a2")
        + _mail("Dentist <desk@clinic.example.org>", "Reminder", STRANGER_TEXT, "a3"),
        encoding="utf-8",
    )
    return path


def test_import_stores_only_known_senders_and_nothing_twice(personas, mbox: Path) -> None:
    first = import_paths(personas.case, [mbox])
    assert (first.read, first.matched, first.stored, first.duplicates) == (3, 2, 2, 0)
    assert not Message.objects.filter(sender_as_written__contains="clinic").exists()
    second = import_paths(personas.case, [mbox])
    assert (second.stored, second.duplicates) == (0, 2)
    assert Message.objects.filter(case=personas.case).count() == 2


def test_threat_is_classified_as_threat(personas, mbox: Path) -> None:
    import_paths(personas.case, [mbox])
    message = Message.objects.get(case=personas.case, person=personas.ex)
    assert message.category == "threat"
    assert message.reasons, "every classification says why"


def test_truncated_mbox_keeps_the_readable_rest(personas, mbox: Path, tmp_path: Path) -> None:
    data = mbox.read_bytes()
    cut = tmp_path / "cut.mbox"
    cut.write_bytes(data[: data.rindex(b"From ") + 40])
    summary = import_paths(personas.case, [cut])
    assert summary.stored == 2


def _login(client: Client, username: str, password: str) -> None:
    response = client.post("/login/", {"username": username, "password": password})
    assert response.status_code == 302, "login should redirect"


def test_survivor_sees_counts_never_words(personas, mbox: Path) -> None:
    import_paths(personas.case, [mbox])
    client = Client()
    _login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    page = client.get("/overview/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "2 attempts" in html
    for words in ("parked across", "think about us", EX_EMAIL, "Open the door"):
        assert words not in html
    assert client.get("/queue/").status_code == 403


def test_friend_sees_the_words_most_urgent_first(personas, mbox: Path) -> None:
    import_paths(personas.case, [mbox])
    client = friend_joins(personas)
    threat = Message.objects.get(case=personas.case, person=personas.ex)
    hoover = Message.objects.get(case=personas.case, person=personas.proxy)
    queue = client.get("/queue/").content.decode()
    assert queue.index(f"/queue/m/{threat.pk}/") < queue.index(f"/queue/m/{hoover.pk}/")
    assert "parked across the street" in client.get(f"/queue/m/{threat.pk}/").content.decode()
    assert client.get("/overview/").status_code == 403


def test_other_case_sees_nothing_of_this_case(personas, other_case, mbox: Path) -> None:
    import_paths(personas.case, [mbox])
    client = Client()
    _login(client, other_case.friend.username, FRIEND_PASSWORD)
    html = client.get("/queue/").content.decode()
    assert "parked across" not in html
    assert "Nothing to review" in html


def test_anonymous_is_sent_to_login() -> None:
    for url in ("/overview/", "/queue/", "/help/"):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_every_page_has_strict_headers(personas) -> None:
    client = Client()
    _login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    response = client.get("/overview/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_phone_numbers_match_whatever_the_format(personas) -> None:
    from nocontact.web.cases.services import matcher_for

    matcher = matcher_for(personas.case)
    assert matcher.match("(555) 555-0123") == personas.ex.pk
    assert matcher.match(EX_PHONE) == personas.ex.pk
    assert matcher.match("+1 555 555 0199") is None


def test_dashboard_shows_an_urgent_notice_without_words(personas, mbox: Path) -> None:
    import_paths(personas.case, [mbox])
    client = Client()
    _login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    html = client.get("/overview/").content.decode()
    assert "1 urgent notice" in html
    assert "parked across" not in html
