"""Alerts: at once for threat and self_harm, in the web UI and by e-mail over real SMTP."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    ALL_WORDS,
    HOOVER,
    THREAT,
    fast_kdf,
    friend_joins,
    store,
    survivor_client,
)

from nocontact.web.review.keyring import case_keys
from nocontact.web.review.models import Alert

pytestmark = pytest.mark.django_db(transaction=True)


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp(settings) -> Iterator[Inbox]:
    """A real SMTP server on 127.0.0.1; Django's SMTP backend talks to it."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "notebook@localhost"
    try:
        yield inbox
    finally:
        controller.stop()


def _assert_no_content(raw: bytes) -> None:
    parsed = message_from_bytes(raw, policy=default_policy)
    text = (str(parsed["Subject"]) + "\n" + parsed.get_body().get_content()).lower()
    for words in ALL_WORDS:
        assert words.lower() not in text
    for hint in ("threat", "self", "harm", "jordan", "555", "ex ", "abuse", "sms"):
        assert hint not in text, f"{hint!r} in an alert e-mail"


def test_threat_mails_the_friend_at_once_with_a_link_and_no_content(personas, smtp) -> None:
    friend_joins(personas)  # gives the friend's e-mail address
    message = store(personas, THREAT, "t1")
    assert message.category == "threat"
    assert len(smtp.received) == 1
    recipients, raw = smtp.received[0]
    assert recipients == ["friend@example.org"]
    _assert_no_content(raw)
    body = message_from_bytes(raw, policy=default_policy).get_body().get_content()
    assert "/queue/" in body
    assert Alert.objects.filter(message=message, role="friend", emailed=True).exists()


def test_survivor_mail_is_off_until_switched_on_and_then_content_free(personas, smtp) -> None:
    friend_joins(personas)
    store(personas, THREAT, "t1")
    assert [r for r, _ in smtp.received] == [["friend@example.org"]]
    survivor = survivor_client(personas, unlocked=False)
    survivor.post("/queue/alerts/email/", {"email": "sam@example.net", "on": "1"})
    assert case_keys(personas.case).survivor_email_alerts
    store(personas, "If you do not answer me tonight I will take all the pills.", "s1")
    to_survivor = [raw for r, raw in smtp.received if r == ["sam@example.net"]]
    assert len(to_survivor) == 1
    _assert_no_content(to_survivor[0])


def test_no_alert_for_hoovering(personas, smtp) -> None:
    friend_joins(personas)
    store(personas, HOOVER, "h1")
    assert smtp.received == []
    assert not Alert.objects.exists()


def test_web_alert_tells_the_survivor_what_and_when_but_not_the_words(personas) -> None:
    store(personas, THREAT, "t1")
    page = survivor_client(personas, unlocked=False).get("/queue/alerts/").content.decode()
    assert "A message with a threat arrived by sms at" in page
    assert "your friend has been told" in page and "emergency number" in page
    for words in ALL_WORDS:
        assert words not in page


def test_web_alert_gives_the_friend_a_link(personas) -> None:
    message = store(personas, THREAT, "t1")
    friend = friend_joins(personas)
    page = friend.get("/queue/").content.decode()
    assert f'href="/queue/m/{message.pk}/"' in page and "Urgent: threat" in page


def test_a_dead_smtp_server_loses_no_message(personas, settings) -> None:
    friend_joins(personas)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()
    message = store(personas, THREAT, "t1")
    assert message.pk and not Alert.objects.get(message=message, role="friend").emailed


def test_legal_asks_the_friend_first_then_tells_the_survivor_when_it_opens(personas, smtp) -> None:
    from datetime import timedelta

    from django.utils import timezone
    from tests.web.review_support import LEGAL, survivor_has_key

    from nocontact.web.review.decisions import release_due_everywhere

    survivor_has_key(personas)
    friend_joins(personas)
    case_keys(personas.case).__class__.objects.filter(case=personas.case).update(
        survivor_email="sam@example.net", survivor_email_alerts=True)
    legal = store(personas, LEGAL, "l1")
    assert [r for r, _ in smtp.received] == [["friend@example.org"]]
    assert not Alert.objects.filter(message=legal, role="survivor").exists()
    assert release_due_everywhere(timezone.now() + timedelta(hours=25)) == 1
    assert [r for r, _ in smtp.received][-1] == ["sam@example.net"]
    _assert_no_content(smtp.received[-1][1])
    page = survivor_client(personas, unlocked=False).get("/queue/alerts/").content.decode()
    assert "A legal message that arrived by sms" in page and "is now open for you" in page
    assert "custody" not in page


def test_consent_given_in_the_account_notices_also_counts(personas, smtp) -> None:
    from nocontact.web.accounts.api import settings_for

    friend_joins(personas)
    survivor = personas.survivor
    survivor.email = "sam@example.net"
    survivor.save(update_fields=["email"])
    store(personas, THREAT, "t1")
    assert ["sam@example.net"] not in [r for r, _ in smtp.received], "off by default"
    found = settings_for(survivor)
    found.notifications_on = True
    found.save(update_fields=["notifications_on"])
    store(personas, "If you do not answer me tonight I will take all the pills.", "s1")
    to_survivor = [raw for r, raw in smtp.received if r == ["sam@example.net"]]
    assert len(to_survivor) == 1
    _assert_no_content(to_survivor[0])
