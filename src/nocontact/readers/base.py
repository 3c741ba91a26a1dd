"""Format registry, detection by content, and the walk over files, folders and zips."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nocontact.core.message import RawMessage, ReadProblem
from nocontact.readers import (
    chat_text,
    eml,
    google_voice,
    ios_smsdb,
    letter,
    mbox,
    meta_json,
    outlook_msg,
    pst,
    sms_xml,
    telegram,
    zipsafe,
)
from nocontact.readers.types import Accept, Passed, Progress, ReadItem, no_progress

__all__ = [
    "FORMATS",
    "Accept",
    "Passed",
    "RawMessage",
    "ReadItem",
    "ReadProblem",
    "detect",
    "read_path",
    "total_size",
]

HEAD = 64 * 1024
MAX_ZIP_DEPTH = 2
UNKNOWN = "not a known export format"
Sniff = Callable[[bytes, Path], bool]
Read = Callable[[Path, Accept | None, Progress], Iterator[ReadItem]]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    sniff: Sniff
    read: Read
    is_letter: bool = False


FORMATS: list[Format] = [
    Format(ios_smsdb.NAME, ios_smsdb.sniff, ios_smsdb.read),
    Format(outlook_msg.NAME, outlook_msg.sniff, outlook_msg.read),
    Format(pst.NAME, lambda head, _: pst.sniff(head), pst.read),
    Format(telegram.NAME, lambda head, _: telegram.sniff(head), telegram.read),
    Format(meta_json.MESSENGER, lambda head, _: meta_json.sniff(head), meta_json.read),
    Format(mbox.NAME, lambda head, _: mbox.sniff(head), mbox.read),
    Format(sms_xml.NAME, lambda head, _: sms_xml.sniff(head), sms_xml.read),
    Format(google_voice.NAME, lambda head, _: google_voice.sniff(head), google_voice.read),
    Format(eml.NAME, lambda head, _: eml.sniff(head), eml.read),
    Format(chat_text.SIGNAL, lambda head, _: chat_text.sniff_signal(head), chat_text.read_signal),
    Format(
        chat_text.WHATSAPP, lambda head, _: chat_text.sniff_whatsapp(head), chat_text.read_whatsapp
    ),
    Format(letter.NAME, lambda head, _: letter.sniff(head), letter.read, is_letter=True),
]

_MEDIA_MAGIC = (
    b"\xff\xd8\xff",
    b"\x89PNG",
    b"GIF8",
    b"%PDF",
    b"OggS",
    b"ID3",
    b"\xff\xfb",
    b"\xff\xf3",
    b"#!AMR",
    b"BEGIN:VCARD",
    b"II*\x00",
    b"MM\x00*",
    b"fLaC",
)


def _is_media(head: bytes) -> bool:
    if head.startswith(_MEDIA_MAGIC):
        return True
    if head[4:8] == b"ftyp":  # mp4, m4a, 3gp, heic
        return True
    return head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI ")


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEAD)


def _format_of(path: Path) -> Format | None:
    try:
        head = _head(path)
    except OSError:
        return None
    for fmt in FORMATS:
        try:
            if fmt.sniff(head, path):
                return fmt
        except (OSError, ValueError):
            continue
    return None


def detect(path: Path) -> str | None:
    """The format name of a file by its content; "zip" or "folder" for containers."""
    path = Path(path)
    if path.is_dir():
        if all((path / sub).is_dir() for sub in ("cur", "new", "tmp")):
            return eml.MAILDIR
        return "folder"
    if not path.is_file():
        return None
    fmt = _format_of(path)
    if fmt is not None:
        if fmt.name == eml.NAME and eml.in_maildir(path):
            return eml.MAILDIR
        if fmt.name == meta_json.MESSENGER and meta_json.is_instagram(path, _head(path)):
            return meta_json.INSTAGRAM
        return fmt.name
    return "zip" if zipfile.is_zipfile(path) else None


def total_size(path: Path) -> int:
    """Bytes the readers will report through ``progress`` (for a progress bar)."""
    path = Path(path)
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    if path.is_file() and zipfile.is_zipfile(path) and _format_of(path) is None:
        try:
            with zipfile.ZipFile(path) as zf:
                return sum(info.file_size for info in zf.infolist())
        except (zipfile.BadZipFile, OSError):
            return path.stat().st_size
    return path.stat().st_size if path.is_file() else 0


def read_path(
    path: Path, accept: Accept | None = None, *, progress: Progress | None = None
) -> Iterator[ReadItem]:
    """Every record of every file under ``path`` (a file, a folder or a zip)."""
    path = Path(path)
    report = progress or no_progress
    if not path.exists():
        yield ReadProblem(str(path), "file", "file not found")
        return
    if path.is_dir():
        yield from _read_folder(path, str(path), accept, report, 0)
    else:
        yield from _read_file(path, _format_of(path), str(path), accept, report, 0)


def _relabel(items: Iterator[ReadItem], real: Path, shown: str) -> Iterator[ReadItem]:
    if str(real) == shown:
        yield from items
        return
    prefix = str(real)
    for item in items:
        if isinstance(item, ReadProblem) and item.file.startswith(prefix):
            yield ReadProblem(shown + item.file[len(prefix) :], item.position, item.reason)
        else:
            yield item


def _read_file(
    path: Path,
    fmt: Format | None,
    shown: str,
    accept: Accept | None,
    progress: Progress,
    depth: int,
) -> Iterator[ReadItem]:
    if fmt is not None:
        yield from _relabel(fmt.read(path, accept, progress), path, shown)
        return
    if zipfile.is_zipfile(path):
        if zipsafe.is_office_document(path):
            progress(path.stat().st_size)
            yield ReadProblem(shown, "byte 0", "an office document, not a message export")
            return
        yield from _read_zip(path, shown, accept, progress, depth)
        return
    progress(path.stat().st_size)
    yield ReadProblem(shown, "byte 0", UNKNOWN)


def _read_zip(
    path: Path, shown: str, accept: Accept | None, progress: Progress, depth: int
) -> Iterator[ReadItem]:
    if depth >= MAX_ZIP_DEPTH:
        yield ReadProblem(shown, "byte 0", "zip nested too deeply; not opened")
        return
    with tempfile.TemporaryDirectory(prefix="nocontact-zip-") as tmp:
        root = Path(tmp)
        for problem in zipsafe.extract(path, root):
            yield ReadProblem(shown, problem.position, problem.reason)
        yield from _read_folder(root, shown + "!", accept, progress, depth + 1)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        base = Path(folder)
        if base.name == "tmp" and (base.parent / "cur").is_dir():
            continue  # Maildir deliveries in progress
        found.extend(base / name for name in sorted(files) if not (base / name).is_symlink())
    return found


def _read_folder(
    root: Path, shown_root: str, accept: Accept | None, progress: Progress, depth: int
) -> Iterator[ReadItem]:
    files = _walk(root)
    kinds = {path: _format_of(path) for path in files}
    # Photos, audio and PDFs in or below the folder of a chat export are that export's media.
    export_dirs = {p.parent for p, fmt in kinds.items() if fmt is not None and not fmt.is_letter}
    for path in files:
        rel = path.relative_to(root).as_posix()
        shown = f"{shown_root}{rel}" if shown_root.endswith("!") else f"{shown_root}/{rel}"
        fmt = kinds[path]
        belongs_to_export = any(parent in export_dirs for parent in path.parents)
        if (fmt is None or fmt.is_letter) and belongs_to_export and _is_media(_head(path)):
            progress(path.stat().st_size)  # read with the messages that name it
            continue
        if fmt is None and path.name.startswith("."):
            progress(path.stat().st_size)  # .DS_Store and the like
            continue
        yield from _read_file(path, fmt, shown, accept, progress, depth)
