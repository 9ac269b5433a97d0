"""The error classes found by measuring the sixteenth never-seen set once (tests/detect_papers/new, split
sixteenth): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import kept, redacted

REDACTED = [
    # a surname written first on its line, then a comma and initials or a given name: the rest of the name goes
    # with the surname, also when a bracket follows on the line
    ("Contact\nRole\nDr OKAFOR-LINDQVIST, R.\nreferral made; no reply\nDr Ruth Okafor-Lindqvist wrote twice.",
     "OKAFOR-LINDQVIST, R."),
    ("Name\nRole\nPettigrew, M. (DS)\nInvestigating officer\nDS Maud Pettigrew took the statement.",
     "Pettigrew, M."),
    ("Item\nDetail\nHolder\nQUAYE-ERIKSEN, Efua (trading as Quayside Cabs)\nLicensing officer\n"
     "Ms Efua Quaye-Eriksen appealed.", "QUAYE-ERIKSEN, Efua"),
    # ... a given name that is also a month or a word, after a surname in capitals
    ("Applicant\nOccupation\nPENBERTHY-OSEI, June\nretired nurse\nMs Penberthy-Osei was interviewed.",
     "PENBERTHY-OSEI, June"),
    # a double-barrelled given name, one half of it a known given name, before a surname no word is
    ("Chronology\nHousing\nwelfare visit; spoke to neighbour\nLily-Rose Penhallow\n4 March\n", "Lily-Rose Penhallow"),
    ("The student union president, Precious-Joy Mavundla, will be invited.", "Precious-Joy Mavundla"),
    # initials someone goes by, quoted between the given name and the surname
    ('Licence holder: Kwame "KB" Boakye-Hill, licence number held on file.', 'Kwame "KB" Boakye-Hill'),
    # a given name alone before the person's address (an initial and a surname) in brackets
    ("Counts attached. Bartosz (b.wierzbicki@batgroup.example, 0048 58 555 0312) did the June count.", "Bartosz"),
    # ... or a short form of a given name written in full elsewhere
    ("A second surveyor, Bartosz Wierzbicki, confirmed them.\nCounts attached. Bartek (b.wierzbicki@batgroup.example) "
     "did the June count.", "Bartek"),
]

KEPT = [
    # an office placed at a body whose name holds "of", then the office holder in apposition
    ("The Cabinet Member for Housing at the London Borough of Kestering, Cllr Hamish Oyelaran-Dunne, wrote in "
     "support of the scheme.", "Hamish Oyelaran-Dunne"),
    # an office's portfolio in brackets at the start of the next line, then the office holder in apposition
    ("The Minister reported that the UK Minister of State for Health\n(Primary Care), Ifor Castellano-Pryce, had "
     "agreed to extend the agreement.", "Ifor Castellano-Pryce"),
]

PHONES = [
    # a column of numbers a narrow cell wrapped between their groups: each number is whole, none takes the
    # next one's digits
    ("Name\nTelephone\nMobile\nKWARTENG, Abena\n01632 960\n417\n07700 900\n412\n", ["01632 960 417", "07700 900 412"]),
    ("Name\nTelephone\nMobile\nDOWLING, Cian\n029 2018\n0377\n07700900-381\n", ["029 2018 0377", "07700900-381"]),
]

NOT_CHANGED = [
    # a whole number at a line end keeps its digits; the next line is its own
    ("Ring 0161 496 0123\n0161 496 0999 out of hours.", ["0161 496 0123", "0161 496 0999"]),
    ("Call 020 7946 0571\n2. The custody record", ["020 7946 0571"]),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text, name", KEPT, ids=[n for _, n in KEPT])
def test_kept(text, name):
    assert name in kept(text) and not redacted(text)


def test_an_office_between_two_names_of_a_list_is_the_next_ones():
    # (the tenth set's leftover: the first name was kept with the office, a leak)
    text = ("Present: Councillor Morven Ashdale, the Leader of the Council, Councillor Torquil Brannan-Reid, and "
            "two co-opted members.")
    assert "Morven Ashdale" in redacted(text) and kept(text) == ["Torquil Brannan-Reid"]


@pytest.mark.parametrize("text, numbers", PHONES + NOT_CHANGED, ids=[t[:24] for t, _ in PHONES + NOT_CHANGED])
def test_phone_numbers(text, numbers):
    assert redacted(text, "PHONE_NUMBER") == numbers


NOT_EXTENDED = [
    # a comma after a surname mid-sentence, or words that are not a given name after it, are not the name
    ("Mr Hollings, London and Leeds agreed.", "Hollings"),
    ("Name\nRole\nHARGREAVE, Finance Manager\n", None),
    # a double-barrelled word before a place's or a firm's word is no given name
    ("The Rose-Marie Garden Centre and Anglo-French Holdings are sponsors.", None),
    # a body or a word before an address in brackets is no given name
    ("The Council (c.hardacre@council.example) replied. Send it by Teams (t.ojo@council.example).", None),
    # a list of two names with initials wrapped after the comma: the second initial is the next name's
    ("Present\nT. Bramwell-Oduya, K.\nFitzsimmons\nDuty officer\n", "T. Bramwell-Oduya"),
]


@pytest.mark.parametrize("text, name", NOT_EXTENDED, ids=[t[:20] for t, _ in NOT_EXTENDED])
def test_not_extended(text, name):
    found = redacted(text)
    assert all("," not in r for r in found), found
    if name:
        assert name in found
