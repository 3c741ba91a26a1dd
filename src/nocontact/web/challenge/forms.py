from __future__ import annotations

from typing import Any

from django import forms

from nocontact.core.challenge import SLIP_LABELS, Mood
from nocontact.core.hoover import KIND_LABELS
from nocontact.core.plan import ItemStatus

MOOD_LABELS = {
    Mood.AWFUL: "Awful",
    Mood.LOW: "Low",
    Mood.OKAY: "Okay",
    Mood.GOOD: "Good",
    Mood.STRONG: "Strong",
}


class CheckInForm(forms.Form):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    held = forms.TypedChoiceField(
        choices=[("yes", "I held: no contact today"), ("no", "I slipped")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        label="Today",
    )
    urge = forms.IntegerField(
        min_value=0,
        max_value=10,
        initial=0,
        label="How strong was the urge? (0 none, 10 overwhelming)",
        widget=forms.NumberInput(attrs={"type": "range", "min": 0, "max": 10, "step": 1}),
    )
    mood = forms.ChoiceField(
        choices=[("", "Rather not say"), *[(m.value, MOOD_LABELS[m]) for m in Mood]],
        required=False,
    )
    slips = forms.MultipleChoiceField(
        choices=[(k.value, label) for k, label in SLIP_LABELS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="If you slipped, what happened? (only for you)",
    )
    note = forms.CharField(
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="A private note (sealed: only you can open it)",
    )

    def __init__(self, *args: Any, sealing: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not sealing:
            del self.fields["note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("held") and data.get("slips"):
            raise forms.ValidationError(
                "You marked a slip and a held day. Choose 'I slipped' if something happened; "
                "that is okay."
            )
        return data


class PlanStatusForm(forms.Form):
    key = forms.CharField(max_length=40)
    status = forms.ChoiceField(choices=[(s.value, s.value) for s in ItemStatus])


class DraftForm(forms.Form):
    draft = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4}), label="Draft"
    )


class ReasonForm(forms.Form):
    text = forms.CharField(max_length=200, label="A reason to hold on")


class LetterForm(forms.Form):
    letter = forms.CharField(
        max_length=20000, widget=forms.Textarea(attrs={"rows": 8}), label="Your letter"
    )


class SettingsForm(forms.Form):
    start_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    cutoff_hour = forms.IntegerField(
        min_value=0, max_value=12, label="A check-in before this hour counts for the day before"
    )
    friend_phone = forms.CharField(
        max_length=40,
        required=False,
        label="Your friend's number (for the 'reach my friend' button)",
    )
    urge_minutes = forms.IntegerField(min_value=1, max_value=60, label="Urge timer, in minutes")
    hoover_days_ahead = forms.IntegerField(
        min_value=0, max_value=60, label="Warn me this many days before a date"
    )
    reminder_time = forms.TimeField(
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        label="Daily reminder time",
    )
    reminder_email = forms.BooleanField(
        required=False,
        label=(
            "Also send a plain daily reminder e-mail at that time, to the address set for alerts "
            "(it says only 'Daily reminder'; skipped on days you have checked in)"
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reminder_email") and not data.get("reminder_time"):
            self.add_error("reminder_time", "Choose a time for the reminder e-mail.")
        return data


class HooverDateForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k.value, label) for k, label in KIND_LABELS.items()])
    when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Date (any year)")
    label = forms.CharField(max_length=60, required=False, label="Name (optional)")


class ReminderForm(forms.Form):
    at = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}), label="Remind me at")
