"""Table-driven tests of the error classes the issue-12 "fresh" set (measured once, now a tuning set)
showed. Fictional people, Ofcom drama numbers; none of the set's names or phrases:
an office whose subject list wraps over a line or whose portfolio is in brackets, a name in apposition to
any post closed by commas, a profession in lower case before a name, a name in prose ended by a colon,
first names that stand alone as the person acted on or (when also a word) at a clause start with a verb,
maritime and armed forces titles, an address whose surname is double-barrelled, and a job written as a
title before a surname ("Charge Nurse Bell")."""

import pytest

from redaction.detect import find_in_text
from tests.detect_found import POLICY, found, redacted, kept


@pytest.mark.parametrize("text, name", [
    # the office's subject is a list that prose wraps before "and"
    ("The Minister for Schools, Skills\nand The Curriculum, Ottoline Brackwater-Fenn, was told of the plan.",
     "Ottoline Brackwater-Fenn"),
    # a portfolio in brackets after the office
    ("The Deputy Chief Constable (Crime), Hephzibah Ormerod, gave a statement on the effect.",
     "Hephzibah Ormerod"),
])
def test_office_holders_with_a_wrapped_subject_or_a_portfolio_are_kept(text, name):
    assert kept(text) == [name]
    assert redacted(text) == []


@pytest.mark.parametrize("text, names", [
    ("The COO, Lysander Quarrington, and the Bursar, Dr Ines Valcourt, have not been interviewed.",
     ["Lysander Quarrington", "Ines Valcourt"]),
    ("The Board's Member Champion for Heritage, Tobiah Wrenfield, is a co-opted member.",
     ["Tobiah Wrenfield"]),
    # lower-case profession before a name, letters after it
    ("The Council's valuer was the surveyor, Oswin Hartigan-Lowe FRICS, who inspected it.",
     ["Oswin Hartigan-Lowe"]),
])
def test_a_name_in_apposition_to_any_post_is_found(text, names):
    assert redacted(text) == names


@pytest.mark.parametrize("text", [
    "We visited the North West, South West, and Wales in May.",
    "The Council, Housing Services, and the Trust met in June.",
])
def test_apposition_needs_a_plausible_name(text):
    assert redacted(text) == []


def test_a_name_in_prose_ended_by_a_colon_is_whole():
    text = "Comments of the Head of Legal, Rosalind Achterberg: the scheme is lawful."
    assert redacted(text) == ["Rosalind Achterberg"]


@pytest.mark.parametrize("text, names", [
    # the person acted on, by first name
    ("The Assistant Director, Thaddeus Penwarden, is accountable; the team reports to Thaddeus. "
     "The Chair asked Thaddeus to leave.", ["Thaddeus Penwarden", "Thaddeus", "Thaddeus"]),
    # a first name that is also a word, at a clause start with a verb a person does
    ("The Group Manager, Faith Ollerenshaw, will sign. Faith will report each quarter in good faith.",
     ["Faith Ollerenshaw", "Faith"]),
    ("Ms Hazel Trenoweth gave evidence. The crews walked 3 miles; Hazel recorded each run.",
     ["Hazel Trenoweth", "Hazel"]),
    # a first name not a word, followed by a verb from the wider list
    ("The lead is Ysolde Marchbanks-Tey; Ysolde covers both sites.", ["Ysolde Marchbanks-Tey", "Ysolde"]),
])
def test_first_names_acted_on_or_word_names_at_a_clause_start(text, names):
    assert redacted(text) == names


@pytest.mark.parametrize("text", [
    "Ms Hope Castellane chaired. Hope will be needed by all of us.",
    "Mr Will Brackenbury wrote. The will was read; Will has been the subject of probate.",
])
def test_word_first_names_stay_words_where_no_person_acts(text):
    assert len(redacted(text)) == 1


@pytest.mark.parametrize("text, names", [
    ("The pilot, Capt Leopold Varnavides, boarded the vessel; Leopold said the tide turned.",
     ["Leopold Varnavides", "Leopold"]),
    ("The harbour master, Capt Ottilie\nGrenfell-Ashe, suspended the licence.", ["Ottilie Grenfell-Ashe"]),
    ("Lt Col Barnabas Heywood-Ince gave evidence for the garrison.", ["Barnabas Heywood-Ince"]),
])
def test_maritime_and_forces_titles_stay_outside_the_name(text, names):
    assert redacted(text) == names


def test_an_address_with_a_double_barrelled_surname_names_a_wrapped_cell():
    text = ("Name Role\nCorwin\nAshdown-Vale\nEstates\nSurveyor\n0161 496 0999 corwin.ashdown-vale@npa.example.lan")
    assert redacted(text) == ["Corwin Ashdown-Vale"]


def test_a_job_written_as_a_title_before_a_surname():
    text = ("The ward manager, Staff Nurse Pendlebury, keeps the records.\n"
            "Ward Manager Lorcan Pendlebury 07700 900 412")
    assert redacted(text) == ["Pendlebury", "Lorcan Pendlebury"]


@pytest.mark.parametrize("text, name", [
    # a table row read as one line: the next cell is a school or a church named after a saint
    ("APP/31/007 Ms Ebony Carrowmore Dunhaven Academy granted 07700 900 318", "Ebony Carrowmore"),
    ("APP/31/009 Mrs Rowena Quillfeather St Aidan's RC\nPrimary refused", "Rowena Quillfeather"),
])
def test_a_titled_name_ends_before_the_next_cells_organisation(text, name):
    assert redacted(text) == [name]


def test_a_named_benefactor_organisation_is_still_no_person():
    assert redacted("Mrs Jo Bellweather Memorial Trust gave funds.") == []


@pytest.mark.parametrize("text", [
    "The pilot boarded the MV Henrietta Caldwell at the outer buoy.",
    "Residents of Heol Tudur and Maes Gwilym were consulted on the decant.",
    "The Patient Experience Lead and the Tenant Liaison Officer attended.",
])
def test_vessels_welsh_places_and_job_lead_words_are_no_people(text):
    assert redacted(text) == []


def test_a_ranger_is_a_job_before_the_surname():
    text = "Ranger Tamsin Okonedo-Pike checked the site. Ranger Okonedo-Pike found the gate open."
    assert redacted(text) == ["Tamsin Okonedo-Pike", "Okonedo-Pike"]


def test_a_full_name_after_a_title_case_job_and_a_place_named_after_the_surname():
    text = ("CPN Vantongeren (Community Psychiatric Nurse Ilse Vantongeren) leads the pilot; "
            "Vantongeren Lane car park is not related.")
    assert redacted(text) == ["Vantongeren", "Ilse Vantongeren"]


def test_a_post_inside_a_longer_title_does_not_hide_the_name_after_it():
    text = "Apologies from ACFO Quenby (Assistant Chief Fire Officer Rosamund Quenby), who was away."
    assert [t for t, _ in found(text)] == ["Quenby", "Rosamund Quenby"]
    assert [t for t, _ in [(" ".join(text[m.start:m.end].split()), 0)
                           for m in find_in_text(text, policy=POLICY, ner=False) if m.type == "PERSON"]] \
        == ["Quenby", "Rosamund Quenby"]
