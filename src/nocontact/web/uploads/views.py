"""Upload an export from the phone; watch it import; read the summary."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from nocontact.web.access import member_required
from nocontact.web.uploads import jobs
from nocontact.web.uploads.models import Status, UploadJob


class UploadForm(forms.Form):
    export = forms.FileField(label="Export file or zip")


@member_required
def upload(request: HttpRequest) -> HttpResponse:
    case = request.case  # type: ignore[attr-defined]
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["export"]
        path, size = jobs.keep_upload(upload_file)
        job = UploadJob.objects.create(
            case=case, uploaded_by=request.user, size=size, stored_path=str(path),
            display_name=PurePath(upload_file.name or "upload").name[:120],
        )
        jobs.start(job)
        return redirect("upload_job", pk=job.pk)
    recent = UploadJob.objects.filter(case=case).order_by("-pk")[:10]
    return render(request, "uploads/upload.html", {"form": form, "recent": recent})


@member_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(UploadJob, pk=pk, case=request.case)  # type: ignore[attr-defined]
    skipped = []
    if found.run is not None:
        for item in found.run.skipped[:100]:
            where = PurePath(item.get("file", "")).name
            skipped.append({**item, "file": found.display_name if len(where) > 32 else where})
    return render(
        request,
        "uploads/job.html",
        {"job": found, "finished": found.status in {Status.DONE, Status.FAILED},
         "skipped": skipped},
    )
