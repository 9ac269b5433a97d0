"""The error classes found by measuring the twentieth never-seen set once (tests/detect_papers/new, split
twentieth): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import redacted

REDACTED = [
    # written surname first in capitals, the given name (a word too) and a middle initial after the comma
    ("Contacts (not for publication)\nName\nTelephone\nMADUEKWE-PRYS, Aneurin T.\n029 2018 0144\n",
     "MADUEKWE-PRYS, Aneurin T."),
    # ... a dash before the row's next field
    ("Contacts\nJIMCAALE, Ubah K. - 0117 496 0412 - ubah.j@internal.example\n", "JIMCAALE, Ubah K."),
    # two surnames written first, then the initial ("Figueiredo Pinto, O."), the second may be a word
    ("caseworker\n0191 498 0421\nCarvalhais Pinto, R.\nreferee\n+351 21 555 0166\n", "Carvalhais Pinto, R."),
    ("Owner\nOfori-Atta Mensah, K.\n0113 496 0733\n", "Ofori-Atta Mensah, K."),
    # an Irish compound particle in a header written surname first
    ("From: Okonjo, Adaeze Sent: 6 December 2039 To: Mac Giolla Chomhghaill, Dara\n\"Thanks.\"",
     "Mac Giolla Chomhghaill, Dara"),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text, name", [
    # armed forces other ranks are titles, outside the name
    ("The complainant, LCpl Ilham Al-Sharif, said SSgt Wróbel and Pte \nOkoro-Dale mocked her. Maj \nTrevelyan-Osei "
     "investigated.", "Ilham Al-Sharif"),
    ("The complainant, LCpl Ilham Al-Sharif, said SSgt Wróbel and Pte \nOkoro-Dale mocked her.", "Wróbel"),
    ("The complainant, LCpl Ilham Al-Sharif, said SSgt Wróbel and Pte \nOkoro-Dale mocked her.", "Okoro-Dale"),
    # a greeting before a name with a particle is no given name
    ('To: Mac Giolla Chomhghaill, Dara\n"Morning Mac Giolla Chomhghaill, the file is attached."', "Mac Giolla Chomhghaill"),
])
def test_titles_and_greetings_stay_outside_the_name(text, name):
    assert name in [" ".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text, name", [
    # the full name a letter or e-mail opens with
    ("Dear Clodagh Featherstonehaugh,\nWe write about your licence.", "Clodagh Featherstonehaugh"),
    ('"Hi Dr Ngozi Abernethy-Kalu, the panel meets on Monday."', "Ngozi Abernethy-Kalu"),
    # a post after a field label is no name; the name after it is
    ("Reviewing officer: Teodora Bălănescu. Seizing officer: Border Force Officer \nHamish Mac Aoidh.\nBackground",
     "Hamish Mac Aoidh"),
])
def test_names_after_greetings_and_posts(text, name):
    assert name in [" ".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text", ["Dear Chief Executive,\nThanks.", "Dear Licensing Team,\nThanks.",
                                  "Seizing officer: Border Force Officer on duty.\n"])
def test_offices_and_teams_after_a_greeting_or_label_are_no_names(text):
    assert redacted(text) == []
