"""Generated blocking rules: compiled by Dovecot's real Sieve compiler, run by its sieve-test,
parsed by sievelib, and hostile input that tries to add rules of its own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sievelib.parser import Parser

from nocontact.mail.filters import (
    FilterError,
    build_block_list,
    gmail_filters_xml,
    phone_vcard,
    sieve_script,
    sieve_string,
    thunderbird_rules,
)

EX = "Ex.Partner@Gmail.com"
PROXY = "flying.monkey@example.org"
HOSTILE_EMAILS = [
    'evil"] { discard; } #@example.com',
    "back\\slash@example.com",
    "line@example.com\ndiscard;",
    "two@one@example.com",
    "spaced out@example.com",
    "paren(s)@example.com",
]
HOSTILE_FOLDERS = ['Scr"ee\\ned', 'x"; discard; #', "\\", '"', "{}[],;"]
NOW = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt: dovecot-sieve)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def sievec(script: str, tmp_path: Path) -> None:
    source = tmp_path / "rules.sieve"
    source.write_text(script)
    result = subprocess.run(
        [require_tool("sievec"), str(source), str(tmp_path / "rules.svbin")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def sieve_test(script: str, sender: str) -> str:
    """Run the script on one message with Dovecot's sieve-test; return the actions it printed.

    sieve-test refuses to run as root, so under root it runs as nobody from a folder in /tmp
    that nobody can reach (pytest's own tmp_path is private to root)."""
    tool = require_tool("sieve-test")
    with tempfile.TemporaryDirectory(dir="/tmp") as name:
        folder = Path(name)
        folder.chmod(0o777)
        (folder / "rules.sieve").write_text(script)
        (folder / "m.eml").write_text(
            f"From: Someone <{sender}>\nTo: me@example.net\nSubject: hello\n\nhello\n"
        )
        for file in ("rules.sieve", "m.eml"):
            (folder / file).chmod(0o644)
        command = [tool, str(folder / "rules.sieve"), str(folder / "m.eml")]
        if os.geteuid() == 0:
            command = [require_tool("runuser"), "-u", "nobody", "--", *command]
        env = {"HOME": str(folder), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_block_list_normalises_and_adds_the_gmail_canonical_form():
    block = build_block_list([EX, PROXY, PROXY.upper()], ["+1 (555) 010-2030", "555-010-2030"])
    assert block.emails == ("ex.partner@gmail.com", "expartner@gmail.com", PROXY)
    assert block.phones == ("+15550102030",)
    assert block.refused == ()


def test_hostile_addresses_are_refused_by_position_with_reasons_that_do_not_repeat_them():
    block = build_block_list([PROXY, *HOSTILE_EMAILS])
    assert block.emails == (PROXY,)
    assert [r.position for r in block.refused] == list(range(2, 2 + len(HOSTILE_EMAILS)))
    for refused in block.refused:
        assert "example.com" not in refused.reason and "discard" not in refused.reason


def test_hostile_numbers_are_refused():
    block = build_block_list(phones=["555 0100\nTEL:666", "call+me", "12", "+44 20 7946 0000"])
    assert block.phones == ("+442079460000",)
    assert [r.position for r in block.refused] == [1, 2, 3]


def test_sieve_script_compiles_with_dovecot_and_parses_with_sievelib(tmp_path):
    script = sieve_script(build_block_list([EX, PROXY]))
    sievec(script, tmp_path)
    parser = Parser()
    assert parser.parse(script), getattr(parser, "error", "")


@pytest.mark.parametrize("folder", HOSTILE_FOLDERS)
def test_hostile_folder_names_stay_one_string(folder, tmp_path):
    script = sieve_script(build_block_list([PROXY]), folder=folder)
    sievec(script, tmp_path)
    parser = Parser()
    assert parser.parse(script)
    commands = [c.name for c in parser.result]
    assert commands == ["require", "if"]
    if_cmd = parser.result[1]
    actions = [c.name for c in if_cmd.children]
    assert actions == ["fileinto", "stop"]
    assert f"store message in folder: {folder}" in sieve_test(script, PROXY)


def test_sieve_string_refuses_line_breaks():
    with pytest.raises(FilterError):
        sieve_string("a\r\nb")
    with pytest.raises(FilterError):
        sieve_script(build_block_list([PROXY]), folder="a\nb")


@pytest.mark.parametrize(
    ("sender", "screened"),
    [
        (PROXY, True),
        ("Flying.Monkey@Example.ORG", True),
        ("expartner@gmail.com", True),
        ("ex.partner@gmail.com", True),
        ("x" + PROXY, False),
        (PROXY + ".evil.net", False),
        ("friend@example.net", False),
        ("evil@example.com", False),
        ("back@example.com", False),
    ],
)
def test_script_screens_only_the_listed_senders_even_with_hostile_input(sender, screened, tmp_path):
    script = sieve_script(build_block_list([EX, PROXY, *HOSTILE_EMAILS]))
    sievec(script, tmp_path)
    actions = sieve_test(script, sender)
    assert ("store message in folder: Screened" in actions) is screened
    assert "discard" not in actions
    if not screened:
        assert re.search(r"Implicit keep:\s+\* store message in folder: INBOX", actions)


def test_nothing_to_block_is_an_error_not_an_empty_rule():
    with pytest.raises(FilterError):
        sieve_script(build_block_list(HOSTILE_EMAILS))


ATOM = "{http://www.w3.org/2005/Atom}"
APPS = "{http://schemas.google.com/apps/2006}"


def gmail_entries(xml: str) -> list[dict[str, str]]:
    feed = ET.fromstring(xml)
    return [
        {p.get("name"): p.get("value") for p in entry.iter(f"{APPS}property")}
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_gmail_filters_label_and_archive_and_never_trash():
    entries = gmail_entries(gmail_filters_xml(build_block_list([EX, PROXY]), NOW))
    assert [e["from"] for e in entries] == ["ex.partner@gmail.com", "expartner@gmail.com", PROXY]
    for entry in entries:
        assert entry["label"] == "Screened"
        assert entry["shouldArchive"] == "true"
        assert not {"shouldTrash", "forwardTo", "shouldMarkAsRead"} & entry.keys()


def test_gmail_hostile_label_cannot_add_a_property():
    label = "x\"/><apps:property name='shouldTrash' value='true'/><a b=\""
    entries = gmail_entries(gmail_filters_xml(build_block_list([PROXY]), NOW, label=label))
    assert entries == [
        {
            "from": PROXY,
            "label": label,
            "shouldArchive": "true",
            "sizeOperator": "s_sl",
            "sizeUnit": "s_smb",
        }
    ]


def parse_thunderbird(text: str) -> list[tuple[str, str]]:
    """Reads key="value" lines the way Thunderbird does (backslash escapes inside quotes)."""
    pairs = []
    for line in text.splitlines():
        match = re.fullmatch(r'([a-zA-Z]+)="((?:[^"\\]|\\.)*)"', line)
        assert match, line
        pairs.append((match[1], re.sub(r"\\(.)", r"\1", match[2])))
    return pairs


def test_thunderbird_rules_move_listed_senders_and_hostile_folder_stays_in_its_value():
    folder = 'x"\nenabled="no'
    with pytest.raises(FilterError):
        thunderbird_rules(build_block_list([PROXY]), folder=folder)
    text = thunderbird_rules(build_block_list([EX, PROXY]), folder='x" action="Delete')
    pairs = parse_thunderbird(text)
    assert [k for k, _ in pairs] == [
        "version", "logging", "name", "enabled", "type", "action", "actionValue", "condition",
    ]  # fmt: skip
    values = dict(pairs)
    assert values["action"] == "Move to folder"
    assert values["actionValue"] == "mailbox://nobody@Local%20Folders/x%22%20action%3D%22Delete"
    terms = re.findall(r"OR \(from,is,([^()]+)\)", values["condition"])
    assert terms == ["ex.partner@gmail.com", "expartner@gmail.com", PROXY]


def test_vcard_holds_every_number_with_an_escaped_name():
    block = build_block_list(phones=["+1 555 010 2030", "+44 20 7946 0000"])
    card = phone_vcard(block, name="Do not answer; ever, \\ really")
    lines = card.split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and lines[1] == "VERSION:3.0"
    assert "FN:Do not answer\\; ever\\, \\\\ really" in lines
    assert [ln for ln in lines if ln.startswith("TEL")] == [
        "TEL;TYPE=CELL:+15550102030",
        "TEL;TYPE=CELL:+442079460000",
    ]
    assert lines[-2:] == ["END:VCARD", ""]
    with pytest.raises(FilterError):
        phone_vcard(block, name="x\nTEL:+1999")
