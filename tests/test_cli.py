"""The scripting interface, run as a user would: the real `nocontact` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

THREAT = "I know where you are staying now. You'd better watch yourself."


def run(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NOCONTACT_HOME": str(home)}
    env.pop("NOCONTACT_DATABASE_URL", None)  # these tests use the embedded default
    return subprocess.run(
        [sys.executable, "-m", "nocontact", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    done = run(
        home,
        "init",
        "--yes",
        "--survivor",
        "sam:river-lantern-quietly-42",
        "--friend",
        "alex:orchard-compass-softly-17",
    )
    assert done.returncode == 0, done.stderr
    return home


def _mbox(path: Path) -> Path:
    path.write_text(
        "From jordan@example.com Mon Nov  2 21:14:00 2026\n"
        "From: Jordan <jordan@example.com>\nTo: sam@example.net\nSubject: hi\n"
        "Date: Mon, 02 Nov 2026 21:14:00 -0500\nMessage-ID: <t1@example.com>\n\n"
        f"{THREAT}\n\n"
        "From news@shop.example.org Mon Nov  2 22:00:00 2026\n"
        "From: news@shop.example.org\nTo: sam@example.net\nSubject: sale\n"
        "Date: Mon, 02 Nov 2026 22:00:00 -0500\nMessage-ID: <t2@example.com>\n\nBig sale\n\n"
    )
    return path


def test_every_command_has_help() -> None:
    top = subprocess.run(
        [sys.executable, "-m", "nocontact", "--help"], capture_output=True, text=True, timeout=60
    )
    assert top.returncode == 0
    commands = [
        "init",
        "import",
        "inspect",
        "demo",
        "serve",
        "classify",
        "person add",
        "person list",
    ]
    for command in commands:
        out = subprocess.run(
            [sys.executable, "-m", "nocontact", *command.split(), "--help"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, command
        assert "Usage" in out.stdout


def test_init_person_import_round_trip(home: Path, tmp_path: Path) -> None:
    added = run(
        home,
        "person",
        "add",
        "ex",
        "--name",
        "Jordan",
        "--email",
        "Jordan@Example.com",
        "--phone",
        "(555) 555-0123",
        "--alias",
        "Jordan",
    )
    assert added.returncode == 0, added.stderr
    listed = json.loads(run(home, "person", "list", "--json").stdout)
    assert listed[0]["role"] == "ex"
    kinds = {(i["kind"], i["value"]) for i in listed[0]["identities"]}
    assert ("email", "jordan@example.com") in kinds and ("phone", "+15555550123") in kinds

    mbox = _mbox(tmp_path / "mail.mbox")
    first = run(home, "import", str(mbox), "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert (summary["read"], summary["matched"], summary["stored"], summary["duplicates"]) == (
        2,
        1,
        1,
        0,
    )
    again = json.loads(run(home, "import", str(mbox), "--json").stdout)
    assert (again["stored"], again["duplicates"]) == (0, 1)
    for output in (first.stdout, first.stderr):
        assert "know where you are staying" not in output


def test_import_of_unreadable_file_fails_clearly(home: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(os.urandom(4096))
    out = run(home, "import", str(junk), "--json")
    assert out.returncode != 0
    summary = json.loads(out.stdout)
    assert summary["read"] == 0
    assert summary["skipped"] and summary["skipped"][0]["file"].endswith("junk.bin")


def test_inspect_prints_json_lines_and_stores_nothing(tmp_path: Path) -> None:
    mbox = _mbox(tmp_path / "mail.mbox")
    out = run(tmp_path / "fresh", "inspect", str(mbox))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 2
    assert rows[0]["format"] and rows[0]["channel"] == "email"
    assert rows[0]["sent_at"] == "2026-11-02T21:14:00-05:00"
    assert THREAT in rows[0]["text"]
    assert not (tmp_path / "fresh" / "nocontact.sqlite3").exists()


def test_classify_needs_no_case_or_configuration(tmp_path: Path) -> None:
    lines = "\n".join(
        json.dumps(x)
        for x in [
            {"id": "1", "text": "Hearing moved to March 3, 9am. My attorney emailed yours."},
            {"id": "2", "text": THREAT},
        ]
    )
    out = run(tmp_path / "never-made", "classify", stdin=lines + "\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["category"] == "legal" and rows[1]["category"] == "threat"


def test_production_refuses_to_start_with_a_default_secret(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NOCONTACT_HOME": str(tmp_path),
        "NOCONTACT_MODE": "production",
        "NOCONTACT_SECRET_KEY": "change-me",
    }
    out = subprocess.run(
        [sys.executable, "-m", "nocontact", "serve", "--port", "8799"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode != 0
    assert "SECRET_KEY" in out.stderr


def test_person_edit_merge_and_suspects(home: Path, tmp_path: Path) -> None:
    run(home, "person", "add", "ex", "--name", "Jordan", "--email", "jordan@example.com")
    run(home, "person", "add", "proxy", "--name", "J2", "--phone", "+15555550999")
    edited = run(
        home,
        "person",
        "edit",
        "1",
        "--name",
        "J",
        "--phone",
        "555-555-0123",
        "--remove",
        "email:jordan@example.com",
    )
    assert edited.returncode == 0, edited.stderr
    people = json.loads(run(home, "person", "list", "--json").stdout)
    assert people[0]["name"] == "J"
    assert [i["kind"] for i in people[0]["identities"]] == ["phone"]
    assert run(home, "person", "merge", "1", "2").returncode == 0
    people = json.loads(run(home, "person", "list", "--json").stdout)
    assert len(people) == 1 and len(people[0]["identities"]) == 2
    assert run(home, "person", "merge", "1", "99").returncode != 0

    sms = tmp_path / "s.xml"
    sms.write_text(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><smses count=\"1\">"
        '<sms protocol="0" address="+15555550444" date="1762000000000" type="1" '
        'body="its me, new number save it" read="1" status="-1" locked="0" /></smses>'
    )
    summary = json.loads(run(home, "import", str(sms), "--json").stdout)
    assert summary["suspects"] == 1
    suspects = json.loads(run(home, "person", "suspects", "--json").stdout)
    assert suspects[0]["reason"] == "announces a new number or account"
    assert "new number save it" not in json.dumps(suspects)
    assert run(home, "person", "dismiss", str(suspects[0]["id"])).returncode == 0
    assert json.loads(run(home, "person", "suspects", "--json").stdout) == []


def test_export_restores_into_an_empty_install(home: Path, tmp_path: Path) -> None:
    run(home, "person", "add", "ex", "--name", "Jordan", "--email", "jordan@example.com")
    run(home, "import", str(_mbox(tmp_path / "mail.mbox")))
    export = tmp_path / "everything.zip"
    script = (
        "from nocontact.web import setup_django; setup_django()\n"
        "from nocontact.web.accounts.archive import write_export\n"
        "from nocontact.web.cases.models import Case\n"
        f"write_export(Case.objects.get(), open({str(export)!r}, 'wb'))\n"
    )
    env = {**os.environ, "NOCONTACT_HOME": str(home)}
    env.pop("NOCONTACT_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    other = tmp_path / "other-home"
    restored = run(
        other,
        "restore",
        str(export),
        "--survivor",
        "sam:river-lantern-quietly-42",
        "--friend",
        "alex:orchard-compass-softly-17",
    )
    assert restored.returncode == 0, restored.stderr
    people = json.loads(run(other, "person", "list", "--json").stdout)
    assert people[0]["identities"][0]["value"] == "jordan@example.com"
    assert run(other, "ledger", "verify").returncode == 0
    again = run(
        other,
        "restore",
        str(export),
        "--survivor",
        "s2:river-lantern-quietly-42",
        "--friend",
        "f2:orchard-compass-softly-17",
    )
    assert again.returncode != 0 and "already holds" in again.stderr
