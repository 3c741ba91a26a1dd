from datetime import UTC, date, datetime, time

from nocontact.core.deadlines import named_dates

SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_a_hearing_with_date_and_time() -> None:
    text = "Notice of hearing: the custody hearing is set for 12 March 2027 at 9:30."
    [found] = named_dates(text, SENT)
    assert (found.day, found.at, found.kind) == (date(2027, 3, 12), time(9, 30), "hearing")
    assert found.label() == "Friday 12 March 2027, 09:30"


def test_month_first_and_a_deadline_without_a_year() -> None:
    text = "Hearing moved to March 3, 9am. You must file your response by 1 March."
    found = named_dates(text, SENT)
    assert [(d.day, d.at, d.kind) for d in found] == [
        (date(2027, 3, 1), None, "deadline"),
        (date(2027, 3, 3), time(9, 0), "hearing"),
    ]


def test_numeric_dates_follow_the_region() -> None:
    text = "Mediation appointment on 04/05/2027 at 10:00"
    assert named_dates(text, SENT, region="US")[0].day == date(2027, 4, 5)
    assert named_dates(text, SENT, region="GB")[0].day == date(2027, 5, 4)
    assert named_dates(text, SENT, region="GB")[0].kind == "mediation"


def test_iso_dates_and_impossible_dates() -> None:
    assert named_dates("deadline 2027-01-15", SENT)[0].day == date(2027, 1, 15)
    assert named_dates("on 31 February 2027 and 45/13/2027", SENT) == []


def test_no_dates_no_output_and_no_words_leak() -> None:
    assert named_dates("I miss you, please answer", SENT) == []
    found = named_dates("Court on 2 April 2027 re: the house on Elm Street", SENT)
    assert all("Elm" not in d.label() for d in found)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_dates_or_nothing_never_an_error(text: str) -> None:
    for found in named_dates(text, SENT, region="GB"):
        assert 1900 <= found.day.year <= 2099
