"""Error classes left over from the twelfth to seventeenth never-seen sets (tests/detect_papers/new), fixed on 1
December 2026 after their rounds (the earlier sets' leftovers are in test_detect_leftover_classes.py): each case
is written here in words of its own, not copied from a paper, so a rule made for the class, not
for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import found, redacted

REDACTED = [
    # Scottish Gaelic surnames written joined, lenited after "Nic" ("NicGhillEathain"), alone or in a
    # double-barrelled surname
    ("Panel: Seonag NicGhillEathain (chairing member), Hamish Dunbar.", "Seonag NicGhillEathain"),
    ("Present: Wing Commander (Retd) \nRuairidh MacIlleMhoire-Oduya; Jo Frith DL.", "Ruairidh MacIlleMhoire-Oduya"),
    ("Members: Mairead NicLeòid-Bryce and two lay members.", "Mairead NicLeòid-Bryce"),
    # a person's initial before their surname in a table's name cell, whatever the next cell starts with
    ("The clerk, Béatrice De Gruchy-Mbeki (Greffe), took the minutes.\nName\nRole\nTelephone\n01632 960 488\n"
     "B. De\nGruchy-Mbeki\nCommittee\nclerk\n01632 960 489", "B. De Gruchy-Mbeki"),
    ("Inspector: Ottoline Vashti-Grebe.\nName\nTeam\n0113 496 0171\nO.\nVashti-Grebe\nLicensing\n", "O. Vashti-Grebe"),
    # a surname with a lower-case particle joined to it after a name another reading cut short
    ("The notice was sent by Officer Salma bint Idris al-Harthy, whose note says so.", "Salma bint Idris al-Harthy"),
    # two name words that end the name, after a line break inside it
    ("His niece, Linh\nPhạm Thu Trang, filed the return for him.", "Linh Phạm Thu Trang"),
    # a surname in capitals written first on its line (a table cell), the given names after it
    ("Relationship\nName\nTelephone\nFormer partner\nDUONG Thi Lan\n+44 (0)116 496 0733\n", "DUONG Thi Lan"),
    # an Arabic or Urdu compound given name joined by a lower-case particle, then the surname
    ("Co-opted members: Idris Penhallow and Zain ul-Abideen Qureshi-Lowe.", "Zain ul-Abideen Qureshi-Lowe"),
    ("The visit was led by Noor ud-Din Shafiq, who wrote the report.", "Noor ud-Din Shafiq"),
    # a double-barrelled surname whose first part is a thing's word ("Park", "Wood", "Green")
    ("Refund\nR-2037-612\nSeo-yeon Wood-Achterberg\n£84.10\n", "Seo-yeon Wood-Achterberg"),
    ("Present: Ottilie Green-Armytage (clerk).", "Ottilie Green-Armytage"),
    # given names alone after a family word in the plural ("their twins, A and B")
    ("The grant pays the trip for their twins, Eilidh and Torcuil. The family moved in 2033.", "Eilidh"),
    ("The grant pays the trip for their twins, Eilidh and Torcuil. The family moved in 2033.", "Torcuil"),
    # a name after a job noun and a colon
    ("Assessing social worker: Tegwen Harcombe. Applicants: a couple.", "Tegwen Harcombe"),
    # a particle in capitals left alone on the line above by a narrow cell
    ("Name\nRole\nDE\nGRUCHY-ABARA,\nTemitope\nChair\n01632 960 402\n", "DE GRUCHY-ABARA, Temitope"),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


@pytest.mark.parametrize("text", [
    "Dr Arthur Cooperwaite spoke. The A. Cooperwaite Trust paid the grant.",
])
def test_an_initial_and_surname_before_an_organisation_word_is_the_organisation(text):
    assert "A. Cooperwaite" not in redacted(text)


EMAILS = [
    # a sentence ending with a name above an address that starts its line: the name is not the address's
    ("The clerk is Aurélie Le Cornu-Baptista.\nk.lemarquandobi@gov.alderholm.example\nfor the chair",
     "k.lemarquandobi@gov.alderholm.example", "Aurélie Le Cornu-Baptista"),
    ("Write to Tobias Grenfell-Obi.\nt.grenfellobi@council.example", "t.grenfellobi@council.example",
     "Tobias Grenfell-Obi"),
]


@pytest.mark.parametrize("text, address, name", EMAILS, ids=[a for _, a, _ in EMAILS])
def test_an_address_on_its_own_line_takes_no_name_from_the_line_above(text, address, name):
    assert redacted(text, "EMAIL_ADDRESS") == [address]
    assert name in redacted(text)


def test_a_local_part_wrapped_in_lower_case_is_still_one_address():
    assert redacted("Contact pat.odris\ncoll@council.example today", "EMAIL_ADDRESS") == [
        "pat.odris coll@council.example"]


@pytest.mark.parametrize("text, abbreviation", [
    # a job's abbreviation in capitals before a name on its line is not a surname written first
    ("Seen by\nANP Heath Villanueva\non the ward", "ANP"),
    ("Officers present:\nTSO Declan Furphy visited the premises.", "TSO"),
])
def test_a_jobs_abbreviation_before_a_name_stays(text, abbreviation):
    assert redacted(text) and not any(abbreviation in r for r in redacted(text))


@pytest.mark.parametrize("text", ["We walked along Victoria Park-Lane and Sefton Park-Road to the depot."])
def test_a_place_joined_by_a_hyphen_ending_in_a_things_word_is_no_name(text):
    assert redacted(text) == []
