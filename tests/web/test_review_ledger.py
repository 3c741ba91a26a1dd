"""The ledger as stored: every ingest and decision appends; tampering is always found."""

from __future__ import annotations

import json

import pytest
import typer
from django.db import connection
from tests.web.review_support import (  # noqa: F401 - fast_kdf is an autouse fixture
    ALL_WORDS,
    fast_kdf,
    friend_joins,
    store_all,
)
from typer.testing import CliRunner

from nocontact.commands.ledger import register
from nocontact.core.ledger import ProblemKind, head_of
from nocontact.web.review.ledger_store import chain, verify_case
from nocontact.web.review.models import LedgerRecord

pytestmark = pytest.mark.django_db(transaction=True)


def _cli() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command()
    def noop() -> None:  # a second command keeps `ledger` a sub-command
        pass

    return app


def _stored_case(personas) -> None:
    messages = store_all(personas)
    friend = friend_joins(personas)
    friend.post(f"/queue/m/{messages['hoover'].pk}/decide/", {"action": "destroy"})
    friend.post(f"/queue/m/{messages['threat'].pk}/decide/", {"action": "keep"})


def test_every_ingest_and_decision_appends_without_content(personas) -> None:
    _stored_case(personas)
    entries = chain(personas.case)
    events = [e.event for e in entries]
    assert events[:4] == ["ingest"] * 4
    assert {"destroy", "keep", "view"} <= set(events) or {"destroy", "keep"} <= set(events)
    assert verify_case(personas.case) == []
    flat = json.dumps([e.as_dict() for e in entries])
    for words in ALL_WORDS:
        assert words not in flat
    assert "+1555" not in flat and "jordan" not in flat.lower()


def test_a_changed_row_is_found_and_named(personas) -> None:
    _stored_case(personas)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE review_ledgerrecord SET category = 'other' WHERE seq = 2 AND case_id = %s",
            [personas.case.pk],
        )
    problems = verify_case(personas.case)
    assert [(p.seq, p.kind) for p in problems] == [(2, ProblemKind.CHANGED)]


def test_a_deleted_row_is_found_and_named(personas) -> None:
    _stored_case(personas)
    LedgerRecord.objects.filter(case=personas.case, seq=3).delete()
    problems = verify_case(personas.case)
    assert [(p.seq, p.kind) for p in problems] == [(4, ProblemKind.MISSING)]


def test_an_inserted_row_is_found(personas) -> None:
    _stored_case(personas)
    rows = list(LedgerRecord.objects.filter(case=personas.case).order_by("seq"))
    for row in reversed(rows[2:]):  # make room, as someone editing the table would
        LedgerRecord.objects.filter(pk=row.pk).update(seq=row.seq + 1)
    forged = rows[1]
    forged.pk = None
    forged.seq = 3
    forged.save()
    problems = verify_case(personas.case)
    assert problems
    assert 3 in {p.seq for p in problems}


def test_two_rows_swapped_are_found(personas) -> None:
    _stored_case(personas)
    a = LedgerRecord.objects.get(case=personas.case, seq=2)
    b = LedgerRecord.objects.get(case=personas.case, seq=4)
    LedgerRecord.objects.filter(pk=a.pk).update(seq=1000)
    LedgerRecord.objects.filter(pk=b.pk).update(seq=2)
    LedgerRecord.objects.filter(pk=a.pk).update(seq=4)
    seqs = {p.seq for p in verify_case(personas.case)}
    assert {2, 4} <= seqs


def test_cli_verify_passes_clean_and_fails_naming_the_seq(personas) -> None:
    _stored_case(personas)
    runner = CliRunner()
    ok = runner.invoke(_cli(), ["ledger", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "Intact" in ok.output
    kept = runner.invoke(_cli(), ["ledger", "head"]).output.strip()
    assert kept == f"{head_of(chain(personas.case)).seq}:{head_of(chain(personas.case)).entry_hash}"
    last = LedgerRecord.objects.filter(case=personas.case).order_by("-seq").first()
    last.delete()
    bare = runner.invoke(_cli(), ["ledger", "verify"])
    assert bare.exit_code == 0, "a cut-off end is invisible without the kept head"
    with_head = runner.invoke(_cli(), ["ledger", "verify", "--head", kept, "--json"])
    assert with_head.exit_code == 1
    report = json.loads(with_head.output)
    assert report["intact"] is False and report["problems"][0]["kind"] == "truncated"
    LedgerRecord.objects.filter(case=personas.case, seq=2).update(actor="survivor")
    changed = runner.invoke(_cli(), ["ledger", "verify"])
    assert changed.exit_code == 1 and "seq 2" in changed.output and "changed" in changed.output
