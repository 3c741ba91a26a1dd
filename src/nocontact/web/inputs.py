"""Refuse form values that no database can store, before any view sees them.

PostgreSQL rejects NUL characters in text, so a form value holding one would end in a server
error (and SQLite would store it silently). Django's form fields refuse them already; this
covers every value a view reads straight from the request.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


def _has_nul(values: dict[str, list[str]]) -> bool:
    return any("\x00" in key or any("\x00" in v for v in vals) for key, vals in values.items())


class RejectNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(dict(request.GET.lists())) or (
            request.method == "POST" and _has_nul(dict(request.POST.lists()))
        ):
            return HttpResponseBadRequest(
                "That contains a character that cannot be stored. Please remove it and try again.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
