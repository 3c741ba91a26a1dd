from nocontact.core.classify.preprocess import normalise, prepare, strip_email_noise, windows


def test_leetspeak_and_sms_spelling_are_undone() -> None:
    assert normalise("I will k1ll u") == "i will kill you"
    assert normalise("d3ad") == "dead"
    assert normalise("kms 2nite") == "kill myself tonight"


def test_times_and_codes_keep_their_digits() -> None:
    assert normalise("Meet at 5pm, room 4b") == "meet at 5pm, room 4b"


def test_homoglyphs_zero_width_and_spaced_letters() -> None:
    assert normalise("Yоu аre d\u200bead") == "you are dead"  # Cyrillic о and а
    assert normalise("K I L L") == "kill"
    assert normalise("noooooo") == "noo"


def test_quoted_reply_is_dropped() -> None:
    text = "Fine, Friday.\n\nOn Mon, 3 Jan 2024 at 17:00, Sam <s@example.org> wrote:\n> no\n> stop"
    assert strip_email_noise(text) == "Fine, Friday."


def test_angle_quotes_signature_and_device_footer_are_dropped() -> None:
    text = "See below\n> old line\nok\n-- \nAlex Smith\n+44 7700 900123"
    assert strip_email_noise(text) == "See below\nok"
    assert strip_email_noise("hey\nSent from my iPhone") == "hey"


def test_outlook_original_message_block_is_dropped() -> None:
    text = "ok\n\nFrom: Jane\nSent: Monday\nTo: x\nSubject: y\n\nold stuff"
    assert strip_email_noise(text) == "ok"


def test_forward_headers_dropped_but_forwarded_body_kept() -> None:
    text = ("---------- Forwarded message ---------\nFrom: A <a@example.org>\nDate: Mon\n"
            "Subject: x\nTo: b\n\nI know where you live")
    assert prepare(text) == "i know where you live"


def test_message_that_is_only_a_quote_is_not_emptied() -> None:
    assert strip_email_noise("> I will find you") == "> I will find you"


def test_windows_cover_a_long_text_with_overlap() -> None:
    words = [f"w{i}" for i in range(300)]
    parts = windows(" ".join(words), size=120, overlap=30)
    assert len(parts) == 3
    assert parts[0].split()[0] == "w0" and parts[-1].split()[-1] == "w299"
    assert windows("short text") == ["short text"]
