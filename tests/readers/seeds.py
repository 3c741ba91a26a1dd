"""A small valid document per format, the starting point of the property-based tests."""

from __future__ import annotations

from pathlib import Path

from .conftest import mbox_message, sms_file, sms_record

SEEDS: dict[str, tuple[str, bytes]] = {
    "mbox": ("a.mbox", "".join(mbox_message(i) for i in range(3)).encode()),
    "eml": ("a.eml", mbox_message(1).split("\n", 1)[1].encode()),
    "sms_backup_restore": ("a.xml", sms_file(sms_record(i) for i in range(3)).encode()),
    "calls": (
        "c.xml",
        b'<?xml version="1.0"?><calls count="2"><call number="+15550001111" duration="3" '
        b'date="1700000000000" type="3" /><call number="-1" duration="0" '
        b'date="1700000001000" type="6" /></calls>',
    ),
}

SEEDS["whatsapp"] = (
    "chat.txt",
    "[03/02/2024, 9:05:01\u202fPM] Sam: first\nmore\n12/31/20, 11:59 PM - B: x\n".encode(),
)
SEEDS["signal"] = ("s.txt", b"[2019-12-24, 12:23] Jane: Hello\n[2020-01-17, 21:49] J: Hi\n")

SEEDS["telegram"] = (
    "result.json",
    b'{"name":"E","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message",'
    b'"date_unixtime":"1544006350","from":"E","text":["a",{"type":"bold","text":"b"}]}]}',
)
SEEDS["messenger"] = (
    "message_1.json",
    b'{"participants":[{"name":"A"}],"messages":[{"sender_name":"A","timestamp_ms":1,'
    b'"content":"S\\u00c3\\u00b8"},{"senderName":"B","timestamp":2,"text":"x"}]}',
)
SEEDS["google_voice"] = (
    "A - Text - 2023-09-29T23_40_59Z.html",
    b'<html><body><div class="hChatLog hfeed"><div class="message"><abbr class="dt" '
    b'title="2023-09-29T16:40:59.923-07:00">x</abbr><cite class="sender vcard"><a class="tel" '
    b'href="tel:+1555"><span class="fn">A</span></a></cite><q>hi<br>there</q></div></div>'
    b'<div class="haudio"><abbr class="published" title="2016-04-30T17:16:43-07:00">x</abbr>'
    b"</div></body></html>",
)

_IOS = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "ios_smsdb"
if (_IOS / "synthetic_ios13_sms.db").is_file():
    SEEDS["ios_smsdb"] = ("sms.db", (_IOS / "synthetic_ios13_sms.db").read_bytes())

_MSG = _IOS.parent / "outlook_msg" / "msgextractor_strangeDate.msg"
if _MSG.is_file():
    SEEDS["outlook_msg"] = ("a.msg", _MSG.read_bytes())
SEEDS["pst"] = ("a.pst", b"!BDN" + bytes(60))


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (40, 16), 255).save(buffer, "PNG")
    return buffer.getvalue()


SEEDS["letter"] = ("scan.png", _tiny_png())
