"""The error classes found by measuring the twenty-first never-seen set once (tests/detect_papers/new, split
twentyfirst): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes."""

import pytest

from tests.detect_found import redacted


@pytest.mark.parametrize("text, initials", [
    # a redacted person's initials standing alone, as a message is signed: full stops, Welsh digraphs, a
    # particle written whole, a double-barrelled surname as its barrels' letters
    ('From: Pengelly, Morwenna\n"Can you send the completion statement? M.P."', "M.P."),
    ('From: Treharne, Llywela\n> "Philippa, can you send it? Ll.T."', "Ll.T."),
    ('Dr Wilfred Sandoval-Achebe reported. "Report attached. Dr W. S-A"', "W. S-A"),
    ('Róisín Ó Dálaigh said. "Thanks. R.Ó D."', "R.Ó D."),
])
def test_a_known_persons_initials_alone(text, initials):
    assert initials in redacted(text)


@pytest.mark.parametrize("text", [
    "Jo Bell came. Section J. B. Smith said it was late.",  # initials before a surname are another name
    "Jo Bell came to the meeting on Monday.\nAppendix J.B. holds the plan.",
])
def test_initials_before_a_surname_or_of_nobody_redacted_stay(text):
    assert "J. B." not in redacted(text) and "J.B." not in redacted(text)


def test_a_given_name_that_is_also_a_word_before_a_month_as_second_given_name():
    assert "Kit August Thornbury" in redacted("The appellant, Kit August Thornbury, wrote to the regulator.")


def test_a_minister_of_a_subject_is_kept():
    from tests.detect_found import kept

    text = "The force meets the cost. The Minister of Justice, Aoibheann Drumcree, asked for a note of reasons."
    assert "Aoibheann Drumcree" in kept(text)


@pytest.mark.parametrize("text, name", [
    # a table with "Surname" and "Given name" columns read as lines: a surname in capitals, the given name, a number
    ("Contacts (not published)\nSurname\nGiven name\nTelephone\nPENHALIGON-ROWE\nTamsin\n07700 900 852\n",
     "PENHALIGON-ROWE Tamsin"),
    ("Surname\nGiven name\nE-mail\nKERNICK\nMorvoren\nm.kernick@harbour.example\n", "KERNICK Morvoren"),
])
def test_a_surname_column_beside_a_given_name_column(text, name):
    assert name in [" ".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text", ["Status\nNOTICE\nIssued\n01632 960 111\n", "Team\nFOI\nRequests\n0113 496 0112\n"])
def test_a_heading_in_capitals_over_a_word_is_no_name(text):
    assert redacted(text) == []
