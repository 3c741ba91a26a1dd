from __future__ import annotations

import base64
from pathlib import Path

import pytest

from nocontact.core.message import Channel
from nocontact.readers import detect, read_path, sms_xml

from .conftest import require_fixtures, sms_file, sms_record, split

MMS = (
    '<mms date="1696900308000" msg_box="1" address="+15550001111" m_id="abc" sub="null" '
    'contact_name="Ex">\n  <parts>\n'
    '    <part seq="-1" ct="application/smil" text="&lt;smil/&gt;" />\n'
    '    <part seq="0" ct="text/plain" text="look &#55357;&#56396;" />\n'
    '    <part seq="1" ct="image/jpeg" cl="photo.jpg" data="{data}" />\n'
    "  </parts>\n  <addrs>\n"
    '    <addr address="+15550001111" type="137" charset="106" />\n'
    '    <addr address="insert-address-token" type="151" charset="106" />\n'
    "  </addrs>\n</mms>\n"
)


def test_fixtures_sms_and_calls() -> None:
    folder = require_fixtures("sms_backup_restore")
    sms, problems, _ = split(read_path(folder / "memacs_sms.xml"))
    assert not problems and len(sms) == 4
    assert sms[0].direction == "in" and sms[0].sender == "+436812314123"
    assert [m.direction for m in sms[1:]] == ["out"] * 3  # type 2: sent by the survivor
    assert sms[1].recipients == ("+43612341234",) and sms[1].sender == ""
    assert sms[0].original.startswith(b"<sms ") and sms[0].original.rstrip().endswith(b"/>")
    calls, problems, _ = split(read_path(folder / "memacs_calls.xml"))
    assert not problems and len(calls) == 8
    missed = [c for c in calls if c.kind == "missed_call"]
    assert len(missed) == 1 and missed[0].channel is Channel.CALL
    assert any(c.sender == "withheld" for c in calls)  # number -1
    assert detect(folder / "memacs_calls.xml") == "sms_backup_restore"


def test_call_kinds(tmp_path: Path) -> None:
    rows = "".join(
        f'<call number="+15550001111" duration="0" date="{1700000000000 + t}" type="{t}" />\n'
        for t in range(1, 8)
    )
    path = tmp_path / "calls.xml"
    path.write_text(f'<?xml version="1.0"?>\n<calls count="7">\n{rows}</calls>\n')
    calls, problems, _ = split(read_path(path))
    assert not problems
    assert [c.kind for c in calls] == [
        "call",
        "call",
        "missed_call",
        "voicemail",
        "missed_call",
        "blocked_call",
        "call",
    ]
    assert calls[5].channel is Channel.CALL and calls[3].channel is Channel.VOICEMAIL


def test_mms_with_surrogate_pair_text_and_media(tmp_path: Path) -> None:
    data = base64.b64encode(b"\xff\xd8\xff fake jpeg").decode()
    path = tmp_path / "sms.xml"
    path.write_text(sms_file([sms_record(1), MMS.replace("{data}", data)]))
    messages, problems, _ = split(read_path(path))
    assert not problems
    mms = messages[1]
    assert mms.channel is Channel.MMS and mms.sender == "+15550001111"
    assert mms.text == "look \U0001f44c"
    assert mms.attachments[0].filename == "photo.jpg"
    assert mms.attachments[0].data == b"\xff\xd8\xff fake jpeg"


def test_surrogate_references_in_sms_body(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    body = "hi &#55357;&#56396; lone &#55357; end &#56396; bad &#1;"
    path.write_text(sms_file([sms_record(1, body=body)]))
    (message,), problems, _ = split(read_path(path))
    assert message.text == "hi \U0001f44c lone \ufffd end \ufffd bad \ufffd" and not problems


def test_xml_cut_in_half_yields_the_first_half_then_a_problem(tmp_path: Path) -> None:
    whole = sms_file(sms_record(i) for i in range(100))
    path = tmp_path / "cut.xml"
    path.write_bytes(whole.encode()[: len(whole) // 2])
    messages, problems, _ = split(read_path(path))
    assert 40 <= len(messages) < 50
    assert [m.text for m in messages] == [f"text {i} & more" for i in range(len(messages))]
    assert len(problems) == 1 and problems[0].file == str(path)
    assert problems[0].position.startswith("byte ") and "truncated" in problems[0].reason


def test_one_malformed_record_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    bad = '<sms address="+1555" date="notanumber" type="1" body="x" />\n'
    broken = '<sms address="+1555" date="1" type="1" body="a"b" />\n'
    path = tmp_path / "sms.xml"
    path.write_text(sms_file([sms_record(1), bad, broken, sms_record(2)]))
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 2 and len(problems) == 2
    assert [p.position.split(",")[0] for p in problems] == ["record 2", "record 3"]
    assert all("+1555" not in p.reason and "notanumber" not in p.reason for p in problems)


def test_invalid_utf8_bytes_are_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    data = sms_file([sms_record(1, body="caf\x00e")]).encode().replace(b"\x00", b"\xe9")
    path.write_bytes(data)
    (message,), problems, _ = split(read_path(path))
    assert message.text == "caf\ufffde" and not problems


def test_ids_are_stable_and_content_based(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(sms_file([sms_record(1), sms_record(2), sms_record(1)]))
    first, _, _ = split(read_path(path))
    again, _, _ = split(read_path(path))
    assert [m.source_id for m in first] == [m.source_id for m in again]
    assert first[0].source_id == first[2].source_id != first[1].source_id


def test_accept_false_passes_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(record: bytes) -> None:
        raise AssertionError("parsed a record from a rejected sender")

    monkeypatch.setattr(sms_xml, "_parse", forbidden)
    path = tmp_path / "sms.xml"
    path.write_text(sms_file(sms_record(i) for i in range(5)))
    messages, problems, passed = split(read_path(path, accept=lambda s: False))
    assert not messages and not problems and len(passed) == 5


def test_chunk_boundaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sms_xml, "CHUNK", 53)
    data = base64.b64encode(b"x" * 500).decode()
    path = tmp_path / "sms.xml"
    path.write_text(sms_file([sms_record(i) for i in range(20)] + [MMS.replace("{data}", data)]))
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 21 and not problems


def test_file_cut_right_after_a_complete_record_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(sms_file([sms_record(1), sms_record(2)], close=False).rstrip())
    messages, problems, _ = split(read_path(path))
    assert len(messages) == 2
    assert len(problems) == 1 and "closing tag" in problems[0].reason
