"""Signing in opens the person's own key: no second passphrase prompt, nothing more opened."""

from __future__ import annotations

from django.test import Client
from tests.conftest import SURVIVOR_PASSWORD
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    FRIEND_PASSPHRASE,
    THREAT,
    fast_kdf,
    friend_joins,
    store,
    survivor_has_key,
)

from nocontact.web.cases.models import Message


def _sign_in(username: str, password: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": password})
    assert response.status_code == 302
    return client


def test_the_friend_reads_right_after_signing_in(personas) -> None:
    survivor_has_key(personas)
    threat = store(personas, THREAT, "t1")
    friend_joins(personas)
    friend = _sign_in(personas.friend.username, FRIEND_PASSPHRASE)
    page = friend.get(f"/queue/m/{threat.pk}/")
    assert page.status_code == 200 and THREAT.encode() in page.content


def test_signing_in_as_the_survivor_opens_no_sealed_message(personas) -> None:
    survivor_has_key(personas)
    threat = store(personas, THREAT, "t1")
    friend_joins(personas)
    survivor = _sign_in(personas.survivor.username, SURVIVOR_PASSWORD)
    assert survivor.get(f"/queue/released/{threat.pk}/").status_code == 404
    for url in ("/overview/", "/queue/released/", "/queue/alerts/"):
        assert THREAT.encode() not in survivor.get(url).content
    assert Message.objects.get(pk=threat.pk).body is not None


def test_a_passphrase_that_does_not_open_the_key_still_signs_in(personas) -> None:
    friend_joins(personas)
    friend = personas.friend
    friend.set_password("a brand new passphrase for signing in")
    friend.save()
    client = _sign_in(friend.username, "a brand new passphrase for signing in")
    assert client.get("/queue/").status_code == 200
    assert b"Open your key" in client.get("/queue/").content
