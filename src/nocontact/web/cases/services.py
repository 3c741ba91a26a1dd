"""Creating a case, its two accounts and its persons: shared by the CLI and the web pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from nocontact.core.identities import IdentityError, IdentityKind, normalise
from nocontact.core.matching import KnownIdentity, Matcher
from nocontact.web.cases.models import Case, Identity, Membership, Person, Role


class CaseError(Exception):
    """A case operation that cannot be done as asked."""


@dataclass(frozen=True)
class Account:
    username: str
    password: str


def create_case(survivor: Account, friend: Account, region: str = "US") -> Case:
    User = get_user_model()
    for account in (survivor, friend):
        if User.objects.filter(username=account.username).exists():
            raise CaseError(f"the user name {account.username!r} is taken")
        try:
            validate_password(account.password)
        except ValidationError as exc:
            raise CaseError("; ".join(exc.messages)) from exc
    if survivor.username == friend.username:
        raise CaseError("the survivor and the friend need different user names")
    with transaction.atomic():
        case = Case.objects.create(region=region.upper())
        for account, role in ((survivor, Role.SURVIVOR), (friend, Role.FRIEND)):
            user = User.objects.create_user(username=account.username, password=account.password)
            Membership.objects.create(case=case, user=user, role=role)
    return case


def only_case() -> Case:
    """The case of a single-survivor install (the CLI's default)."""
    cases = list(Case.objects.order_by("pk")[:2])
    if not cases:
        raise CaseError("no case yet: run `nocontact init` first")
    if len(cases) > 1:
        raise CaseError("this install holds several cases; name one with --case")
    return cases[0]


def add_person(
    case: Case,
    role: str,
    name: str,
    identities: Sequence[tuple[IdentityKind, str]] = (),
) -> Person:
    if role not in {"ex", "proxy"}:
        raise CaseError("a person is either 'ex' or 'proxy'")
    with transaction.atomic():
        person = Person.objects.create(case=case, role=role, name=name.strip())
        for kind, written in identities:
            add_identity(person, kind, written)
    return person


def add_identity(person: Person, kind: IdentityKind, written: str) -> Identity:
    try:
        value = normalise(kind, written, person.case.region)
    except IdentityError as exc:
        raise CaseError(f"a {kind.value} could not be read: {exc}") from exc
    try:
        with transaction.atomic():
            return Identity.objects.create(
                case=person.case, person=person, kind=kind.value, value=value, written=written
            )
    except IntegrityError as exc:
        raise CaseError(f"that {kind.value} already belongs to a person of this case") from exc


def matcher_for(case: Case) -> Matcher:
    rows = Identity.objects.filter(case=case).values_list("kind", "value", "person_id")
    return Matcher(
        (KnownIdentity(IdentityKind(k), v, p) for k, v, p in rows), region=case.region
    )


def role_of(user: object) -> tuple[Case, str] | None:
    membership = getattr(user, "membership", None)
    if membership is None:
        return None
    return membership.case, membership.role


def merge_persons(keep: Person, other: Person) -> None:
    """Fold `other` into `keep`: identities and messages move, nothing is lost or duplicated."""
    if keep.case_id != other.case_id:
        raise CaseError("persons of different cases cannot be merged")
    if keep.pk == other.pk:
        raise CaseError("a person cannot be merged with themself")
    with transaction.atomic():
        Identity.objects.filter(person=other).update(person=keep)
        other.messages.update(person=keep)
        other.delete()
