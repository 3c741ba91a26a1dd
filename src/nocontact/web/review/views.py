"""The trusted friend's review list: the only place message words are shown."""

from __future__ import annotations

from django.db.models import Case as When_, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nocontact.core.taxonomy import CATEGORY_ORDER
from nocontact.web.access import friend_required
from nocontact.web.cases.models import Message

URGENCY = When_(
    *[When(category=c.value, then=Value(i)) for i, c in enumerate(CATEGORY_ORDER)],
    default=Value(len(CATEGORY_ORDER)),
    output_field=IntegerField(),
)


@friend_required
def queue(request: HttpRequest) -> HttpResponse:
    messages = (
        Message.objects.filter(case=request.case)  # type: ignore[attr-defined]
        .select_related("body", "person")
        .annotate(urgency=URGENCY)
        .order_by("urgency", "-sent_at")[:200]
    )
    return render(request, "review/queue.html", {"messages": messages})
