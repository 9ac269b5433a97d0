"""The error classes found by measuring the nineteenth never-seen set once (tests/detect_papers/new, split
nineteenth): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import kept, redacted

REDACTED = [
    # a surname with its particle written first on its line, a comma and the initial
    ("E-mail\nsafeguarding@harriers.example\nNic Giolla Phádraig, S.\n+353 86 555 0147\n", "Nic Giolla Phádraig, S."),
    ("Date\nEvent\nWho\n3 Feb 2039\nvisit\nVan der Merwe-Obi, K.\nvisit note\n", "Van der Merwe-Obi, K."),
    # ... a surname that is a word, alone in its cell
    ("Names\nBaker, M.\nTelephone\n", "Baker, M."),
    # ... and the initial after the comma whatever follows it on the line
    ("Officers: Peregrine Ashdown-Mensah, Licensing Officer.\nDecision by\nAshdown-Mensah, P. under delegated powers",
     "Ashdown-Mensah, P."),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text, name", [
    # a first name signing off a quoted message, the quote closed after it
    ('Case officer: Lorcan Haverstock-Obi.\nFrom: Haverstock-Obi, Lorcan Sent: 3 May 2039\n"Please call us with '
     'any questions. Lorcan"\nContacts', "Lorcan"),
    # ... and a short form greeting the addressee at the start of a quoted message
    ('To: Haverstock-Obi, Lorcan\n"Lorc, the panel meets on 11 April."', "Lorc"),
])
def test_first_names_in_quoted_messages(text, name):
    assert name in redacted(text)


@pytest.mark.parametrize("text", ["Contents\nAppendix, A.\nSection, B. Costs of the scheme\n"])
def test_labels_written_like_surname_first_are_no_names(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, name, not_in", [
    # a verb that starts a sentence before a known person's given name is no part of the name
    ("Applicant: Mr Kwame Ashby-Pryce.\n\"Ring Kwame on 0117 496 0418 if you doubt it.\"", "Kwame", "Ring"),
])
def test_a_verb_before_a_given_name(text, name, not_in):
    found = redacted(text)
    assert name in found and not any(not_in in f for f in found)


@pytest.mark.parametrize("text", ["The holding, Cefn Bryngwyn, is 42 hectares. Hafod Uchaf lies to the north."])
def test_welsh_farm_names_are_places(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, name", [
    # one word closing a quoted message after its last sentence is the sender's first name
    ('From: Morgans-Ofosu, Eirlys\n"Ring the office on 0117 496 0419 if you doubt it. Bryt"\nDirection', "Bryt"),
    # ... and after a valediction that follows the last sentence on its line
    ('"My assistant signs the undertaking today. Best wishes, Ifeoma"\n\nContacts', "Ifeoma"),
])
def test_a_quoted_message_signed_by_one_word(text, name):
    assert name in redacted(text)


def test_a_sign_off_of_a_kept_office_holder_is_kept():
    text = ("We hold e-mails between the Chief Constable, Beatrix Colquhoun-Ashe, and the PCC.\n"
            '"Commissioner, the briefing is attached. Regards, Beatrix."\n')
    assert "Beatrix" in kept(text) and "Beatrix" not in redacted(text)


@pytest.mark.parametrize("text", ['"The hall is booked. Thanks"\n', '"We agreed. Done."\n'])
def test_a_quoted_message_closed_by_a_word_is_not_signed(text):
    assert redacted(text) == []


def test_an_address_naming_a_place_after_a_known_given_name_makes_no_second_person():
    # "iolo.cefnbryngwyn@..." (the farm after the given name): Iolo alone is still the Iolo named in full
    text = ("Applicant: Mr Iolo Prydderch, iolo.hafodwen@ffermpost.example.\n"
            '"Kwabs has the flight records. Iolo was abroad until March."')
    assert "Iolo" in redacted(text)


def test_a_double_barrelled_surname_written_as_its_initials_after_a_title():
    text = 'We referred Dr Ottoline Marwood-Achebe to the panel. "A family rang about Dr M-A\'s visits." Band A-B.'
    found = redacted(text)
    assert "M-A" in found and "A-B" not in found


def test_a_given_name_that_is_a_word_greeting_the_addressee_of_a_quoted_message():
    # NER reads the header's name on into the quote below; the greeting is the addressee's given name
    text = ("The senior partner, Dr Hope Akinwande-Sharp, referred it.\nReleased e-mails\n"
            "From: Scargill, Philomena Sent: 28 February 2039 08:47 To: Hope Akinwande-Sharp\n"
            '"Hope, a second family has rung about it. Phil"')
    found = redacted(text)
    assert "Hope" in found and "Hope Akinwande-Sharp" in found
