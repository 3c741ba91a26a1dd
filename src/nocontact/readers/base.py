"""Format registry, detection by content, and the walk over files, folders and zips."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nocontact.core.message import RawMessage, ReadProblem

Accept = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Passed:
    """A record that was read but is from nobody on the list: counted, never stored."""

    sender: str


ReadItem = RawMessage | ReadProblem | Passed


def detect(path: Path) -> str | None:  # pragma: no cover - replaced by the readers work
    raise NotImplementedError


def read_path(path: Path, accept: Accept | None = None) -> Iterator[ReadItem]:  # pragma: no cover
    raise NotImplementedError
