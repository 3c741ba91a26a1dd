from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    membership = getattr(getattr(request, "user", None), "membership", None)
    return {
        "site_title": settings.NOCONTACT.site_title,
        "role": membership.role if membership is not None else "",
    }
