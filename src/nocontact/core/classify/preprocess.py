"""Text clean-up before rules and model: strip quoted replies, signatures and forwarding
headers; normalise Unicode, leetspeak and SMS spelling; cut long texts into windows."""

from __future__ import annotations

import re
import unicodedata

from nocontact.core.classify.idioms import neutralise_idioms

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Cyrillic/Greek letters that look Latin, used to slip past word filters.
_HOMOGLYPHS = str.maketrans("аеорсхуіјѕԁοαντ", "aeopcxyijsdoavt")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i", "|": "l"})
_LEET_TOKEN = re.compile(r"(?<=[a-z])[013457@$!|]+(?=[a-z])|(?<=[a-z])[034](?=\b)")
_SPACED_LETTERS = re.compile(r"\b[a-z](?:(?:[ .\-*_]|\s{2,})[a-z]\b){3,}")
_REPEATS = re.compile(r"(\w)\1{2,}")
_WS = re.compile(r"[ \t]+")

_SMS = {
    "u": "you", "ya": "you", "yu": "you", "r": "are", "ur": "your", "youre": "you're",
    "yr": "your", "im": "i'm", "ive": "i've", "dont": "don't", "wont": "won't",
    "cant": "can't", "didnt": "didn't", "isnt": "isn't", "gonna": "going to",
    "wanna": "want to", "gotta": "got to", "b4": "before", "2nite": "tonight",
    "2night": "tonight", "tonite": "tonight", "2day": "today", "2moro": "tomorrow",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tomoz": "tomorrow", "pls": "please",
    "plz": "please", "bc": "because", "cuz": "because", "coz": "because", "ppl": "people",
    "msg": "message", "txt": "text", "wat": "what", "wot": "what", "ima": "i'm going to",
    "imma": "i'm going to", "ill": "i'll", "luv": "love", "ily": "i love you",
    "kms": "kill myself", "kys": "kill yourself", "gf": "girlfriend", "bf": "boyfriend",
    "rn": "right now", "idk": "i don't know", "abt": "about", "thru": "through",
    "w/": "with", "wud": "would", "shud": "should", "cud": "could", "n": "and",
}
_SMS_TOKEN = re.compile(r"(?<![\w'])(" + "|".join(
    re.escape(k) for k in sorted(_SMS, key=len, reverse=True)) + r")(?![\w'])")

_REPLY_START = re.compile(
    r"^\s*(?:On\s.{0,200}?wrote:\s*$|-{2,}\s*Original Message\s*-{2,}|"
    r"From:\s.*\n\s*(?:Sent|Date):\s)",
    re.IGNORECASE | re.MULTILINE,
)
_FORWARD_MARK = re.compile(
    r"^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$|^\s*Begin forwarded message:\s*$", re.IGNORECASE
)
_HEADER_LINE = re.compile(r"^\s*(?:From|To|Cc|Date|Sent|Subject):\s.*$", re.IGNORECASE)
_SIGNATURE_LINE = re.compile(
    r"^\s*(?:Sent from my \w+.*|Sent from (?:Yahoo )?Mail.*|Get Outlook for \w+.*|"
    r"Sent via .*|Sent with .*)$",
    re.IGNORECASE,
)


def _drop_forward_headers(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    in_header = False
    for line in lines:
        if _FORWARD_MARK.match(line):
            in_header = True
            continue
        if in_header and (_HEADER_LINE.match(line) or not line.strip()):
            continue
        in_header = False
        out.append(line)
    return "\n".join(out)


def strip_email_noise(text: str) -> str:
    """Drop quoted replies, signatures and forwarding headers. Falls back to the input if
    nothing would be left, so a message that is only a quote is still screened."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _drop_forward_headers(text)
    reply = _REPLY_START.search(text)
    body = text[: reply.start()] if reply else text
    kept: list[str] = []
    for line in body.split("\n"):
        if line.rstrip() in ("--", "-- "):
            break
        if line.lstrip().startswith(">") or _SIGNATURE_LINE.match(line):
            continue
        kept.append(line)
    cleaned = "\n".join(kept).strip()
    return cleaned if cleaned else text.strip()


def _unleet(match: re.Match[str]) -> str:
    return match.group(0).translate(_LEET)


def _join_spaced(match: re.Match[str]) -> str:
    words = re.split(r"\s{2,}", match.group(0))
    return " ".join(re.sub(r"[ .\-*_]", "", w) for w in words)


def normalise(text: str) -> str:
    """Lower-case canonical form used by rules and model features."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)
    text = text.lower().translate(_HOMOGLYPHS)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _LEET_TOKEN.sub(_unleet, text)
    text = _SPACED_LETTERS.sub(_join_spaced, text)
    text = _REPEATS.sub(r"\1\1", text)
    text = _SMS_TOKEN.sub(lambda m: _SMS[m.group(1)], text)
    return _WS.sub(" ", text).strip()


def prepare(text: str) -> str:
    return neutralise_idioms(normalise(strip_email_noise(text)))


def windows(text: str, size: int = 120, overlap: int = 30) -> list[str]:
    """Word windows over a long text; a short text is one window."""
    words = text.split()
    if len(words) <= size:
        return [text]
    step = size - overlap
    return [" ".join(words[i : i + size]) for i in range(0, len(words) - overlap, step)]
