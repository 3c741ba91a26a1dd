"""The trusted friend's pages: the queue, one message, its attachments, decisions.

Words are shown only on a message's own page, only to the friend of its case, and only while
the friend's key is open in this session; each opening is logged in the ledger.
"""

from __future__ import annotations

from django.contrib import messages as flash
from django.db.models import Case as CaseWhen
from django.db.models import IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from nocontact.core.ledger import LedgerEvent
from nocontact.core.taxonomy import CATEGORY_ORDER
from nocontact.vault import VaultError
from nocontact.web.access import friend_required, member_required
from nocontact.web.accounts import throttle
from nocontact.web.cases.models import Attachment, Case, Message
from nocontact.web.review import alerts, decisions
from nocontact.web.review.keyring import (
    KeyringError,
    case_keys,
    ensure_survivor_key,
    held_secret,
    hold_in_session,
    rewrap_for_password_change,
    unwrap_friend_key,
)
from nocontact.web.review.ledger_store import record
from nocontact.web.review.models import Review, State
from nocontact.web.review.reclassify import reclassify_stale
from nocontact.web.review.sealed_store import open_body, opened_attachment

URGENCY = CaseWhen(
    *[When(category=c.value, then=Value(i)) for i, c in enumerate(CATEGORY_ORDER)],
    default=Value(len(CATEGORY_ORDER)),
    output_field=IntegerField(),
)
QUEUE_LIMIT = 300
PAST = {
    decisions.Action.RELEASE: "released",
    decisions.Action.KEEP: "kept as evidence",
    decisions.Action.DESTROY: "destroyed",
}


def _case(request: HttpRequest) -> Case:
    return request.case  # type: ignore[attr-defined,no-any-return]


def _log_access(request: HttpRequest, message: Message, action: str) -> None:
    """The friend's access log the survivor sees (accounts app), beside the ledger."""
    try:
        from nocontact.web.accounts.api import record_access
    except ImportError:  # the accounts app is not installed
        return
    record_access(request.user, message, action)


def _own_message(request: HttpRequest, pk: int) -> Message:
    return get_object_or_404(Message.objects.select_related("person"), pk=pk, case=_case(request))


@friend_required
def queue(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    decisions.release_due(case)
    pending = (
        Message.objects.filter(case=case)
        .exclude(review__state__in=[State.DESTROYED, State.RELEASED, State.KEPT,
                                    State.RELEASED_TIMEOUT])
        .select_related("person", "review")
        .annotate(urgency=URGENCY)
        .order_by("urgency", "-sent_at")[:QUEUE_LIMIT]
    )
    decided = (
        Message.objects.filter(case=case, review__state__in=[
            State.DESTROYED, State.RELEASED, State.KEPT, State.RELEASED_TIMEOUT])
        .select_related("person", "review")
        .order_by("-review__decided_at")[:50]
    )
    context = {
        "pending": pending,
        "decided": decided,
        "alerts": alerts.unseen(case, "friend"),
        "unlocked": held_secret(request) is not None,
        "joined": bool(case_keys(case).friend_public),
    }
    alerts.mark_seen(case, "friend")
    return render(request, "review/queue.html", context)


@friend_required
@sensitive_variables("secret", "body")
def message_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request)
    message = _own_message(request, pk)
    review = Review.objects.filter(message=message).first()
    secret = held_secret(request)
    body = None
    problem = ""
    if secret is None:
        return redirect("review:unlock")
    sealed = getattr(message, "body", None)
    if sealed is None:
        problem = "This message was destroyed. Its record stays in the evidence log."
    else:
        try:
            body = open_body(bytes(sealed.sealed), secret)
        except VaultError:
            problem = "This message is sealed to another key (an earlier friend or invitation)."
        else:
            record(case, LedgerEvent.VIEW, message, actor="friend")
            _log_access(request, message, "opened")
            if review is not None and review.opened_by_friend_at is None:
                review.opened_by_friend_at = timezone.now()
                review.save(update_fields=["opened_by_friend_at"])
    context = {
        "m": message,
        "review": review,
        "body": body,
        "html": body.html() if body is not None else None,
        "attachments": message.attachments.all() if body is not None else [],
        "problem": problem,
    }
    return render(request, "review/message.html", context)


@friend_required
def attachment(request: HttpRequest, pk: int, aid: int) -> HttpResponse:
    message = _own_message(request, pk)
    item = get_object_or_404(Attachment, pk=aid, message=message, case=_case(request))
    response = opened_attachment(request, bytes(item.data), item.content_type)
    _log_access(request, message, "opened an attachment")
    return response


@require_POST
@friend_required
@sensitive_post_parameters("summary")
@sensitive_variables("secret", "summary")
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request)
    message = _own_message(request, pk)
    try:
        action = decisions.Action(request.POST.get("action", ""))
    except ValueError:
        return HttpResponse("Unknown decision.", status=400)
    secret = held_secret(request)
    if secret is None:  # no decision without the friend's own key: not with an init password
        return redirect("review:unlock")
    try:
        if action is decisions.Action.RELEASE:
            decisions.release(case, message, secret, request.POST.get("summary", ""))
        elif action is decisions.Action.KEEP:
            decisions.keep(case, message)
        else:
            decisions.destroy(case, message)
    except (decisions.DecisionError, VaultError) as exc:
        flash.error(request, f"Not done: {exc}")
        return redirect("review:message", pk=message.pk)
    _log_access(request, message, PAST[action])
    flash.success(request, "Done.")
    return redirect("review:queue")


@require_POST
@friend_required
@sensitive_variables("secret")
def bulk(request: HttpRequest) -> HttpResponse:
    case = _case(request)
    try:
        action = decisions.Action(request.POST.get("action", ""))
        ids = [int(v) for v in request.POST.getlist("ids")]
    except ValueError:
        return HttpResponse("Unknown decision.", status=400)
    secret = held_secret(request)
    if secret is None:
        return redirect("review:unlock")
    try:
        done = decisions.decide_many(case, ids, action, secret)
        for message in Message.objects.filter(case=case, pk__in=ids):
            _log_access(request, message, PAST[action])
    except (decisions.DecisionError, VaultError) as exc:
        flash.error(request, f"Stopped: {exc}")
        return redirect("review:queue")
    flash.success(request, f"{done} message{'s' if done != 1 else ''}: {action.value}.")
    return redirect("review:queue")


@member_required
@sensitive_post_parameters("passphrase", "previous")
@sensitive_variables("passphrase", "previous", "secret")
def unlock(request: HttpRequest) -> HttpResponse:
    """Open this role's key for this session with the passphrase.

    After a passphrase change made elsewhere, the key is still wrapped by the previous one:
    the person types both once and the key is re-wrapped by the new one.
    """
    case, role = _case(request), request.role  # type: ignore[attr-defined]
    error, ask_previous = "", False
    if request.method == "POST":
        passphrase = request.POST.get("passphrase", "")
        previous = request.POST.get("previous", "")
        key = throttle.throttle_key(request.user.get_username(), throttle.client_of(request),
                                    "unlock")
        wait = throttle.seconds_left(key)
        if wait:
            error = f"Too many tries. Wait {wait} seconds, then try again."
            return render(request, "review/unlock.html", {
                "error": error, "role": role, "joined": True, "ask_previous": False}, status=429)
        try:
            secret = _open_key(request, case, role, passphrase, previous)
        except KeyringError as exc:
            throttle.failed(key)
            error = str(exc)
            ask_previous = bool(passphrase) and request.user.check_password(passphrase)
        else:
            throttle.succeeded(key)
            response = redirect("review:queue" if role == "friend" else "review:released")
            hold_in_session(request, response, secret)
            if role == "friend":  # the only moment the bodies can be read again
                reclassify_stale(case, secret)
            return response
    joined = bool(case_keys(case).friend_public)
    return render(request, "review/unlock.html", {
        "error": error, "role": role, "joined": joined, "ask_previous": ask_previous})


@sensitive_variables("passphrase", "previous")
def _open_key(request: HttpRequest, case: Case, role: str, passphrase: str, previous: str) -> str:
    if previous and request.user.check_password(passphrase):
        rewrap_for_password_change(case, role, previous, passphrase)
    if role == "friend":
        return unwrap_friend_key(case, passphrase)
    if case_keys(case).survivor_wrapped is None and not request.user.check_password(passphrase):
        raise KeyringError("that is not your passphrase")
    return ensure_survivor_key(case, passphrase)
