"""The error classes found by measuring the eighteenth never-seen set once (tests/detect_papers/new, split
eighteenth): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import kept, redacted

REDACTED = [
    # a name, a comma and what only a person is, in a table's cell
    ("Ref.\nRespondent\nWard\nR031\nPeregrine Tarrant, resident\nHollowmere\nSplit the ward.", "Peregrine Tarrant"),
    # a given name that is also a word, a lower-case particle, a surname no word is, in a cell
    ("Noted.\nR044\nMontague de Lisle-Osei\nHollowmere\nHollowmere has no link with Brackwater.", "Montague de Lisle-Osei"),
    # written surname first, alone in its cell, neither word an English one
    ("Not accepted.\nR052\nOkonkwo-Eze, Nnenna\nBrackwater\nSupports the draft.", "Okonkwo-Eze, Nnenna"),
    ("Name\nAgawu, Selasi\nTelephone\n", "Agawu, Selasi"),
    # ... a surname in capitals with its particle (the Māori "Te" too)
    ("Member\nTE WHAITI, Aroha\n+64 9 555 0142\n", "TE WHAITI, Aroha"),
    ("Member\nVAN DER LINDE, Griet\n+31 20 555 0143\n", "VAN DER LINDE, Griet"),
    # three words no English word is, the middle one a given name of the list
    ("The panel: Morag Lindsay-Crane (convener), Seonaidh Anna Dòmhnallach, and a lay member.",
     "Seonaidh Anna Dòmhnallach"),
    # headers printed one after another on a line, with no stop between, and a date after the last
    ("Extract:\nFrom: Mac an Fhleisdeir, Niall To: Wójcicka, Bożena 9 Mar 2038: \"The hall is booked.\"",
     "Mac an Fhleisdeir, Niall"),
    ("Extract:\nFrom: Mac an Fhleisdeir, Niall To: Wójcicka, Bożena 9 Mar 2038: \"The hall is booked.\"",
     "Wójcicka, Bożena"),
    ("From: Pengelly, Tamsin Sent: 2 June 2038 To: Ó Dálaigh, Fiachra; Okafor-Hurst,\nChibuzo Subject: CR/4",
     "Ó Dálaigh, Fiachra"),
    # a given name before a month written as a second given name another reading took for the first
    ("Panel: Jo Bell (chair), Katherine April Delacourt\n(conservation).", "Katherine April Delacourt"),
    # ... a header's entry wrapped after its comma
    ("From: Pengelly, Tamsin Sent: 2 June 2038 To: Ó Dálaigh, Fiachra; Okafor-Hurst,\nChibuzo Subject: CR/4",
     "Okafor-Hurst, Chibuzo"),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text, short", [
    # short forms no list holds: German and Dutch "-i", Polish "-ek", greeting and signing a quoted message
    ('From Wojciech Tomaszewski to Henrietta Lindqvist-Obi, 3 June 2037: "Henni, the chair rang about the hall. Thanks"',
     "Henni"),
    ('E-mail from Radosław Kaczmarek-Boateng to the clerk: "Can you send the plan? Radek"', "Radek"),
    ("Sent by Przemysław Nowicki-Adeyemi. Przemek\nTelephone 0113 496 0771", "Przemek"),
])
def test_short_forms_of_a_redacted_given_name(text, short):
    assert short in redacted(text)


@pytest.mark.parametrize("text, word", [
    # a job after a comma at the end of its cell says who the name before it is: the next cell is no name
    ("R014\nHenrietta Marsh-Obi, resident\nHollowmere Cross\nThe church is on both sides.", "Hollowmere"),
    # a club or firm may be an applicant: "applicant" after it makes no person
    ("G35-104\nClwb Pêl-droed Brackwater, applicant\n£9,900", "Brackwater"),
])
def test_not_redacted(text, word):
    assert not any(word in r for r in redacted(text))


@pytest.mark.parametrize("text, name", [
    # an office written with a Gaelic place keeps its articles and prefixed letters in lower case
    ("The panel noted the letter from the MP for Na h-Eileanan an Iar, \nSeumas Abernethy-Obi, about grants.",
     "Seumas Abernethy-Obi"),
])
def test_kept_office_holders(text, name):
    assert name in [" ".join(k.split()) for k in kept(text)]


def test_a_number_wrapped_where_its_first_line_is_only_a_possible_one():
    assert redacted("Representative\n+91 80 5550\n0416 (until\nMay)\n", "PHONE_NUMBER") == ["+91 80 5550 0416"]


@pytest.mark.parametrize("text, word", [
    # a statutory body named for its area, a programme's plural
    ("Healthwatch Wrekinshire visited on 3 May. HEALTHWATCH WREKINSHIRE\nEnter and View report", "Healthwatch"),
    ("Officers: Ambrose Tillotson (Head of Skills\nProgrammes). Minutes: Jo Bell.", "Programmes"),
])
def test_organisations_are_not_names(text, word):
    assert not any(word.casefold() in r.casefold() for r in redacted(text))
