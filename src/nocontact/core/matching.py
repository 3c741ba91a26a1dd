"""Who sent it? Resolve a sender as written to a known person, or to nobody."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nocontact.core.identities import IdentityKind, candidate_keys

# A display name alone is weak evidence; it counts only when the sender carries nothing else
# (WhatsApp and Messenger exports often give only a name).
STRONG_KINDS = frozenset({IdentityKind.PHONE, IdentityKind.EMAIL, IdentityKind.HANDLE})


@dataclass(frozen=True, slots=True)
class KnownIdentity:
    kind: IdentityKind
    value: str
    person_id: int


class Matcher:
    def __init__(self, identities: Iterable[KnownIdentity], region: str = "US") -> None:
        self.region = region
        self._index: dict[tuple[IdentityKind, str], int] = {
            (i.kind, i.value): i.person_id for i in identities
        }
        # Exports repeat the same few thousand senders; parsing a number costs more than a look-up.
        self._seen: dict[str, int | None] = {}

    def match(self, sender: str) -> int | None:
        if sender not in self._seen:
            if len(self._seen) > 100_000:
                self._seen.clear()
            self._seen[sender] = self._match(sender)
        return self._seen[sender]

    def _match(self, sender: str) -> int | None:
        keys = candidate_keys(sender, self.region)
        strong = [k for k in keys if k[0] in STRONG_KINDS]
        for key in strong:
            if key in self._index:
                return self._index[key]
        if any(k[0] in {IdentityKind.PHONE, IdentityKind.EMAIL} for k in strong):
            return None
        for key in keys:
            if key[0] is IdentityKind.ALIAS and key in self._index:
                return self._index[key]
        return None

    def add(self, identity: KnownIdentity) -> None:
        self._index.setdefault((identity.kind, identity.value), identity.person_id)
        self._seen.clear()

    def accepts(self, sender: str) -> bool:
        return self.match(sender) is not None

    def __len__(self) -> int:
        return len(self._index)
