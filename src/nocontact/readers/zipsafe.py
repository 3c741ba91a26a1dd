"""Safe extraction of a zip into a private temporary folder.

Refused, each with a ReadProblem naming the member: absolute paths and ``..`` parts,
symbolic links, encrypted members, and anything that would pass the size limits (per
member, in total, or a compression ratio typical of zip bombs). Sizes are counted while
decompressing, so a member that lies about its size is still stopped.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from nocontact.core.message import ReadProblem


@dataclass(frozen=True, slots=True)
class ZipLimits:
    max_member: int = 4 * 1024**3
    max_total: int = 16 * 1024**3
    max_ratio: int = 200  # uncompressed / compressed, for members over min_ratio_size
    min_ratio_size: int = 1024 * 1024
    max_members: int = 200_000


DEFAULT_LIMITS = ZipLimits()
_COPY = 1024 * 1024


class _TooBig(Exception):
    pass


def is_office_document(archive: Path) -> bool:
    """.docx/.xlsx/.odt and friends are zips too, but not exports to unpack."""
    try:
        with zipfile.ZipFile(archive) as zf:
            names = set(zf.namelist()[:50])
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names or "mimetype" in names


def _safe_name(name: str) -> PurePosixPath | None:
    clean = name.replace("\\", "/")
    pure = PurePosixPath(clean)
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        return None
    if any(part in ("..", "") for part in pure.parts) or not pure.parts:
        return None
    return pure


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def extract(archive: Path, dest: Path, limits: ZipLimits = DEFAULT_LIMITS) -> Iterator[ReadProblem]:
    """Extract what is safe into ``dest``; yield a problem for every member refused."""
    file = str(archive)
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield ReadProblem(file, "byte 0", f"unreadable zip archive ({type(exc).__name__})")
        return
    total = 0
    with zf:
        members = zf.infolist()
        if len(members) > limits.max_members:
            yield ReadProblem(file, "member list", "zip has too many members; not extracted")
            return
        for index, info in enumerate(members, start=1):
            position = f"member {index}"
            if info.is_dir():
                continue
            name = _safe_name(info.filename)
            if name is None:
                yield ReadProblem(file, position, "member name leaves the archive")
                continue
            if _is_symlink(info):
                yield ReadProblem(file, position, "member is a symbolic link; skipped")
                continue
            if info.flag_bits & 0x1:
                yield ReadProblem(file, position, "member is encrypted; skipped")
                continue
            if info.file_size > limits.max_member or total + info.file_size > limits.max_total:
                yield ReadProblem(file, position, "member exceeds the size limit (zip bomb?)")
                continue
            budget = min(limits.max_member, limits.max_total - total)
            if info.compress_size:
                ratio_cap = max(limits.min_ratio_size, info.compress_size * limits.max_ratio)
                budget = min(budget, ratio_cap)
            target = dest.joinpath(*name.parts)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                written = _copy(zf, info, target, budget)
            except _TooBig:
                target.unlink(missing_ok=True)
                yield ReadProblem(file, position, "member exceeds the size/ratio limit")
                continue
            except Exception as e:  # any decompression failure is this member's alone
                target.unlink(missing_ok=True)
                yield ReadProblem(file, position, f"member unreadable ({type(e).__name__})")
                continue
            total += written


def _copy(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: int) -> int:
    written = 0
    with zf.open(info) as source, target.open("wb") as out:
        while chunk := source.read(_COPY):
            written += len(chunk)
            if written > budget:
                raise _TooBig
            out.write(chunk)
    return written
