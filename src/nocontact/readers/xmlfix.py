"""Repairs for XML that phone backup apps write but XML parsers reject.

SMS Backup & Restore writes each UTF-16 half of an emoji as its own character
reference (``&#55357;&#56396;``). Pairs are combined into the real code point; lone
surrogates and references to characters XML forbids become U+FFFD. Raw control bytes,
also forbidden, become U+FFFD too.
"""

from __future__ import annotations

import re

_REF = re.compile(rb"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_REPLACEMENT = b"&#65533;"


def _value(token: bytes) -> int:
    return int(token[1:], 16) if token[:1] in (b"x", b"X") else int(token)


def _allowed(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def fix_char_refs(data: bytes) -> bytes:
    if b"&#" not in data:
        return data
    out: list[bytes] = []
    last = 0
    pending: tuple[int, int, int] | None = None  # (start, end, high surrogate)
    for match in _REF.finditer(data):
        code = _value(match.group(1))
        if pending is not None:
            p_start, p_end, high = pending
            pending = None
            if match.start() == p_end and 0xDC00 <= code <= 0xDFFF:
                combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                out += [data[last:p_start], b"&#%d;" % combined]
                last = match.end()
                continue
            out += [data[last:p_start], _REPLACEMENT]
            last = p_end
        if 0xD800 <= code <= 0xDBFF:
            pending = (match.start(), match.end(), code)
        elif not _allowed(code):
            out += [data[last : match.start()], _REPLACEMENT]
            last = match.end()
    if pending is not None:
        out += [data[last : pending[0]], _REPLACEMENT]
        last = pending[1]
    out.append(data[last:])
    return b"".join(out)


def fix_control_bytes(data: bytes) -> bytes:
    return _CONTROL.sub("\ufffd".encode(), data)
