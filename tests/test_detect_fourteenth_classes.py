"""The error classes found by measuring the fourteenth never-seen set once (tests/detect_papers/new, split
fourteenth) and the thirteenth's leftovers: each case is written here in words of its own, not copied from a
paper, so a rule made for the class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import found, kept, redacted

REDACTED = [
    # the addressee of a message greeted with a dash ("Wen - "), as with a comma
    ("To: Dr LIANG Wen; Rota Desk <rota@blood.example>\nSubject: cover\nWen - the clinic is short tomorrow, "
     "so please ring the donors.", "Wen"),
    # a surname in capitals first ("LIANG Wen") is the same person as "Liang, Wen (Ben)" and "Wen" alone
    ("From: Liang, Wen (Ben)\nTo: Dr LIANG Wen\nWen - can you sign the rota?", "Wen"),
    # a short form that is also a word, read from the paper ("Rosalind" ... "Ros"), where a name acts
    ("Apologies from Rosalind Quarendon (Harbour Hotel); Ros sends her proxy to the Chair.", "Ros"),
    # ... or signs off a message after its last sentence
    ("From: Pengelly-Asante, Tamsin\nI am on 0113 496 0991 until six. Tam\n", "Tam"),
    # a surname, a comma and a listed given name alone in a cell
    ("G41-007\nClwb Nofio\nProthero, Sarah\n£4,000\n", "Prothero, Sarah"),
    # a surname in capitals first, in a cell, wrapped or not, with particles
    ("Ref\nKOWALCZYK-BROOME,\nZbigniew\nComplainant\n", "KOWALCZYK-BROOME, Zbigniew"),
    ("Ref\nÓ MAOLÁIN, Pádraigín\nCase officer\n", "Ó MAOLÁIN, Pádraigín"),
    ("Ref\nLE SUEUR-ADEYEMI, Folake\nMember\n", "LE SUEUR-ADEYEMI, Folake"),
    ("Appellant: ADEBOWALE-TRESIDDER, Olusola\n07700 900 417\n", "ADEBOWALE-TRESIDDER, Olusola"),
    # an initial and a surname alone in a cell: beside any short cell, or beside a job cell when the
    # surname is a word
    ("Treasurer\nP. Mason\n01632 960 733\n", "P. Mason"),
    ("K. Yeo\nData Protection Manager\nYes\n", "K. Yeo"),
    # a nickname between the given name and the surname across a line break, and a two-word nickname
    ("the allocated worker, Lorcan \n\"Lorky\" Abernethy-Osei; the safeguarder.", 'Lorcan \n"Lorky" Abernethy-Osei'),
    ('Present: Angus "Wee Angus" Drummond-Iheanacho and others.', 'Angus "Wee Angus" Drummond-Iheanacho'),
    # a States member's title ("Deputy", "Connétable") before the name
    ("Apologies from Deputy Carys Le Feuvre-Mbah. Deputy Mason declared an interest.", "Mason"),
    ("Connétable Hervé de la Mare of St Ouen attended.", "Hervé de la Mare"),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n.replace("\n", " ") for _, n in REDACTED])
def test_redacted(text, name):
    assert name in redacted(text) or " ".join(name.split()) in redacted(text)


NOT_A_PERSON = [
    "Ward\nAshford, Kent\n4\n",  # a town and its county: "Kent" is a name a word or place can be
    "Ref\nNHS, Trust\nMember\n",  # an abbreviation in capitals
    "Contents\nA. Introduction\nB. Background\n",  # a lettered heading
    "Options\nA. Proposal\nB. Alternatives\n",
    # "Deputy" before an office is part of the office, not a title before a name
    "The Deputy Director of Finance and the Deputy Head Teacher met the Deputy Chief Executive.",
]


@pytest.mark.parametrize("text", NOT_A_PERSON)
def test_not_a_person(text):
    assert redacted(text) == []


KEPT = [
    # an office whose subject is a list with "the" in an item
    ("The Minister for Children, Young People and Keeping the Promise, Morag Tennant-Oyelaran, replied.",
     "Morag Tennant-Oyelaran"),
    ("The Minister for Culture, Sport and the Welsh Language, Gwenllian Probert-Asare, will announce it.",
     "Gwenllian Probert-Asare"),
    # an office with its council after "of", and a long one more than 80 characters before the name
    ("The Cabinet Member for Adult Social Care and Health of Wealdmere Vale District Council, Cllr Tobias "
     "Renwick-Addo, sits on the board.", "Tobias Renwick-Addo"),
    # a minister's portfolio in brackets, and a States member's title after the office
    ("the UK Minister of State for Health (Secondary Care), Emrys Kallis-Trevena, had agreed", "Emrys Kallis-Trevena"),
    ("The Minister for Treasury and Resources, Deputy Ottilie Vibert-Mensah, has been asked.", "Ottilie Vibert-Mensah"),
    # an office line in a table does not run on into the next cell
    ("Cllr Ngaio Ashdown-Pryce\nCabinet Member for Regeneration\nReport\n", "Ngaio Ashdown-Pryce"),
]


@pytest.mark.parametrize("text, name", KEPT, ids=[n for _, n in KEPT])
def test_kept(text, name):
    assert name in kept(text)
    assert name not in redacted(text)


def test_found_kinds():
    """The helpers see every kind the cases use (guards the table against a renamed helper)."""
    assert found("Contact Zbigniew Kowalczyk-Broome on 0113 496 0991.", "PHONE_NUMBER")
