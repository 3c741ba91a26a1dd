"""The survivor manages people and identities in the web UI; nobody else can."""

from __future__ import annotations

from django.test import Client
from tests.conftest import FRIEND_PASSWORD, SURVIVOR_PASSWORD

from nocontact.web.cases.models import Identity, Person


def _client(username: str, password: str) -> Client:
    client = Client()
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def test_survivor_adds_a_proxy_with_a_number(personas) -> None:
    client = _client(personas.survivor.username, SURVIVOR_PASSWORD)
    response = client.post("/people/", {"role": "proxy", "name": "Pat"})
    pat = Person.objects.get(case=personas.case, name="Pat")
    assert response["Location"] == f"/people/{pat.pk}/"
    client.post(f"/people/{pat.pk}/", {"kind": "phone", "value": "(555) 555-0177"})
    assert Identity.objects.get(person=pat).value == "+15555550177"


def test_an_identity_cannot_belong_to_two_people(personas) -> None:
    client = _client(personas.survivor.username, SURVIVOR_PASSWORD)
    page = client.post(
        f"/people/{personas.proxy.pk}/", {"kind": "phone", "value": "+1 555 555 0123"}
    )
    assert page.status_code == 200
    assert "already belongs" in page.content.decode()


def test_merge_moves_identities_and_messages(personas) -> None:
    client = _client(personas.survivor.username, SURVIVOR_PASSWORD)
    before = Identity.objects.filter(case=personas.case).count()
    client.post(f"/people/{personas.ex.pk}/merge/", {"other": personas.proxy.pk})
    assert not Person.objects.filter(pk=personas.proxy.pk).exists()
    assert Identity.objects.filter(person=personas.ex).count() == before


def test_friend_and_other_case_cannot_touch_people(personas, other_case) -> None:
    friend = _client(personas.friend.username, FRIEND_PASSWORD)
    assert friend.get("/people/").status_code == 403
    stranger = _client(other_case.survivor.username, SURVIVOR_PASSWORD)
    assert stranger.get(f"/people/{personas.ex.pk}/").status_code == 404
    assert (
        stranger.post(f"/people/{personas.ex.pk}/merge/", {"other": other_case.ex.pk}).status_code
        == 404
    )
    assert Person.objects.filter(pk=personas.ex.pk).exists()
