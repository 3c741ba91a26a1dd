"""A case: one survivor, one trusted friend, the persons they are cutting off, and messages.

Every row belongs to exactly one case. A message's body lives in its own table so that
sealing can replace the plaintext without touching the metadata the survivor may see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    SURVIVOR = "survivor", "Survivor"
    FRIEND = "friend", "Trusted friend"


class PersonRole(models.TextChoices):
    EX = "ex", "Ex"
    PROXY = "proxy", "Proxy"
    # An unknown sender kept because a message suggested it may be them; the survivor decides.
    SUSPECT = "suspect", "Suspect"
    DISMISSED = "dismissed", "Not them"


class Case(models.Model):
    name = models.CharField(max_length=100, default="My case")
    region = models.CharField(max_length=2, default="US")
    timezone = models.CharField(max_length=64, default="UTC")
    last_contact_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Names of the survivor's children and pets: an unknown sender who names them is a suspect.
    family_names = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"case {self.pk}"


class Membership(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(max_length=10, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "role"], name="one_account_per_role")
        ]


class Person(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="persons")
    role = models.CharField(max_length=10, choices=PersonRole.choices)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    suspect_reason = models.CharField(max_length=120, blank=True, default="")

    def __str__(self) -> str:
        return f"person {self.pk}"


class Identity(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="identities")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=10)  # phone, email, handle, alias
    value = models.CharField(max_length=320)  # canonical form used for matching
    written = models.CharField(max_length=320)  # as entered

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "kind", "value"], name="identity_once_per_case")
        ]


class Message(models.Model):
    """What the survivor may know of a message: when, how, who, what kind. Never its words."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="messages")
    channel = models.CharField(max_length=20)
    kind = models.CharField(max_length=20, default="message")
    source_format = models.CharField(max_length=40)
    source_id = models.CharField(max_length=200)
    sender_as_written = models.CharField(max_length=320)
    sent_at = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    sha256 = models.CharField(max_length=64)
    category = models.CharField(max_length=20)
    tactics = models.JSONField(default=list)
    confidence = models.FloatField(default=1.0)
    reasons = models.JSONField(default=list)
    model_version = models.CharField(max_length=40, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "source_id"], name="message_once_per_case")
        ]
        indexes = [
            models.Index(fields=["case", "sent_at"]),
            models.Index(fields=["case", "category"]),
        ]


class MessageBody(models.Model):
    """The words of a message, kept apart from its metadata, sealed by the vault.

    `sealed` is an age blob of the subject, text and original bytes (see
    nocontact.web.review.sealed_store); the database never holds them in the clear.
    Deleting this row is crypto-shredding: the blob carries the only copy of its file key.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="body")
    sealed = models.BinaryField()


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    data = models.BinaryField()  # sealed like the body; never the plain bytes


class ImportRun(models.Model):
    """One import's counts and problems (file, position, reason; never content)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="imports")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=40, default="cli")
    read = models.PositiveIntegerField(default=0)
    matched = models.PositiveIntegerField(default=0)
    stored = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    skipped = models.JSONField(default=list)
