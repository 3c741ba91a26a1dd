"""Which keys a case seals to, how the friend joins, and how a session holds an opened key.

Before the friend joins, messages are sealed to a per-case escrow key. Its secret half is
wrapped by the invitation token and nothing else, so the survivor's instance cannot open it
without the invitation link. When the friend follows the link and chooses a passphrase, a new
friend key pair is made, every escrow-sealed blob is re-sealed to it, and the escrow secret
is deleted: from then on the link, the initial password and the escrow key open nothing.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from nocontact.core.taxonomy import Category
from nocontact.vault import (
    DEFAULT_KDF,
    FAST_INSECURE_KDF,
    KdfParams,
    NotARecipient,
    VaultError,
    generate_keypair,
    open_sealed,
    seal,
    unwrap_secret,
    wrap_secret,
)
from nocontact.web.cases.models import Attachment, Case, MessageBody
from nocontact.web.review.models import CaseKeys, Invitation, RetiredKey

SESSION_SLOT = "vault_key"
COOKIE_NAME = "vk"
# The token is 256 random bits: a memory-hard KDF adds nothing against guessing it.
TOKEN_KDF = FAST_INSECURE_KDF


class KeyringError(Exception):
    """A key operation that cannot be done (wrong link, wrong passphrase, no keys)."""


def passphrase_kdf() -> KdfParams:
    return getattr(settings, "NOCONTACT_KDF", DEFAULT_KDF)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def case_keys(case: Case) -> CaseKeys:
    """The case's keys, made with a first invitation when the case has none yet."""
    keys = CaseKeys.objects.filter(case=case).first()
    if keys is not None:
        return keys
    with transaction.atomic():
        keys = CaseKeys.objects.create(case=case)
        issue_invitation(case, keys)
    return keys


def issue_invitation(case: Case, keys: CaseKeys | None = None) -> Invitation:
    """A new invitation with its own escrow key; later messages are sealed to that key.

    Messages sealed to an earlier, unused invitation's escrow key stay sealed to that link.
    """
    keys = keys or case_keys(case)
    if keys.friend_public:
        raise KeyringError("the friend has already joined")
    token = secrets.token_urlsafe(32)
    escrow = generate_keypair()
    invitation = Invitation.objects.create(
        case=case,
        token_hash=_token_hash(token),
        token_once=token,
        escrow_public=escrow.public,
        escrow_wrapped=wrap_secret(escrow.secret, token, TOKEN_KDF),
    )
    keys.escrow_public = escrow.public
    keys.save(update_fields=["escrow_public"])
    return invitation


def start_new_friend(case: Case) -> Invitation:
    """Retire the current friend's key (kept wrapped) and invite a new friend.

    New messages are sealed to the new invitation's escrow key until the new friend joins.
    Messages sealed to the earlier friend stay sealed to them: the new friend cannot open them.
    """
    with transaction.atomic():
        keys = CaseKeys.objects.select_for_update().get(pk=case_keys(case).pk)
        if keys.friend_public and keys.friend_wrapped is not None:
            RetiredKey.objects.create(
                case=case, public=keys.friend_public, wrapped=bytes(keys.friend_wrapped)
            )
        keys.friend_public = ""
        keys.friend_wrapped = None
        keys.friend_joined_at = None
        keys.friend_email = ""
        keys.save()
        Invitation.objects.filter(case=case, used_at__isnull=True).update(token_once="")
        return issue_invitation(case, keys)


def take_invitation_token(case: Case) -> str | None:
    """The newest invitation's token, handed out once and then forgotten by the server."""
    case_keys(case)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(case=case, used_at__isnull=True)
            .exclude(token_once="")
            .order_by("-pk")
            .first()
        )
        if invitation is None:
            return None
        token = invitation.token_once
        invitation.token_once = ""
        invitation.save(update_fields=["token_once"])
    return token


def invitation_for(token: str) -> Invitation | None:
    return Invitation.objects.filter(
        token_hash=_token_hash(token), used_at__isnull=True, escrow_wrapped__isnull=False
    ).first()


def recipients_for(case: Case, category: str) -> list[str]:
    keys = case_keys(case)
    first = keys.friend_public or keys.escrow_public
    recipients = [first]
    if category == Category.LEGAL.value and keys.survivor_public:
        recipients.append(keys.survivor_public)
    return recipients


def _reseal(blob: bytes, old_secret: str, recipients: list[str]) -> bytes | None:
    try:
        return seal(open_sealed(blob, old_secret), recipients)
    except NotARecipient:
        return None  # sealed to another key (an older invitation): left as it is


def accept_invitation(token: str, passphrase: str) -> tuple[Case, str]:
    """Make the friend's key pair and move escrow-sealed content to it.

    Returns the case and the friend's secret key (to hold in the new session).
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(token_hash=_token_hash(token), used_at__isnull=True)
            .first()
        )
        if invitation is None or invitation.escrow_wrapped is None:
            raise KeyringError("this invitation is not valid or was used already")
        case = invitation.case
        keys = CaseKeys.objects.select_for_update().get(case=case)
        if keys.friend_public:
            raise KeyringError("the friend has already joined")
        try:
            escrow_secret = unwrap_secret(bytes(invitation.escrow_wrapped), token)
        except VaultError as exc:
            raise KeyringError("this invitation cannot be opened") from exc
        friend = generate_keypair()
        _move_sealed(case, escrow_secret, friend.public, keys.survivor_public)
        now = timezone.now()
        keys.friend_public = friend.public
        keys.friend_wrapped = wrap_secret(friend.secret, passphrase, passphrase_kdf())
        keys.friend_joined_at = now
        keys.escrow_public = ""
        keys.save()
        # Every invitation of the case dies: its escrow secret and token go.
        Invitation.objects.filter(case=case).update(
            used_at=now, escrow_wrapped=None, token_once=""
        )
    return case, friend.secret


def _move_sealed(case: Case, escrow_secret: str, friend_public: str, survivor_public: str) -> None:
    legal_ids = set(
        case.messages.filter(category=Category.LEGAL.value).values_list("pk", flat=True)
    )

    def recipients(message_id: int) -> list[str]:
        if message_id in legal_ids and survivor_public:
            return [friend_public, survivor_public]
        return [friend_public]

    for body in MessageBody.objects.filter(case=case):
        resealed = _reseal(bytes(body.sealed), escrow_secret, recipients(body.message_id))
        if resealed is not None:
            body.sealed = resealed
            body.save(update_fields=["sealed"])
    for item in Attachment.objects.filter(case=case):
        resealed = _reseal(bytes(item.data), escrow_secret, recipients(item.message_id))
        if resealed is not None:
            item.data = resealed
            item.save(update_fields=["data"])


def ensure_survivor_key(case: Case, passphrase: str) -> str:
    """The survivor's secret key, made and wrapped by their passphrase on first use."""
    keys = case_keys(case)
    if keys.survivor_wrapped is not None:
        try:
            return unwrap_secret(bytes(keys.survivor_wrapped), passphrase)
        except VaultError as exc:
            raise KeyringError("that passphrase does not open your key") from exc
    pair = generate_keypair()
    keys.survivor_public = pair.public
    keys.survivor_wrapped = wrap_secret(pair.secret, passphrase, passphrase_kdf())
    keys.save(update_fields=["survivor_public", "survivor_wrapped"])
    return pair.secret


def rewrap_for_password_change(case: Case, role: str, old: str, new: str) -> bool:
    """Re-wrap this role's key when its owner changes passphrase; False if there is none.

    To be called by the password-change view, which must ask for the old passphrase.
    """
    keys = case_keys(case)
    field = "friend_wrapped" if role == "friend" else "survivor_wrapped"
    wrapped = getattr(keys, field)
    if wrapped is None:
        return False
    try:
        secret = unwrap_secret(bytes(wrapped), old)
    except VaultError as exc:
        raise KeyringError("the old passphrase does not open the key") from exc
    setattr(keys, field, wrap_secret(secret, new, passphrase_kdf()))
    keys.save(update_fields=[field])
    return True


def unwrap_friend_key(case: Case, passphrase: str) -> str:
    keys = case_keys(case)
    if keys.friend_wrapped is None:
        raise KeyringError("the friend has not joined yet")
    try:
        return unwrap_secret(bytes(keys.friend_wrapped), passphrase)
    except VaultError as exc:
        raise KeyringError("that passphrase does not open the key") from exc


# --- a session's opened key ----------------------------------------------------------
# The opened secret is split in two: the session row holds it encrypted, the browser's
# HttpOnly cookie holds the key to that. Neither a copied database nor a stolen cookie alone
# opens anything, and logging out (which deletes the session) forgets it.


def hold_in_session(request: HttpRequest, response: HttpResponse, secret: str) -> None:
    cookie_key = ChaCha20Poly1305.generate_key()
    nonce = secrets.token_bytes(12)
    sealed = ChaCha20Poly1305(cookie_key).encrypt(nonce, secret.encode("ascii"), None)
    request.session[SESSION_SLOT] = base64.b64encode(nonce + sealed).decode("ascii")
    response.set_cookie(
        COOKIE_NAME,
        base64.urlsafe_b64encode(cookie_key).decode("ascii"),
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def held_secret(request: HttpRequest) -> str | None:
    slot = request.session.get(SESSION_SLOT)
    cookie = request.COOKIES.get(COOKIE_NAME)
    if not slot or not cookie:
        return None
    try:
        raw = base64.b64decode(slot)
        key = base64.urlsafe_b64decode(cookie)
        return ChaCha20Poly1305(key).decrypt(raw[:12], raw[12:], None).decode("ascii")
    except (ValueError, InvalidTag):
        return None


def forget(request: HttpRequest, response: HttpResponse) -> None:
    request.session.pop(SESSION_SLOT, None)
    response.delete_cookie(COOKIE_NAME, samesite="Strict")


def open_at_sign_in(case: Case, role: str, passphrase: str) -> str | None:
    """The role's key opened with the sign-in passphrase, or None when it does not open
    (no key yet, or still wrapped by an earlier passphrase: the unlock page handles those)."""
    try:
        if role == "friend":
            return unwrap_friend_key(case, passphrase)
        if case_keys(case).survivor_wrapped is None:
            return None
        return ensure_survivor_key(case, passphrase)
    except KeyringError:
        return None
