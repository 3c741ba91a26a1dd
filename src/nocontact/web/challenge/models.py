"""The survivor's plan and challenge: check-ins, slips, plan statuses, reasons, hoover dates.

Every row belongs to one case. Private words (a check-in's note, an unsent letter) are stored
only sealed to the survivor's own key; without that key they are not stored at all. The friend
never sees any of this.
"""

from __future__ import annotations

from django.db import models

from nocontact.core.challenge import DEFAULT_CUTOFF_HOUR, Mood, SlipKind
from nocontact.core.hoover import HooverKind
from nocontact.core.plan import ItemStatus
from nocontact.web.cases.models import Case


class ChallengeSettings(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="challenge")
    start_date = models.DateField()
    cutoff_hour = models.PositiveSmallIntegerField(default=DEFAULT_CUTOFF_HOUR)
    reminder_time = models.TimeField(null=True, blank=True)
    hoover_days_ahead = models.PositiveSmallIntegerField(default=7)
    friend_phone = models.CharField(max_length=40, blank=True, default="")
    urge_minutes = models.PositiveSmallIntegerField(default=15)
    reminder_email = models.BooleanField(default=False)  # off until the survivor switches it on
    reminder_last_sent = models.DateField(null=True, blank=True)


class CheckIn(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField()
    held = models.BooleanField()
    urge = models.PositiveSmallIntegerField(default=0)
    mood = models.CharField(max_length=10, choices=[(m.value, m.value) for m in Mood], blank=True)
    note_sealed = models.BinaryField(null=True, blank=True)  # sealed to the survivor's key
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (models.Index(fields=["case", "day"]),)
        ordering = ("day", "created_at")


class Slip(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="slips")
    kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in SlipKind])


class PlanItemStatus(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_statuses")
    key = models.CharField(max_length=40)
    status = models.CharField(
        max_length=12, choices=[(s.value, s.value) for s in ItemStatus], default="todo"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["case", "key"], name="plan_line_once"),)


class Reason(models.Model):
    """One of the person's own reasons for holding on, shown in the urge flow."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reasons")
    text = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at",)


class HooverDate(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hoover_dates")
    kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in HooverKind])
    month = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=60, blank=True, default="")


class UnsentLetter(models.Model):
    """A letter written in the urge flow: never sent, kept only sealed to the survivor's key."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="unsent_letters")
    sealed = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
