"""The friend logs a paper letter: OCR by a real tesseract, pages sealed, one message."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.helpers import require_tool
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    fast_kdf,
    friend_joins,
    survivor_client,
    survivor_has_key,
)

from nocontact.web.cases.models import Attachment, Message

LINE = "YOU WILL REGRET IGNORING ME"


def _page_png(text: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 300), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 48)
    ImageDraw.Draw(image).text((40, 110), text, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def page() -> bytes:
    require_tool("tesseract")
    return _page_png(LINE)


def test_friend_logs_a_letter_read_by_ocr(personas, page: bytes) -> None:
    survivor_has_key(personas)
    friend = friend_joins(personas)
    response = friend.post(
        "/queue/letter/",
        {
            "person": personas.ex.pk,
            "received": "2026-11-20",
            "pages": [SimpleUploadedFile("p1.png", page), SimpleUploadedFile("p2.png", page)],
        },
    )
    assert response.status_code == 302, response.content[:400]
    message = Message.objects.get(case=personas.case)
    assert (message.channel, message.kind, message.person_id) == (
        "letter",
        "letter",
        personas.ex.pk,
    )
    assert Attachment.objects.filter(message=message).count() == 2
    assert page not in bytes(Attachment.objects.filter(message=message).first().data), "sealed"
    detail = friend.get(response["Location"]).content.decode()
    assert "REGRET" in detail.upper()
    again = friend.post(
        "/queue/letter/",
        {
            "person": personas.ex.pk,
            "received": "2026-11-20",
            "pages": [SimpleUploadedFile("p1.png", page), SimpleUploadedFile("p2.png", page)],
        },
    )
    assert again.status_code == 302 and Message.objects.count() == 1, "logged once"


def test_only_images_and_pdfs_are_taken(personas) -> None:
    friend = friend_joins(personas)
    response = friend.post(
        "/queue/letter/",
        {
            "person": personas.ex.pk,
            "received": "2026-11-20",
            "pages": [SimpleUploadedFile("x.exe", b"MZ\x90\x00" * 100)],
        },
    )
    assert response.status_code == 200
    assert "Only photos" in response.content.decode()
    assert not Message.objects.exists()


def test_the_survivor_cannot_log_or_read_letters(personas) -> None:
    survivor_has_key(personas)
    client = survivor_client(personas)
    assert client.get("/queue/letter/").status_code == 403
