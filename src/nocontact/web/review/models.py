"""Keys, invitations, review states, alerts and the evidence ledger of a case.

No row here holds message words or a secret key in the clear: keys are stored wrapped, the
released copy is sealed to the survivor's key, and ledger rows hold hashes and labels.
"""

from __future__ import annotations

from django.db import models

from nocontact.web.cases.models import Case, Message


class CaseKeys(models.Model):
    """The public keys a case seals to, and the wrapped secret halves."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="keys")
    escrow_public = models.CharField(max_length=100, blank=True, default="")
    friend_public = models.CharField(max_length=100, blank=True, default="")
    friend_wrapped = models.BinaryField(null=True, blank=True)
    friend_joined_at = models.DateTimeField(null=True, blank=True)
    survivor_public = models.CharField(max_length=100, blank=True, default="")
    survivor_wrapped = models.BinaryField(null=True, blank=True)
    friend_email = models.EmailField(blank=True, default="")
    survivor_email = models.EmailField(blank=True, default="")
    survivor_email_alerts = models.BooleanField(default=False)  # off until switched on


class RetiredKey(models.Model):
    """An earlier friend's key, kept wrapped when a new friend is invited: replacing a friend
    destroys nothing, and what was sealed to them stays sealed to them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    public = models.CharField(max_length=100)
    wrapped = models.BinaryField()
    retired_at = models.DateTimeField(auto_now_add=True)


class Invitation(models.Model):
    """The friend's way in. Its token wraps the escrow key; only its hash is kept after showing."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    token_once = models.CharField(max_length=64, blank=True, default="")  # cleared when shown
    escrow_public = models.CharField(max_length=100)
    escrow_wrapped = models.BinaryField(null=True, blank=True)  # deleted when used
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)


class State(models.TextChoices):
    PENDING = "pending", "Waiting for the friend"
    RELEASED = "released", "Released to the survivor"
    RELEASED_TIMEOUT = "released_timeout", "Released after the waiting time"
    KEPT = "kept", "Kept as evidence"
    DESTROYED = "destroyed", "Destroyed"


class Review(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="review")
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    survivor_can_open = models.BooleanField(default=False)  # legal: sealed to the survivor too
    release_due_at = models.DateTimeField(null=True, blank=True)  # legal only
    decided_at = models.DateTimeField(null=True, blank=True)
    released_sealed = models.BinaryField(null=True, blank=True)  # to the survivor's key
    released_is_summary = models.BooleanField(default=False)
    opened_by_friend_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["case", "state"])]


class Alert(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=10)  # survivor or friend
    category = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)


class LedgerRecord(models.Model):
    """One row of nocontact.core.ledger's chain, stored as written."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveIntegerField()
    time = models.CharField(max_length=32)
    case_ref = models.CharField(max_length=40)
    event = models.CharField(max_length=20)
    channel = models.CharField(max_length=40, blank=True, default="")
    person_ref = models.CharField(max_length=40, blank=True, default="")
    category = models.CharField(max_length=40, blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="")
    actor = models.CharField(max_length=20)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="ledger_seq_once")]
