"""Who may open which review page: a role × URL matrix across two cases."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.conftest import FRIEND_PASSWORD, SURVIVOR_PASSWORD
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    ALL_WORDS,
    HOOVER,
    fast_kdf,
    friend_joins,
    login,
    store,
    store_all,
    survivor_client,
    survivor_has_key,
)

from nocontact.web.cases.models import Attachment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(personas, other_case):
    survivor_has_key(personas)
    messages = store_all(personas)
    friend = friend_joins(personas)
    released = messages["hoover"]
    assert friend.post(f"/queue/m/{released.pk}/decide/", {"action": "release"}).status_code == 302
    store(other_case, "Hello again from far away", "b1")
    voicemail = messages["self_harm"]
    item = Attachment.objects.get(message=voicemail)
    clients = {
        "anonymous": Client(),
        "survivor": survivor_client(personas),
        "friend": friend,
        "other_survivor": login(other_case.survivor.username, SURVIVOR_PASSWORD),
        "other_friend": login(other_case.friend.username, FRIEND_PASSWORD),
    }
    urls = {
        "queue": ("get", "/queue/"),
        "message": ("get", f"/queue/m/{voicemail.pk}/"),
        "attachment": ("get", f"/queue/m/{voicemail.pk}/a/{item.pk}/"),
        "decide": ("post", f"/queue/m/{messages['legal'].pk}/decide/"),
        "bulk": ("post", "/queue/bulk/"),
        "unlock": ("get", "/queue/unlock/"),
        "alerts": ("get", "/queue/alerts/"),
        "alert_email": ("post", "/queue/alerts/email/"),
        "released": ("get", "/queue/released/"),
        "released_read": ("get", f"/queue/released/{released.pk}/"),
        "invite": ("get", "/queue/invite/"),
    }
    return clients, urls, messages


LOGIN = "login"
# What each role gets. "login" is a redirect to the login page.
EXPECTED = {
    "anonymous": {u: LOGIN for u in (
        "queue", "message", "attachment", "decide", "bulk", "unlock", "alerts",
        "alert_email", "released", "released_read", "invite")},
    "survivor": {
        "queue": 403, "message": 403, "attachment": 403, "decide": 403, "bulk": 403,
        "unlock": 200, "alerts": 200, "alert_email": 302, "released": 200,
        "released_read": 200, "invite": 200,
    },
    "friend": {
        "queue": 200, "message": 200, "attachment": 200, "decide": 400, "bulk": 400,
        "unlock": 200, "alerts": 200, "alert_email": 403, "released": 403,
        "released_read": 403, "invite": 403,
    },
    "other_survivor": {
        "queue": 403, "message": 403, "attachment": 403, "decide": 403, "bulk": 403,
        "unlock": 200, "alerts": 200, "alert_email": 302, "released": 200,
        "released_read": 404, "invite": 200,
    },
    "other_friend": {
        "queue": 200, "message": 404, "attachment": 404, "decide": 404, "bulk": 400,
        "unlock": 200, "alerts": 200, "alert_email": 403, "released": 403,
        "released_read": 403, "invite": 403,
    },
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_by_url_matrix(world, role: str) -> None:
    clients, urls, _ = world
    client = clients[role]
    got = {}
    for name, (verb, url) in urls.items():
        response = getattr(client, verb)(url)  # decide/bulk without an action: 400 if allowed
        status = response.status_code
        if status == 302 and response["Location"].startswith("/login/"):
            status = LOGIN
        got[name] = status
    assert got == EXPECTED[role]


def test_another_case_never_sees_this_case_in_its_queue(world) -> None:
    clients, _, messages = world
    page = clients["other_friend"].get("/queue/").content.decode()
    assert "/queue/m/" in page, "the other case's own message is listed"
    for message in messages.values():
        assert f"/queue/m/{message.pk}/" not in page
    assert "self_harm" not in page and "voicemail" not in page


def test_the_survivor_session_never_receives_sealed_text(world) -> None:
    clients, urls, messages = world
    survivor = clients["survivor"]
    seen = []
    pages = [url for _, url in urls.values()] + ["/overview/", "/help/", "/queue/unlock/"]
    pages += [f"/queue/m/{m.pk}/" for m in messages.values()]
    pages += [f"/queue/released/{m.pk}/" for m in messages.values()]
    for url in pages:
        for verb in ("get", "post"):
            response = getattr(survivor, verb)(url)
            seen.append(response.content)
            seen.append(str(response.headers).encode())
    everything = b"\n".join(seen)
    for words in ALL_WORDS:
        if words in HOOVER:  # the one the friend released: meant for the survivor
            assert words.encode() in everything
            continue
        assert words.encode() not in everything, f"{words!r} reached the survivor"


def test_the_survivor_sees_what_the_friend_opened_but_not_the_words(world) -> None:
    clients, _, messages = world
    clients["friend"].get(f"/queue/m/{messages['threat'].pk}/")
    page = clients["survivor"].get("/queue/released/").content.decode()
    assert "What your friend has opened" in page
    assert "threat · sms" in page
    assert "parked across" not in page


def test_the_friends_openings_and_decisions_go_to_the_access_log(world, personas) -> None:
    from nocontact.web.accounts.models import FriendAccess

    clients, _, messages = world
    clients["friend"].get(f"/queue/m/{messages['threat'].pk}/")
    clients["friend"].post(f"/queue/m/{messages['threat'].pk}/decide/", {"action": "keep"})
    actions = list(FriendAccess.objects.filter(case=personas.case, message=messages["threat"])
                   .values_list("action", flat=True))
    assert "opened" in actions and "kept as evidence" in actions


def test_a_crash_while_a_message_is_open_leaks_no_words(world, monkeypatch, caplog) -> None:
    import logging

    from nocontact.web.review import views

    clients, _, messages = world
    friend = clients["friend"]
    friend.raise_request_exception = False

    def broken(*args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(views, "render", broken)
    with caplog.at_level(logging.DEBUG):
        response = friend.get(f"/queue/m/{messages['threat'].pk}/")
    assert response.status_code == 500
    out = response.content.decode() + caplog.text
    assert "parked across" not in out and "Come out" not in out
