"""What other parts of nocontact call: notification consent and the friend's access log."""

from __future__ import annotations

from typing import Any

from nocontact.web.accounts import clock
from nocontact.web.accounts.models import AccountSettings, FriendAccess
from nocontact.web.cases.models import Message


def settings_for(user: Any) -> AccountSettings:
    found, _ = AccountSettings.objects.get_or_create(user=user)
    return found


def notifications_enabled(user: Any) -> bool:
    """True only if this person switched notifications on. Off by default.

    Even then a notification must carry no sender, no words, no category and no hint of
    what the app is for.
    """
    if user is None or not getattr(user, "pk", None):
        return False
    return AccountSettings.objects.filter(user=user, notifications_on=True).exists()


def record_access(user: Any, message: Message | None, action: str) -> FriendAccess:
    """Log that the friend opened or acted on a message (no content; the survivor sees this)."""
    membership = getattr(user, "membership", None)
    if membership is None:
        raise ValueError("only a member of a case can open its messages")
    if message is not None and message.case_id != membership.case_id:
        raise ValueError("that message belongs to another case")
    return FriendAccess.objects.create(
        case_id=membership.case_id,
        user=user,
        message=message,
        action=action[:40],
        at=clock.now_dt(),
    )


def explainer_pending(user: Any) -> bool:
    """True until this person has seen the quick-exit explainer ("accounts:leaving").

    Any view that signs someone in other than the sign-in page (the friend's join link) should
    send them to "accounts:leaving" first while this is true.
    """
    return not AccountSettings.objects.filter(user=user, exit_explained_at__isnull=False).exists()
