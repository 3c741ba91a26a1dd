"""The survivor's side of review: what was released, alerts without content, the invitation."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.contrib.auth import login
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from nocontact.core.deadlines import named_dates
from nocontact.core.ledger import LedgerEvent
from nocontact.vault import VaultError
from nocontact.web.access import member_required, survivor_required
from nocontact.web.accounts.api import explainer_pending
from nocontact.web.accounts.login_views import record_sign_in
from nocontact.web.accounts.reauth import recent_passphrase_back
from nocontact.web.cases.models import Attachment, Case, Membership, Message, Role
from nocontact.web.review import alerts, decisions
from nocontact.web.review.keyring import (
    KeyringError,
    case_keys,
    held_secret,
    hold_in_session,
    invitation_for,
    issue_invitation,
    start_new_friend,
    take_invitation_token,
)
from nocontact.web.review.ledger_store import record
from nocontact.web.review.models import State
from nocontact.web.review.sealed_store import open_body, open_release, opened_attachment
from nocontact.web.review.services import friend_user, join_as_friend

OPEN_STATES = [State.RELEASED, State.RELEASED_TIMEOUT]


def _case(request: HttpRequest) -> Case:
    return request.case  # type: ignore[attr-defined,no-any-return]


@survivor_required
def released(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    decisions.release_due(case)
    items = (
        Message.objects.filter(case=case, review__state__in=OPEN_STATES)
        .select_related("review")
        .order_by("-sent_at")
    )
    waiting_legal = Message.objects.filter(
        case=case, category="legal", review__state=State.PENDING
    ).select_related("review")
    opened = (
        Message.objects.filter(case=case, review__opened_by_friend_at__isnull=False)
        .select_related("review")
        .order_by("-review__opened_by_friend_at")[:100]
    )
    return render(
        request,
        "review/released.html",
        {"items": items, "waiting_legal": waiting_legal, "opened": opened,
         "unlocked": held_secret(request) is not None},
    )


@survivor_required
@sensitive_variables("secret", "words", "body")
def released_read(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request)
    message = get_object_or_404(
        Message.objects.select_related("review"), pk=pk, case=case,
        review__state__in=OPEN_STATES,
    )
    secret = held_secret(request)
    if secret is None:
        return redirect("review:unlock")
    review = message.review
    words, problem = "", ""
    try:
        if review.state == State.RELEASED and review.released_sealed is not None:
            words = open_release(bytes(review.released_sealed), secret)
        elif review.state == State.RELEASED_TIMEOUT and hasattr(message, "body"):
            body = open_body(bytes(message.body.sealed), secret)
            words = body.text if not body.subject else f"{body.subject}\n\n{body.text}"
        else:
            problem = "Nothing here can be opened."
    except VaultError:
        problem = "This could not be opened with your key."
    if words:
        record(case, LedgerEvent.VIEW, message, actor="survivor")
    attachments = message.attachments.all() if words and not review.released_is_summary else []
    dates = named_dates(words, message.sent_at, case.region) if words else []
    return render(
        request,
        "review/released_read.html",
        {"m": message, "review": review, "words": words, "problem": problem,
         "attachments": attachments, "dates": dates},
    )


@survivor_required
def released_attachment(request: HttpRequest, pk: int, aid: int) -> HttpResponse:
    """An attachment of a message passed on whole (not as a summary), opened with the
    survivor's key: a downloaded copy is a deliberate act, with a warning on the page."""
    case = _case(request)
    message = get_object_or_404(
        Message.objects.select_related("review"), pk=pk, case=case,
        review__state__in=OPEN_STATES, review__released_is_summary=False,
    )
    item = get_object_or_404(Attachment, pk=aid, message=message, case=case)
    return opened_attachment(request, bytes(item.data), item.content_type)


@member_required
def alert_list(request: HttpRequest) -> HttpResponse:
    case, role = _case(request), request.role  # type: ignore[attr-defined]
    decisions.release_due(case)
    zone = ZoneInfo(case.timezone or "UTC")
    rows = []
    for alert in alerts.unseen(case, role):
        when = alert.message.received_at.astimezone(zone).strftime("%H:%M")
        if role == "survivor":
            rows.append(alerts.survivor_alert_text(alert, alert.message.channel, when))
        else:
            rows.append(f"Urgent ({alert.category}) by {alert.message.channel} at {when}.")
    alerts.mark_seen(case, role)
    return render(request, "review/alerts.html", {"rows": rows, "role": role})


def _needs_reauth(request: HttpRequest) -> HttpResponse | None:
    """Security changes (the friend) need a recently typed passphrase (accounts app)."""
    try:
        from nocontact.web.accounts.reauth import is_recent, recent_passphrase
    except ImportError:
        return None
    if is_recent(request):
        return None
    return recent_passphrase(lambda r: redirect("review:invite"), back="review:invite")(request)  # type: ignore[return-value]


@survivor_required
def invite(request: HttpRequest) -> HttpResponse:
    """Show the friend's invitation link once; or invite a new friend after removing one."""
    case = _case(request)
    keys = case_keys(case)
    friend = Membership.objects.filter(case=case, role=Role.FRIEND).select_related("user").first()
    removed = bool(keys.friend_public) and friend is not None and not friend.user.is_active
    link = ""
    if request.method == "POST":
        blocked = _needs_reauth(request)
        if blocked is not None:
            return blocked
        if keys.friend_public and not removed:
            return redirect("review:invite")
        if removed:
            start_new_friend(case)
        token = take_invitation_token(case)
        if token is None:
            try:
                issue_invitation(case, keys)
            except KeyringError:
                return redirect("review:invite")
            token = take_invitation_token(case)
        link = request.build_absolute_uri(f"/queue/join/{token}/")
        keys.refresh_from_db()
    return render(request, "review/invite.html", {
        "joined": bool(keys.friend_public), "removed": removed and not link, "link": link})


@sensitive_post_parameters("passphrase", "passphrase2")
@sensitive_variables("passphrase", "secret", "token")
def join(request: HttpRequest, token: str) -> HttpResponse:
    """The friend's first visit: choose their own passphrase; it becomes their login too."""
    invitation = invitation_for(token)
    friend = friend_user(invitation.case) if invitation is not None else None
    if invitation is None or friend is None:
        return render(request, "review/join.html", {"invalid": True}, status=404)
    errors: list[str] = []
    if request.method == "POST":
        passphrase = request.POST.get("passphrase", "")
        if passphrase != request.POST.get("passphrase2", ""):
            errors.append("The two passphrases differ.")
        else:
            try:
                validate_password(passphrase, friend)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if not errors:
            try:
                _, user, secret = join_as_friend(token, passphrase, request.POST.get("email", ""))
            except KeyringError as exc:
                errors.append(str(exc))
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                record_sign_in(request, user, succeeded=True, step="invitation")
                # First use: explain quick exit (and what it cannot hide) before anything else.
                target = "accounts:leaving" if explainer_pending(user) else "review:queue"
                response = redirect(target)
                hold_in_session(request, response, secret)
                return response
    return render(request, "review/join.html", {"invalid": False, "errors": errors,
                                                "username": friend.get_username()})


@require_POST
@survivor_required
@recent_passphrase_back("review:alerts")
def survivor_alert_email(request: HttpRequest) -> HttpResponse:
    keys = case_keys(_case(request))
    keys.survivor_email = request.POST.get("email", "").strip()[:254]
    keys.survivor_email_alerts = bool(keys.survivor_email) and request.POST.get("on") == "1"
    keys.save(update_fields=["survivor_email", "survivor_email_alerts"])
    return redirect("review:alerts")
