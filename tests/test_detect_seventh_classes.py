"""Table-driven tests of the issue-12 classes the seventh set showed when it was measured (830e4b9), written
with our own sentences (fictional people, Ofcom drama numbers), none taken from the labelled papers:

- one to three initials with full stops before a surname, the full name nowhere else ("cc: R. Penwarden",
  "T. K. Oduya-Lund" in a payments table), whole (not the surname alone after an initial NER dropped);
  a list label's letter ("A. Introduction", "Appendix C. Brightwell costs") and a firm ("J. Sainsbury Ltd",
  "T. Pengelly and Sons") are not names.
"""

import pytest

from tests.detect_found import redacted


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
