from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from nocontact.readers import detect, read_path
from nocontact.readers.zipsafe import ZipLimits, extract

from .conftest import mbox_message, sms_file, sms_record, split


def test_binary_file_is_reported_as_unknown(tmp_path: Path) -> None:
    path = tmp_path / "random.bin"
    path.write_bytes(os.urandom(4096))
    messages, problems, _ = split(read_path(path))
    assert not messages and len(problems) == 1
    assert problems[0].file == str(path) and problems[0].reason == "not a known export format"
    assert detect(path) is None


def test_extension_does_not_decide_the_format(tmp_path: Path) -> None:
    path = tmp_path / "backup.txt"
    path.write_text(sms_file([sms_record(1)]))
    assert detect(path) == "sms_backup_restore"
    fake = tmp_path / "fake.mbox"
    fake.write_text("just some words\n")
    assert detect(fake) is None


def test_missing_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    _, problems, _ = split(read_path(tmp_path / "nope"))
    assert problems[0].reason == "file not found"


def test_zip_is_read_and_problems_name_the_member(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mail/a.mbox", "".join(mbox_message(i) for i in range(3)))
        zf.writestr("sms.xml", sms_file([sms_record(1)]))
        zf.writestr("junk.bin", os.urandom(100))
    messages, problems, _ = split(read_path(archive))
    assert len(messages) == 4
    assert [p.file for p in problems] == [f"{archive}!junk.bin"]
    assert detect(archive) == "zip"


def test_zip_member_escaping_with_dotdot_or_absolute_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escape.mbox", mbox_message(1))
        zf.writestr("/abs.mbox", mbox_message(2))
        zf.writestr("ok.mbox", mbox_message(3))
    messages, problems, _ = split(read_path(archive))
    assert [m.subject for m in messages] == ["note 3"]
    assert len(problems) == 2 and all("leaves the archive" in p.reason for p in problems)
    assert not (tmp_path.parent / "escape.mbox").exists()


def test_zip_symlink_member_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("link.mbox")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    messages, problems, _ = split(read_path(archive))
    assert not messages and "symbolic link" in problems[0].reason


def test_zip_bomb_is_stopped_by_ratio_and_size(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.mbox", b"\n" * (50 * 1024 * 1024))  # ~50 kB compressed, 1000:1
        zf.writestr("ok.mbox", mbox_message(1))
    messages, problems, _ = split(read_path(archive))
    assert len(messages) == 1
    assert [p.position for p in problems] == ["member 1"] and "limit" in problems[0].reason


def test_zip_member_lying_about_its_size_is_stopped(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("big.bin", b"a" * 5000)
    dest = tmp_path / "out"
    dest.mkdir()
    archive = tmp_path / "a.zip"
    archive.write_bytes(buffer.getvalue())
    problems = list(extract(archive, dest, ZipLimits(max_member=1000, min_ratio_size=10)))
    assert len(problems) == 1 and not (dest / "big.bin").exists()


def test_corrupt_zip_is_a_problem(tmp_path: Path) -> None:
    archive = tmp_path / "broken.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.mbox", mbox_message(1) * 50)
    data = bytearray(buffer.getvalue())
    data[60:120] = b"\x00" * 60  # damage the compressed stream, keep the directory
    archive.write_bytes(bytes(data))
    messages, problems, _ = split(read_path(archive))
    assert not messages and len(problems) == 1 and problems[0].file == str(archive)


def test_progress_reports_every_byte(tmp_path: Path) -> None:
    path = tmp_path / "mail.mbox"
    path.write_text("".join(mbox_message(i) for i in range(20)))
    seen: list[int] = []
    list(read_path(path, progress=seen.append))
    assert sum(seen) == path.stat().st_size


def test_office_document_is_not_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    _, problems, _ = split(read_path(path))
    assert len(problems) == 1 and "office document" in problems[0].reason


def test_a_letter_beside_an_export_folder_is_still_read_as_a_letter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nocontact.readers import letter

    monkeypatch.setattr(letter, "ocr_image", lambda path: "scanned words")
    chat = tmp_path / "whatsapp"
    chat.mkdir()
    (chat / "chat.txt").write_text("1/2/21, 10:00 - A: hi\n")
    (chat / "IMG-1.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    (tmp_path / "letter.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    messages, problems, _ = split(read_path(tmp_path))
    assert sorted(m.format for m in messages) == ["letter", "whatsapp"] and not problems
