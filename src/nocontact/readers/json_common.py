"""Loading the JSON exports (Telegram, Messenger, Instagram) and their media files."""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import Any

from nocontact.core.message import Attachment, ReadProblem
from nocontact.readers.common import clean_filename

MAX_JSON = 1024 * 1024 * 1024
MAX_ATTACHMENT = 64 * 1024 * 1024


def load_json(path: Path) -> Any | ReadProblem:
    """The whole document (these exports are one JSON value; see docs/formats.md)."""
    file = str(path)
    if path.stat().st_size > MAX_JSON:
        return ReadProblem(file, "byte 0", "JSON export larger than 1 GB; split it first")
    raw = path.read_bytes()
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return ReadProblem(file, f"byte {exc.start}", "JSON is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return ReadProblem(file, f"line {exc.lineno}, column {exc.colno}", "JSON is malformed")


def media(base: Path, uri: str) -> Attachment | None:
    """A media file the export names relative to its own folder (or a parent of it)."""
    if not uri or "://" in uri or ".." in Path(uri).parts or Path(uri).is_absolute():
        return None
    for folder in (base, *base.parents[:4]):
        candidate = folder / uri
        if candidate.is_file() and not candidate.is_symlink():
            size = candidate.stat().st_size
            data = candidate.read_bytes() if size <= MAX_ATTACHMENT else b""
            kind = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
            return Attachment(clean_filename(uri), kind, data)
    return None


def head_text(head: bytes) -> str:
    return head.decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
