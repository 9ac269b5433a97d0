"""The error classes found by measuring the fifteenth never-seen set once (tests/detect_papers/new, split
fifteenth) and the fourteenth's leftovers: each case is written here in words of its own, not copied from a
paper, so a rule made for the class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import redacted

REDACTED = [
    # three or four words no English word is: a given name and a father's and grandfather's name
    ("The panel: Idil Warsame (chair); Abdirahman Cabdi Faarax (casework officer); a clerk.",
     "Abdirahman Cabdi Faarax"),
    ("A letter from Nnamdi Chukwuebuka Ezeonwu was read.", "Nnamdi Chukwuebuka Ezeonwu"),
    # a list of names separated by semicolons wraps after a given name: the name goes on over the break,
    # and the given name alone is the person later
    ("Members: Ottoline Brisk-Amadi (chair); Sukhjinder \nPal Grewal-Hendry (adviser). The bid was weak, "
     "Sukhjinder said.", "Sukhjinder"),
    # "Surname, Given" in a row of contacts: a given name that is also a month, or no English word at all
    ("Role\nt.kerrigan@board.example\nNankivell, June\nPanel Adviser\n0161 496 0521\n", "Nankivell, June"),
    ("Role\n07700 900 318\nKamara, Isatu\nFormer tenant\n", "Kamara, Isatu"),
    # Outlook's "Surname, Given" with the surname's particle
    ("From: Ó Ceallaigh, Fionnuala <f.oc@ferries.example>\nTo: Bookings\nSubject: refund", "Ó Ceallaigh, Fionnuala"),
    # a narrow cell wraps inside a redacted surname: the rest of the word on the next line goes too
    ("Chair: Talulah Pennock-Ogunleye said so.\nName\nRole\nT. Pennock-Ogun\nleye\nChair\n", "T. Pennock-Ogunleye"),
    # the particle written in one form of the name and not in the other: one person, so the given name alone
    # is theirs
    # "Singh" and "Kaur" stand before the family name: a line break after them does not end the name
    ("Panel: Ann Ruddle (chair); Gurbaksh Pal Singh\nBirdi (lay). Legal adviser: Ola Fenn.", "Gurbaksh Pal Singh\nBirdi"),
    ("Present: Dr Jaspreet Kaur \nMinhas (medical adviser); others.", "Jaspreet Kaur \nMinhas"),
    # letters after a name do not make three unknown words part of a longer proper name
    ("Present: Harbhajan Kaur Sahota DL; Joan Bell.", "Harbhajan Kaur Sahota"),
    # a naval Lieutenant Commander is not the police chief rank of Commander: the policy redacts the name
    ("Apologies from Lt Cdr Ffion Argall-Mensah RN.", "Ffion Argall-Mensah"),
    # a surname in capitals first: wrapped inside its cell, or quoted in prose as a ballot paper shows it
    ("Child\nCaseworker\nMAMANI-TREGEAR\nTH, Illari\nAssess\nB. Hollis\n", "MAMANI-TREGEAR\nTH, Illari"),
    ('The ballot paper will read "PENHALIGON, Kerensa" as she asked.', "PENHALIGON, Kerensa"),
    # a family word with a qualifier before the given name, or the name quoted in brackets after it
    ("Applicants: Jolyon Pettifer and Blessing Pettifer-Okoye. Their adult son, Caspian, lives at home.", "Caspian"),
    ('Mrs Wiesława Kowal-Adebayo said her husband ("Bogdan" to the drivers) had been ill.', "Bogdan"),
    # a short form (also a word) greeting the person the message went to
    ("The engineer, Olamide Fashola-Brent, replied.\nFrom: Kowalczyk, Jan <jan.k@x.example>\nTo: Fashola-Brent, "
     "Olamide\nSubject: defect\nOla - 35mm today, edge breaking up.\nJan\n", "Ola"),
    # a panel role in brackets after a name whose surname is a word
    ("Panel: Kwame Boateng-Fry (vice-chair); Lachlan Swift (independent member); Hope Akintola-Ross (member).",
     "Lachlan Swift"),
    # an MP's caseworker is not the MP: the office in the next cell is another's ("MP's")
    ("Name\nRole\nMorwenna\nTrebilcock-Asante\nMP's\ncaseworker\n07700 900 628\n", "Morwenna Trebilcock-Asante"),
    # the Māori "Te" between a given name and a surname, and an initial before an Irish particle
    ("References from Mereana Te Rangi-Foster (former employer).", "Mereana Te Rangi-Foster"),
    ("Name\nRole\nÉ. Nic an tSionnaigh\nAgent\n01632 960 745\n", "É. Nic an tSionnaigh"),
    # an Afrikaans "Van der" with its capital, in a table row
    ("Candidate\nAgent\nCHUKWUMA-MOSS, Ngozi\nMarlize Van der Westhuizen-Hart\n+27 21 555 0173\n",
     "Marlize Van der Westhuizen-Hart"),
    # French compound initials
    ("Name\nRole\nDr J.-P. Castelnau-Obi\n-\n0121 496 0436\n", "J.-P. Castelnau-Obi"),
    # an initial and a surname that is a word, after a word of signing (no colon)
    ("The minutes were agreed. Signed J. Cook and A. Bright-Osei.", "J. Cook"),
    ("Panel: Duarte Fagundes da Ribeira (member).\nRef\nRIBEIRA, Duarte\nMember\nThe chair thanked Duarte for his work.", "Duarte"),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n.replace("\n", " ") for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


NOT_A_PERSON = [
    # a street named with a title, after a road number or a house number, or found by NER alone
    "The pothole is on the B4431, Lady Anne Lane, by the church.",
    "She moved to 27 King Alfred Road in May.",
    "The resident of Glanrhyd House, Pengarth Close, Abergele, was seen.",
    # a place and its county beside an address cell: it ends as a place does
    "Address\nAlnwick, Northumberland\n0191 496 0733\n",
    # a committee's name before a bracket, and a plural job word before a name, are not a name whole
    "Local Pension Board (Firefighters' Pension Schemes):\nminutes of the meeting",
    # a note in brackets on the next line is not part of the name before it
    "Panel: Ignatius \"Iggy\" Wrzesniewski-Coombe\n(SEN casework lead); the clerk.",
    # a surname that is a word is no row of a person
    "Role\nk.l@x.example\nBank, Grace\nSocial worker\n",
]


@pytest.mark.parametrize("text", NOT_A_PERSON)
def test_not_a_person(text):
    assert [r for r in redacted(text) if "Wrzesniewski" not in r] == []
    assert all(not r.endswith("SEN") for r in redacted(text))


STILL_PEOPLE = [
    # a titled person whose surname is a street word is still the person when acting
    ("Lady Philippa Lane said the estate would sell.", "Philippa Lane"),
    ("Mrs Penny Lane asked for the minutes.", "Penny Lane"),
]


@pytest.mark.parametrize("text, name", STILL_PEOPLE, ids=[n for _, n in STILL_PEOPLE])
def test_still_people(text, name):
    assert name in redacted(text)
