"""Dates and times a legal message names, so a court date is shown plainly, not buried.

Pure: text and the message's own date in, a sorted list of named dates out. Only the date,
the time if one is given, and a one-word kind from a fixed list leave this module — never
the message's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:\s*(?:at|@|,|from)?\s*(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?"
    r"\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?![\d/]))?"
)
PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?{_TIME}", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?{_TIME}", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?:[T ]"
               r"(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?", re.IGNORECASE),
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)?\d\d)\b" + _TIME,
               re.IGNORECASE),
]
KINDS = (
    ("hearing", ("hearing", "court", "trial", "judge", "tribunal")),
    ("deadline", ("deadline", "by ", "no later than", "before", "respond", "reply", "file",
                  "submit", "return")),
    ("mediation", ("mediation", "mediator")),
    ("appointment", ("appointment", "meeting", "attend", "interview")),
)
MONTH_FIRST_REGIONS = frozenset({"US", "CA", "PH"})


@dataclass(frozen=True, order=True)
class NamedDate:
    day: date
    at: time | None
    kind: str  # hearing, deadline, mediation, appointment or date

    def label(self) -> str:
        when = self.day.strftime("%A %-d %B %Y")
        return f"{when}, {self.at.strftime('%H:%M')}" if self.at else when


def _kind(context: str) -> str:
    lowered = context.lower()
    for kind, cues in KINDS:
        if any(cue in lowered for cue in cues):
            return kind
    return "date"


def _time(match: re.Match[str]) -> time | None:
    groups = match.groupdict()
    hour = groups.get("hour")
    if hour is None:
        return None
    h, m = int(hour), int(groups.get("minute") or 0)
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if not ampm and not groups.get("minute"):
        return None  # a bare number after a date is more often a page or a count
    return time(h, m) if h < 24 else None


def _year(raw: str | None, month: int, day: int, sent: date) -> int:
    if raw:
        year = int(raw)
        return year + 2000 if year < 100 else year
    candidate = sent.year
    try:
        if date(candidate, month, day) < sent:
            candidate += 1  # "3 March" written in December means next March
    except ValueError:
        pass
    return candidate


def named_dates(text: str, sent_at: datetime, region: str = "US") -> list[NamedDate]:
    """Every date the text names, with the time where given, sorted, without repeats."""
    sent = sent_at.date()
    found: set[NamedDate] = set()
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            try:
                if groups.get("month"):
                    month = MONTHS[groups["month"].lower().rstrip(".")]
                    day = int(groups["day"])
                elif groups.get("mnum"):
                    month, day = int(groups["mnum"]), int(groups["day"])
                else:
                    a, b = int(groups["a"]), int(groups["b"])
                    month, day = (a, b) if region.upper() in MONTH_FIRST_REGIONS else (b, a)
                    if month > 12 >= day:
                        month, day = day, month
                named = date(_year(groups.get("year"), month, day, sent), month, day)
            except (KeyError, ValueError):
                continue
            context = text[max(0, match.start() - 60) : match.end() + 20]
            found.add(NamedDate(named, _time(match), _kind(context)))
    # Keep the timed form of a date that also appears without a time.
    timed = {(d.day, d.kind) for d in found if d.at is not None}
    return sorted(d for d in found if d.at is not None or (d.day, d.kind) not in timed)
