"""An export uploaded from the phone, imported in the background."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from nocontact.web.cases.models import Case, ImportRun


class Status(models.TextChoices):
    QUEUED = "queued", "Waiting"
    RUNNING = "running", "Importing"
    DONE = "done", "Done"
    FAILED = "failed", "Could not finish"


class UploadJob(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    display_name = models.CharField(max_length=120)  # the file's name as uploaded, shortened
    size = models.PositiveBigIntegerField(default=0)
    stored_path = models.CharField(max_length=500, blank=True)  # emptied once the file is gone
    read = models.PositiveIntegerField(default=0)
    run = models.ForeignKey(ImportRun, on_delete=models.SET_NULL, null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)  # a reason, never content
