"""Sign-in: first-use explainer, sign-in records, back-off that never locks, two-factor codes."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.conftest import SURVIVOR_PASSWORD

from nocontact.web.accounts import clock, throttle
from nocontact.web.accounts.models import AccountSettings, LoginRecord

CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def frozen(monkeypatch):
    """A clock the test moves by hand."""
    state = {"now": 1_790_000_000.0}
    monkeypatch.setattr(clock, "now", lambda: state["now"])
    return state


def post_login(client: Client, username: str, password: str, **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def test_first_sign_in_shows_the_quick_exit_explainer_once(personas) -> None:
    client = Client()
    first = post_login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    assert first.status_code == 302 and first["Location"] == "/account/start/"
    page = client.get("/account/start/").content.decode()
    assert "Shift" in page and "browser history" in page and "sync your browsing" in page
    assert client.post("/account/start/").status_code == 302
    assert AccountSettings.objects.get(user=personas.survivor).exit_explained_at is not None
    client.post("/logout/")
    again = post_login(Client(), personas.survivor.username, SURVIVOR_PASSWORD)
    assert again["Location"] != "/account/start/"


def test_sign_ins_are_recorded_with_a_rough_device_only(personas) -> None:
    client = Client(HTTP_USER_AGENT=CHROME_ANDROID, REMOTE_ADDR="203.0.113.9")
    post_login(client, personas.survivor.username, "wrong passphrase entirely")
    post_login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    rows = list(LoginRecord.objects.filter(user=personas.survivor).order_by("at", "pk"))
    assert [r.succeeded for r in rows] == [False, True]
    assert rows[1].device == "Chrome on Android"
    stored = repr([vars(r) for r in rows])
    assert "203.0.113.9" not in stored
    page = client.get("/account/activity/").content.decode()
    assert "failed" in page and "signed in" in page and "Chrome on Android" in page


def test_unknown_names_leave_no_record(personas) -> None:
    post_login(Client(), "nobody-by-that-name", "whatever passphrase")
    assert LoginRecord.objects.count() == 0


def test_back_off_grows_is_capped_and_never_locks(personas, frozen) -> None:
    name = personas.survivor.username
    ex = Client(REMOTE_ADDR="198.51.100.7")
    waits = []
    for _ in range(12):
        response = post_login(ex, name, "guessing wrong passphrase")
        waits.append(response.context["wait"] if response.context else None)
        frozen["now"] += 61  # past any wait, so each guess is counted
    assert waits[:3] == [0, 0, 1]
    assert max(waits) == throttle.MAX_WAIT == 60
    # While waiting, even the right passphrase is not checked...
    post_login(ex, name, "guessing wrong passphrase")
    blocked = post_login(ex, name, SURVIVOR_PASSWORD)
    assert blocked.status_code == 429 and b"not locked" in blocked.content
    # ...the owner elsewhere is not slowed at all...
    owner = Client(REMOTE_ADDR="192.0.2.44")
    assert post_login(owner, name, SURVIVOR_PASSWORD).status_code == 302
    # ...and on the same network the wait ends within the cap.
    frozen["now"] += throttle.MAX_WAIT
    assert post_login(ex, name, SURVIVOR_PASSWORD).status_code == 302
    personas.survivor.refresh_from_db()
    assert personas.survivor.is_active


def test_a_success_resets_the_back_off(personas, frozen) -> None:
    client = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(4):
        post_login(client, personas.survivor.username, "not the passphrase at all")
        frozen["now"] += 61
    assert post_login(client, personas.survivor.username, SURVIVOR_PASSWORD).status_code == 302
    client.post("/logout/")
    again = post_login(client, personas.survivor.username, "not the passphrase at all")
    assert again.context["wait"] == 0


def _enrol(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_two_factor_asks_for_a_code_after_the_passphrase(personas) -> None:
    device = _enrol(personas.survivor)
    client = Client()
    first = post_login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    assert first["Location"] == "/login/code/"
    assert client.get("/overview/").status_code == 302, "not signed in before the code"
    wrong = client.post("/login/code/", {"code": "000000"})
    assert wrong.status_code in (401, 429)
    code = totp(device.bin_key)
    ok = client.post("/login/code/", {"code": f"{code:06d}"})
    assert ok.status_code == 302
    assert client.get("/account/").status_code == 200
    records = LoginRecord.objects.filter(user=personas.survivor)
    steps = list(records.values_list("step", "succeeded"))
    assert ("code", False) in steps and ("code", True) in steps


def test_a_used_code_does_not_work_twice(personas) -> None:
    device = _enrol(personas.survivor)
    code = f"{totp(device.bin_key):06d}"
    first = Client()
    post_login(first, personas.survivor.username, SURVIVOR_PASSWORD)
    assert first.post("/login/code/", {"code": code}).status_code == 302
    second = Client()
    post_login(second, personas.survivor.username, SURVIVOR_PASSWORD)
    assert second.post("/login/code/", {"code": code}).status_code in (401, 429)


def test_the_code_step_expires(personas, frozen) -> None:
    _enrol(personas.survivor)
    client = Client()
    post_login(client, personas.survivor.username, SURVIVOR_PASSWORD)
    frozen["now"] += 6 * 60
    assert client.get("/login/code/")["Location"] == "/login/"


def test_sign_in_records_and_back_off_rows_are_not_kept_for_ever(personas, frozen) -> None:
    from nocontact.web.accounts.models import LoginThrottle

    client = Client(REMOTE_ADDR="192.0.2.7")
    post_login(client, personas.survivor.username, "an old wrong passphrase")
    assert LoginThrottle.objects.count() == 1
    frozen["now"] += 91 * 24 * 3600
    post_login(Client(REMOTE_ADDR="192.0.2.8"), personas.survivor.username, "a new wrong one")
    assert LoginRecord.objects.filter(user=personas.survivor).count() == 1, "90 days kept"
    assert LoginThrottle.objects.count() == 1, "the old back-off row is gone"


def test_sign_in_does_not_tell_whether_a_name_exists(personas) -> None:
    def answer(name: str) -> tuple[int, str]:
        response = post_login(Client(), name, "a wrong passphrase here")
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return response.status_code, html

    assert answer(personas.survivor.username) == answer("someone-who-does-not-exist")


def test_sign_in_never_sends_anyone_off_site(personas) -> None:
    from nocontact.web.accounts.api import settings_for

    found = settings_for(personas.survivor)
    found.exit_explained_at = clock.now_dt()
    found.save()
    response = Client().post(
        "/login/?next=https://evil.example/",
        {"username": personas.survivor.username, "password": SURVIVOR_PASSWORD,
         "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and "evil" not in response["Location"]
