"""Synthetic exports for `nocontact demo`: an ex, one proxy, six weeks of No Contact.

Everything is fictional (555-01xx numbers, example.* domains) and deterministic for a given
(today, seed). Ignored, the ex escalates as the method predicts, week by week: intimidation,
provocation, flattery, apology, pity, then a stray holiday pretext; a few logistics, one legal
notice and one threat run through it. `demo-labels.jsonl` (not imported) holds the intended
category and tactics of every ex/proxy message. Its ids: the Message-ID header (with angle
brackets) for e-mail, "sms:<date_ms>:<address>" for SMS, "mms:<date_ms>:<address>" for MMS.
"""

from __future__ import annotations

import base64
import json
import random
import re
import struct
import time
import uuid
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime, formataddr
from pathlib import Path
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("America/New_York")
NO_CONTACT_DAYS = 42
MBOX_NAME, SMS_NAME, CALLS_NAME, LABELS_NAME = (
    "demo-mail.mbox", "demo-sms.xml", "demo-calls.xml", "demo-labels.jsonl")


@dataclass
class DemoPerson:
    role: str  # "ex" | "proxy"
    name: str
    emails: list[str]
    phones: list[str]  # E.164
    aliases: list[str]


@dataclass
class DemoCase:
    survivor_name: str
    survivor_email: str
    survivor_phone: str
    persons: list[DemoPerson]
    files: list[Path]
    region: str
    last_contact: date  # the survivor's last message to the ex: No Contact starts here


SURVIVOR = ("Alex Moreno", "alex.moreno@example.org", "+15555550110")
EX = DemoPerson("ex", "Dylan Marsh", ["dylan.marsh@example.com", "dmarsh.music@example.net"],
                ["+15555550142"], ["Dylan M", "Dyl"])
PROXY = DemoPerson("proxy", "Robin Hale", ["robin.hale@example.org"], ["+15555550167"],
                   ["Robin H"])
_CONTACT = {"ex": "Dylan M", "proxy": "Robin H"}
_H, _L = "hoovering", "logistics"
_SIGN = "\n\nD"

# (week, role, channel, category, tactics, texts). E-mail texts are "Subject|Body".
# Channels with a "+" carry something extra: an image, an HTML body or a calendar invite.
_SCRIPT: list[tuple[int, str, str, str, str, list[str]]] = [
    (1, "ex", "sms", _H, "intimidation", [
        "Answer your phone.", "ANSWER ME", "so this is how you want to play it? fine",
        "You'll regret this. I promise you that.", "Pick up. Now.", "CALL ME",
        "you cant just disappear after 4 years, thats not how this works",
        "I'm giving you till tonight to call me back. After that dont come crying to me",
        "wow. real mature. ignoring me like a child",
        "Keep ignoring me and see you in court. My cousin is a lawyer.",
        "Every day you ignore me makes this worse for you", "Fine.\nEnjoy it while it lasts.",
        "I'm not going away, you know that right", "I'm done being patient Alex",
        "you dont get to decide when this is over. I do.",
        "Call me back or I swear you will be sorry", "10 missed calls. TEN. pick up",
        "last chance to talk like an adult before I stop being nice"]),
    (1, "ex", "sms", _H, "", ["??", "hello??"]),
    (1, "ex", "sms", _L, "intimidation", [
        "Rent's due on the 1st. Your name is on the lease too so dont think you can walk away "
        "from $1,150 & leave me holding it"]),
    (1, "ex", "mms", _H, "intimidation provocation", [
        "You know what, I'm not going to beg. You walked out on 4 years like it was nothing and "
        "you think you can just go quiet and I'll disappear? Not happening. You owe me a "
        "conversation at the very least and if you won't give me one you'll regret it. "
        "Everyone is asking me what happened and I don't even know what to tell them"]),
    (1, "ex", "email", _H, "intimidation", [
        "We need to talk|You don't get to end four years with a text message. I expect a call "
        "from you by Friday.\n\nIf you think ignoring me makes this go away, you are going to "
        "regret it." + _SIGN,
        "Fine|Fine. Have it your way.\n\nFrom now on I'm not doing you any favours. Don't ask "
        "me for anything, don't expect me to be reasonable about anything.\n\nYou'll regret "
        "this." + _SIGN,
        "Last chance|I'm giving you one last chance to talk to me like an adult. After this "
        "weekend I stop being nice. Your choice." + _SIGN,
        "???|Did you even read my last email? Answer me. I can see you were online."]),
    (1, "ex", "email", _H, "intimidation provocation", [
        "Seriously?|You blocked me on Instagram now? Wow. Grow up and call me."]),
    (1, "proxy", "sms", _H, "pity", [
        "Hey Alex, Dylan called me crying last night. What happened?? Call me when u can x"]),
    (1, "proxy", "email", _H, "pity", [
        "Checking in|Hi Alex,\n\nI don't want to take sides but Dylan is a mess. He says you "
        "won't even tell him why. Could you at least send him a message so he knows you're "
        "ok?\n\nLove,\nRobin"]),
    (2, "ex", "sms", _H, "provocation", [
        "you were always cold. everyone saw it except me",
        "Honestly you did me a favour. You're exhausting",
        "lol everyone knows you're the crazy one", "Your mom was right about you",
        "Hope Sam enjoys your drama, I sure didnt",
        "no one else is going to put up with you. you know that right",
        "Still hiding? pathetic", "ur such a coward",
        "Funny how you play the victim when YOU were the one who left",
        "you're going to end up alone. just saying",
        "I told everyone the truth about you btw. no one's surprised",
        "Can't even be bothered to reply. Classy.", "saw ur post. you look tired lol",
        "whatever. you were never that special anyway"]),
    (2, "ex", "sms", _H, "provocation pity", ["guess you never loved me at all. 4 years of lies"]),
    (2, "ex", "sms", "threat", "intimidation", [
        "I drove past your place last night. Lights were on till 2. I know you're there."]),
    (2, "ex", "email", _H, "provocation", [
        "new address since you blocked the other one|Blocking my email doesn't make you a "
        "better person. It makes you a coward. Everyone can see what you are now.",
        "you|You know what the worst part is? You think you're the victim here. You walked "
        "out on me. You. Remember that when you're telling your friends your little story.",
        "Re: ???|Still nothing? Unbelievable. You're exactly who my friends said you were.",
        "the truth|I've been thinking about all the times you embarrassed me in front of "
        "people and I let it go. Not anymore. Nobody believes your version." + _SIGN]),
    (2, "ex", "email", _L, "", [
        "Internet bill|The internet bill came: $84.20 for the month, your half is $42.10. "
        "Send it by the 15th. I'm not paying for you anymore."]),
    (2, "proxy", "sms", _H, "pity", [
        "He's not sleeping, Alex. I've never seen him like this. Just talk to him? 5 mins",
        "Honestly I think you're being a bit harsh on him. Everyone makes mistakes"]),
    (2, "proxy", "sms", _H, "pretext", [
        "Are you still staying at Sam's? Haven't seen you at trivia in ages"]),
    (3, "ex", "sms", _H, "flattery", [
        "found the photos from the lake house. we were so happy", "I miss you. I miss us.",
        "Nobody has ever made me laugh like you do",
        "remember our first apartment? the one w the broken heater? best winter of my life",
        "you were the best thing that ever happened to me and I blew it",
        "no one will ever compare to you. I mean that",
        "our song came on at the bar tonight. had to leave",
        "you looked so beautiful at Mia's wedding. I never told you that",
        "i still have your hoodie. it still smells like you"]),
    (3, "ex", "sms", _L, "pretext", [
        "Your bike's still in the basement. I can drop it at Sam's on Saturday if you want, "
        "just say yes"]),
    (3, "ex", "mms+png", _H, "flattery", ["remember this day? 🥺"]),
    (3, "ex", "email+png", _H, "flattery", [
        "found this|I found this on my old phone. Look how happy you were. Tell me that "
        "wasn't real." + _SIGN]),
    (3, "ex", "email", _H, "flattery", [
        "I keep thinking about you|I know you don't want to hear from me. But I keep thinking "
        "about the way you laughed at my terrible cooking, Sunday mornings, all of it. No one "
        "has ever understood me like you did. No one ever will.\n\nI love you. I always will."
        + _SIGN,
        "Thinking of you|Walked past our café today. Got your usual by accident ❤️"]),
    (3, "proxy", "mms+png", _H, "flattery pity", ["He made this for you. He's trying so hard"]),
    (3, "proxy", "email", _H, "pretext apology", [
        "coffee?|Hey! Long time. Want to grab coffee this week? Just us, I promise.\n\nAlso "
        "Dylan asked me to tell you he's sorry about everything.\n\nRobin"]),
    (4, "ex", "sms", _H, "apology", [
        "I'm sorry. For all of it.",
        "I've started seeing a therapist. I understand now what I did to you",
        "I know I was awful. I'm working on it, I promise",
        "I'm not asking you to come back. I just want to apologise properly, in person",
        "I stopped drinking. 3 weeks today. I did it for us",
        "sorry about those texts before. that wasnt me",
        "I'm a different person now. Give me one coffee to prove it"]),
    (4, "ex", "email+html", _H, "apology flattery", [
        "A letter|Alex,\n\nI've written this letter ten times. I was cruel to you, and you "
        "didn't deserve any of it. My therapist says I have to own it, so I am.\n\nYou were "
        "the kindest person in my life and I treated you like an enemy. I'm changing. I "
        "just want the chance to show you.\n\nWith all my love,\nDylan"]),
    (4, "ex", "email", _H, "apology", [
        "I'm sorry|I am so sorry. I mean it this time. Please just read this one." + _SIGN]),
    (4, "ex", "email+ics", "legal", "", [
        "Mediation appointment: 14 Harbor Lane lease|Alex,\n\nSince you won't talk to me, "
        "my solicitor has booked mediation about the lease and the deposit. The appointment "
        "is on {mediation} at 10:00 am at Harbor Family Mediation, 200 Example Avenue, "
        "Suite 4. The letter from Okoro & Vance Solicitors says you must confirm attendance "
        "by {confirm_by}, or they file with the small claims court.\n\nThe calendar invite is "
        "attached.\n\nDylan"]),
    (4, "proxy", "sms", _H, "apology", [
        "He's really changed Alex. Therapy every week. Doesn't he deserve a 2nd chance?"]),
    (4, "proxy", "sms", _H, "pretext", [
        "Happy to be there if you two want to meet somewhere neutral. No pressure!"]),
    (5, "ex", "sms", _H, "pity", [
        "I'm so alone. I hope you're happy",
        "i cant sleep 😪 havent slept properly since you left",
        "Look what you did to me. I don't even recognise myself",
        "Lost my job this week. Not that you care",
        "Mom's in hospital again. I could really use you right now"]),
    (5, "ex", "email", _H, "pity", [
        "I'm not ok|Everyone has moved on except me. I sit in the apartment and everything "
        "reminds me of you. I don't know how to do this alone. You did this to me, you know."]),
    (5, "proxy", "sms", _H, "pity", [
        "He's not eating. I'm genuinely worried. You're the only one he listens to"]),
    (5, "proxy", "sms", _H, "pretext", [
        "Are you coming to Jess's birthday Saturday? He'll be there, thought u should know 🙂"]),
    (6, "ex", "sms", _H, "pretext", ["hey"]),
    (6, "ex", "email", _H, "pretext flattery", [
        "Happy holidays|Happy holidays, Alex. Hope you're doing well. I still think about you "
        "sometimes." + _SIGN]),
    (6, "ex", "email", _L, "", [
        "Lease renewal|The landlord sent the renewal letter addressed to both of us. I'll "
        "leave it with Robin, pick it up whenever."]),
]

# Ordinary traffic that screening must drop: (sender name, address, subject, body).
_OTHER_MAIL = [
    ("The Greenleaf Co-op", "news@greenleaf.example.org", "This week at the co-op",
     "Winter squash is in! Members save 10% this weekend.\n\nUnsubscribe: "
     "https://greenleaf.example.org/unsubscribe"),
    ("Priya Natarajan", "priya.natarajan@example.net", "Notes from Tuesday",
     "Hi Alex,\n\nAttached are my notes from Tuesday's planning meeting, no rush.\n\nPriya"),
    ("Brightside Dental", "reminders@brightside-dental.example.com", "Appointment reminder",
     "This is a reminder of your cleaning appointment next Thursday at 3:15 pm. Reply C to "
     "confirm."),
]
_OTHER_SMS = [  # (address, contact name, body)
    ("+15555550188", "Elm St Pharmacy", "Elm St Pharmacy: your prescription is ready for "
     "pickup. Reply STOP to opt out."),
    ("+15555550131", "Sam", "Proud of you for doing this. Dinner Thursday? 🍝"),
    ("+15555550131", "Sam", "How's day 10 going? I'm around tonight if you want company"),
    ("+15555550188", "Elm St Pharmacy", "Elm St Pharmacy: a refill is due. Reply STOP to "
     "opt out."),
]
_SURVIVOR_SMS = [  # days before No Contact, minute of day, body; the last one starts it
    (6, 19 * 60 + 12, "I'm picking up the rest of my things Saturday morning. Sam will be "
     "with me."),
    (3, 12 * 60 + 30, "Please stop calling me at work."),
    (0, 17 * 60 + 40, "I'm done. I won't be answering calls or messages anymore. Anything "
     "about the lease, email me."),
]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;",
                "\n": "&#10;"}
_HEADER = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"


@dataclass
class _Sent:
    role: str
    channel: str
    category: str
    tactics: list[str]
    text: str
    at: datetime = datetime(1970, 1, 1, tzinfo=ZONE)  # set by _schedule
    subject: str = ""
    extra: str = ""
    sender: str = ""
    id: str = ""


def write_demo_exports(folder: Path, today: date, seed: int = 7) -> DemoCase:
    """Write the demo's mbox, SMS and call-log exports plus the label sidecar into `folder`."""
    rng = random.Random(f"{today.isoformat()}:{seed}")  # noqa: S311 - reproducible fiction
    last_contact = today - timedelta(days=NO_CONTACT_DAYS)
    start = datetime(last_contact.year, last_contact.month, last_contact.day, tzinfo=ZONE)
    fields = {"mediation": _weekday(today + timedelta(days=17)),
              "confirm_by": _weekday(today + timedelta(days=9))}
    items = _schedule(rng, start, fields)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in (MBOX_NAME, SMS_NAME, CALLS_NAME)]
    paths[0].write_bytes(_mbox(rng, start, items))
    paths[1].write_text(_sms_xml(rng, start, today, items), encoding="utf-8")
    paths[2].write_text(_calls_xml(rng, start, today), encoding="utf-8")
    with (folder / LABELS_NAME).open("w", encoding="utf-8") as out:
        for item in items:
            row = {"id": item.id, "text": item.text, "category": item.category,
                   "tactics": item.tactics, "channel": item.channel,
                   "sender_role": item.role, "sender": item.sender,
                   "sent_at": item.at.isoformat(), "subject": item.subject}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return DemoCase(SURVIVOR[0], SURVIVOR[1], SURVIVOR[2], [EX, PROXY], paths, "US",
                    last_contact)


def _weekday(day: date) -> str:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return f"{day:%A}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _schedule(rng: random.Random, start: datetime, fields: dict[str, str]) -> list[_Sent]:
    """Place every scripted message in its week, in bursts, at realistic times of day."""
    placed: list[_Sent] = []
    for week in range(1, 7):
        batch = [_Sent(role, channel, category, tactics.split(), text.format(**fields))
                 for (w, role, channel, category, tactics, texts) in _SCRIPT if w == week
                 for text in texts]
        rng.shuffle(batch)
        late_odds = 0.5 if week <= 2 else 0.25
        while batch:
            burst = 1 if batch[0].role == "proxy" else rng.randint(1, 5 if week <= 2 else 2)
            day = rng.randint(7 * (week - 1), 7 * week - 1)
            if day == 0:
                minute = rng.randint(19 * 60, 23 * 60)  # after the survivor's last message
            elif rng.random() < late_odds:
                minute = rng.choice([rng.randint(21 * 60 + 30, 23 * 60), rng.randint(10, 150)])
            else:
                minute = rng.randint(7 * 60 + 30, 20 * 60 + 30)
            at = start + timedelta(days=day, minutes=minute, seconds=rng.randint(0, 59))
            for item in batch[:burst]:
                item.at = at
                at += timedelta(minutes=rng.randint(1, 8), seconds=rng.randint(0, 59))
            placed.extend(batch[:burst])
            del batch[:burst]
    placed.sort(key=lambda item: item.at)
    for item in placed:
        item.channel, _, item.extra = item.channel.partition("+")
        if item.channel == "email":
            item.subject, _, item.text = item.text.partition("|")
    return placed


def _ms(at: datetime) -> int:
    return round(at.timestamp() * 1000)


def _readable(at: datetime) -> str:
    local = at.astimezone(ZONE)
    return f"{_MONTHS[local.month - 1]} {local.day}, {local.year} {local:%H:%M:%S}"


def _png(rgb: tuple[int, int, int], size: int = 8) -> bytes:
    """A tiny valid PNG of one colour, standing in for a photo."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def _mail(rng: random.Random, item: _Sent, name: str, address: str, when: datetime,
          subject: str, body: str) -> tuple[str, EmailMessage]:
    domain = address.rsplit("@", 1)[1]
    message_id = f"<{rng.getrandbits(64):016x}.{_ms(when)}@mail.{domain}>"
    msg = EmailMessage()
    msg["From"] = formataddr((name, address))
    msg["To"] = formataddr((SURVIVOR[0], SURVIVOR[1]))
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id
    if item.extra == "html":
        paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in body.split("\n\n"))
        pixel = f"https://img.{domain}/o/{rng.getrandbits(32):08x}.gif"
        msg.set_content(f"<html><body>{paragraphs}<img src=\"{pixel}\" width=\"1\" "
                        f"height=\"1\" alt=\"\"></body></html>", subtype="html", charset="utf-8")
    else:
        msg.set_content(body, charset="utf-8")
    if item.extra == "png":
        msg.add_attachment(_png((214, 160, 92)), maintype="image", subtype="png",
                           filename="IMG_2041.png")
    elif item.extra == "ics":
        msg.add_attachment(_invite(when, body), maintype="text", subtype="calendar",
                           filename="mediation.ics")
    if msg.is_multipart():
        msg.set_boundary(f"=_{rng.getrandbits(64):016x}")
    return message_id, msg


def _invite(when: datetime, body: str) -> bytes:
    found = re.search(r"on \w+, (\w+) (\d+), (\d+) at", body)
    assert found, "the legal notice names its date"
    month, day, year = _MONTHS.index(found[1]) + 1, int(found[2]), int(found[3])
    stamp = when.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Harbor Family Mediation//EN",
             "BEGIN:VEVENT", f"UID:mediation-{year}{month:02d}{day:02d}@harbor.example.org",
             f"DTSTAMP:{stamp}", f"DTSTART;TZID=America/New_York:{year}{month:02d}{day:02d}"
             "T100000", f"DTEND;TZID=America/New_York:{year}{month:02d}{day:02d}T113000",
             "SUMMARY:Mediation: 14 Harbor Lane lease",
             "LOCATION:Harbor Family Mediation\\, 200 Example Avenue\\, Suite 4",
             "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


def _mbox(rng: random.Random, start: datetime, items: list[_Sent]) -> bytes:
    entries: list[tuple[datetime, str, EmailMessage]] = []
    for item in items:
        if item.channel != "email":
            continue
        person = EX if item.role == "ex" else PROXY
        week = (item.at.date() - start.date()).days // 7 + 1
        second = item.role == "ex" and week >= 2 and item.extra != "ics" and (
            item.subject.startswith("new address") or rng.random() < 0.7)
        item.sender = person.emails[1 if second else 0]
        item.id, msg = _mail(rng, item, person.name, item.sender, item.at, item.subject,
                             item.text)
        entries.append((item.at, item.sender, msg))
    for n, (name, address, subject, body) in enumerate(_OTHER_MAIL):
        when = start + timedelta(days=5 + 13 * n, hours=9, minutes=rng.randint(0, 59))
        entries.append((when, address, _mail(rng, _Sent("", "email", "", [], ""), name,
                                             address, when, subject, body)[1]))
    out = bytearray()
    for when, sender, msg in sorted(entries, key=lambda entry: entry[0]):
        raw = msg.as_bytes(policy=default_policy.clone(linesep="\n"))
        raw = re.sub(rb"(?m)^(>*From )", rb">\1", raw)  # mboxrd escaping
        out += f"From {sender} {time.asctime(when.astimezone(ZoneInfo('UTC')).timetuple())}\n"\
            .encode() + raw.rstrip(b"\n") + b"\n\n"
    return bytes(out)


def _xml_text(value: str) -> str:
    """Escape like SB&R: entities, newlines as &#10;, astral characters as surrogate pairs."""
    out = []
    for char in value:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"&#{0xD800 + (code >> 10)};&#{0xDC00 + (code & 0x3FF)};")
        else:
            out.append(_XML_ESCAPES.get(char, char))
    return "".join(out)


def _element(tag: str, attrs: dict[str, str], end: str = " />") -> str:
    return f"<{tag} " + " ".join(f'{k}="{_xml_text(v)}"' for k, v in attrs.items()) + end


def _sms(address: str, at: datetime, kind: int, body: str, contact: str) -> str:
    ms = _ms(at)
    return _element("sms", {
        "protocol": "0", "address": address, "date": str(ms), "type": str(kind),
        "subject": "null", "body": body, "toa": "null", "sc_toa": "null",
        "service_center": "+15555550100" if kind == 1 else "null", "read": "1",
        "status": "-1", "locked": "0", "date_sent": str(ms - ms % 1000 - 2000) if kind == 1
        else "0", "sub_id": "1", "readable_date": _readable(at), "contact_name": contact})


def _mms(rng: random.Random, item: _Sent, address: str) -> str:
    ms = _ms(item.at)
    smil = ('<smil><head><layout><root-layout/><region id="Image" top="0" left="0" '
            'height="80%" width="100%"/><region id="Text" top="80%" left="0" height="20%" '
            'width="100%"/></layout></head><body><par dur="5000ms">'
            + ('<img src="image000001.png" region="Image"/>' if item.extra else "")
            + '<text src="text000002.txt" region="Text"/></par></body></smil>')
    part = {"seq": "0", "name": "null", "chset": "null", "cd": "null", "fn": "null",
            "ctt_s": "null", "ctt_t": "null", "text": "null", "sub_id": "1"}
    parts = [_element("part", {**part, "seq": "-1", "ct": "application/smil",
                               "cid": "<smil>", "cl": "smil.xml", "text": smil})]
    if item.extra:
        parts.append(_element("part", {**part, "ct": "image/png", "cid": "<image000001>",
                                       "cl": "image000001.png", "data": base64.b64encode(
                                           _png((92, 140, 214))).decode()}))
    parts.append(_element("part", {**part, "ct": "text/plain", "chset": "106",
                                   "cid": "<text000002>", "cl": "text000002.txt",
                                   "text": item.text}))
    head = _element("mms", {
        "date": str(ms), "rr": "129", "sub": "null", "ct_t": "application/vnd.wap.multipart"
        ".related", "read_status": "null", "seen": "1", "msg_box": "1", "address": address,
        "sub_cs": "null", "resp_st": "null", "retr_st": "128", "d_tm": "null",
        "text_only": "0" if item.extra else "1", "exp": "null", "locked": "0",
        "m_id": f"demo-{rng.getrandbits(48):012x}", "st": "null", "retr_txt_cs": "null",
        "retr_txt": "null", "creator": "com.google.android.apps.messaging", "date_sent": "0",
        "read": "1", "m_size": "null", "rpt_a": "null", "ct_cls": "null", "pri": "129",
        "sub_id": "1", "tr_id": f"T{rng.getrandbits(40):x}", "resp_txt": "null",
        "ct_l": "null", "m_cls": "personal", "d_rpt": "129", "v": "18", "m_type": "132",
        "readable_date": _readable(item.at), "contact_name": _CONTACT[item.role]}, ">")
    addrs = [_element("addr", {"address": address, "type": "137", "charset": "106"}),
             _element("addr", {"address": SURVIVOR[2], "type": "151", "charset": "106"})]
    return (head + "\n  <parts>\n    " + "\n    ".join(parts) + "\n  </parts>\n  <addrs>\n    "
            + "\n    ".join(addrs) + "\n  </addrs>\n</mms>")


def _sms_xml(rng: random.Random, start: datetime, today: date, items: list[_Sent]) -> str:
    sms: list[tuple[datetime, str]] = []
    mms: list[tuple[datetime, str]] = []
    used: set[str] = set()
    for item in items:
        if item.channel == "email":
            continue
        item.sender = (EX if item.role == "ex" else PROXY).phones[0]
        while (key := f"{_ms(item.at)}:{item.sender}") in used:
            item.at += timedelta(milliseconds=1)
        used.add(key)
        item.id = f"{item.channel}:{key}"
        if item.channel == "sms":
            sms.append((item.at, _sms(item.sender, item.at, 1, item.text,
                                      _CONTACT[item.role])))
        else:
            mms.append((item.at, _mms(rng, item, item.sender)))
    for days_before, minute, body in _SURVIVOR_SMS:
        at = start + timedelta(days=-days_before, minutes=minute, seconds=rng.randint(0, 59))
        sms.append((at, _sms(EX.phones[0], at, 2, body, _CONTACT["ex"])))
    for n, (address, contact, body) in enumerate(_OTHER_SMS):
        at = start + timedelta(days=3 + 11 * n, hours=rng.randint(10, 19),
                               minutes=rng.randint(0, 59))
        sms.append((at, _sms(address, at, 1, body, contact)))
    backup = datetime(today.year, today.month, today.day, 3, 0, tzinfo=ZONE)
    body = "\n".join(text for _, text in sorted(sms) + sorted(mms))
    return (f'{_HEADER}<smses count="{len(sms) + len(mms)}" backup_set="'
            f'{uuid.UUID(int=rng.getrandbits(128), version=4)}" backup_date="{_ms(backup)}" '
            f'type="full">\n{body}\n</smses>\n')


def _calls_xml(rng: random.Random, start: datetime, today: date) -> str:
    """Missed calls from the ex in week 1, blocked ones after; two from the proxy."""
    plan = [(EX, 3, 0, 7)] * 12 + [(EX, 3, 7, 14)] * 3 + [(EX, 6, 7, 14)] * 4 \
        + [(EX, 6, 14, 35)] * 4 + [(PROXY, 3, 3, 30)] * 2
    calls = []
    for person, kind, first, last in plan:
        at = start + timedelta(days=rng.randint(first, last - 1), minutes=rng.randint(
            8 * 60, 23 * 60 + 50) if first or kind != 3 else rng.randint(18 * 60, 23 * 60))
        calls.append((at, _element("call", {
            "number": person.phones[0], "duration": "0", "date": str(_ms(at)),
            "type": str(kind), "presentation": "1", "subscription_id": "1",
            "readable_date": _readable(at), "contact_name": _CONTACT[person.role]})))
    backup = datetime(today.year, today.month, today.day, 3, 0, tzinfo=ZONE)
    body = "\n".join(text for _, text in sorted(calls))
    return (f'{_HEADER}<calls count="{len(calls)}" backup_set="'
            f'{uuid.UUID(int=rng.getrandbits(128), version=4)}" backup_date="{_ms(backup)}" '
            f'type="full">\n{body}\n</calls>\n')
