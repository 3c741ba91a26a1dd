"""The item types every reader yields, kept apart from the registry to avoid import cycles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nocontact.core.message import RawMessage, ReadProblem

Accept = Callable[[str], bool]
Progress = Callable[[int], None]  # called with the number of bytes read since the last call


@dataclass(frozen=True, slots=True)
class Passed:
    """A record that was read but is from nobody on the list: counted, never stored."""

    sender: str


ReadItem = RawMessage | ReadProblem | Passed


def accepts(accept: Accept | None, sender: str) -> bool:
    return accept is None or accept(sender)


def no_progress(_: int) -> None:
    return None
