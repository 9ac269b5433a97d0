"""UK dates: day first always, impossible dates reported, never re-read month first."""

from datetime import date, datetime, timezone

import pytest

from redaction.dates import find_dates, london_midnight_utc, parse_uk_date


@pytest.mark.parametrize("text, expected", [
    ("01/04/2025", date(2025, 4, 1)),
    ("9/3/2021", date(2021, 3, 9)),
    ("31/03/2022", date(2022, 3, 31)),
    ("01.04.2025", date(2025, 4, 1)),
    ("01-04-2025", date(2025, 4, 1)),
    ("01/04/25", date(2025, 4, 1)),
    ("1st April 2025", date(2025, 4, 1)),
    ("2nd of May 2026", date(2026, 5, 2)),
    ("30 September 2027", date(2027, 9, 30)),
    ("31 December 2026", date(2026, 12, 31)),
    ("31 Dec 2026", date(2026, 12, 31)),
    ("1 Sept. 2026", date(2026, 9, 1)),
    ("April 1st, 2025", date(2025, 4, 1)),
    ("March 2027", date(2027, 3, 1)),
    ("2025-04-01", date(2025, 4, 1)),
])
def test_parses_day_first(text, expected):
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize("text", ["13/25/2025", "31/02/2026", "04/13/2025", "0/1/2025"])
def test_impossible_dates_are_problems_not_guesses(text):
    with pytest.raises(ValueError, match="impossible"):
        parse_uk_date(text)
    (m,) = find_dates(text)
    assert m.value is None and m.problem


@pytest.mark.parametrize("text", ["2021/22", "FY 21/22", "2017-2021", "section 149(1)", "£272,708.04",
                                  "PCD 1682", "paragraph 4.8", "1.1. This proposal", "2024-25"])
def test_not_dates(text):
    assert find_dates(text) == []


def test_finds_dates_in_prose_in_order():
    text = ("A decision is required by 19th March 2021. The paper will be exempt until 01/04/2025 "
            "and reviewed in March 2027.")
    found = [(m.text, m.value, m.month_only) for m in find_dates(text)]
    assert found == [("19th March 2021", date(2021, 3, 19), False),
                     ("01/04/2025", date(2025, 4, 1), False),
                     ("March 2027", date(2027, 3, 1), True)]


@pytest.mark.parametrize("day, utc", [
    (date(2025, 4, 1), datetime(2025, 3, 31, 23, 0, tzinfo=timezone.utc)),   # BST
    (date(2025, 1, 15), datetime(2025, 1, 15, 0, 0, tzinfo=timezone.utc)),   # GMT
    (date(2025, 3, 30), datetime(2025, 3, 30, 0, 0, tzinfo=timezone.utc)),   # clocks go forward at 01:00
    (date(2025, 10, 26), datetime(2025, 10, 25, 23, 0, tzinfo=timezone.utc)),  # clocks go back at 02:00
])
def test_london_midnight(day, utc):
    assert london_midnight_utc(day) == utc
