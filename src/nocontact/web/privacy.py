"""Keep message content and personal data out of logs and error reports."""

from __future__ import annotations

import logging
import re
from typing import Any

from django.views.debug import SafeExceptionReporterFilter

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")


_QUERY = re.compile(r"\?[^\s\"'=]*=[^\s\"']*")
_REQUEST_LOGGERS = {"django.request", "django.server", "django.security.csrf"}


def scrub(text: str) -> str:
    """Mask query strings, e-mail addresses and phone numbers in a line about to leave."""
    return _PHONE.sub("[number]", _EMAIL.sub("[address]", _QUERY.sub("?[withheld]", text)))


WITHHELD = "[withheld]"


def _safe_arg(value: object) -> object:
    """Numbers stay (counts, ids, sizes); any text or object could be content."""
    if isinstance(value, (int, float)):
        return value
    return WITHHELD


def _safe_args(args: Any) -> Any:
    if isinstance(args, dict):
        return {key: _safe_arg(value) for key, value in args.items()}
    if isinstance(args, tuple):
        return tuple(_safe_arg(value) for value in args)
    return _safe_arg(args)


class NoContentLogFilter(logging.Filter):
    """Withhold text arguments and exception details; mask addresses and numbers.

    Words written straight into a log message (an f-string) cannot be told from the message
    itself; the house rule is never to do that. Addresses and numbers are masked regardless.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        # Django's request loggers pass only a reason phrase, a path or a request line, and
        # nocontact keeps nothing personal in paths; their query strings are dropped.
        args = record.args if record.name in _REQUEST_LOGGERS else _safe_args(record.args)
        try:
            message = str(record.msg) % args if record.args else str(record.msg)
        except (TypeError, ValueError, KeyError):  # a bad format must not leak its arguments
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            # Exception text may carry content; keep only the type and where it came from.
            record.exc_text = f"{type(exc).__name__} (details withheld)"
            record.exc_info = None
        # Django attaches the request to error records; its body and query may hold content.
        if hasattr(record, "request"):
            record.request = None
        return True


class ContentFreeReporterFilter(SafeExceptionReporterFilter):
    """Error reports without request data or local variables of any frame."""

    def get_post_parameters(self, request: Any) -> dict[str, str]:
        return {}

    def get_traceback_frame_variables(self, request: Any, tb_frame: Any) -> list[tuple[str, str]]:
        return []

    def get_safe_request_meta(self, request: Any) -> dict[str, str]:
        return {}

    def get_safe_settings(self) -> dict[str, str]:
        return {}
