"""Shared set-up for the review tests: sealed messages, the friend joining, logins."""

from __future__ import annotations

from datetime import UTC, datetime

from django.test import Client
from tests.conftest import FRIEND_PASSWORD, SURVIVOR_PASSWORD

from nocontact.core.message import Attachment, Channel, RawMessage
from nocontact.ingest import store_message
from nocontact.web.cases.models import Message
from nocontact.web.review.keyring import ensure_survivor_key, take_invitation_token

THREAT = "I am parked across the street from your flat. Come out or I am coming in."
HOOVER = "Happy birthday. I still think about us every single day, remember the lake?"
LEGAL = (
    "Notice of hearing: the family court hearing on the custody application is set for "
    "12 March 2027 at 9:30. You must file your response by 1 March."
)
SELF_HARM = "If you do not answer me tonight I will take all the pills. I mean it this time."
ALL_WORDS = ("parked across", "think about us", "custody application", "take all the pills")
FRIEND_PASSPHRASE = "my own quiet passphrase for the sealed letters"
VOICE = b"RIFF\x24\x00\x00\x00WAVEfmt secret-voicemail-bytes"
HTML_MAIL = (
    b"From: Jordan <jordan.ex@example.com>\r\nSubject: look\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: text/html; charset=utf-8\r\n\r\n"
    b"<p>I still think about us <b>every day</b></p><img src=\"http://tracker.example/p.gif\">"
    b"<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
)


def raw(text: str, source_id: str, channel: Channel = Channel.SMS, **extra: object) -> RawMessage:
    return RawMessage(
        channel=channel,
        sender="+15555550123",
        sent_at=datetime(2026, 11, 2, 21, 14, tzinfo=UTC),
        text=text,
        source_id=source_id,
        original=extra.pop("original", text.encode()),  # type: ignore[arg-type]
        format="test",
        **extra,  # type: ignore[arg-type]
    )


def store(personas: object, text: str, source_id: str, **extra: object) -> Message:
    message = store_message(
        personas.case, personas.ex.pk, "ex", raw(text, source_id, **extra)  # type: ignore[attr-defined]
    )
    assert message is not None
    return message


def store_all(personas: object) -> dict[str, Message]:
    return {
        "threat": store(personas, THREAT, "t1"),
        "hoover": store(personas, HOOVER, "h1", channel=Channel.EMAIL, original=HTML_MAIL,
                        subject="look"),
        "legal": store(personas, LEGAL, "l1"),
        "self_harm": store(personas, SELF_HARM, "s1", channel=Channel.VOICEMAIL,
                           attachments=(Attachment("vm.wav", "audio/wav", VOICE),)),
    }


def survivor_has_key(personas: object) -> None:
    ensure_survivor_key(personas.case, SURVIVOR_PASSWORD)  # type: ignore[attr-defined]


def login(username: str, password: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": password})
    assert response.status_code == 302, "login should succeed"
    return client


def survivor_client(personas: object, unlocked: bool = True) -> Client:
    client = login(personas.survivor.username, SURVIVOR_PASSWORD)  # type: ignore[attr-defined]
    if unlocked:
        response = client.post("/queue/unlock/", {"passphrase": SURVIVOR_PASSWORD})
        assert response.status_code == 302
    return client


def friend_joins(personas: object) -> Client:
    token = take_invitation_token(personas.case)  # type: ignore[attr-defined]
    assert token
    client = Client()
    response = client.post(
        f"/queue/join/{token}/",
        {"passphrase": FRIEND_PASSPHRASE, "passphrase2": FRIEND_PASSPHRASE,
         "email": "friend@example.org"},
    )
    assert response.status_code == 302, response.content[:500]
    return client


def init_friend_client(personas: object) -> Client:
    return login(personas.friend.username, FRIEND_PASSWORD)  # type: ignore[attr-defined]


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def fast_kdf(settings: object) -> None:
    """Argon2id at its smallest cost: the production cost would make each test seconds long."""
    from nocontact.vault import FAST_INSECURE_KDF

    settings.NOCONTACT_KDF = FAST_INSECURE_KDF  # type: ignore[attr-defined]
