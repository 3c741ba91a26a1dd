"""The JSON Lines contract of shared/taxonomy.md."""

import io
import json

from nocontact.core.classify import classify_jsonl
from nocontact.core.taxonomy import Category, Tactic

FIELDS = {"id", "category", "tactics", "confidence", "reasons"}


def run(lines: list[str]) -> tuple[int, list[dict], list[dict]]:
    out, err = io.StringIO(), io.StringIO()
    code = classify_jsonl(io.StringIO("".join(line + "\n" for line in lines)), out, err)
    parse = lambda s: [json.loads(x) for x in s.getvalue().splitlines()]  # noqa: E731
    return code, parse(out), parse(err)


def test_output_keeps_input_order_and_ids_with_exact_fields() -> None:
    ids = [7, "b", "x-3", 0]
    texts = ["I'm outside your house", "Can you pick Mia up at 5?", "hey stranger :)",
             "Your parcel is out for delivery"]
    code, out, err = run([json.dumps({"id": i, "text": t}) for i, t in zip(ids, texts)])
    assert code == 0 and err == []
    assert [o["id"] for o in out] == ids
    for o in out:
        assert set(o) == FIELDS
        assert o["category"] in {c.value for c in Category}
        assert all(t in {x.value for x in Tactic} for t in o["tactics"])
        assert 0.0 <= o["confidence"] <= 1.0
        assert o["reasons"] and all(isinstance(r, str) for r in o["reasons"])
    assert out[0]["category"] == "threat"


def test_optional_channel_and_sender_role_are_accepted() -> None:
    line = json.dumps({"id": 1, "text": "he misses you", "channel": "sms", "sender_role": "proxy"})
    code, out, err = run([line])
    assert code == 0 and len(out) == 1 and err == []


def test_bad_lines_are_reported_by_number_without_text_and_the_rest_go_on() -> None:
    secret = "I know where you live now"
    lines = [
        json.dumps({"id": 1, "text": "ok"}),
        "{not json " + secret,
        json.dumps({"id": 2}),
        json.dumps({"text": secret}),
        json.dumps({"id": 3, "text": secret, "sender_role": "boss"}),
        json.dumps([1, 2]),
        json.dumps({"id": 4, "text": secret}),
    ]
    code, out, err = run(lines)
    assert code == 0
    assert [o["id"] for o in out] == [1, 4]
    assert [e["line"] for e in err] == [2, 3, 4, 5, 6]
    raw_err = json.dumps(err)
    assert "know where" not in raw_err and "live" not in raw_err


def test_exit_code_is_non_zero_only_when_nothing_could_be_read() -> None:
    assert run(["garbage", "{}"])[0] == 1
    assert run(["garbage", json.dumps({"id": 1, "text": "hi"})])[0] == 0
    assert run([])[0] == 0
