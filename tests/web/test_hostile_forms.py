"""Forms meet broken, huge, hostile and mis-encoded input: a clear answer, never a 500,
nothing stored half-way, everything shown escaped."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.conftest import SURVIVOR_PASSWORD
from tests.web.review_support import fast_kdf, friend_joins  # noqa: F401

from nocontact.web.cases.models import Identity, Person
from nocontact.web.uploads.models import UploadJob

HOSTILE = [
    "<script>alert(1)</script>",
    "\x00\x01\x02 nul and controls",
    "x" * 100_000,
    "'; DROP TABLE cases_person; --",
    "Ｊｏｒｄａｎ ‮reversed",
    "",
]


@pytest.fixture
def survivor(personas) -> Client:
    client = Client(raise_request_exception=False)
    response = client.post(
        "/login/", {"username": personas.survivor.username, "password": SURVIVOR_PASSWORD}
    )
    assert response.status_code == 302
    return client


@pytest.mark.parametrize("value", HOSTILE)
def test_people_forms_take_hostile_input_calmly(personas, survivor: Client, value: str) -> None:
    before = Person.objects.count()
    for url, data in (
        ("/people/", {"role": "proxy", "name": value}),
        ("/people/", {"role": value, "name": "Pat"}),
        (f"/people/{personas.ex.pk}/", {"kind": "phone", "value": value}),
        (f"/people/{personas.ex.pk}/", {"kind": "email", "value": value}),
        (f"/people/{personas.ex.pk}/", {"kind": value, "value": "x@example.com"}),
        ("/people/names/", {"names": value}),
        (f"/people/{personas.ex.pk}/rename/", {"role": "ex", "name": value}),
        (f"/people/{personas.ex.pk}/merge/", {"other": value}),
    ):
        response = survivor.post(url, data)
        assert response.status_code < 500, (url, response.status_code)
        assert b"<script>alert(1)</script>" not in response.content
    page = survivor.get("/people/")
    assert page.status_code == 200
    assert b"<script>alert(1)</script>" not in page.content
    assert Person.objects.count() <= before + 1
    for identity in Identity.objects.all():
        assert "\x00" not in identity.value


def test_mis_encoded_form_bodies_get_an_answer_not_an_error(personas, survivor: Client) -> None:
    for body in (b"role=proxy&name=%FF%FE%ED%A0%80", b"role=%C3%28&name=%E2%82", b"\xff\xfe=\x00"):
        response = survivor.post(
            "/people/", data=body, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code < 500
    assert survivor.get("/people/").status_code == 200


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "x" * 5000 + ".mbox", "<img src=x onerror=alert(1)>.xml", "\x00.zip"],
)
@pytest.mark.django_db(transaction=True)
def test_upload_names_are_never_trusted(personas, survivor: Client, name: str) -> None:
    response = survivor.post("/add/", {"export": SimpleUploadedFile(name, b"not an export")})
    assert response.status_code in {302, 200}
    if response.status_code == 302:
        job_id = int(response["Location"].rstrip("/").split("/")[-1])
        for _ in range(300):  # let the background import finish before the next test
            if UploadJob.objects.get(pk=job_id).status in {"done", "failed"}:
                break
            time.sleep(0.1)
        page = survivor.get(response["Location"])
        assert page.status_code == 200
        assert b"<img src=x" not in page.content


def test_letter_form_refuses_garbage(personas) -> None:
    friend = friend_joins(personas)
    for data in (
        {"person": "not-a-number", "received": "2026-11-20"},
        {"person": personas.ex.pk, "received": "31/02/2026"},
        {
            "person": personas.ex.pk,
            "received": "2026-11-20",
            "pages": [SimpleUploadedFile("p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)],
        },
    ):
        response = friend.post("/queue/letter/", data)
        assert response.status_code < 500
