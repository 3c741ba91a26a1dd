"""Open the person's own key when they sign in, so they need not type the passphrase twice."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.debug import sensitive_variables

from nocontact.web.review.keyring import hold_in_session, open_at_sign_in
from nocontact.web.review.reclassify import reclassify_stale


@sensitive_variables("passphrase", "secret")
def open_key_at_sign_in(
    request: HttpRequest, response: HttpResponse, user: Any, passphrase: str
) -> None:
    membership = getattr(user, "membership", None)
    if membership is None:
        return
    secret = open_at_sign_in(membership.case, membership.role, passphrase)
    if secret is None:
        return
    hold_in_session(request, response, secret)
    if membership.role == "friend":  # the bodies can be read: catch up after a model change
        reclassify_stale(membership.case, secret)
