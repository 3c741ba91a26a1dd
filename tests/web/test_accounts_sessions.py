"""Sessions: idle and absolute limits, a cookie that dies with the browser, seeing and ending
other sessions, re-authentication before security changes, passphrase rules."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from tests.conftest import SURVIVOR_PASSWORD

from nocontact.web.accounts import clock
from nocontact.web.accounts.api import settings_for
from nocontact.web.accounts.reauth import RECENT_SECONDS

NEW_PASSPHRASE = "harbour-violet-pencil-river-9"


@pytest.fixture
def frozen(monkeypatch):
    state = {"now": 1_790_000_000.0}
    monkeypatch.setattr(clock, "now", lambda: state["now"])
    return state


def signed_in(user, password: str = SURVIVOR_PASSWORD, **extra) -> Client:
    settings_for(user).__class__.objects.filter(user=user).update(exit_explained_at=clock.now_dt())
    client = Client(**extra)
    response = client.post("/login/", {"username": user.username, "password": password})
    assert response.status_code == 302
    return client


def test_idle_limit_ends_the_session(personas, frozen) -> None:
    client = signed_in(personas.survivor)
    frozen["now"] += settings.NOCONTACT.idle_minutes * 60 - 5
    assert client.get("/account/").status_code == 200
    frozen["now"] += settings.NOCONTACT.idle_minutes * 60 + 1
    gone = client.get("/account/")
    assert gone.status_code == 302 and gone["Location"].startswith("/login/")
    assert "Clear-Site-Data" in gone
    assert client.get("/account/").status_code == 302, "stays signed out"


def test_absolute_limit_ends_even_a_busy_session(personas, frozen) -> None:
    client = signed_in(personas.survivor)
    limit = settings.NOCONTACT.absolute_hours * 3600
    for _ in range(limit // 600 + 2):
        frozen["now"] += 600
        if client.get("/account/").status_code != 200:
            break
    else:
        pytest.fail("the session outlived the absolute limit")
    assert frozen["now"] - 1_790_000_000.0 > limit - 600


def test_session_cookie_dies_with_the_browser(personas) -> None:
    client = Client()
    response = client.post(
        "/login/", {"username": personas.survivor.username, "password": SURVIVOR_PASSWORD}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"] and cookie["samesite"] == "Strict"


def test_sign_out_ends_the_server_session_and_clears_the_browser(personas) -> None:
    client = signed_in(personas.survivor)
    key = client.session.session_key
    out = client.post("/logout/")
    assert out["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()


def test_quick_exit_ends_the_session_and_goes_somewhere_neutral(personas) -> None:
    client = signed_in(personas.survivor)
    out = client.get("/x/")
    assert out.status_code == 302 and out["Location"] == settings.NOCONTACT.exit_url
    assert "cookies" in out["Clear-Site-Data"] and "storage" in out["Clear-Site-Data"]
    assert client.get("/overview/").status_code == 302


def test_every_authenticated_page_is_no_store(personas) -> None:
    client = signed_in(personas.survivor)
    for url in ("/overview/", "/account/", "/account/activity/", "/help/"):
        assert client.get(url)["Cache-Control"] == "no-store", url


def test_survivor_sees_and_ends_other_sessions(personas) -> None:
    phone = signed_in(personas.survivor, HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari/604.1")
    laptop = signed_in(personas.survivor, HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Firefox/130.0")
    page = laptop.get("/account/activity/").content.decode()
    assert "Safari on iPhone" in page and "Firefox on Linux" in page
    laptop.post("/account/activity/end-others/")
    assert phone.get("/account/").status_code == 302, "the other browser is signed out"
    assert laptop.get("/account/").status_code == 200, "this browser stays"


def test_security_changes_ask_for_the_passphrase_again(personas, frozen) -> None:
    client = signed_in(personas.survivor)
    frozen["now"] += RECENT_SECONDS + 1
    for url in ("/account/passphrase/", "/account/codes/", "/account/download/", "/account/close/"):
        response = client.get(url)
        assert response["Location"] == "/account/confirm/", url
    wrong = client.post("/account/confirm/", {"password": "not my passphrase at all"})
    assert wrong.status_code == 401
    client.get("/account/close/")
    back = client.post("/account/confirm/", {"password": SURVIVOR_PASSWORD})
    assert back["Location"] == "/account/close/", "returns to the page that asked"
    assert client.get("/account/close/").status_code == 200
    removal = client.post("/account/sharing/end/")
    assert removal["Location"] == "/account/sharing/", "done without asking again"


def test_passphrase_change_ends_other_sessions_and_keeps_this_one(personas) -> None:
    other = signed_in(personas.survivor)
    client = signed_in(personas.survivor)
    response = client.post(
        "/account/passphrase/",
        {"old_password": SURVIVOR_PASSWORD, "new_password1": NEW_PASSPHRASE,
         "new_password2": NEW_PASSPHRASE},
    )
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    assert other.get("/account/").status_code == 302
    personas.survivor.refresh_from_db()
    assert personas.survivor.check_password(NEW_PASSPHRASE)


def test_passphrase_change_moves_the_sealed_key_to_the_new_passphrase(personas) -> None:
    from nocontact.web.review import keyring

    keyring.ensure_survivor_key(personas.case, SURVIVOR_PASSWORD)
    client = signed_in(personas.survivor)
    client.post(
        "/account/passphrase/",
        {"old_password": SURVIVOR_PASSWORD, "new_password1": NEW_PASSPHRASE,
         "new_password2": NEW_PASSPHRASE},
    )
    assert keyring.ensure_survivor_key(personas.case, NEW_PASSPHRASE)
    with pytest.raises(keyring.KeyringError):
        keyring.ensure_survivor_key(personas.case, SURVIVOR_PASSWORD)


def test_a_wrong_current_passphrase_changes_nothing(personas) -> None:
    client = signed_in(personas.survivor)
    response = client.post(
        "/account/passphrase/",
        {"old_password": "not the current one at all", "new_password1": NEW_PASSPHRASE,
         "new_password2": NEW_PASSPHRASE},
    )
    assert response.status_code == 200
    personas.survivor.refresh_from_db()
    assert personas.survivor.check_password(SURVIVOR_PASSWORD)


def test_password_change_page_warns_it_can_alert_the_ex(personas) -> None:
    client = signed_in(personas.survivor)
    page = client.get("/account/passphrase/").content.decode()
    assert "may notice" in page and "advocate" in page


@pytest.mark.parametrize(
    "candidate",
    ["short pass", "password1234", "qwerty123456", "1qaz2wsx3edc", "x" * 257],
)
def test_weak_or_absurd_passphrases_are_refused(candidate: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(candidate)


@pytest.mark.parametrize(
    "candidate",
    ["all lower case words only", "A" + "b" * 127, "correct horse battery staple " * 4],
)
def test_long_passphrases_need_no_special_characters(candidate: str) -> None:
    validate_password(candidate)


def test_no_security_questions_and_no_forced_resets() -> None:
    from django.urls import get_resolver

    names = " ".join(str(p.pattern) for p in get_resolver().url_patterns).lower()
    assert "question" not in names and "reset" not in names


def test_flash_messages_are_never_kept_in_a_cookie(personas) -> None:
    client = signed_in(personas.survivor)
    response = client.post("/account/activity/end-others/")
    assert response.status_code == 302
    assert set(response.cookies) <= {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    assert "Signed out" in client.get("/account/activity/").content.decode()


def test_guessing_at_the_confirm_page_is_slowed_too(personas, frozen) -> None:
    client = signed_in(personas.survivor)
    frozen["now"] += RECENT_SECONDS + 1
    statuses = []
    for _ in range(4):
        statuses.append(client.post("/account/confirm/", {"password": "a guess at it"}).status_code)
    assert statuses == [401, 401, 429, 429], "the third miss starts a wait; the fourth is refused"
    refused = client.post("/account/confirm/", {"password": SURVIVOR_PASSWORD})
    assert refused.status_code == 429, "not even checked while waiting"
    frozen["now"] += 2
    assert client.post("/account/confirm/", {"password": SURVIVOR_PASSWORD}).status_code == 302


def test_guessing_the_current_passphrase_on_the_change_page_is_slowed(personas, frozen) -> None:
    client = signed_in(personas.survivor)
    form = {"new_password1": NEW_PASSPHRASE, "new_password2": NEW_PASSPHRASE}
    for _ in range(3):
        client.post("/account/passphrase/", {**form, "old_password": "a wrong guess here"})
    waiting = client.post("/account/passphrase/", {**form, "old_password": SURVIVOR_PASSWORD})
    assert waiting.status_code == 429
    personas.survivor.refresh_from_db()
    assert personas.survivor.check_password(SURVIVOR_PASSWORD)
