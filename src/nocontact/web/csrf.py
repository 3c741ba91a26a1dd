"""CSRF checks that work with `Referrer-Policy: no-referrer`.

Under that policy browsers send `Origin: null` and no Referer on same-site form posts, which
Django's origin and referer checks reject. A browser-set `Sec-Fetch-Site: same-origin` header
(which a page cannot forge) stands in for them; the CSRF token is still required as usual.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware


def _same_origin_fetch(request: HttpRequest) -> bool:
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


class NoReferrerCsrfViewMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request: HttpRequest) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null" and _same_origin_fetch(request):
            return True
        return super()._origin_verified(request)

    def _check_referer(self, request: HttpRequest) -> None:
        if "HTTP_REFERER" not in request.META and _same_origin_fetch(request):
            return
        super()._check_referer(request)
