"""Table-driven tests of the issue-12 classes the seventh set showed when it was measured (830e4b9), written
with our own sentences (fictional people, Ofcom drama numbers), none taken from the labelled papers:

- one to three initials with full stops before a surname, the full name nowhere else ("cc: R. Penwarden",
  "T. K. Oduya-Lund" in a payments table), whole (not the surname alone after an initial NER dropped);
  a list label's letter ("A. Introduction", "Appendix C. Brightwell costs") and a firm ("J. Sainsbury Ltd",
  "T. Pengelly and Sons") are not names;
- a month that is a surname, after a personal title alone or with a first name ("Cllr March", "Cllr Idris
  March"), while the month in a date stays a month ("4 March 2031", a title's name with the date below it).
"""

import pytest

from tests.detect_found import found, redacted


@pytest.mark.parametrize("text, expected", [
    ("cc: R. Penwarden; the clerk to the committee", ["R. Penwarden"]),
    ("A copy was sent to D. Okonkwo-Lyle for information.", ["D. Okonkwo-Lyle"]),
    ("| T. K. Vellacott | Hedge trimming, churchyard | £220.00 |", ["T. K. Vellacott"]),
    ("Payments were approved to H.J. Trembath and B. Quarshie.", ["H.J. Trembath", "B. Quarshie"]),
    # a double-barrelled surname one of whose parts is an English word
    ("cc: N. Ashdown-Brandt (Area Manager)", ["N. Ashdown-Brandt"]),
])
def test_initials_before_a_surname_are_a_name(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "A. Introduction. B. Background. C. Recommendations.",
    "The costs are in Appendix C. Brightwell Park works follow.",
    "J. Sainsbury Ltd supplied the refreshments.",
    "The group met at the offices of T. Pengelly and \nSons, funeral directors.",
])
def test_a_list_letter_or_a_firm_is_not_a_name(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Cllr March left the room for the item.", ["March"]),
    ("Present: Cllr Idris March (Vice-Chair), Cllr Tess Rudd.", ["Idris March", "Tess Rudd"]),
    ("The letter from Mr Aled May was read; Mrs August sent apologies.", ["Aled May", "August"]),
])
def test_a_month_after_a_personal_title_is_a_surname(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cllr Hale on 4 March 2031 agreed the minutes.", ["Hale"]),
    ("Report of Cllr Petra Hale\nMarch 2031", ["Petra Hale"]),
    ("Dr March 2031 report on waiting times.", []),
])
def test_a_month_in_a_date_beside_a_titled_name_stays_a_month(text, expected):
    assert redacted(text) == expected


_MEMBERS = ("Members\nCllr Aurelio Pennock Wendlebury City Council Chair of the Joint Committee\n"
            "Cllr Mirela Stanhope Ouseford District Council Vice-Chair\n"
            "Cllr Dafydd Ó Ceallaigh Wendlebury City Council\n"
            "Cllr Yusra Bhamji Wendlebury City Council Portfolio Holder for Neighbourhoods \n(attends ex officio)\n"
            "1. Summary\n")


def test_a_councillors_row_stops_at_the_body_and_keeps_an_office_after_it():
    assert found(_MEMBERS) == [("Aurelio Pennock", "redact"), ("Mirela Stanhope", "redact"),
                               ("Dafydd Ó Ceallaigh", "redact"), ("Yusra Bhamji", "keep")]
