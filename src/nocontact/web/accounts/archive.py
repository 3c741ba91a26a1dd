"""Everything a case holds, as one zip the survivor can keep, and read back into an empty install.

Format (docs/export-format.md): `nocontact-export.json` (format, version, counts), one
`records/<app>.<model>.json` per table in Django's JSON serialisation, `README.txt`, and
`SHA256SUMS`. Sealed bodies and attachments stay sealed: their bytes are copied as stored
(base64 in JSON), never opened. Accounts, passphrases, sessions and sign-in records are left out.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import models, transaction

from nocontact.web.accounts import clock
from nocontact.web.cases.models import Case, Message

FORMAT = "nocontact-export"
VERSION = 1
MANIFEST = "nocontact-export.json"
SUMS = "SHA256SUMS"
README = """This file holds everything nocontact kept for one case.

It is NOT protected once saved: anyone who gets this file can see the case's names,
addresses, numbers, dates and categories. Message words and attachments inside it are still
sealed and need the keys to open. Keep it somewhere only you can reach, or delete it.

The format is described in docs/export-format.md of nocontact.
"""


# Fields whose stored value would open sealed content on its own: written out empty.
# (An invitation link not yet shown is kept in plain form; it unwraps the escrow key.)
WITHHELD_FIELDS = {"review.invitation": {"token_once": ""}}


class ArchiveError(Exception):
    """An export file that cannot be read back."""


def _case_models() -> list[tuple[type[models.Model], str]]:
    """Models whose rows belong to a case, each with its lookup path to the case.

    Tables that point at a user account (memberships, access logs, devices) are left out.
    """
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found: dict[type[models.Model], str] = {Case: "pk"}
    changed = True
    while changed:
        changed = False
        for model in apps.get_models():
            if model in found or model._meta.proxy:
                continue
            fks = [f for f in model._meta.concrete_fields if f.is_relation and f.related_model]
            if any(f.related_model is user_model for f in fks):
                continue
            for field in fks:
                target = field.related_model
                if target is Case:
                    found[model] = field.name
                elif target in found and not field.null:
                    found[model] = f"{field.name}__{found[target]}"
                else:
                    continue
                changed = True
                break
    return list(found.items())


def _label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _records(case: Case) -> Iterator[tuple[str, str, int]]:
    for model, path in _case_models():
        label = _label(model)
        rows = model._default_manager.filter(**{path: case.pk}).order_by("pk")
        text = serializers.serialize("json", rows, indent=1)
        if label in WITHHELD_FIELDS:
            items = json.loads(text)
            for item in items:
                item["fields"].update(WITHHELD_FIELDS[label])
            text = json.dumps(items, indent=1)
        yield label, text, rows.count()


def write_export(case: Case, out: IO[bytes]) -> dict[str, int]:
    counts: dict[str, int] = {}
    sums: list[str] = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:

        def put(name: str, data: bytes) -> None:
            zf.writestr(name, data)
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {name}")

        put("README.txt", README.encode())
        for label, text, count in _records(case):
            counts[label] = count
            put(f"records/{label}.json", text.encode())
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": clock.now_dt().isoformat(),
            "case": case.pk,
            "counts": counts,
        }
        put(MANIFEST, json.dumps(manifest, indent=1).encode())
        zf.writestr(SUMS, "\n".join(sums) + "\n")
    return counts


def _checked(zf: zipfile.ZipFile) -> dict[str, bytes]:
    try:
        listed = zf.read(SUMS).decode().splitlines()
    except KeyError as exc:
        raise ArchiveError("the file has no checksum list") from exc
    files: dict[str, bytes] = {}
    for line in listed:
        digest, _, name = line.partition("  ")
        data = zf.read(name)
        if hashlib.sha256(data).hexdigest() != digest:
            raise ArchiveError(f"{name} does not match its checksum")
        files[name] = data
    return files


def read_export(path: Path) -> Case:
    """Load an export into this install; refuses if that case number is already in use."""
    try:
        with zipfile.ZipFile(path) as zf:
            files = _checked(zf)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError("the file is not a readable export") from exc
    manifest: dict[str, Any] = json.loads(files.get(MANIFEST, b"{}"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ArchiveError("the file is not a nocontact export this version can read")
    if Case.objects.filter(pk=manifest.get("case")).exists():
        raise ArchiveError("this install already holds a case with that number")
    with transaction.atomic():
        for label in manifest["counts"]:
            data = files.get(f"records/{label}.json")
            if data is None:
                raise ArchiveError(f"the file has no records for {label}")
            try:
                for obj in serializers.deserialize("json", data):
                    obj.save()
            except serializers.base.DeserializationError as exc:
                raise ArchiveError(f"the records for {label} could not be read") from exc
    return Case.objects.get(pk=manifest["case"])


def delete_case(case: Case) -> None:
    """Destroy the case, every row that belongs to it, and both accounts. Cannot be undone."""
    from nocontact.web.accounts import sessions

    users = [m.user for m in case.members.select_related("user")]
    with transaction.atomic():
        for user in users:
            sessions.end_sessions(user)
        Message.objects.filter(case=case).delete()  # persons are protected while messages exist
        case.delete()
        for user in users:
            user.delete()
