"""Make the survivor's key at their first sign-in, wrapped by the passphrase they just typed.

Legal messages and the survivor's private notes need the survivor's public key before the
survivor ever opens anything, and the passphrase is only ever in hand at sign-in.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables

from nocontact.web.review.keyring import case_keys, ensure_survivor_key


@receiver(user_logged_in, dispatch_uid="nc_review_survivor_key")
@sensitive_variables("passphrase")
def make_survivor_key(sender: Any, request: HttpRequest | None, user: Any, **_: Any) -> None:
    membership = getattr(user, "membership", None)
    if request is None or membership is None or membership.role != "survivor":
        return
    passphrase = request.POST.get("password", "") if request.method == "POST" else ""
    if not passphrase or not user.check_password(passphrase):
        return
    if case_keys(membership.case).survivor_wrapped is None:
        ensure_survivor_key(membership.case, passphrase)
