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


@pytest.mark.parametrize("text, names", [
    # a table with "Surname" and "Given name" columns read as lines: the two cells are two items (the surname in
    # capitals or not, after a particle in capitals), each redacted
    ("Contacts (not published)\nSurname\nGiven name\nTelephone\nPENHALIGON-ROWE\nTamsin\n07700 900 852\n",
     ["PENHALIGON-ROWE", "Tamsin"]),
    ("Surname\nGiven name\nE-mail\nKERNICK\nMorvoren\nm.kernick@harbour.example\n", ["KERNICK", "Morvoren"]),
    ("Family name\nForenames\nTelephone\nOyelaran-Quist\nBabajide\n0113 496 0771\n", ["Oyelaran-Quist", "Babajide"]),
    ("Surname\nFirst name\nPhone\nLO PRESTI\nGraziella\n+39 06 5550 2291\n", ["LO PRESTI", "Graziella"]),
])
def test_a_surname_column_beside_a_given_name_column(text, names):
    assert redacted(text) == names


def test_a_name_a_narrow_cell_wraps_stays_one_item():
    # no "Surname" / "Given name" header above: one cell wrapped word by word
    assert redacted("Role\nName\nPhone\nCase officer\nRutendo\nMavhunga\n020 7946 0622\n") == ["Rutendo Mavhunga"]


@pytest.mark.parametrize("text, name", [
    # an Irish surname in capitals written first, "Mac Giolla" before its last word, in a row of contacts
    ("Contacts (not published)\nMAC GIOLLA PHÁDRAIG, Conleth - 028-9649-6298\n", "MAC GIOLLA PHÁDRAIG, Conleth"),
    ("Parties\nNIC GIOLLA EASPAIG, Úna - 028 9018 0447\n", "NIC GIOLLA EASPAIG, Úna"),
])
def test_mac_giolla_in_capitals_surname_first(text, name):
    assert name in redacted(text)


def test_mac_giolla_ends_a_name_written_in_full():
    assert "Tadhg Mac Giolla" in redacted("The bidder was represented by Tadhg Mac Giolla on 00 353 21 910 0388.")


@pytest.mark.parametrize("text", ["Status\nNOTICE\nIssued\n01632 960 111\n", "Team\nFOI\nRequests\n0113 496 0112\n"])
def test_a_heading_in_capitals_over_a_word_is_no_name(text):
    assert redacted(text) == []
