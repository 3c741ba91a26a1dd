"""Unknown senders who may be them are kept as suspects; the survivor confirms or dismisses."""

from __future__ import annotations

from pathlib import Path

from django.test import Client
from tests.conftest import SURVIVOR_PASSWORD

from nocontact.ingest import import_paths
from nocontact.web.cases.models import Identity, Message, Person

NEW_NUMBER = "hey its me. new number, save it. we need to talk"
FAMILY = "tell Mia I said happy birthday"
ORDINARY = "Your prescription is ready for pickup"


def _sms_xml(path: Path, rows: list[tuple[str, str, int]]) -> Path:
    body = "".join(
        f'<sms protocol="0" address="{addr}" date="{ms}" type="1" subject="null" body="{text}" '
        f'toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" />'
        for addr, text, ms in rows
    )
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        f'<smses count="{len(rows)}">{body}</smses>',
        encoding="utf-8",
    )
    return path


def _client(personas) -> Client:
    client = Client()
    client.post("/login/", {"username": personas.survivor.username, "password": SURVIVOR_PASSWORD})
    return client


def test_new_number_and_family_names_are_kept_ordinary_dropped(personas, tmp_path: Path) -> None:
    personas.case.family_names = ["Mia"]
    personas.case.save()
    xml = _sms_xml(
        tmp_path / "s.xml",
        [
            ("+15555550999", NEW_NUMBER, 1_762_000_000_000),
            ("+15555550999", "why wont you answer", 1_762_000_100_000),
            ("+15555550888", FAMILY, 1_762_000_200_000),
            ("+15555550777", ORDINARY, 1_762_000_300_000),
        ],
    )
    summary = import_paths(personas.case, [xml])
    assert summary.suspects == 2
    assert summary.stored == 3, "the follow-up from the suspect's number is kept too"
    suspects = Person.objects.filter(case=personas.case, role="suspect")
    assert {p.suspect_reason for p in suspects} == {
        "announces a new number or account",
        "names your children or pets",
    }
    assert not Identity.objects.filter(case=personas.case, value="+15555550777").exists()


def test_confirming_a_suspect_folds_it_into_the_ex(personas, tmp_path: Path) -> None:
    xml = _sms_xml(tmp_path / "s.xml", [("+15555550999", NEW_NUMBER, 1_762_000_000_000)])
    import_paths(personas.case, [xml])
    suspect = Person.objects.get(case=personas.case, role="suspect")
    client = _client(personas)
    page = client.get("/people/").content.decode()
    assert "+15555550999" in page and "new number" in page
    assert NEW_NUMBER not in page, "the survivor sees why, never the words"
    client.post(f"/people/{suspect.pk}/confirm/", {"into": str(personas.ex.pk)})
    assert Message.objects.get(case=personas.case).person_id == personas.ex.pk
    assert Identity.objects.get(value="+15555550999").person_id == personas.ex.pk


def test_dismissed_sender_is_not_counted_and_later_messages_are_dropped(
    personas, tmp_path: Path
) -> None:
    xml = _sms_xml(tmp_path / "s.xml", [("+15555550999", NEW_NUMBER, 1_762_000_000_000)])
    import_paths(personas.case, [xml])
    suspect = Person.objects.get(case=personas.case, role="suspect")
    client = _client(personas)
    client.post(f"/people/{suspect.pk}/dismiss/")
    later = _sms_xml(tmp_path / "t.xml", [("+15555550999", "you there?", 1_762_000_900_000)])
    summary = import_paths(personas.case, [later])
    assert summary.stored == 0
    assert Message.objects.filter(case=personas.case).count() == 1, (
        "nothing is destroyed without the friend"
    )
    assert "0 attempts" in client.get("/overview/").content.decode()
