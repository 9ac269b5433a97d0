"""The error classes found by measuring the eighteenth never-seen set once (tests/detect_papers/new, split
eighteenth): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import redacted

REDACTED = [
    # a name, a comma and what only a person is, in a table's cell
    ("Ref.\nRespondent\nWard\nR031\nPeregrine Tarrant, resident\nHollowmere\nSplit the ward.", "Peregrine Tarrant"),
    # a given name that is also a word, a lower-case particle, a surname no word is, in a cell
    ("Noted.\nR044\nMontague de Lisle-Osei\nHollowmere\nHollowmere has no link with Brackwater.", "Montague de Lisle-Osei"),
    # written surname first, alone in its cell, neither word an English one
    ("Not accepted.\nR052\nOkonkwo-Eze, Nnenna\nBrackwater\nSupports the draft.", "Okonkwo-Eze, Nnenna"),
    ("Name\nAgawu, Selasi\nTelephone\n", "Agawu, Selasi"),
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
