"""Letters: a photo (PNG, JPEG, TIFF) or a PDF of a letter, read with OCR.

Text comes from the ``tesseract`` command (PDF pages rendered with ``pdftoppm`` first; a
PDF that already carries a text layer is read with ``pdftotext``). The scan itself is
kept as the original and as the attachment. A letter's sender is known only to the
person who uploads it, so letters are never passed by ``accept``; the date is the file's
modification time (UTC) until someone corrects it. Without tesseract the letter is
reported, not guessed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from nocontact.core.message import Attachment, Channel, RawMessage, ReadProblem
from nocontact.readers.types import Accept, Progress, ReadItem, no_progress

NAME = "letter"
MAX_PAGES = 50
MAX_FILE = 200 * 1024 * 1024
TIMEOUT = 180
_TYPES = {
    b"\x89PNG": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
    b"%PDF": "application/pdf",
}


class OcrError(Exception):
    """OCR could not run on this file."""


def content_type(head: bytes) -> str | None:
    return next((kind for magic, kind in _TYPES.items() if head.startswith(magic)), None)


def sniff(head: bytes) -> bool:
    return content_type(head) is not None


def _languages() -> str:
    return os.environ.get("NOCONTACT_OCR_LANGS", "eng")


def _run(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, timeout=TIMEOUT, check=False)  # noqa: S603
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrError(type(exc).__name__) from exc
    if done.returncode != 0:
        raise OcrError(f"{Path(args[0]).name} exit status {done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def ocr_image(path: Path) -> str:
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        raise OcrError("tesseract is not installed")
    return _run([tesseract, str(path), "stdout", "-l", _languages()]).strip()


def ocr_pdf(path: Path) -> str:
    pdftotext, pdftoppm = shutil.which("pdftotext"), shutil.which("pdftoppm")
    if pdftotext is not None:
        layer = _run([pdftotext, "-layout", "-l", str(MAX_PAGES), str(path), "-"]).strip()
        if len(layer) >= 20:
            return layer
    if pdftoppm is None:
        raise OcrError("pdftoppm is not installed")
    with tempfile.TemporaryDirectory(prefix="nocontact-ocr-") as tmp:
        prefix = Path(tmp) / "page"
        _run([pdftoppm, "-r", "300", "-gray", "-png", "-l", str(MAX_PAGES), str(path), str(prefix)])
        pages = sorted(Path(tmp).glob("page*.png"))
        return "\n\f\n".join(ocr_image(page) for page in pages).strip()


def read(
    path: Path, accept: Accept | None = None, progress: Progress = no_progress
) -> Iterator[ReadItem]:
    file = str(path)
    size = path.stat().st_size
    progress(size)
    if size > MAX_FILE:
        yield ReadProblem(file, "byte 0", "letter scan larger than 200 MB was skipped")
        return
    data = path.read_bytes()
    kind = content_type(data[:8]) or "application/octet-stream"
    try:
        text = ocr_pdf(path) if kind == "application/pdf" else ocr_image(path)
    except OcrError as exc:
        yield ReadProblem(file, "page 1", f"OCR failed: {exc}")
        return
    yield RawMessage(
        channel=Channel.LETTER,
        sender="",
        sent_at=datetime.fromtimestamp(path.stat().st_mtime, tz=UTC),
        text=text,
        source_id=f"{NAME}:{hashlib.sha256(data).hexdigest()[:40]}",
        original=data,
        format=NAME,
        attachments=(Attachment(path.name, kind, data),),
        kind="letter",
    )
