"""`classify` and `eval` commands on a local Typer app (the lead wires them into cli.py)."""

import json
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from nocontact.commands.classify import register
from tests.helpers import require_shared

app = typer.Typer()
register(app)


def test_classify_reads_stdin_and_writes_jsonl() -> None:
    lines = [json.dumps({"id": 1, "text": "I will find you"}), "oops",
             json.dumps({"id": 2, "text": "Parcel delivered to your safe place"})]
    result = CliRunner().invoke(app, ["classify"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert out[0]["category"] == "threat"


def test_classify_exits_non_zero_when_nothing_is_readable() -> None:
    result = CliRunner().invoke(app, ["classify"], input="not json\n")
    assert result.exit_code == 1


def test_eval_json_reports_metrics(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"text": "I'm outside your flat right now", "category": "threat",
         "tactics": ["intimidation"]},
        {"text": "The custody hearing is on June 4 at 10am", "category": "legal", "tactics": []},
        {"text": "Can you collect Ava from school at 3?", "category": "logistics", "tactics": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    result = CliRunner().invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n"] == 3
    assert data["skipped_lines"] == [4]
    assert set(data["recall"]) == {"threat", "self_harm", "legal"}
    assert data["recall"]["threat"] == 1.0
    assert len(data["confusion"]["rows_gold_cols_predicted"]) == 6
    assert 0.0 <= data["macro_f1"] <= 1.0


def test_eval_table_output(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": "hey you", "category": "hoovering", "tactics": []}) + "\n")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert result.exit_code == 0
    assert "macro-F1" in result.stdout and "Confusion" in result.stdout


def test_eval_mentalmanip_beside_published_baselines() -> None:
    path = require_shared("datasets", "mentalmanip", "mentalmad_split",
                          "MentalManip_con_test.json")
    result = CliRunner().invoke(app, ["eval", "--dataset", "mentalmanip", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n"] == 583
    assert data["baselines_macro_f1"]["GPT-5 Chat"] == 57.0
    assert 0 <= data["macro_f1"] <= 100


def test_command_module_imports_no_numpy_sklearn_or_django() -> None:
    code = ("import sys, nocontact.commands.classify; "
            "bad = [m for m in ('numpy', 'sklearn', 'django') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_classify_command_never_imports_django() -> None:
    code = ("import io, sys, json; from nocontact.core.classify import classify_jsonl; "
            "classify_jsonl(io.StringIO(json.dumps({'id': 1, 'text': 'hi'})), io.StringIO()); "
            "print('django' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
