"""Test helpers: shared fixtures folder, tools that may be missing, and CI strictness.

On a developer's laptop a test may skip when a tool or the shared fixtures are missing;
under CI=true it must fail instead, so nothing is silently skipped in CI.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> None:
    if in_ci():
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


def require_shared(*parts: str) -> Path:
    """A path under ../shared (fixtures, datasets); skips on laptops without it, fails in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        skip_or_fail(f"{path} is missing")
    return path


def require_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        skip_or_fail(f"the tool {name!r} is not installed")
        raise AssertionError  # unreachable
    return found
