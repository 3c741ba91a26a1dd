from __future__ import annotations

from django import forms

from nocontact.core.identities import IdentityKind

KIND_CHOICES = [
    (IdentityKind.PHONE.value, "Phone number"),
    (IdentityKind.EMAIL.value, "E-mail address"),
    (IdentityKind.HANDLE.value, "Handle (@name)"),
    (IdentityKind.ALIAS.value, "Display name"),
]


class PersonForm(forms.Form):
    role = forms.ChoiceField(choices=[("ex", "The ex"), ("proxy", "Someone acting for them")])
    name = forms.CharField(max_length=200, help_text="Any name you like; only you see it.")


class IdentityForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    value = forms.CharField(max_length=320)


class MergeForm(forms.Form):
    into = forms.IntegerField(widget=forms.HiddenInput)
    other = forms.IntegerField()
