"""Run uploaded imports in the background and forget the uploaded file afterwards.

A job is idempotent (the import stores nothing twice), so a job found `running` after a
crash is simply run again.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import close_old_connections
from django.utils import timezone

from nocontact.web.uploads.models import Status, UploadJob

log = logging.getLogger("nocontact.uploads")
PROGRESS_EVERY_S = 0.5


def upload_dir() -> Path:
    path = Path(settings.NOCONTACT.home) / "uploads"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def keep_upload(upload: UploadedFile) -> tuple[Path, int]:
    """Move the streamed upload into the data folder (owner-only), never reading it into memory."""
    suffix = "".join(Path(upload.name or "").suffixes[-2:])[:20]
    target = upload_dir() / f"{uuid.uuid4().hex}{suffix}"
    temp_path = getattr(upload, "temporary_file_path", None)
    if temp_path is not None:
        shutil.move(temp_path(), target)
    else:  # an in-memory upload (only when settings allow it): copy in chunks
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    os.chmod(target, 0o600)
    return target, target.stat().st_size


def run_job(job_id: int) -> None:
    from nocontact.ingest import import_paths

    close_old_connections()
    try:
        job = UploadJob.objects.select_related("case").filter(pk=job_id).first()
        if job is None or job.status == Status.DONE:
            return  # gone (the case was deleted) or already done
        job.status = Status.RUNNING
        job.save(update_fields=["status"])
        path = Path(job.stored_path)
        last = [time.monotonic(), 0]

        def progress(n: int) -> None:
            last[1] += n
            if time.monotonic() - last[0] >= PROGRESS_EVERY_S:
                UploadJob.objects.filter(pk=job_id).update(read=last[1])
                last[0] = time.monotonic()

        try:
            summary = import_paths(job.case, [path], progress=progress, source="web")
        except Exception as exc:  # reported without content; the file is kept for a retry
            log.error("upload job %s failed: %s", job_id, type(exc).__name__)
            UploadJob.objects.filter(pk=job_id).update(
                status=Status.FAILED,
                error=f"import stopped ({type(exc).__name__})",
                finished_at=timezone.now(),
            )
            return
        run = job.case.imports.order_by("-pk").first()
        path.unlink(missing_ok=True)
        UploadJob.objects.filter(pk=job_id).update(
            status=Status.DONE,
            read=summary.read,
            run=run,
            stored_path="",
            finished_at=timezone.now(),
        )
    finally:
        close_old_connections()


def start(job: UploadJob) -> threading.Thread:
    thread = threading.Thread(target=run_job, args=(job.pk,), name=f"upload-{job.pk}", daemon=True)
    thread.start()
    return thread


def resume_unfinished() -> int:
    """Start again every job a stopped process left queued or running."""
    jobs = list(UploadJob.objects.filter(status__in=[Status.QUEUED, Status.RUNNING]))
    for job in jobs:
        start(job)
    return len(jobs)
