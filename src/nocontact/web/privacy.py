"""Keep message content and personal data out of logs and error reports."""

from __future__ import annotations

import logging
import re
from typing import Any

from django.views.debug import SafeExceptionReporterFilter

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")


def scrub(text: str) -> str:
    """Mask e-mail addresses and phone numbers in a line that is about to leave the process."""
    return _PHONE.sub("[number]", _EMAIL.sub("[address]", text))


class NoContentLogFilter(logging.Filter):
    """Drop arguments and exception locals; mask addresses and numbers in the message."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not leak its arguments either
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
