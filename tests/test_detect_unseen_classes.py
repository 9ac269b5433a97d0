"""Table-driven tests of the error classes the issue-12 "unseen" set (now a tuning set) and a new user's
trial showed. Fictional people, Ofcom drama numbers; none of the set's names or phrases:
a name known by surname whose e-mail gives the first name, addresses spelled out against harvesting or
wrapped mid-label in a cell, a party or trade word before or after an organisation's name, an office word
that ends a longer job title, an unknown role abbreviation before a name, the full name of a person known
by surname, posts before a name (as a title, in apposition, "the agent is ..."), prose wrapped after a
comma in a narrow column, word first names, places named by a landform or street word, possessive places,
foreign titles and more professions after a name."""

import pytest

from redaction.detect import find_in_text
from redaction.policy import DEFAULT_POLICY_FILE, load_policy

POLICY = load_policy(DEFAULT_POLICY_FILE)


def found(text, kind="PERSON", ner=True):
    return [(" ".join(text[m.start:m.end].split()), m.decision.action)
            for m in find_in_text(text, policy=POLICY, ner=ner) if m.type == kind]


def redacted(text, kind="PERSON"):
    return [t for t, action in found(text, kind) if action == "redact"]


@pytest.mark.parametrize("text, names", [
    # the surname is known from a title or an initial; the address gives the first name, written or not
    ("Name Role\nŻaneta\nKowalczyk\nSenior Lawyer\nzaneta.kowalczyk@legal.example.lan\nMs Kowalczyk advises.",
     ["Żaneta Kowalczyk", "Kowalczyk"]),
    ("Write to PERPETUA.OLDCASTLE@EXAMPLE.GOV.UK.\nPrepared by P. Oldcastle (Allotments Officer).\n"
     "Perpetua said the list has shrunk.", ["P. Oldcastle", "Perpetua"]),
])
def test_an_address_gives_the_first_name_of_a_known_surname(text, names):
    assert redacted(text) == names


@pytest.mark.parametrize("text, address", [
    ("Or write to jocasta dot fairlie at northmere dot gov dot uk today.",
     "jocasta dot fairlie at northmere dot gov dot uk"),
    ("Mail jo.fairlie [at] northmere [dot] gov [dot] uk now.", "jo.fairlie [at] northmere [dot] gov [dot] uk"),
    ("Mail jo(at)northmere.gov.uk now.", "jo(at)northmere.gov.uk"),
    # a narrow cell wrapped the address inside its last label: the fragment is alone on its line
    ("Name Role E-mail\nJo Fairlie Paramedic jo.fairlie@amb.nhs.l\nocal\nNext row", "jo.fairlie@amb.nhs.l ocal"),
])
def test_addresses_spelled_out_or_wrapped_mid_label(text, address):
    assert found(text, "EMAIL_ADDRESS") == [(address, "redact")]


@pytest.mark.parametrize("text", [
    "Guidance is available at gov.uk/guidance and at www.example.com today.",
    "We met at Leeds station at 3 pm and again at 10.30 at the hall.",
    "Mail jo@example.org\nand then call.",
])
def test_no_address_where_none_is_written(text):
    assert [t for t, _ in found(text, "EMAIL_ADDRESS")] in ([], ["jo@example.org"])


@pytest.mark.parametrize("text", [
    "Vendor Quillfast offered a licence discount on a seven year term.",
    "Bidder Norvance quoted a unit price per courier run.",
    "Grant recipient Brightmoor Youth is under review.",
    "Lot 2 goes to Heronsgate Cars and Lot 3 to Pebblecombe Minibuses.",
    "Patients were moved to the Sir Ambrose Tull Infirmary and the Lady Edith Crane Almshouses.",
])
def test_organisations_named_with_a_party_or_trade_word_are_no_people(text):
    assert redacted(text) == []


@pytest.mark.parametrize("text, name", [
    # "Leader" ends a longer job title here; it is not the council leader's office
    ("The call was taken by the Clinical Team\nLeader Morwenna Tregarthen at 02:10.", "Morwenna Tregarthen"),
    ("The Youth Team Leader Morwenna Tregarthen attended.", "Morwenna Tregarthen"),
])
def test_an_office_word_ending_a_longer_job_title_is_not_the_office(text, name):
    assert (name, "redact") in found(text)


def test_the_office_written_as_a_title_is_still_kept():
    assert found("Minutes. Leader Tobin Arkwright agreed the plan.") == [("Tobin Arkwright", "keep")]


@pytest.mark.parametrize("text, names", [
    # an unknown role abbreviation NER takes with the name stays outside it; the full name is found
    ("The DOM, DOM Quennell-Ashby (full name Hester Quennell-Ashby), reviewed the case.",
     ["Quennell-Ashby", "Hester Quennell-Ashby"]),
    ("ZTL Varnham (Zone Team Leader Corin Varnham) sent the crew.", ["Varnham", "Corin Varnham"]),
])
def test_role_abbreviation_and_full_name_of_a_known_surname(text, names):
    assert redacted(text) == names


@pytest.mark.parametrize("text, name", [
    ("The applicant's agent is Imelda Strickland-Voss of Fernbrook Planning LLP.", "Imelda Strickland-Voss"),
    ("Call-in requests go to the Statutory\nScrutiny Officer, Tamsin Okereke-Hale, at the town hall.",
     "Tamsin Okereke-Hale"),
    ("Officers present: Head of Legal Orla Penhaligon; Treasurer Lucan Threadgold.", "Lucan Threadgold"),
    # prose wrapped in a narrow column after a comma: the lone first name on its line starts the name
    ("Lot 4 goes to a local firm; the owner,\nBarnaby\nOkafor-Lisle, bid the lowest price.", "Barnaby Okafor-Lisle"),
    # a first name that is also a day or a virtue
    ("The proposal was prepared by Sunday Adebanjo-Kerr, Partnerships Officer.", "Sunday Adebanjo-Kerr"),
])
def test_names_after_a_post_or_wrapped_in_a_column(text, name):
    assert (name, "redact") in found(text)


@pytest.mark.parametrize("text", [
    "Action Lead Due\nEscalation training Jo Bellweather 31 January 2028",
    "Title: Replacement of Breathing Apparatus Sets",
])
def test_a_post_as_a_title_takes_no_row_or_heading_as_a_name(text):
    assert "Due Escalation" not in [t for t, _ in found(text)] and "Replacement" not in [t for t, _ in found(text)]


@pytest.mark.parametrize("text, place", [
    ("Extension of Hawksmoor Quarry, Pellow Lane, Upper Thornby.", "Pellow Lane"),
    ("Residents asked about parking on Delius Way.", "Delius Way"),
    ("The wildfire at Carrick Edge was contained. Carrick Edge, 9 May.", "Carrick Edge"),
    ("The MP for Thornbury Vale raised two cases.", "Thornbury Vale"),
    ("The French-owned Marlow Vale bid was lower.", "Marlow Vale"),
    ("Queen Anne General 2,114\nBrantwood Elsie Marchmont\nWing\n402", "Elsie Marchmont"),
])
def test_places_named_by_a_street_or_landform_word_are_no_people(text, place):
    assert all(place not in t for t, _ in found(text))


def test_a_possessive_place_is_not_the_person_of_that_surname():
    text = "Contact: Edwin Pargeter\nThe yard at Pargeter's Wharf was named after a shipwright."
    assert found(text) == [("Edwin Pargeter", "redact")]


@pytest.mark.parametrize("text, name", [
    ("Its director Mme Céleste Vautrin is on 00 33 1 99 00 47 12.", "Céleste Vautrin"),
    ("Name Role\nBronagh O'Kelly Firefighter bronagh.okelly@fire.example.lan", "Bronagh O'Kelly"),
])
def test_titles_and_jobs_stay_outside_the_name(text, name):
    assert (name, "redact") in found(text)


@pytest.mark.parametrize("text, names", [
    # a narrow cell wraps the name inside a word; the e-mail in the same row spells it
    ("Name Role\nTelep\nhone Email\nPrudence\nHalliwe\nll\nChief Ins\npector\n020\n7946\n0166\n"
     "prudence.halliwell@force.exa\nmple.uk", ["Prudence Halliwe ll"]),
    ("Name\nOctavius\nBramble\nthwaite\n0113 496 0001\noctavius.bramblethwaite@corp.example.lan",
     ["Octavius Bramble thwaite"]),
])
def test_a_name_wrapped_inside_a_word_is_found_from_its_address(text, names):
    assert redacted(text) == names


@pytest.mark.parametrize("text, name", [
    ("3.2. Fernleigh Advocacy's Imogen Ravensdale objected on access grounds.", "Imogen Ravensdale"),
    ("A person of interest, Mr Cathal Mac an tSionnaigh, was named. Mr Mac an tSionnaigh left.",
     "Cathal Mac an tSionnaigh"),
    ("Dr Eimear Ó hUallacháin attended.", "Eimear Ó hUallacháin"),
    ("Transport for Evander Whitlock-Moss (a looked-after child) stays in house.", "Evander Whitlock-Moss"),
])
def test_names_of_an_organisation_irish_particles_and_described_people(text, name):
    assert (name, "redact") in found(text)


def test_a_post_as_a_title_takes_a_name_over_a_break_in_prose():
    text = "Officers present: Deputy Chief Fire Officer Niamh \nGarroway; Treasurer Lucan Threadgold."
    assert found(text) == [("Niamh Garroway", "keep"), ("Lucan Threadgold", "redact")]


@pytest.mark.parametrize("text, signature", [
    ("I have decided to close the Millbrook Road front counter from 1 July. Signed:\nJo Bellamy-Tate, 3 May",
     None),
    ("Splue hunden. Signature", "Splue hunden."),
])
def test_a_sentence_before_signed_is_prose_not_a_signature(text, signature):
    sigs = [t for t, _ in found(text, "SIGNATURE")]
    assert sigs == ([signature] if signature else [])


@pytest.mark.parametrize("text", [
    "Report author: Tobin Arkwright, Housing Needs Manager. The Housing Needs Manager reported.",
    "Contact: Housing Needs Manager\nTelephone: 0161 496 0233",
    "Name\nHighways\nTeam\nLeader\n0161 496 0234",
])
def test_a_department_leading_a_job_title_is_no_name(text):
    assert all("Housing" not in t and "Highways" not in t for t, _ in found(text))
