from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from PIL import Image, ImageDraw, ImageFont

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path
from tests.helpers import require_tool

from .conftest import split

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
LINES = ["YOU WILL REGRET THIS", "I KNOW WHERE YOU LIVE"]


def _need_ocr() -> None:
    require_tool("tesseract")
    require_tool("pdftoppm")


def _scan() -> Image.Image:
    image = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 60)
    for number, line in enumerate(LINES):
        draw.text((60, 80 + number * 120), line, fill=0, font=font)
    return image


def test_photo_of_a_letter_is_read_with_ocr(tmp_path: Path) -> None:
    _need_ocr()
    path = tmp_path / "letter.png"
    _scan().save(path)
    (message,), problems, _ = split(read_path(path, accept=lambda s: False))
    assert detect(path) == "letter" and not problems
    assert message.channel is Channel.LETTER and message.kind == "letter"
    assert LINES[0] in message.text.upper() and "KNOW WHERE YOU LIVE" in message.text.upper()
    assert message.original == path.read_bytes() == message.attachments[0].data


def test_scanned_pdf_is_rendered_then_read(tmp_path: Path) -> None:
    _need_ocr()
    path = tmp_path / "letter.pdf"
    _scan().convert("RGB").save(path, "PDF", resolution=150)
    (message,), problems, _ = split(read_path(path))
    assert not problems and LINES[0] in message.text.upper()
    assert message.attachments[0].content_type == "application/pdf"


def test_missing_tesseract_is_a_clear_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    path = tmp_path / "letter.png"
    _scan().save(path)
    messages, problems, _ = split(read_path(path))
    assert not messages and problems[0].reason == "OCR failed: tesseract is not installed"


def test_media_inside_an_export_are_not_read_as_letters(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text("1/2/21, 10:00 - A: hi\n")
    _scan().save(tmp_path / "IMG-20210201-WA0001.jpg")
    messages, problems, _ = split(read_path(tmp_path))
    assert [m.channel for m in messages] == [Channel.WHATSAPP] and not problems
