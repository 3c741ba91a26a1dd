"""IMAP accounts the watcher screens, and the ledger that makes its moves crash-safe.

The account password is stored encrypted (nocontact.mail.passwords: a key file in the data
folder, outside the database). Every row belongs to a case.
"""

from __future__ import annotations

from django.db import models

from nocontact.mail.imap import DEFAULT_QUARANTINE
from nocontact.web.cases.models import Case, Message


class TlsMode(models.TextChoices):
    SSL = "ssl", "TLS (port 993)"
    STARTTLS = "starttls", "STARTTLS (port 143)"
    NONE = "none", "none (this machine only)"


class MailAccount(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="mail_accounts")
    label = models.CharField(max_length=100)  # the survivor's own name for the account
    host = models.CharField(max_length=255)
    port = models.PositiveIntegerField(default=993)
    tls = models.CharField(max_length=10, choices=TlsMode.choices, default=TlsMode.SSL)
    user = models.CharField(max_length=320)
    password_sealed = models.BinaryField()
    ca_file = models.CharField(max_length=500, blank=True, default="")
    quarantine = models.CharField(max_length=200, default=DEFAULT_QUARANTINE)
    sweep = models.JSONField(default=list, blank=True)  # folders to sweep on the first run
    sieve_port = models.PositiveIntegerField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["case", "label"], name="mail_account_label_once"),
        )

    def __str__(self) -> str:
        return f"mail account {self.pk}"


class LedgerState(models.TextChoices):
    STORED = "stored"
    COPYING = "copying"
    MOVED = "moved"


class MailUid(models.Model):
    """One (folder, UIDVALIDITY, UID) the watcher decided on, and the message it became."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(MailAccount, on_delete=models.CASCADE, related_name="uids")
    folder = models.CharField(max_length=300)
    uidvalidity = models.BigIntegerField()
    uid = models.BigIntegerField()
    rfc_message_id = models.CharField(max_length=998, blank=True, default="")
    message = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, related_name="+")
    state = models.CharField(max_length=10, choices=LedgerState.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["account", "folder", "uidvalidity", "uid"], name="mail_uid_once"
            ),
        )


class MailCheckpoint(models.Model):
    """Every UID up to `last_uid` of a folder has been decided."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(MailAccount, on_delete=models.CASCADE, related_name="checkpoints")
    folder = models.CharField(max_length=300)
    uidvalidity = models.BigIntegerField()
    last_uid = models.BigIntegerField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["account", "folder"], name="mail_checkpoint_once"),
        )
