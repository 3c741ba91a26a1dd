"""What the CLI and other apps call: setting up a case's keys and a friend joining."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from nocontact.web.cases.models import Case, Membership, Role
from nocontact.web.review.keyring import (
    KeyringError,
    accept_invitation,
    case_keys,
    ensure_survivor_key,
    invitation_for,
    take_invitation_token,
)


def prepare_case(case: Case, survivor_passphrase: str) -> str | None:
    """For `nocontact init`: make the survivor's key now and hand out the invitation token once.

    Print it as the link ``<base URL>/queue/join/<token>/`` for the survivor to pass on.
    None when the token was already handed out.
    """
    case_keys(case)
    ensure_survivor_key(case, survivor_passphrase)
    return take_invitation_token(case)


def friend_user(case: Case) -> Any:
    membership = Membership.objects.filter(case=case, role=Role.FRIEND).select_related("user")
    found = membership.first()
    return found.user if found is not None else None


def join_as_friend(token: str, passphrase: str, email: str = "") -> tuple[Case, Any, str]:
    """The friend's first visit: their key, their passphrase as their login; returns the case,
    the user and the friend's secret key (to hold in the new session)."""
    invitation = invitation_for(token)
    if invitation is None:
        raise KeyringError("this invitation is not valid or was used already")
    user = friend_user(invitation.case)
    if user is None:
        raise KeyringError("this case has no friend account")
    with transaction.atomic():
        case, secret = accept_invitation(token, passphrase)
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        user.set_password(passphrase)  # the initial password stops working here
        user.is_active = True  # a new friend invited after the previous one was removed
        user.save(update_fields=["password", "is_active"])
        email = email.strip()
        if email and "@" in email:
            keys = case_keys(case)
            keys.friend_email = email[:254]
            keys.save(update_fields=["friend_email"])
    return case, user, secret
