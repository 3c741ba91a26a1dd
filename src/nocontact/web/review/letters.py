"""The friend logs a paper letter: photos or a scanned PDF, read by OCR, sealed like the rest.

One letter is one message. Its evidence original is a manifest naming every page and the
SHA-256 of each page's bytes, so the message hash covers all pages; the pages themselves are
kept, sealed, as attachments.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from nocontact.core.message import Attachment, Channel, RawMessage
from nocontact.ingest import store_message
from nocontact.readers.letter import OcrError, content_type, ocr_image, ocr_pdf
from nocontact.web.access import friend_required
from nocontact.web.cases.models import Case, Person, PersonRole

MAX_PAGES = 20
MAX_PAGE_BYTES = 30 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


class LetterForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label="From")
    received = forms.DateField(label="Received on", widget=forms.DateInput(attrs={"type": "date"}))
    pages = MultipleFileField(label="Photos or a scanned PDF (one file per page is fine)")

    def __init__(self, case: Case, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["person"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            case=case, role__in=[PersonRole.EX, PersonRole.PROXY]
        ).order_by("name")

    def clean_pages(self) -> list[UploadedFile]:
        pages: list[UploadedFile] = self.cleaned_data["pages"]
        if not pages or len(pages) > MAX_PAGES:
            raise forms.ValidationError(f"Choose between 1 and {MAX_PAGES} files.")
        for page in pages:
            if page.size is None or page.size > MAX_PAGE_BYTES:
                raise forms.ValidationError("Each file must be under 30 MB.")
            if content_type(page.read(8)) is None:
                raise forms.ValidationError("Only photos (JPEG, PNG, TIFF) and PDF scans.")
            page.seek(0)
        return pages


def _zone(case: Case) -> ZoneInfo:
    try:
        return ZoneInfo(case.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def letter_message(case: Case, received: datetime, pages: list[UploadedFile]) -> RawMessage:
    """OCR every page and build the one RawMessage of the letter."""
    texts, attachments, manifest = [], [], []
    with tempfile.TemporaryDirectory(prefix="nocontact-letter-") as tmp:
        for number, page in enumerate(pages, start=1):
            data = b"".join(page.chunks())
            kind = content_type(data[:8]) or "application/octet-stream"
            path = Path(tmp) / f"page-{number}"
            path.write_bytes(data)
            try:
                text = ocr_pdf(path) if kind == "application/pdf" else ocr_image(path)
            except OcrError:
                text = "[this page could not be read by text recognition; see the scan]"
            name = f"page-{number}{'.pdf' if kind == 'application/pdf' else ''}"
            texts.append(f"— page {number} —\n{text}")
            attachments.append(Attachment(name, kind, data))
            manifest.append(
                {"page": number, "type": kind, "sha256": hashlib.sha256(data).hexdigest()}
            )
    original = json.dumps({"letter_pages": manifest}, sort_keys=True).encode()
    return RawMessage(
        channel=Channel.LETTER,
        sender="post",
        sent_at=received,
        text="\n\n".join(texts),
        source_id=f"letter:{hashlib.sha256(original).hexdigest()[:40]}",
        original=original,
        format="letter",
        attachments=tuple(attachments),
        kind="letter",
    )


@friend_required
def log_letter(request: HttpRequest) -> HttpResponse:
    case: Case = request.case  # type: ignore[attr-defined]
    form = LetterForm(case, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        person: Person = form.cleaned_data["person"]
        received = datetime.combine(form.cleaned_data["received"], time(12), tzinfo=_zone(case))
        raw = letter_message(case, received, form.cleaned_data["pages"])
        stored = store_message(case, person.pk, person.role, raw)
        if stored is None:
            messages.info(request, "This letter was logged before; nothing was added.")
            return redirect("review:queue")
        messages.success(request, "Letter logged and sealed.")
        return redirect("review:message", pk=stored.pk)
    return render(request, "review/letter.html", {"form": form})
